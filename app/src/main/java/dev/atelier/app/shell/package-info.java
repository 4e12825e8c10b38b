/// The main window: menu bar, navigation along the flow, placeholders for screens to come, status bar.
@NullMarked
package dev.atelier.app.shell;

import org.jspecify.annotations.NullMarked;
