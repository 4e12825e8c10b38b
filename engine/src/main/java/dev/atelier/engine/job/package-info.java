/// Long-running work: [JobContext] (status, throttled progress, cooperative cancellation, child jobs) and the
/// tracked [Job] that UIs and the CLI watch.
@NullMarked
package dev.atelier.engine.job;

import org.jspecify.annotations.NullMarked;
