#!/usr/bin/env bash
# expect_fail.sh MODE PROGRAM [ARGS...]: run an exercise test program that must FAIL, and decide
# from its verdict line (tests/support/verdict.cpp) whether it failed the right way.
#   MODE check  at least one check (assertion) must fail: a known-wrong answer, the trivial stub.
#               Failing only by an exception, a crash or a hang is not enough.
#   MODE any    a failed check or an exception (the untouched stub throws "not implemented").
# Always a failure of this meta-check: the program passes, no test case ran (a filter that
# matches nothing), a crash, or no verdict line (the program died before the end). It fails closed.
set -u
mode=$1
shift
case $mode in check | any) ;; *) echo "expect_fail.sh: unknown mode '$mode'"; exit 2 ;; esac
out=$("$@" --log_level=error --report_level=no --color_output=no 2>&1)
code=$?
printf '%s\n' "$out" | grep -v '^nn-verdict:' | head -40
verdict=$(printf '%s\n' "$out" | grep '^nn-verdict: ' | tail -1)
if [[ -z $verdict ]]; then
    echo "NO VERDICT (exit $code): the program died before the end of the run, or is not an exercise test"
    exit 1
fi
echo "$verdict (exit $code)"
read -r cases checks exceptions crashes < <(sed -E 's/.*cases=([0-9]+) checks_failed=([0-9]+) exceptions=([0-9]+) crashes=([0-9]+).*/\1 \2 \3 \4/' <<<"$verdict")
if [[ ! $cases =~ ^[0-9]+$ ]] || (( cases == 0 )); then
    echo "NO TEST CASE RAN: the filter or the test program is wrong"; exit 1
fi
if (( code == 0 )); then
    echo "PASSES: the tests cannot tell this answer from a right one"; exit 1
fi
if (( crashes > 0 )); then
    echo "CRASHED instead of failing a check"; exit 1
fi
if (( checks > 0 )); then
    echo "fails by a check, as it must"; exit 0
fi
if [[ $mode == any ]] && (( exceptions > 0 )); then
    echo "fails by an exception (the untouched stub), as it must"; exit 0
fi
echo "FAILS ONLY BY AN EXCEPTION: no check rejects this answer"
exit 1
