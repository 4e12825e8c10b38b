/// Long-running work off the FX thread: JobRunner, FxJob (javafx.concurrent.Task over an engine Job), the status bar model.
@NullMarked
package dev.atelier.app.common.jobs;

import org.jspecify.annotations.NullMarked;
