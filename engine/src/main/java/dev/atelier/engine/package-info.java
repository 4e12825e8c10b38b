/// Atelier's headless engine. Never imports JavaFX, AWT or Swing (enforced by an ArchUnit test).
@NullMarked
package dev.atelier.engine;

import org.jspecify.annotations.NullMarked;
