// Measuring how long a piece of code takes, for the lessons that compare speeds.
#pragma once

#include <algorithm>
#include <chrono>

namespace nn {

// Keeps the optimizer from deleting a computation whose result is otherwise unused.
template <class T>
inline void keep(const T& value) {
    asm volatile("" : : "g"(&value) : "memory");
}

// Seconds per call of f(): calls it in growing batches until a batch takes at least
// `min_seconds`, then returns the best of three such batches (the least disturbed by the rest of
// the machine).
template <class F>
double seconds_per_call(F&& f, double min_seconds = 0.05) {
    using clock = std::chrono::steady_clock;
    long calls = 1;
    for (;;) {
        const auto t0 = clock::now();
        for (long i = 0; i < calls; ++i) f();
        const double t = std::chrono::duration<double>(clock::now() - t0).count();
        if (t >= min_seconds) break;
        calls *= t > 0 ? std::max(2L, long(min_seconds / t * 1.2)) : 10L;
    }
    double best = 1e300;
    for (int round = 0; round < 3; ++round) {
        const auto t0 = clock::now();
        for (long i = 0; i < calls; ++i) f();
        best = std::min(best, std::chrono::duration<double>(clock::now() - t0).count() / calls);
    }
    return best;
}

}  // namespace nn
