// wrong 15.5: gathers dX with K itself where the flipped kernel belongs: each input gets K(kh − 1 − u, kw − 1 − v)·dY where K(u, v)·dY is due.
#include "exercise.hpp"
#define conv_backward conv_backward_reference
#include "../solution.cpp"
#undef conv_backward

namespace lesson15 {
ConvGrads conv_backward(const Image& X, const Filters& K, const Image& dY, ConvSpec spec) {
    ConvGrads g = conv_backward_reference(X, K, dY, spec);
    const nn::Index H = X[0].rows(), W = X[0].cols(), s = spec.stride, p = spec.pad;
    const nn::Index kh = K[0][0].rows(), kw = K[0][0].cols();
    for (std::size_t c = 0; c < X.size(); ++c) {
        g.dX[c].setZero();
        for (std::size_t o = 0; o < K.size(); ++o)
            for (nn::Index i = 0; i < dY[o].rows(); ++i)
                for (nn::Index j = 0; j < dY[o].cols(); ++j)
                    for (nn::Index u = 0; u < kh; ++u)
                        for (nn::Index v = 0; v < kw; ++v) {
                            const nn::Index r = i * s + u - p, q = j * s + v - p;
                            if (r >= 0 && r < H && q >= 0 && q < W)
                                g.dX[c](r, q) += K[o][c](kh - 1 - u, kw - 1 - v) * dY[o](i, j);
                        }
    }
    return g;
}
}  // namespace lesson15
