/// The Data screen's Data Quality & Insights tab: view, view-model and the tab wrapper.
@NullMarked
package dev.atelier.app.data.insights;

import org.jspecify.annotations.NullMarked;
