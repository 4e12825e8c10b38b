/// Typed errors ([AtelierException] with an [ErrorCode]) and recoverable [Diagnostic]s.
@NullMarked
package dev.atelier.engine.error;

import org.jspecify.annotations.NullMarked;
