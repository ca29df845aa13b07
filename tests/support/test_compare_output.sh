#!/usr/bin/env bash
# Tests of compare_output: what it must accept and what it must reject.
set -u
tool=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0 total=1  # 1: the non-zero exit check at the end
expect() {  # expect <pass|fail> <description> <expected text> <actual text>
    printf '%s' "$3" >"$dir/expected"
    printf '%s' "$4" >"$dir/actual"
    "$tool" "$dir/expected" -- cat "$dir/actual" >/dev/null 2>&1
    local code=$?
    total=$((total + 1))
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
expect pass "a ~ number that differs" $'loops ~1.5e-08 s\n' $'loops ~2.7e-08 s\n'
expect pass "a negative ~ number that differs" $'difference ~-3.6e-09\n' $'difference ~4.7e-07\n'
expect pass "a ~ number whose padding changed with its width" $'  3x3 loops  ~4.96e-08 s  Eigen ~3.2e-08 s\n' $'  3x3 loops    ~4.9e-08 s  Eigen ~3.25e-08 s\n'
expect fail "a ~ number missing its ~ in the output" $'error ~1.3e-11\n' $'error 1.3e-11\n'
expect fail "a ~ number where the output has words" $'error ~1.3e-11\n' $'error ~nothing\n'
expect fail "a plain number beside a ~ number is compared" $'  3x3 loops ~4.96e-08 s\n' $'  4x4 loops ~4.96e-08 s\n'
expect fail "words beside a ~ number are compared" $'loops ~1.5 s\n' $'eigen ~1.5 s\n'
expect fail "a plain number off by more than 1e-6 relative" $'x = 1.0000000\n' $'x = 1.0000020\n'
expect fail "1e-12 against 2e-12 (no absolute tolerance)" $'err 1e-12\n' $'err 2e-12\n'
expect fail "0 against 1e-15" $'d = 0\n' $'d = 1e-15\n'
expect pass "0 against 0.0e+00" $'d = 0\n' $'d = 0.0e+00\n'
expect fail "the old [round-off] tag hides nothing" $'1e-10  2.56e-07 [round-off]\n' $'1e-10  5.76e-07 [round-off]\n'
expect fail "the old [timing] tag hides nothing" $'loops 1.5e-08 s [timing]\n' $'loops 2.7e-08 s [timing]\n'
expect pass "negative numbers" $'w = -2.5\n' $'w = -2.5\n'
expect fail "a sign flip" $'w = -2.5\n' $'w = 2.5\n'
# An address with a port the system chose: the tag "[address]" is in EXPECTED only (the learner's
# output carries no test machinery); the line is compared by its words.
expect pass "an [address] line, another port, no tag in the output" $'Serving on http://127.0.0.1:33095/  [address]\nend\n' $'Serving on http://127.0.0.1:41234/\nend\n'
expect pass "an [address] line, the tag in the output too" $'Serving on http://127.0.0.1:33095/  [address]\n' $'Serving on http://127.0.0.1:8014/  [address]\n'
expect fail "an [address] line with other words" $'Serving on http://127.0.0.1:33095/  [address]\n' $'Listening on http://127.0.0.1:41234/\n'
expect fail "an address without the tag in EXPECTED is compared as numbers" $'Serving on http://127.0.0.1:33095/\n' $'Serving on http://127.0.0.1:41234/\n'
# --write tags the address line and leaves the others alone.
printf 'Serving on http://127.0.0.1:41234/\nC = 140\n' >"$dir/actual"
total=$((total + 1))
if "$tool" --write "$dir/written" -- cat "$dir/actual" >/dev/null 2>&1 &&
    [[ $(cat "$dir/written") == $'Serving on http://127.0.0.1:41234/  [address]\nC = 140' ]]; then
    echo "ok: --write tags the address line only"
else
    echo "FAIL: --write must tag the address line only, wrote:"; cat "$dir/written"; failures=$((failures + 1))
fi
printf 'err 1e-12\n' >"$dir/expected"
printf 'err 2e-12\n' >"$dir/actual"
total=$((total + 1))
"$tool" --abs 1e-9 "$dir/expected" -- cat "$dir/actual" >/dev/null 2>&1 && echo "ok: --abs 1e-9 still accepts 1e-12 against 2e-12" || { echo "FAIL: --abs 1e-9 must accept 1e-12 against 2e-12"; failures=$((failures + 1)); }
printf 'x\n' >"$dir/expected"
"$tool" "$dir/expected" -- false >/dev/null 2>&1 && { echo "FAIL: a program that exits 1 must fail"; failures=$((failures + 1)); } || echo "ok: non-zero exit fails"
echo "$((total - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
