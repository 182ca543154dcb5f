#!/usr/bin/env bash
# One command: install dependencies, build, and run every test with ctest. The tests start their
# own PostgreSQL and MariaDB servers on loopback in temporary directories and stop them.
# Benchmarks (tests/bench) are not part of this run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
bash installer/build.sh
BUILD_DIR="${CUTOVER_BUILD_DIR:-build}"
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel 2 --timeout 900
