/// The Data screen: open files and samples, see rows, diagnostics and columns, choose column roles.
@NullMarked
package dev.atelier.app.data;

import org.jspecify.annotations.NullMarked;
