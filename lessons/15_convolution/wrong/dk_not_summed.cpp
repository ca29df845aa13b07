// wrong 15.5: sets dK from the last output position only (= instead of +=), not summed over every position the kernel visited.
#include "exercise.hpp"
#define conv_backward conv_backward_reference
#include "../solution.cpp"
#undef conv_backward

namespace lesson15 {
ConvGrads conv_backward(const Image& X, const Filters& K, const Image& dY, ConvSpec spec) {
    ConvGrads g = conv_backward_reference(X, K, dY, spec);
    const nn::Index H = X[0].rows(), W = X[0].cols(), s = spec.stride, p = spec.pad;
    for (std::size_t o = 0; o < K.size(); ++o)
        for (std::size_t c = 0; c < X.size(); ++c) {
            const nn::Index i = dY[o].rows() - 1, j = dY[o].cols() - 1;
            for (nn::Index u = 0; u < K[o][c].rows(); ++u)
                for (nn::Index v = 0; v < K[o][c].cols(); ++v) {
                    const nn::Index r = i * s + u - p, q = j * s + v - p;
                    g.dK[o][c](u, v) = r >= 0 && r < H && q >= 0 && q < W ? dY[o](i, j) * X[c](r, q) : 0.0;
                }
        }
    return g;
}
}  // namespace lesson15
