/// Where Atelier keeps its files, and small user preferences.
@NullMarked
package dev.atelier.app.common.settings;

import org.jspecify.annotations.NullMarked;
