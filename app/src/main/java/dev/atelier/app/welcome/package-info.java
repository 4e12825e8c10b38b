/// First run: the welcome screen (samples, recent projects, your own data, the guided tour) and the guided tour
/// for teaching demos, a non-modal coach panel that walks the main window through import → prepare → build →
/// leaderboard → explain → bias. Plugged into the main window through a few small hooks; see [FirstRun].
@NullMarked
package dev.atelier.app.welcome;

import org.jspecify.annotations.NullMarked;
