#!/usr/bin/env bash
# style.format: every C++ file of the project is laid out as .clang-format says. A file that
# clang-format would change is named; `clang-format -i FILE` fixes it.
set -u
root=$1
cd "$root" || exit 1
command -v clang-format >/dev/null || { echo "clang-format is missing (./nn test installs it)"; exit 1; }
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.hpp')
else
    mapfile -t files < <(find common lessons bench tests -name '*.cpp' -o -name '*.hpp' | grep -v node_modules)
fi
bad=0
for f in "${files[@]}"; do
    [[ -f $f ]] || continue
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
        echo "$f: not laid out as .clang-format says (clang-format -i $f)"
        bad=$((bad + 1))
    fi
done
echo "${#files[@]} files checked, $bad to reformat"
[[ $bad -eq 0 ]]
