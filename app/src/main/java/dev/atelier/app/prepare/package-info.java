/// The Prepare screen: the data-preparation recipe as a list of steps with a live before/after preview,
/// undo/redo, and recipe export/import (engine: `dev.atelier.engine.wrangle`).
package dev.atelier.app.prepare;
