#!/usr/bin/env bash
# Fails, naming the file and line, when an engine file includes a header of a district above its
# own (or of a sibling on its level), includes an engine header without naming its district,
# includes a Qt Gui or Widgets header, or uses libpq outside the run district. The levels below
# are the engine's layering, bottom first; districts on one line may not include each other.
set -euo pipefail
cd "$(dirname "$0")/../engine"

levels=(
    "core"
    "audit"
    "schema"
    "dialect"
    "connect"
    "project"
    "transform"
    "source"
    "automap preview validate demo"
    "run"
    "reconcile"
    "report"
    "runbook"
)

declare -A level
for i in "${!levels[@]}"; do
    for district in ${levels[$i]}; do
        level[$district]=$i
    done
done

failures=0
fail() {
    echo "$1" >&2
    failures=$((failures + 1))
}

for dir in */; do
    district=${dir%/}
    [[ -n ${level[$district]+x} ]] || fail "engine/$district: a district missing from the levels in tests/check-districts.sh"
done

table=""
for district in "${!level[@]}"; do
    table+="$district=${level[$district]} "
done

# One awk pass over every engine file: each finding is a line "file:line: what".
mapfile -t findings < <(find . \( -name '*.h' -o -name '*.cpp' \) | sed 's|^\./||' | sort |
    xargs awk -v table="$table" '
        BEGIN {
            n = split(table, pairs, " ")
            for (i = 1; i <= n; i++) { split(pairs[i], kv, "="); level[kv[1]] = kv[2] }
            gui = "^[ \t]*#[ \t]*include[ \t]*<(QtGui|QtWidgets|QWidget|QApplication|QGuiApplication|QImage|QPixmap|QPainter|QColor|QFont|QIcon|QTextDocument|QPdfWriter)[/>]"
        }
        FNR == 1 { split(FILENAME, parts, "/"); district = parts[1] }
        /^[ \t]*#[ \t]*include[ \t]*"/ {
            included = $0
            sub(/^[^"]*"/, "", included); sub(/".*$/, "", included)
            target = included; sub(/\/.*$/, "", target)
            where = "engine/" FILENAME ":" FNR ": "
            if (index(included, "/") == 0)
                print where "\"" included "\" does not name its district"
            else if (!(target in level))
                print where "\"" included "\" is in no district"
            else if (target != district && level[target] + 0 >= level[district] + 0)
                print where district " includes " included ", a district not below it"
        }
        $0 ~ gui { print "engine/" FILENAME ":" FNR ": the engine never uses Qt Gui or Widgets: " $0 }
        /^[ \t]*#[ \t]*include[ \t]*<libpq/ {
            if (district != "run") print "engine/" FILENAME ":" FNR ": only the run district uses libpq: " $0
        }
    ')
for finding in "${findings[@]}"; do
    fail "$finding"
done

if ((failures > 0)); then
    echo "$failures include(s) against the engine's layering" >&2
    exit 1
fi
echo "every engine include goes to its own district or one below it"
