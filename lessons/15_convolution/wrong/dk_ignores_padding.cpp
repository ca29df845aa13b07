// wrong 15.5: multiplies dY by the unpadded input in dK, as if the windows started at X(0, 0).
#include "exercise.hpp"
#define conv_backward conv_backward_reference
#include "../solution.cpp"
#undef conv_backward

namespace lesson15 {
ConvGrads conv_backward(const Image& X, const Filters& K, const Image& dY, ConvSpec spec) {
    ConvGrads g = conv_backward_reference(X, K, dY, spec);
    const nn::Index H = X[0].rows(), W = X[0].cols(), s = spec.stride;
    for (std::size_t o = 0; o < K.size(); ++o)
        for (std::size_t c = 0; c < X.size(); ++c) {
            g.dK[o][c].setZero();
            for (nn::Index i = 0; i < dY[o].rows(); ++i)
                for (nn::Index j = 0; j < dY[o].cols(); ++j)
                    for (nn::Index u = 0; u < K[o][c].rows(); ++u)
                        for (nn::Index v = 0; v < K[o][c].cols(); ++v) {
                            const nn::Index r = i * s + u, q = j * s + v;
                            if (r < H && q < W) g.dK[o][c](u, v) += dY[o](i, j) * X[c](r, q);
                        }
        }
    return g;
}
}  // namespace lesson15
