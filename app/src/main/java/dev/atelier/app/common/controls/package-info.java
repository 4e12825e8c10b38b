/// Small reusable controls: MessageBar, TypeBadge, Icons.
@NullMarked
package dev.atelier.app.common.controls;

import org.jspecify.annotations.NullMarked;
