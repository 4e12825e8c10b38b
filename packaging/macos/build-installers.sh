#!/usr/bin/env bash
# Builds Atelier's macOS installers (.dmg and .pkg) on a Mac with a JDK 25 (Temurin, aarch64 or x64).
# Same layout as packaging/build-installers.sh: jlink'd runtime with the JDK + JavaFX modules (the -mac or
# -mac-aarch64 JavaFX jars that Maven resolves on a Mac), the studio app bundle with the CLI as a second launcher
# (Atelier.app/Contents/MacOS/atelier), an AppCDS archive from a training run and the *.atelier association.
# Signing/notarisation: set MAC_SIGN_IDENTITY to a "Developer ID Application" identity to sign.
#   packaging/macos/build-installers.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JDK=${ATELIER_JAVA_HOME:-$(/usr/libexec/java_home -v 25)}
VERSION=0.1.0
OUT="$ROOT/packaging/target/installer"; STAGE="$ROOT/packaging/target/stage"
(cd "$ROOT" && ./mvnw -B -q -DskipTests install)
rm -rf "$OUT" "$STAGE"; mkdir -p "$OUT" "$STAGE/input" "$STAGE/fxmods"
for jar in "$ROOT"/app/target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-mac*.jar) cp "$jar" "$STAGE/fxmods/" ;;
    javafx-*.jar) ;;
    *) cp "$jar" "$STAGE/input/" ;;
  esac
done
cp "$(ls "$ROOT"/app/target/atelier-app-*.jar | grep -v -- -tests | head -1)" "$STAGE/input/atelier-app.jar"
cp "$ROOT/packaging/conf/logging.properties" "$STAGE/input/"
MODULES=$(grep -v '^#' "$ROOT/packaging/conf/runtime-modules.txt" | paste -sd, -)
"$JDK/bin/jlink" --module-path "$STAGE/fxmods" --add-modules "$MODULES" --strip-debug --no-header-files \
  --no-man-pages --compress=zip-6 --generate-cds-archive --output "$STAGE/runtime"
COMMON=(--name Atelier --app-version "$VERSION" --vendor "Atelier developers" --icon "$ROOT/packaging/macos/atelier.icns")
SIGN=(); [ -n "${MAC_SIGN_IDENTITY:-}" ] && SIGN=(--mac-sign --mac-signing-key-user-name "$MAC_SIGN_IDENTITY")
"$JDK/bin/jpackage" --type app-image --dest "$OUT" --input "$STAGE/input" --main-jar atelier-app.jar \
  --main-class dev.atelier.app.Main --runtime-image "$STAGE/runtime" \
  --add-launcher "atelier=$ROOT/packaging/linux/cli-launcher.properties" \
  --java-options '--enable-native-access=ALL-UNNAMED,javafx.graphics' \
  --java-options '--sun-misc-unsafe-memory-access=allow' --java-options '-Xss4m' \
  --java-options '-Djava.util.logging.config.file=$APPDIR/logging.properties' \
  --java-options '-XX:+AutoCreateSharedArchive' --java-options '-XX:SharedArchiveFile=$APPDIR/atelier.jsa' \
  --mac-package-identifier dev.atelier.studio --mac-app-category public.app-category.education \
  "${COMMON[@]}" "${SIGN[@]}"
JAVA_TOOL_OPTIONS=-Datelier.startup.probe=exit "$OUT/Atelier.app/Contents/MacOS/Atelier" || true
for type in dmg pkg; do
  "$JDK/bin/jpackage" --type "$type" --dest "$OUT" --app-image "$OUT/Atelier.app" "${COMMON[@]}" "${SIGN[@]}" \
    --file-associations "$ROOT/packaging/linux/project-association.properties" --license-file "$ROOT/LICENSE"
done
