// wrong 15.5: scatters dX as if the stride were 1 (X(i + u, j + v)) while dK and dB use the right windows.
#include "exercise.hpp"
#define conv_backward conv_backward_reference
#include "../solution.cpp"
#undef conv_backward

namespace lesson15 {
ConvGrads conv_backward(const Image& X, const Filters& K, const Image& dY, ConvSpec spec) {
    ConvGrads g = conv_backward_reference(X, K, dY, spec);
    const nn::Index H = X[0].rows(), W = X[0].cols(), p = spec.pad;
    for (std::size_t c = 0; c < X.size(); ++c) {
        g.dX[c].setZero();
        for (std::size_t o = 0; o < K.size(); ++o)
            for (nn::Index i = 0; i < dY[o].rows(); ++i)
                for (nn::Index j = 0; j < dY[o].cols(); ++j)
                    for (nn::Index u = 0; u < K[o][c].rows(); ++u)
                        for (nn::Index v = 0; v < K[o][c].cols(); ++v) {
                            const nn::Index r = i + u - p, q = j + v - p;
                            if (r >= 0 && r < H && q >= 0 && q < W)
                                g.dX[c](r, q) += K[o][c](u, v) * dY[o](i, j);
                        }
    }
    return g;
}
}  // namespace lesson15
