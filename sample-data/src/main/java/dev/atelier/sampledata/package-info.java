/// Atelier's bundled sample datasets: the [dev.atelier.sampledata.SampleDatasets] catalogue, the
/// [dev.atelier.sampledata.SampleDataset] entries it lists, and the CSV files themselves as resources of this
/// package. This module depends on nothing, so the engine's tests and the app can both use it.
///
/// Nullness: everything is non-null unless its documentation says otherwise.
package dev.atelier.sampledata;
