#!/usr/bin/env bash
# Regenerates the pictures of the window that README and docs/ show, from the demo, so that they
# are always of the current window: every main view into build/screenshots/ (through
# tests/ui/screenshots.sh, with the workbench at QT_SCALE_FACTOR=2 too), the workbench as
# docs/screenshot.png, the preview with its violations as docs/preview.png, and the run monitor
# mid-run as docs/run-monitor.png, and the pictures of docs/guide.md into docs/guide/.
#   installer/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/build.sh cutover cutover-cli view-shots
OUT_DIR="${CUTOVER_BUILD_DIR:-build}/screenshots"
bash tests/ui/screenshots.sh "$OUT_DIR"
cp "$OUT_DIR/workbench.png" docs/screenshot.png
cp "$OUT_DIR/preview.png" docs/preview.png
cp "$OUT_DIR/run-monitor.png" docs/run-monitor.png
# docs/guide.md's walk through the demo
mkdir -p docs/guide
while read -r shot picture; do
  cp "$OUT_DIR/$shot.png" "docs/guide/$picture.png"
done <<'PICTURES'
connection-dialog connection
wizard-suggestions wizard
canvas-columns canvas
quarantine quarantine
phase-editor phases
report-viewer report
advisor advisor
runbook runbook
presentation-gonogo presentation-gonogo
PICTURES
echo "updated docs/screenshot.png, docs/preview.png, docs/run-monitor.png and docs/guide/"
