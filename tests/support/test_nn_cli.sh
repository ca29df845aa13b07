#!/usr/bin/env bash
# Tests of ./nn's own promises: bad commands and lesson numbers are clear errors with a non-zero
# exit, and MNIST files that fail their checks are named. Runs against the build that CTest is
# testing (NN_BUILD_DIR), without installing or building anything (NN_NO_BUILD).
set -u
root=$1
export NN_NO_BUILD=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
# expect <exit code> <text the output must hold> <command...>
expect() {
    local want_code=$1 want_text=$2
    shift 2
    local out code
    out=$("$@" 2>&1)
    code=$?
    if [[ $code -eq $want_code && $out == *"$want_text"* ]]; then
        passed=$((passed + 1))
        echo "ok: $* -> exit $code"
    else
        failed=$((failed + 1))
        echo "FAIL: $* -> exit $code (wanted $want_code and '$want_text'), output:"
        echo "$out" | head -5
    fi
}
expect 2 "there is no lesson 42" "$root/nn" run 42
expect 2 "not a lesson number" "$root/nn" run abc
expect 2 "unknown command 'frobnicate'" "$root/nn" frobnicate
expect 2 "there is no lesson 77" "$root/nn" hint 77
expect 2 "which lesson?" "$root/nn" try
expect 0 "Usage: ./nn" "$root/nn" help
expect 2 "frobnicate" "$root/nn" run 00 --frobnicate
expect 0 "--no-plots" "$root/nn" run 00 --help
expect 2 "Value 99999 not in range" "$root/nn" run 14 --port 99999
# A typed number that is no number (CLI11 alone lets NaN through a range and wraps -1 into a seed).
expect 2 "'nan' is not a finite number" "$root/nn" run 13 --dropout nan
expect 2 "'-1' is not a seed" "$root/nn" run 11 --seed -1
expect 2 "an empty address" "$root/nn" run 14 --host ""
expect 1 "no model file" "$root/nn" run 14 --model "$tmp/none.nnm" --once --port 0
# ./nn run NN --section K: only that section; a wrong K is an error naming the sections there are.
expect 2 "lesson 00 has no section 9: its sections are 1 2 3" "$root/nn" run 00 --section 9
expect 2 "--section wants a section number, not 'two'" "$root/nn" run 00 --section two
expect 2 "--section needs a number" "$root/nn" run 00 --section
out=$("$root/nn" run 00 --no-plots --section 2 2>&1)
code=$?
if [[ $code -eq 0 && $out == *"== 2. "* && $out != *"== 1. "* && $out != *"== 3. "* ]]; then
    passed=$((passed + 1))
    echo "ok: ./nn run 00 --section 2 shows section 2 only"
else
    failed=$((failed + 1))
    echo "FAIL: ./nn run 00 --section 2 -> exit $code, output:"
    echo "$out" | head -8
fi
out=$("$root/nn" run 00 --section=02 2>&1)
code=$?
if [[ $code -eq 0 && $out == *"== 2. "* && $out != *"== 3. "* ]]; then
    passed=$((passed + 1))
    echo "ok: ./nn run 00 --section=02 (a leading zero)"
else
    failed=$((failed + 1))
    echo "FAIL: ./nn run 00 --section=02 -> exit $code, output:"
    echo "$out" | head -5
fi
# ./nn bench: bad options are errors before anything trains.
expect 0 "NumPy and PyTorch" "$root/nn" bench --help
expect 2 "Z not in {A,B,C,D}" "$root/nn" bench --config A,Z
expect 2 "julia not in" "$root/nn" bench --peers julia
expect 2 "--threads" "$root/nn" bench --threads 0
expect 2 "kernel name of letters and digits" "$root/nn" bench --coretype 'SkylakeX;true'
expect 1 "error:" "$root/nn" bench --peers none --config A --epochs 1 --data "$tmp/nowhere"

# The lessons' facts come from lessons/lessons.txt, with nothing configured or built.
expect 0 "Matrix multiplication" env NN_BUILD_DIR="$tmp/nobuild" "$root/nn" list
expect 0 "Serving the model over HTTP" env NN_BUILD_DIR="$tmp/nobuild" "$root/nn" list
expect 0 "00.1" env NN_BUILD_DIR="$tmp/nobuild" "$root/nn" hint 0
expect 2 "the lessons are 00 to" "$root/nn" hint 99

# A data folder that does not exist is refused, not created.
expect 1 "does not exist" env NN_DATA_DIR="$tmp/no/such/folder" "$root/nn" data
[[ ! -e $tmp/no ]] && { passed=$((passed + 1)); echo "ok: nothing created"; } ||
    { failed=$((failed + 1)); echo "FAIL: ./nn data created $tmp/no"; }

# MNIST verification: missing, truncated and corrupt files are named.
export NN_DATA_DIR=$tmp/data
mkdir -p "$NN_DATA_DIR/mnist"
expect 1 "train-images-idx3-ubyte: missing" "$root/nn" data --verify-only
head -c 47040016 /dev/zero >"$NN_DATA_DIR/mnist/train-images-idx3-ubyte"
head -c 100 /dev/zero >"$NN_DATA_DIR/mnist/train-labels-idx1-ubyte"
expect 1 "train-images-idx3-ubyte: wrong sha256 checksum" "$root/nn" data --verify-only
if [[ -f $root/data/mnist/train-images-idx3-ubyte ]]; then
    cp "$root/data/mnist/train-images-idx3-ubyte" "$NN_DATA_DIR/mnist/"
    expect 1 "train-labels-idx1-ubyte: 100 bytes, expected 60008" "$root/nn" data --verify-only
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
