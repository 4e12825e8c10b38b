/// Light and dark themes by swapping the token stylesheet; following the operating system.
@NullMarked
package dev.atelier.app.common.theme;

import org.jspecify.annotations.NullMarked;
