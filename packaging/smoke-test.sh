#!/usr/bin/env bash
# Installer smoke test: unpacks the .deb into a temporary root (as dpkg would install it, without touching the
# machine), runs the installed command line on a sample dataset, launches the installed studio under Xvfb and
# saves a screenshot, and measures cold start to the first window with and without the CDS archive.
#
#   packaging/smoke-test.sh [--deb FILE] [--runs N] [--screenshot FILE]
#
# Builds the installers first (packaging/build-installers.sh) when no .deb exists. Needs Xvfb and ImageMagick's
# `import` for the studio part (apt-get install xvfb imagemagick); prints sizes and timings at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
DEB=""
RUNS=3
SHOT="$ROOT/packaging/target/smoke/studio.png"
while [ $# -gt 0 ]; do
  case "$1" in
    --deb) DEB="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --screenshot) SHOT="$2"; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "smoke-test: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$DEB" ] || DEB=$(ls "$ROOT"/packaging/target/installer/atelier_*.deb 2>/dev/null | head -1 || true)
if [ -z "$DEB" ]; then
  "$ROOT/packaging/build-installers.sh" --types "app-image deb"
  DEB=$(ls "$ROOT"/packaging/target/installer/atelier_*.deb | head -1)
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/atelier-smoke.XXXXXX")
trap 'kill ${XVFB:-} 2>/dev/null || true; rm -rf "$WORK"' EXIT
FAKE_HOME="$WORK/home"
mkdir -p "$FAKE_HOME" "$(dirname "$SHOT")"
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }

echo "== Installing $(basename "$DEB") into $WORK/root"
dpkg-deb -x "$DEB" "$WORK/root"
APP="$WORK/root/opt/atelier"
[ -x "$APP/bin/atelier" ] && [ -x "$APP/bin/Atelier" ] || fail "launchers missing in $APP/bin"
ls "$APP"/lib/app/*.jsa >/dev/null 2>&1 && echo "CDS archive present" || echo "note: no CDS archive in the image"

echo "== Installed command line"
export HOME="$FAKE_HOME"
# the JVM takes user.home from the account, not from $HOME: point it (and ~/.atelier) at the temporary home
export JAVA_TOOL_OPTIONS="-Duser.home=$FAKE_HOME"
"$APP/bin/atelier" version || fail "atelier version"
DATA="$ROOT/sample-data/src/main/resources/dev/atelier/sampledata/loan-approval.csv"
if "$APP/bin/atelier" --help 2>/dev/null | grep -qE "^ +automl"; then
  "$APP/bin/atelier" automl --train "$DATA" --target approved --max-candidates 4 --budget 60 --seed 1 \
    --out "$WORK/automl" || fail "atelier automl"
  [ -f "$WORK/automl/leaderboard.json" ] && [ -d "$WORK/automl/model" ] || fail "automl outputs missing"
  MODEL="$WORK/automl/model"
else
  "$APP/bin/atelier" train --algorithm xgboost --hp num_round=50 --train "$DATA" --target approved \
    --out "$WORK/model" || fail "atelier train"
  MODEL="$WORK/model"
fi
"$APP/bin/atelier" predict --model "$MODEL" --data "$DATA" --out "$WORK/preds.csv" || fail "atelier predict"
ROWS=$(($(wc -l < "$WORK/preds.csv") - 1))
[ "$ROWS" -eq 2000 ] || fail "expected 2000 predictions, got $ROWS"
echo "predictions: $ROWS rows, e.g. $(sed -n 2p "$WORK/preds.csv")"
# nothing was downloaded: the natives came out of the installed jars
[ ! -d "$FAKE_HOME/.djl.ai/cache/repo" ] || fail "DJL downloaded something into ~/.djl.ai"

echo "== Installed studio under Xvfb"
command -v Xvfb >/dev/null || fail "Xvfb is not installed (apt-get install xvfb)"
DISPLAY_NUM=:$(( 80 + RANDOM % 9 ))
Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
sleep 1
export DISPLAY=$DISPLAY_NUM
JAVA_TOOL_OPTIONS="-Duser.home=$FAKE_HOME -Datelier.startup.probe=report" "$APP/bin/Atelier" studio --sample loan-approval \
  >"$WORK/studio.log" 2>&1 &
STUDIO=$!
for _ in $(seq 1 120); do
  grep -q "first window" "$WORK/studio.log" && break
  kill -0 "$STUDIO" 2>/dev/null || { cat "$WORK/studio.log" >&2; fail "the studio exited"; }
  sleep 1
done
grep -q "first window" "$WORK/studio.log" || fail "no studio window within 120 s"
sleep 20  # let the sample finish loading into the table (slower on a busy machine)
import -window root "$SHOT" || fail "screenshot"
kill "$STUDIO" 2>/dev/null || true
echo "screenshot: $SHOT"

echo "== Cold start to first window ($RUNS runs each)"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
start_ms() {
  JAVA_TOOL_OPTIONS="-Duser.home=$FAKE_HOME -Datelier.startup.probe=exit $1" timeout 120 \
    "$APP/bin/Atelier" studio --sample loan-approval 2>&1 \
    | sed -n 's/.*first window after \([0-9]*\) ms.*/\1/p'
}
WITH=$(for _ in $(seq "$RUNS"); do start_ms ""; done | median)
WITHOUT=$(for _ in $(seq "$RUNS"); do start_ms "-Xshare:off"; done | median)

echo "== Summary"
echo "installer:      $(du -h "$DEB" | cut -f1)  ($(basename "$DEB"))"
echo "installed size: $(du -sh "$APP" | cut -f1)"
echo "cold start, median of $RUNS: ${WITH} ms with CDS (default + AppCDS archive), ${WITHOUT} ms with -Xshare:off"
echo "SMOKE TEST PASSED"
