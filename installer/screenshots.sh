#!/usr/bin/env bash
# Regenerates the pictures of the window that README and docs/ show, from the demo, so that they
# are always of the current window: docs/screenshot.png, plus the same view at QT_SCALE_FACTOR=2
# in build/screenshots/ to look at for sharpness. Needs no display (offscreen platform).
#   installer/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/build.sh cutover cutover-cli
BUILD_DIR="${CUTOVER_BUILD_DIR:-build}"
DEMO_DIR="$BUILD_DIR/screenshots/demo"
OUT_DIR="$BUILD_DIR/screenshots"
rm -rf "$DEMO_DIR"
mkdir -p "$OUT_DIR"
"$BUILD_DIR/app/cutover-cli" demo "$DEMO_DIR" --rows 2000 >/dev/null
shoot() { # NAME SCALE
  QT_QPA_PLATFORM=offscreen CUTOVER_NO_KEYCHAIN=1 QT_SCALE_FACTOR="$2" \
    "$BUILD_DIR/app/cutover" --screenshot "$OUT_DIR/$1" "$DEMO_DIR/demo.cutover"
  echo "wrote $OUT_DIR/$1"
}
shoot window.png 1
shoot window@2x.png 2
cp "$OUT_DIR/window.png" docs/screenshot.png
echo "updated docs/screenshot.png"
