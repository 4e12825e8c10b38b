/// Reading data files into [dev.atelier.engine.data.Dataset]s with typed diagnostics.
@NullMarked
package dev.atelier.engine.data.io;

import org.jspecify.annotations.NullMarked;
