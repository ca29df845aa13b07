#include "nn/rng.hpp"

#include <cmath>
#include <numbers>

namespace nn {

double Rng::normal() {
    if (has_spare_) {
        has_spare_ = false;
        return spare_;
    }
    // u1 in (0, 1] so that log(u1) is finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    spare_ = radius * std::sin(angle);
    has_spare_ = true;
    return radius * std::cos(angle);
}

std::uint64_t Rng::below(std::uint64_t n) {
    if (n == 0) throw std::invalid_argument("Rng::below(0): empty range");
    // Multiply a 64-bit word by n; the high half is the result. Reject the few low halves that
    // would make some results more likely than others.
    __extension__ using u128 = unsigned __int128;  // g++ and clang both have it
    u128 m = u128(next()) * n;
    auto low = std::uint64_t(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = u128(next()) * n;
            low = std::uint64_t(m);
        }
    }
    return std::uint64_t(m >> 64);
}

Matrix Rng::uniform_matrix(Index rows, Index cols, double lo, double hi) {
    Matrix M(rows, cols);
    // Filled row by row, the order in which NumPy fills a C-ordered array.
    for (Index i = 0; i < rows; ++i)
        for (Index j = 0; j < cols; ++j) M(i, j) = uniform(lo, hi);
    return M;
}

Matrix Rng::normal_matrix(Index rows, Index cols, double mean, double stddev) {
    Matrix M(rows, cols);
    for (Index i = 0; i < rows; ++i)
        for (Index j = 0; j < cols; ++j) M(i, j) = normal(mean, stddev);
    return M;
}

}  // namespace nn
