/// The studio application: its composition root (AppServices) and StudioApplication, the JavaFX entry point.
@NullMarked
package dev.atelier.app.studio;

import org.jspecify.annotations.NullMarked;
