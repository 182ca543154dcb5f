#!/usr/bin/env bash
# Fails, naming the files and lines, when a C++ file is not as clang-format (.clang-format)
# writes it, so that "clang-format before each commit" stays true.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null; then
    echo "clang-format is not installed (installer/install-deps.sh installs it)" >&2
    exit 1
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files '*.h' '*.cpp')
else
    mapfile -t files < <(find engine app ui models pdf tests \( -name '*.h' -o -name '*.cpp' \))
fi
clang-format --dry-run --Werror "${files[@]}"
echo "${#files[@]} files formatted as clang-format writes them"
