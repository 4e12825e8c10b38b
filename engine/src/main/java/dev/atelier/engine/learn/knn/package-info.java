/// SageMaker's k-nearest-neighbours algorithm: optional random projection (sign or fast Johnson–Lindenstrauss),
/// an exact (flat) or inverted-file (IVF) index, majority vote or mean of the neighbours (docs/adr/0007).
@NullMarked
package dev.atelier.engine.learn.knn;

import org.jspecify.annotations.NullMarked;
