// wrong 22.3: each column its own exponent c/d (the cosine one step slower than its sine).
#include "exercise.hpp"
#define positional_encoding positional_encoding_reference
#include "../solution.cpp"
#undef positional_encoding

namespace lesson22 {
nn::Matrix positional_encoding(nn::Index T, nn::Index d) {
    if (T < 0 || d < 0)
        throw std::invalid_argument(
            fmt::format("positional_encoding: T = {} and d = {} must not be negative", T, d));
    nn::Matrix PE(T, d);
    for (nn::Index pos = 0; pos < T; ++pos)
        for (nn::Index i = 0; 2 * i < d; ++i) {
            const double angle = double(pos) / std::pow(10000.0, double(2 * i) / double(d));
            PE(pos, 2 * i) = std::sin(angle);
            if (2 * i + 1 < d)
                PE(pos, 2 * i + 1) = std::cos(double(pos) / std::pow(10000.0, double(2 * i + 1) / double(d)));
        }
    return PE;
}
}  // namespace lesson22
