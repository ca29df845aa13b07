// wrong 22.3: counts positions from 1.
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
            const double angle = double(pos + 1) / std::pow(10000.0, double(2 * i) / double(d));
            PE(pos, 2 * i) = std::sin(angle);
            if (2 * i + 1 < d) PE(pos, 2 * i + 1) = std::cos(angle);
        }
    return PE;
}
}  // namespace lesson22
