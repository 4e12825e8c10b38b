/// Reading and writing Atelier's files: the one configured JSON mapper ([Json]), crash-safe writes
/// ([AtomicFiles]), content fingerprints ([Fingerprints]) and versioned project files ([ProjectStore]).
///
/// This is the only package that knows Jackson (an ArchUnit rule enforces it). Domain records carry no Jackson
/// annotations; where a record needs help to bind, a mix-in is registered in [Json]. Java serialization is never
/// used.
@NullMarked
package dev.atelier.engine.persist;

import org.jspecify.annotations.NullMarked;
