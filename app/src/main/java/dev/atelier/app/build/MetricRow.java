package dev.atelier.app.build;

/// One validation metric on the results card.
///
/// @param key         the stable metric key (`accuracy`, `rmse`, ...)
/// @param name        its name in plain words
/// @param value       the value as shown ("86.4 %", "0.312")
/// @param explanation what it means and whether higher or lower is better, for the tooltip
public record MetricRow(String key, String name, String value, String explanation) {
}
