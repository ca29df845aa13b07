// wrong 15.1: pads one side only, (n + p − k)/s + 1, as if the zeros were added before the first entry alone.
#include "exercise.hpp"
#define output_size output_size_reference
#include "../solution.cpp"
#undef output_size

namespace lesson15 {
nn::Index output_size(nn::Index n, nn::Index k, nn::Index p, nn::Index s) {
    if (n < 1 || k < 1 || p < 0 || s < 1 || k > n + 2 * p)
        throw std::invalid_argument("output_size: bad sizes");
    return (n + p - k) / s + 1;
}
}  // namespace lesson15
