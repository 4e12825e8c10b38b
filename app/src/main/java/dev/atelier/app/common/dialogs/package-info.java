/// Error presentation, modal questions and file pickers, each behind an interface with a JavaFX implementation.
@NullMarked
package dev.atelier.app.common.dialogs;

import org.jspecify.annotations.NullMarked;
