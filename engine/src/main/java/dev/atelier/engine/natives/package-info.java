/// Native libraries that some algorithms wrap (Smile's OpenBLAS/LAPACK/ARPACK, XGBoost, PyTorch through DJL):
/// [NativeLibraries#ensureLoaded] prepares them from the jars Atelier ships, with no system package and no
/// download (docs/adr/0006).
@NullMarked
package dev.atelier.engine.natives;

import org.jspecify.annotations.NullMarked;
