/// Random forest and extra trees on Atelier's own histogram CART (docs/adr/0007): trees are immutable node tables
/// that persist as JSON and that TreeSHAP can walk later.
@NullMarked
package dev.atelier.engine.learn.forest;

import org.jspecify.annotations.NullMarked;
