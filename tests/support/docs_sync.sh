#!/usr/bin/env bash
# Keeps each docs/NN-*.md true to its lesson: the block between "<!-- output -->" and
# "<!-- end output -->" must be the lesson's expected.txt (its real output, checked by the
# lesson's output test), and every lesson must have a page. The README's lesson table, between
# "<!-- lessons -->" and "<!-- end lessons -->", is written from lessons/lessons.txt.
#   docs_sync.sh ROOT --check           fail if a page is missing or out of date (a CTest test)
#   docs_sync.sh ROOT --write [PLOTS]   rewrite the blocks; copy the lessons' plots from PLOTS
set -u
root=$1 mode=$2 plots=${3:-}
status=0 checked=0
for lesson in "$root"/lessons/[0-9][0-9]_*/; do
    name=$(basename "$lesson")
    nn=${name%%_*}
    page=$(ls "$root"/docs/"$nn"-*.md 2>/dev/null | head -1)
    if [[ -z $page ]]; then
        echo "lesson $nn has no docs/$nn-*.md page"
        status=1
        continue
    fi
    if ! grep -q '^<!-- output -->$' "$page"; then
        echo "$page has no <!-- output --> block"
        status=1
        continue
    fi
    new=$(awk -v expected="$lesson/expected.txt" '
        /^<!-- output -->$/ { print; print "```text"; while ((getline line < expected) > 0) print line;
                              print "```"; skip = 1; next }
        /^<!-- end output -->$/ { skip = 0 }
        !skip { print }' "$page")
    checked=$((checked + 1))
    if [[ $mode == --write ]]; then
        printf '%s\n' "$new" >"$page"
        if [[ -n $plots ]]; then
            mkdir -p "$root/docs/img"
            # A lesson's --quick plots (what its output test draws) are not the docs' pictures.
            for png in "$plots"/"$nn"-*.png; do
                [[ -f $png && $png != *-quick.png ]] && cp "$png" "$root/docs/img/"
            done
        fi
    elif [[ $new != "$(cat "$page")" ]]; then
        echo "$page: its output block differs from $name/expected.txt (run ./nn docs)"
        status=1
    fi
    for img in $(grep -o 'img/[A-Za-z0-9_.-]*\.png' "$page"); do
        [[ -f $root/docs/$img ]] || { echo "$page shows $img, which is not in docs/"; status=1; }
    done
done
# The README's lesson table, from the manifest.
table=$(awk -F' [|] ' -v root="$root" '
    /^[0-9][0-9] [|]/ { page = ""; cmd = "ls " root "/docs/" $1 "-*.md 2>/dev/null | head -1"; cmd | getline page; close(cmd)
                        sub(".*/docs/", "docs/", page)
                        printf "| %s | %s | %s | [%s](%s) |\n", $1, $3, $4, page, page }' "$root/lessons/lessons.txt")
readme=$(awk -v table="$table" '
    /^<!-- lessons -->$/ { print; print "| NN | lesson | slides | docs |"; print "|---|---|---|---|"; print table; skip = 1; next }
    /^<!-- end lessons -->$/ { skip = 0 }
    !skip { print }' "$root/README.md")
if ! grep -q '^<!-- lessons -->$' "$root/README.md"; then
    echo "README.md has no <!-- lessons --> table"
    status=1
elif [[ $mode == --write ]]; then
    printf '%s\n' "$readme" >"$root/README.md"
elif [[ $readme != "$(cat "$root/README.md")" ]]; then
    echo "README.md: its lesson table differs from lessons/lessons.txt (run ./nn docs)"
    status=1
fi
echo "$checked pages checked, $([[ $status -eq 0 ]] && echo 0 || echo some) out of date"
exit $status
