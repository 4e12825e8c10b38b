#!/usr/bin/env bash
# Builds Atelier's Linux installers: a jlink'd runtime (only the JDK and JavaFX modules Atelier needs), an
# app-image with two launchers (the studio "Atelier" and the command line "atelier"), an AppCDS archive made by a
# training run, then a .deb (and an .rpm when rpmbuild is installed).
#
#   packaging/build-installers.sh [--no-build] [--no-cds] [--packages-only] [--types "app-image deb rpm"]
#   (--packages-only: package the existing app-image in packaging/target/installer/Atelier again)
#
# Output: packaging/target/installer/{Atelier (app-image), atelier_<version>_amd64.deb, ...}
# Needs: a JDK 25 (found like the launcher finds it), dpkg-deb + fakeroot for .deb, rpmbuild for .rpm,
#        Xvfb for the studio part of the CDS training run (without it only the CLI part is archived).
# Windows and macOS: see packaging/windows/ and packaging/macos/ (built on those systems by CI).
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
BUILD=1
CDS=1
PACKAGES_ONLY=0
TYPES="app-image deb rpm"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --no-cds) CDS=0 ;;
    --packages-only) PACKAGES_ONLY=1; BUILD=0 ;;
    --types) TYPES="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "build-installers: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

JDK=$("$ROOT/packaging/setup/find-jdk.sh" 25) || { echo "build-installers: no JDK 25 found" >&2; exit 1; }
VERSION=$(sed -n 's|^  <version>\([0-9.]*\).*</version>|\1|p' "$ROOT/pom.xml" | head -1)
OUT="$ROOT/packaging/target/installer"
STAGE="$ROOT/packaging/target/stage"
LIB="$ROOT/app/target/lib"
APP_JAR="$ROOT/app/target/atelier-app-$VERSION-SNAPSHOT.jar"
[ -f "$APP_JAR" ] || APP_JAR=$(ls "$ROOT"/app/target/atelier-app-*.jar 2>/dev/null | grep -v -- '-tests' | head -1 || true)

step() { printf '\n== %s\n' "$*" >&2; }

if [ "$BUILD" = 1 ]; then
  step "Building the jars (Maven, tests skipped)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests install)
  APP_JAR=$(ls "$ROOT"/app/target/atelier-app-*.jar | grep -v -- '-tests' | head -1)
fi
[ -f "$APP_JAR" ] || { echo "build-installers: $APP_JAR is missing; run without --no-build" >&2; exit 1; }

COMMON=(
  --name Atelier --app-version "$VERSION" --vendor "Atelier developers"
  --description "A no-code machine-learning studio: data, training, evaluation, explanations and bias, offline."
  --copyright "GPL-3.0-or-later"
  --icon "$ROOT/packaging/linux/atelier.png"
)
IMAGE="$OUT/Atelier"
if [ "$PACKAGES_ONLY" = 0 ]; then
rm -rf "$OUT" "$STAGE"
mkdir -p "$OUT" "$STAGE/input" "$STAGE/fxmods"

step "Staging the application jars"
# JavaFX goes into the runtime image as modules (its platform jars are modular and carry their natives);
# everything else, natives for OpenBLAS/ARPACK, XGBoost and PyTorch included, travels as jars on the class path.
for jar in "$LIB"/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-linux.jar) cp "$jar" "$STAGE/fxmods/" ;;
    javafx-*.jar) ;;                      # the empty placeholder jars beside the platform ones
    *) cp "$jar" "$STAGE/input/" ;;
  esac
done
cp "$APP_JAR" "$STAGE/input/atelier-app.jar"
cp "$ROOT/packaging/conf/logging.properties" "$STAGE/input/"

step "Linking the runtime (jlink)"
MODULES=$(grep -v '^#' "$ROOT/packaging/conf/runtime-modules.txt" | paste -sd, -)
"$JDK/bin/jlink" --module-path "$STAGE/fxmods" --add-modules "$MODULES" \
  --strip-debug --no-header-files --no-man-pages --compress=zip-6 --generate-cds-archive \
  --output "$STAGE/runtime"

JAVA_OPTIONS=(
  --java-options '--enable-native-access=ALL-UNNAMED,javafx.graphics'
  --java-options '--sun-misc-unsafe-memory-access=allow'
  --java-options '-Xss4m'
  --java-options '-Djava.util.logging.config.file=$APPDIR/logging.properties'
  --java-options '-XX:+AutoCreateSharedArchive'
  --java-options '-XX:SharedArchiveFile=$APPDIR/atelier.jsa'
  --java-options '-Xlog:cds=off,cds+dynamic=off'
)

step "Creating the app-image (jpackage)"
"$JDK/bin/jpackage" --type app-image --dest "$OUT" \
  --input "$STAGE/input" --main-jar atelier-app.jar --main-class dev.atelier.app.Main \
  --runtime-image "$STAGE/runtime" \
  --add-launcher "atelier=$ROOT/packaging/linux/cli-launcher.properties" \
  "${JAVA_OPTIONS[@]}" "${COMMON[@]}"
