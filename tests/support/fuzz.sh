#!/usr/bin/env bash
# The fuzz test (ctest -L fuzz): builds the libFuzzer harnesses of tests/fuzz with clang in a
# folder of their own and runs each for a bounded time over its seed corpus. Any finding fails it:
# a crash, an ASan or UBSan report, an inconsistent object, an allocation over 256 MB, more than
# 512 MB in all, or an input that takes over 10 s. A missing clang or libFuzzer fails it too.
#
# Usage: fuzz.sh <source dir> <fuzz build dir> [seconds per harness (15)] [harness...]
#   harnesses: idx idx_gz csv model request (all by default)
# The inputs a run finds are kept in <fuzz build dir>/corpus/<harness> (the next run starts from
# them); a crashing input goes to <fuzz build dir>/findings/. NN_FUZZ_JOBS: build jobs (2).
set -euo pipefail

[[ $# -ge 2 ]] || { echo "usage: $0 <source dir> <fuzz build dir> [seconds] [harness...]" >&2; exit 2; }
src=$(cd "$1" && pwd)
out=$2
secs=${3:-15}
shift $(($# < 3 ? $# : 3))
harnesses=("$@")
[[ ${#harnesses[@]} -gt 0 ]] || harnesses=(idx idx_gz csv model request)
cxx=${NN_FUZZ_CXX:-clang++}

fail() { printf 'error: %s\n' "$1" >&2; exit 1; }

command -v "$cxx" >/dev/null ||
    fail "$cxx is missing: the fuzz test needs clang and libFuzzer (apt-get install clang libclang-rt-dev; ./nn test installs them)"
mkdir -p "$out"
probe="$out/probe"
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' >"$probe.cpp"
"$cxx" -fsanitize=fuzzer,address,undefined "$probe.cpp" -o "$probe" 2>"$probe.log" ||
    fail "$cxx cannot build a libFuzzer program (-fsanitize=fuzzer): $(head -3 "$probe.log") — install libclang-rt-dev"

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
start=$SECONDS
cmake -S "$src/tests/fuzz" -B "$out" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" "${launcher[@]}" >"$out/configure.log" 2>&1 ||
    { cat "$out/configure.log" >&2; fail "configuring the fuzzers failed"; }
targets=()
for h in "${harnesses[@]}"; do targets+=("fuzz_$h"); done
cmake --build "$out" -j "${NN_FUZZ_JOBS:-2}" --target "${targets[@]}" >"$out/build.log" 2>&1 ||
    { tail -40 "$out/build.log" >&2; fail "building the fuzzers failed"; }
echo "built ${targets[*]} with $cxx in $((SECONDS - start)) s"

# The harnesses write every input to a file (the readers take a path): in memory, if there is room.
[[ -d /dev/shm && -w /dev/shm ]] && export TMPDIR=/dev/shm
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}:allocator_may_return_null=0
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}:halt_on_error=1
failed=()
for h in "${harnesses[@]}"; do
    seeds="$src/tests/fuzz/corpus/$h"
    [[ -d $seeds ]] || fail "no seed corpus $seeds"
    mkdir -p "$out/corpus/$h" "$out/findings" "$out/logs"
    log="$out/logs/$h.log"
    status=0
    # New inputs go to the first folder (in the build folder), never into the seeds.
    timeout $((secs + 120)) "$out/fuzz_$h" -max_total_time="$secs" -rss_limit_mb=512 -malloc_limit_mb=256 \
        -timeout=10 -print_final_stats=1 -artifact_prefix="$out/findings/$h-" \
        "$out/corpus/$h" "$seeds" >"$log" 2>&1 || status=$?
    runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -1)
    speed=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log" | tail -1)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+' "$log" | tail -1 || true)
    if [[ $status -eq 0 ]]; then
        printf 'fuzz_%-8s ok: %s inputs in %s s (%s/s), %s\n' "$h" "${runs:-?}" "$secs" "${speed:-?}" "$cov"
    else
        printf 'fuzz_%-8s FAILED (exit %s) after %s inputs; the log, %s, ends:\n' "$h" "$status" "${runs:-?}" "$log"
        grep -vE '^(#[0-9]+|INFO:|MS:|stat::)' "$log" | tail -40 | sed 's/^/    /'
        ls "$out/findings/$h-"* 2>/dev/null | sed 's/^/    the input: /' || true
        failed+=("$h")
    fi
done
[[ ${#failed[@]} -eq 0 ]] || fail "findings in: ${failed[*]} (rerun one with: $out/fuzz_<name> <input>)"
echo "no findings in $((SECONDS - start)) s"
