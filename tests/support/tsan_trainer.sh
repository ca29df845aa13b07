#!/usr/bin/env bash
# ThreadSanitizer on the OpenMP trainers (issue 17): nn::Cnn, and the benchmark's fast paths
# (bench/fast_mlp.hpp, bench/fast_cnn.hpp). Not part of CTest or CI: run it by hand.
#
# What it builds: test_cnn, lesson16, test_fast_mlp and test_fast_cnn with clang and
# -fsanitize=thread, in a folder of their own,
# RelWithDebInfo, NN_META_CHECKS off. clang links LLVM's OpenMP runtime, libomp (package
# libomp-dev), instead of GCC's libgomp. Why: libgomp is not built with TSan, so TSan never sees
# its fork, barrier and join, and a GCC build reports dozens of "races" between code before or
# after a parallel region and code inside it (in nn::Cnn: every for_each_group and the max-pooling
# loop), all ordered by OpenMP in fact. libomp instead hands those events to TSan through Archer
# (libarcher.so, an OMPT tool shipped with libomp), loaded with OMP_TOOL_LIBRARIES; TSan's
# ignore_noninstrumented_modules=1 then hides libomp's own internals, as Archer asks. OpenBLAS is left
# out (CMAKE_DISABLE_FIND_PACKAGE_BLAS): Debian's OpenMP flavour of it would bring libgomp in beside
# libomp, and the fast paths then do every product with Eigen, in our own instrumented code.
#
# What it runs: first a four-line probe with a real race (a shared sum in a parallel for) and a
# disjoint write, which must give exactly one report: that proves Archer and TSan are live. Then
# test_cnn with OMP_NUM_THREADS=2 and 3, test_fast_mlp and test_fast_cnn (their cases choose 1-3
# threads themselves), and lesson16 --quick --no-plots (MNIST in data/mnist) with 2 threads,
# NN_NO_PROGRESS=1. About 30 s per test_cnn run; lesson16 about 8 minutes.
#
# How to read it: each run's log goes to <build dir>/tsan-*.log. "clean" means no TSan warning and
# the program's own success; otherwise the script prints the SUMMARY lines, fails, and the log
# holds both stacks of each race (a stack inside common/src/cnn.cpp is ours to look at).
#
# Usage: tsan_trainer.sh [source dir (.)] [build dir (<source>/build/tsan-clang)] [--no-lesson]
# NN_TSAN_JOBS: build jobs (1).
set -euo pipefail

src=$(cd "${1:-.}" && pwd)
out=${2:-$src/build/tsan-clang}
lesson=1
[[ ${3:-} == --no-lesson ]] && lesson=0

fail() { printf 'error: %s\n' "$1" >&2; exit 1; }
command -v clang++ >/dev/null || fail "clang++ is missing (apt-get install clang libomp-dev)"
archer=$(dirname "$(readlink -f "$(command -v clang++)")")/../lib/libarcher.so
[[ -f $archer ]] || fail "no $archer: install libomp-dev (LLVM's OpenMP runtime and Archer)"

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
mkdir -p "$out"
out=$(cd "$out" && pwd)
cmake -S "$src" -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNN_META_CHECKS=OFF \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang "${launcher[@]}" -DCMAKE_DISABLE_FIND_PACKAGE_BLAS=ON \
    -DCMAKE_CXX_FLAGS=-fsanitize=thread -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread >"$out/tsan-configure.log" 2>&1 ||
    { tail -20 "$out/tsan-configure.log" >&2; fail "configuring failed"; }
cmake --build "$out" -j "${NN_TSAN_JOBS:-1}" --target test_cnn lesson16 test_fast_mlp test_fast_cnn >"$out/tsan-build.log" 2>&1 ||
    { tail -40 "$out/tsan-build.log" >&2; fail "building failed"; }

export OMP_TOOL_LIBRARIES=$archer TSAN_OPTIONS="ignore_noninstrumented_modules=1 halt_on_error=0"
status=0
# check <name> <expected warnings> <command...>: runs it, counts TSan's warnings; fails on a mismatch.
check() {
    local name=$1 want=$2 rc=0 n
    shift 2
    "$@" >"$out/tsan-$name.log" 2>&1 || rc=$?
    n=$(grep -c '^WARNING: ThreadSanitizer' "$out/tsan-$name.log" || true)
    if [[ $want == 0 && $n == 0 && $rc == 0 ]]; then
        echo "$name: clean"
    elif [[ $want != 0 && $n == "$want" ]]; then
        echo "$name: $n report, as expected"
    else
        echo "$name: $n ThreadSanitizer warning(s), exit status $rc (log: $out/tsan-$name.log)"
        grep '^SUMMARY: ThreadSanitizer' "$out/tsan-$name.log" | sort | uniq -c || true
        return 1
    fi
}

cat >"$out/tsan-probe.cpp" <<'EOF'
#include <cstdio>
int main() {
    double sum = 0, ok[1000];
#pragma omp parallel for
    for (int i = 0; i < 1000; ++i) sum += i;  // a real race: TSan must report it
#pragma omp parallel for
    for (int i = 0; i < 1000; ++i) ok[i] = i;  // disjoint writes: no report
    std::printf("%g %g\n", sum, ok[999]);
}
EOF
clang++ -O1 -g -fopenmp=libomp -fsanitize=thread "$out/tsan-probe.cpp" -o "$out/tsan-probe"
OMP_NUM_THREADS=2 check probe 1 "$out/tsan-probe" || fail "the probe's race was not reported as exactly one warning: TSan or Archer is not working"

for t in 2 3; do
    (cd "$out/tests" && OMP_NUM_THREADS=$t check "test_cnn-$t" 0 ./test_cnn) || status=1
done
for t in test_fast_mlp test_fast_cnn; do
    (cd "$out/tests" && check "$t" 0 "./$t") || status=1
done
if [[ $lesson == 1 ]]; then
    (cd "$src" && NN_NO_PROGRESS=1 OMP_NUM_THREADS=2 check lesson16 0 "$out/bin/lesson16" --quick --no-plots) || status=1
fi
exit $status
