#!/usr/bin/env bash
# The learner's loop as a learner uses it: ./nn check, try, solution, reset, watch and hint on
# lesson 00, with a right answer, a wrong one, one that does not compile, one that crashes, one
# that loops forever, one with a shape mistake and one with a compiler warning: the message and the
# exit status of each. Works in a folder of its own (its own exercises/, progress and checked build),
# so a learner's files are never touched. Slow (it builds the checked configuration): label "slow".
set -u
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NN_NO_INSTALL=1 NN_EXERCISES_DIR=$tmp/exercises NN_STATE_DIR=$tmp/state \
       NN_CHECKED_DIR=$tmp/checked NN_CHECK_TIMEOUT=10
file=$NN_EXERCISES_DIR/00_matmul.cpp
solution=$root/lessons/00_matmul/solution.cpp
passed=0 failed=0
# expect <exit code> <text the output must hold>... -- <command...>
expect() {
    local want_code=$1 texts=()
    shift
    while [[ $1 != -- ]]; do texts+=("$1"); shift; done
    shift
    local out code ok=1 t
    out=$("$@" 2>&1)
    code=$?
    [[ $code -eq $want_code ]] || ok=0
    for t in "${texts[@]}"; do [[ $out == *"$t"* ]] || ok=0; done
    if [[ $ok -eq 1 ]]; then
        passed=$((passed + 1))
        echo "ok: ${CASE:-} -> exit $code"
    else
        failed=$((failed + 1))
        echo "FAIL: ${CASE:-} ($*) -> exit $code, wanted $want_code and: ${texts[*]}"
        echo "$out" | tail -25 | sed 's/^/    /'
    fi
}
# answer <sed expression>: the reference with one edit, as the learner's file.
answer() { sed -e "$1" "$solution" >"$file"; }

CASE="hint needs no build" expect 0 "00.2" -- "$root/nn" hint 00
CASE="hint of a lesson that does not exist" expect 2 "there is no lesson 99" -- "$root/nn" hint 99
CASE="reset creates the stub" expect 0 "untouched stub" -- "$root/nn" reset 00
[[ -d $NN_CHECKED_DIR ]] && { echo "FAIL: hint or reset configured a build"; failed=$((failed + 1)); }

CASE="the untouched stub" expect 1 "0 of 2 exercises done" "is not written yet" "./nn hint 00" -- "$root/nn" check 00
CASE="solution before solving" expect 1 "solve lesson 00's exercises first" -- "$root/nn" solution 00

answer 's/k < A.cols(); ++k/k + 1 < A.cols(); ++k/'
CASE="a wrong answer" expect 1 "1 of 2 exercises done" "00.2 naive_matmul" "gives a wrong answer" "expected" "got" -- "$root/nn" check 00

answer 's/sum += A(i, k) \* B(k, j);/sum += A(i, k) * B(j, k);/'
CASE="a shape mistake" expect 1 "made a shape mistake" "at exercises/00_matmul.cpp:" "index out of range" -- "$root/nn" check 00

answer 's/nn::Scalar sum = 0;/nn::Scalar sum = 0; if (A.rows() > 0) std::abort();/'
CASE="a crash" expect 1 "00.2 naive_matmul" "crashed" -- "$root/nn" check 00

answer 's/k < A.cols(); ++k/k < A.cols(); k += 0/'
CASE="an endless loop" expect 1 "did not finish within 10 s" "00.2 naive_matmul" -- "$root/nn" check 00

answer 's/return {a.rows, b.cols};/return {a.rows, b.cols}/'
CASE="does not compile" expect 1 "does not compile" "00_matmul.cpp:" "error" -- "$root/nn" check 00
CASE="try on code that does not compile" expect 1 "does not compile yet" -- "$root/nn" try 00 --no-plots

answer 's/nn::Scalar sum = 0;/nn::Scalar sum = 0; int unused = 1;/'
CASE="a warning in the learner's file" expect 0 "warnings in your file" "unused" "2 of 2 exercises done" -- "$root/nn" check 00

cp "$solution" "$file"
CASE="the right answers" expect 0 "2 of 2 exercises done" "All done" -- "$root/nn" check 00
CASE="solution once solved" expect 0 "reference solutions" -- "$root/nn" solution 00
CASE="try runs the lesson on the answers" expect 0 "140" -- "$root/nn" try 00 --no-plots
[[ -f $NN_STATE_DIR/00 ]] && grep -q "2/2 done" "$NN_STATE_DIR/00" && passed=$((passed + 1)) ||
    { echo "FAIL: the progress file does not say 2/2 done"; failed=$((failed + 1)); }

answer 's/nn::Scalar sum = 0;/nn::Scalar sum = 0; if (A.rows() > 0) std::abort();/'
CASE="try on an answer that crashes" expect 134 "crashed on your exercises" -- "$root/nn" try 00 --no-plots

# reset never loses a file: twice in a row, then again after new work.
cp "$solution" "$file"
CASE="reset keeps the solved file" expect 0 "kept in 00_matmul.cpp.bak" -- "$root/nn" reset 00
CASE="reset again changes nothing" expect 0 "nothing to do" -- "$root/nn" reset 00
cmp -s "$file.bak" "$solution" && passed=$((passed + 1)) || { echo "FAIL: the .bak is not the solved file"; failed=$((failed + 1)); }
echo "// more work" >>"$file"
CASE="a third reset keeps a second copy" expect 0 "kept in 00_matmul.cpp.bak.2" -- "$root/nn" reset 00
cmp -s "$file.bak" "$solution" && passed=$((passed + 1)) || { echo "FAIL: the first .bak was overwritten"; failed=$((failed + 1)); }

# watch checks once at the start (then waits for a save; stopped here after a few seconds).
cp "$solution" "$file"
out=$(timeout 60 "$root/nn" watch 00 2>&1)
if [[ $out == *"2 of 2 exercises done"* && $out == *"waiting for you to save"* ]]; then
    passed=$((passed + 1)); echo "ok: watch checks and waits"
else
    failed=$((failed + 1)); echo "FAIL: watch did not check and wait:"; echo "$out" | tail -5
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
