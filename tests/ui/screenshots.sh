#!/usr/bin/env bash
# tests/ui/screenshots.sh OUT_DIR: writes the demo to a temporary folder and saves one PNG per
# main view of the window into OUT_DIR (workbench.png, project-tree.png, mapping-editor.png, ...),
# plus workbench@2x.png at QT_SCALE_FACTOR=2, using the built programs under Xvfb (offscreen when
# xvfb-run is missing). Look at every picture before calling a view done.
set -euo pipefail
OUT_DIR="${1:?usage: tests/ui/screenshots.sh OUT_DIR}"
cd "$(dirname "$0")/../.."
BUILD_DIR="${CUTOVER_BUILD_DIR:-build}"
cmake --build "$BUILD_DIR" --target cutover-cli view-shots runbook-shots >/dev/null
mkdir -p "$OUT_DIR"
OUT_DIR="$(cd "$OUT_DIR" && pwd)"
DEMO_DIR="$(mktemp -d)"
trap 'rm -rf "$DEMO_DIR"' EXIT
"$BUILD_DIR/app/cutover-cli" demo "$DEMO_DIR" --rows 2000 >/dev/null
# a run and its reconciliation, so the project tree has history to show
"$BUILD_DIR/app/cutover-cli" run "$DEMO_DIR/demo.cutover" >/dev/null
"$BUILD_DIR/app/cutover-cli" reconcile "$DEMO_DIR/demo.cutover" >/dev/null || true
# a bigger demo for the run monitor, whose run lasts long enough to be shot mid-run
"$BUILD_DIR/app/cutover-cli" demo "$DEMO_DIR/run" --rows 15000 >/dev/null
export CUTOVER_NO_KEYCHAIN=1 XDG_CONFIG_HOME="$DEMO_DIR/config"
run() { # SCALE OUT
  if command -v xvfb-run >/dev/null; then
    QT_SCALE_FACTOR="$1" xvfb-run -a -s "-screen 0 1600x1000x24" \
      "$BUILD_DIR/tests/ui/view-shots" "$DEMO_DIR/demo.cutover" "$2" "$DEMO_DIR/run/demo.cutover"
  else
    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR="$1" \
      "$BUILD_DIR/tests/ui/view-shots" "$DEMO_DIR/demo.cutover" "$2" "$DEMO_DIR/run/demo.cutover"
  fi
}
run 1 "$OUT_DIR"
run 2 "$DEMO_DIR/x2"
for view in workbench canvas-overview canvas-columns canvas-suggestions; do
  cp "$DEMO_DIR/x2/$view.png" "$OUT_DIR/$view@2x.png"
  echo "wrote $OUT_DIR/$view@2x.png"
done

# The runbook at 1920x1080, the size of a projector: a rehearsal carried out up to the go / no-go
# gate with one of its two sign-offs, through the real cutover-cli.
RB="$DEMO_DIR/runbook"
"$BUILD_DIR/app/cutover-cli" demo "$RB" --rows 2000 >/dev/null
runbook() { "$BUILD_DIR/app/cutover-cli" runbook "$RB/demo.cutover" "$@" >/dev/null; }
runbook start --rehearsal
for step in freeze notify-stakeholders; do runbook step "$step" done; done
for step in backup-target dry-run; do runbook run "$step"; done
runbook step review-quarantine done
for step in load-reference-data run-wave-1 reconcile-wave-1 run-wave-2 incremental-sync \
  final-reconcile; do
  runbook run "$step"
done
runbook signoff go-no-go --name "Dr. Ines Roth" --role "Clinical director" --decision approve \
  --comment "Wave 1 figures checked with the ward leads"
if command -v xvfb-run >/dev/null; then
  xvfb-run -a -s "-screen 0 1920x1080x24" "$BUILD_DIR/tests/ui/runbook-shots" "$RB/demo.cutover" "$OUT_DIR"
else
  QT_QPA_PLATFORM=offscreen "$BUILD_DIR/tests/ui/runbook-shots" "$RB/demo.cutover" "$OUT_DIR"
fi
