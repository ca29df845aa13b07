// A seeded random generator that gives the same numbers with every standard library.
//
// std::mt19937_64 is specified bit for bit by the C++ standard, but std::uniform_real_distribution,
// std::normal_distribution and std::shuffle are not: libstdc++ and libc++ give different numbers
// from the same seed. So the engine is the standard's and every conversion from its 64-bit words
// is written here.
#pragma once

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "nn/types.hpp"

namespace nn {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    std::uint64_t next() { return engine_(); }
    // Uniform in [0, 1): the top 53 bits of a word, one per representable double.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Standard normal by the Box-Muller transform (both values of a pair are used in turn).
    double normal();
    double normal(double mean, double stddev) { return mean + stddev * normal(); }
    // Uniform integer in [0, n), without the modulo bias (Lemire's method with rejection).
    std::uint64_t below(std::uint64_t n);

    Matrix uniform_matrix(Index rows, Index cols, double lo, double hi);
    Matrix normal_matrix(Index rows, Index cols, double mean, double stddev);

    // Fisher-Yates shuffle.
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }

private:
    std::mt19937_64 engine_;
    bool has_spare_ = false;
    double spare_ = 0.0;
};

}  // namespace nn
