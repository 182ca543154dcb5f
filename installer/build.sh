#!/usr/bin/env bash
# Configures and builds Cutover in ./build (Release with debug info). Used by the two README
# commands; safe to run again: only what changed is rebuilt.
#   installer/build.sh [TARGET...]   only these targets (run-demo.sh: the two programs), else all
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${CUTOVER_BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
TARGETS=()
for target in "$@"; do TARGETS+=(--target "$target"); done
cmake --build "$BUILD_DIR" --parallel "$(nproc)" "${TARGETS[@]}"
