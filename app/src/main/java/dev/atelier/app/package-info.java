/// The Atelier desktop application: the JavaFX studio and the command line, thin layers over the engine.
@NullMarked
package dev.atelier.app;

import org.jspecify.annotations.NullMarked;
