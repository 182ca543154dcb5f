#!/usr/bin/env bash
# One command: install dependencies, build, write the demo project and open it in the workbench.
#   installer/run-demo.sh [--rows N]
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
bash installer/build.sh cutover cutover-cli # not the tests: the demo needs only these
BUILD_DIR="${CUTOVER_BUILD_DIR:-build}"
DEMO_DIR="${CUTOVER_DEMO_DIR:-$BUILD_DIR/demo}"
"$BUILD_DIR/app/cutover-cli" demo "$DEMO_DIR" "$@"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo
  echo "No display found, so the window cannot open here. Run it under a virtual X server:"
  echo "  xvfb-run -a $BUILD_DIR/app/cutover $DEMO_DIR/demo.cutover"
  echo "or take a screenshot without a display:"
  echo "  QT_QPA_PLATFORM=offscreen $BUILD_DIR/app/cutover --screenshot cutover.png $DEMO_DIR/demo.cutover"
  exit 0
fi
exec "$BUILD_DIR/app/cutover" "$DEMO_DIR/demo.cutover"
