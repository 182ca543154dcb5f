#!/usr/bin/env bash
# Regenerates the pictures of the window that README and docs/ show, from the demo, so that they
# are always of the current window: every main view into build/screenshots/ (through
# tests/ui/screenshots.sh, with the workbench at QT_SCALE_FACTOR=2 too), the workbench as
# docs/screenshot.png, the preview with its violations as docs/preview.png, and the run monitor
# mid-run as docs/run-monitor.png.
#   installer/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/build.sh cutover cutover-cli view-shots
OUT_DIR="${CUTOVER_BUILD_DIR:-build}/screenshots"
bash tests/ui/screenshots.sh "$OUT_DIR"
cp "$OUT_DIR/workbench.png" docs/screenshot.png
cp "$OUT_DIR/preview.png" docs/preview.png
cp "$OUT_DIR/run-monitor.png" docs/run-monitor.png
echo "updated docs/screenshot.png, docs/preview.png and docs/run-monitor.png"