IMAGE="$OUT/Atelier"

if [ "$CDS" = 1 ]; then
  step "Training run for the AppCDS archive"
  JSA="$IMAGE/lib/app/atelier.jsa"
  SAMPLE_DIR=$(mktemp -d)
  # -XX:+AutoCreateSharedArchive (in the launcher's options) writes the archive at the end of a run while the
  # image folder is writable, i.e. here; installed copies only read it. JAVA_TOOL_OPTIONS reaches the JVM of a
  # jpackage launcher (JDK_JAVA_OPTIONS does not).
  if command -v Xvfb >/dev/null 2>&1; then
    DISPLAY_NUM=:$(( 90 + RANDOM % 9 ))
    Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 >/dev/null 2>&1 &
    XVFB=$!
    sleep 1
    # the studio opens the sample, draws its first frame and quits (see StartupProbe); user.home points at a
    # temporary folder (the JVM ignores $HOME), so the build machine's own ~/.atelier is not touched
    DISPLAY=$DISPLAY_NUM JAVA_TOOL_OPTIONS="-Duser.home=$SAMPLE_DIR -Datelier.startup.probe=exit" timeout 180 \
      "$IMAGE/bin/Atelier" studio --sample loan-approval >/dev/null 2>&1 || true
    kill "$XVFB" 2>/dev/null || true
  else
    echo "build-installers: no Xvfb; the CDS archive covers the command line only" >&2
    JAVA_TOOL_OPTIONS="-Duser.home=$SAMPLE_DIR" "$IMAGE/bin/atelier" algorithms >/dev/null 2>&1 || true
  fi
  rm -rf "$SAMPLE_DIR"
  [ -f "$JSA" ] && echo "CDS archive: $(du -h "$JSA" | cut -f1)" >&2 || echo "build-installers: no CDS archive was written" >&2
fi

fi
[ -d "$IMAGE" ] || { echo "build-installers: no app-image at $IMAGE" >&2; exit 1; }

for type in $TYPES; do
  case "$type" in
    app-image) ;;
    deb|rpm)
      if [ "$type" = deb ] && ! command -v dpkg-deb >/dev/null; then echo "skip .deb: dpkg-deb missing" >&2; continue; fi
      if [ "$type" = rpm ] && ! command -v rpmbuild >/dev/null; then echo "skip .rpm: rpmbuild missing (apt-get install rpm)" >&2; continue; fi
      step "Packaging .$type"
      # JavaFX loads GTK 3 and OpenGL at run time (ldd cannot see it): name them as each family spells them
      if [ "$type" = deb ]; then PLATFORM_DEPS=(--linux-package-deps "libgtk-3-0, libgl1")
      else PLATFORM_DEPS=(--linux-package-deps "gtk3, mesa-libGL" --linux-rpm-license-type "GPL-3.0-or-later"); fi
      # zstd: ~10x faster to build than dpkg-deb's default xz on 2 cores, read by dpkg >= 1.21.18 (Debian 12,
      # Ubuntu >= 21.10); DPKG_DEB_COMPRESSOR_TYPE=xz gives the smallest, most compatible .deb
      export DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-zstd} DPKG_DEB_COMPRESSOR_LEVEL=${DPKG_DEB_COMPRESSOR_LEVEL:-9}
      "$JDK/bin/jpackage" --type "$type" --dest "$OUT" --app-image "$IMAGE" "${COMMON[@]}" \
        --file-associations "$ROOT/packaging/linux/project-association.properties" \
        --license-file "$ROOT/LICENSE" \
        --linux-package-name atelier --linux-app-category science --linux-menu-group "Science;Education" \
        "${PLATFORM_DEPS[@]}" --linux-shortcut --install-dir /opt
      if [ "$type" = deb ] && [ -f "$IMAGE/lib/app/atelier.jsa" ]; then
        # The AppCDS archive records the jars' modification times, and jpackage's copy into the package does not
        # keep them: put the app-image's times back into the .deb (dpkg keeps them on installation).
        step "Restoring the app-image's file times in the .deb (for the CDS archive)"
        DEB_FILE=$(ls -t "$OUT"/atelier_*.deb | head -1)
        REPACK=$(mktemp -d)
        dpkg-deb -R "$DEB_FILE" "$REPACK/pkg"
        (cd "$IMAGE" && find . -type f) | while IFS= read -r f; do
          [ -e "$REPACK/pkg/opt/atelier/$f" ] && touch -r "$IMAGE/$f" "$REPACK/pkg/opt/atelier/$f"
        done
        dpkg-deb --root-owner-group -b "$REPACK/pkg" "$DEB_FILE" >/dev/null
        rm -rf "$REPACK"
      fi
      ;;
    *) echo "build-installers: unknown type $type" >&2; exit 2 ;;
  esac
done

step "Done"
du -sh "$IMAGE" >&2
ls -l "$OUT" >&2
