/// The open project (ProjectState), the File menu commands, recent projects, and adapters to the engine.
@NullMarked
package dev.atelier.app.project;

import org.jspecify.annotations.NullMarked;
