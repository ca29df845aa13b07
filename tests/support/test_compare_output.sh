#!/usr/bin/env bash
# Tests of compare_output: what it must accept and what it must reject.
set -u
tool=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
expect() {  # expect <pass|fail> <description> <expected text> <actual text>
    printf '%s' "$3" >"$dir/expected"
    printf '%s' "$4" >"$dir/actual"
    "$tool" "$dir/expected" -- cat "$dir/actual" >/dev/null 2>&1
    local code=$?
    if [[ $1 == pass && $code -ne 0 ]] || [[ $1 == fail && $code -eq 0 ]]; then
        echo "FAIL: $2 (exit $code)"
        failures=$((failures + 1))
    else
        echo "ok: $2"
    fi
}
expect pass "identical output" $'C = 140\nok\n' $'C = 140\nok\n'
expect pass "a number within 1e-6 relative" $'x = 0.19100000\n' $'x = 0.19100001\n'
expect fail "a number off in the 4th digit" $'x = 0.191\n' $'x = 0.1912\n'
expect fail "different words" $'C = 140 ok\n' $'C = 140 MISMATCH\n'
expect fail "a missing line" $'a\nb\n' $'a\n'
expect fail "an extra line" $'a\n' $'a\nb\n'
expect pass "a [timing] line with other numbers" $'loops 1.5e-08 s [timing]\n' $'loops 2.7e-08 s [timing]\n'
expect fail "a [timing] line with other words" $'loops 1.5 s [timing]\n' $'eigen 1.5 s [timing]\n'
expect pass "a [timing] line whose columns moved" $'  3x3 loops   4.96e-08 s [timing]\n' $'  3x3 loops    4.9e-08 s [timing]\n'
expect pass "a [round-off] line with other numbers" $'"'"'1e-10  2.56e-07 [round-off]\n'"'"' $'"'"'1e-10  5.76e-07 [round-off]\n'"'"'
expect pass "negative numbers" $'w = -2.5\n' $'w = -2.5\n'
expect fail "a sign flip" $'w = -2.5\n' $'w = 2.5\n'
printf 'x\n' >"$dir/expected"
"$tool" "$dir/expected" -- false >/dev/null 2>&1 && { echo "FAIL: a program that exits 1 must fail"; failures=$((failures + 1)); } || echo "ok: non-zero exit fails"
echo "$((13 - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
