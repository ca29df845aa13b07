#!/usr/bin/env bash
# Runs every test case of a Boost.Test executable alone and fails if any of them PASSES.
# Used with the exercise tests built against the untouched stubs: a case that passes on a stub
# cannot tell a learner anything, so it is a defect in the tests.
set -u
exe=$1
# --list_content prints the tree of suites and cases, indented by 4 spaces a level, with '*'
# after each enabled one.
mapfile -t cases < <("$exe" --list_content 2>&1 | awk '
    { match($0, /^ */); depth = RLENGTH / 4; name = $0; sub(/^ */, "", name); sub(/\*$/, "", name)
      path[depth] = name; full = path[0]; for (d = 1; d <= depth; d++) full = full "/" path[d]
      print depth "\t" full }' | awk -F'\t' '
    NR > 1 && $1 <= prev_depth { print prev }   # the previous line had no children: a case
    { prev = $2; prev_depth = $1 } END { if (NR) print prev }')
if [[ ${#cases[@]} -eq 0 ]]; then
    echo "no test cases found in $exe"
    exit 1
fi
passed=()
for c in "${cases[@]}"; do
    if "$exe" --run_test="$c" --log_level=nothing --report_level=no >/dev/null 2>&1; then
        passed+=("$c")
        echo "PASSES ON THE STUB (a test that cannot fail): $c"
    else
        echo "fails on the stub, as it must: $c"
    fi
done
echo "${#cases[@]} cases run alone against the stubs: $((${#cases[@]} - ${#passed[@]})) failed as they must, ${#passed[@]} passed"
[[ ${#passed[@]} -eq 0 ]]
