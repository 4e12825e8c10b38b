/// The seeded generator behind the bundled sample CSVs: one recipe per dataset, each documenting the structure
/// it plants (formulas, coefficients, bias, missing values, duplicates) as ground truth for tests.
/// Run [dev.atelier.sampledata.generate.SampleDataGenerator] to regenerate the files.
package dev.atelier.sampledata.generate;
