/// The Data Quality & Insights report: the profile's warnings plus target leakage, a quick model with per-feature
/// prediction power, duplicate rows listed, outlier examples and anomalous rows (Random Cut Forest).
@org.jspecify.annotations.NullMarked
package dev.atelier.engine.data.insights;
