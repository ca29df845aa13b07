// wrong 15.1: checks n, k, p and s but not that the window fits (k > n + 2p), returning a size below 1.
#include "exercise.hpp"
#define output_size output_size_reference
#include "../solution.cpp"
#undef output_size

namespace lesson15 {
nn::Index output_size(nn::Index n, nn::Index k, nn::Index p, nn::Index s) {
    if (n < 1 || k < 1 || p < 0 || s < 1) throw std::invalid_argument("output_size: bad sizes");
    return (n + 2 * p - k) / s + 1;
}
}  // namespace lesson15
