// wrong 15.2: a true convolution: the kernel turned by 180° (K(kh − 1 − u, kw − 1 − v)), which no framework's convolution layer does.
#include "exercise.hpp"
#define conv_forward conv_forward_reference
#include "../solution.cpp"
#undef conv_forward

namespace lesson15 {
Image conv_forward(const Image& X, const Filters& K, const nn::Vector& b, ConvSpec spec) {
    const nn::Index H = X[0].rows(), W = X[0].cols(), s = spec.stride, p = spec.pad;
    const nn::Index kh = K[0][0].rows(), kw = K[0][0].cols();
    const nn::Index Ho = output_size(H, kh, p, s), Wo = output_size(W, kw, p, s);
    Image Y;
    for (std::size_t o = 0; o < K.size(); ++o) {
        nn::Matrix Yo = nn::Matrix::Constant(Ho, Wo, b(nn::Index(o)));
        for (std::size_t c = 0; c < X.size(); ++c)
            for (nn::Index i = 0; i < Ho; ++i)
                for (nn::Index j = 0; j < Wo; ++j)
                    for (nn::Index u = 0; u < kh; ++u)
                        for (nn::Index v = 0; v < kw; ++v) {
                            const nn::Index r = i * s + u - p, q = j * s + v - p;
                            if (r >= 0 && r < H && q >= 0 && q < W)
                                Yo(i, j) += K[o][c](kh - 1 - u, kw - 1 - v) * X[c](r, q);
                        }
        Y.push_back(Yo);
    }
    return Y;
}
}  // namespace lesson15
