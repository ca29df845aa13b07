// Lesson 15 — reference solutions. (./nn solution 15 shows this once your own answers pass.)
#include <fmt/core.h>

#include <stdexcept>

#include "exercise.hpp"

namespace lesson15 {

nn::Index output_size(nn::Index n, nn::Index k, nn::Index p, nn::Index s) {
    if (n < 1 || k < 1 || p < 0 || s < 1)
        throw std::invalid_argument(fmt::format(
            "output_size(n = {}, k = {}, p = {}, s = {}): n and k must be at least 1, p at least 0 "
            "and s at least 1",
            n, k, p, s));
    if (k > n + 2 * p)
        throw std::invalid_argument(
            fmt::format("output_size(n = {}, k = {}, p = {}, s = {}): a window of {} does not fit in {} + "
                        "2·{} = {} entries",
                        n, k, p, s, k, n, p, n + 2 * p));
    return (n + 2 * p - k) / s + 1;  // integer division is the floor here: n + 2p − k ≥ 0
}

Image conv_forward(const Image& X, const Filters& K, const nn::Vector& b, ConvSpec spec) {
    const nn::Index H = X[0].rows(), W = X[0].cols(), s = spec.stride, p = spec.pad;
    const nn::Index kh = K[0][0].rows(), kw = K[0][0].cols();
    const nn::Index Ho = output_size(H, kh, p, s), Wo = output_size(W, kw, p, s);
    Image Y;
    for (std::size_t o = 0; o < K.size(); ++o) {
        nn::Matrix Yo = nn::Matrix::Constant(Ho, Wo, b(nn::Index(o)));  // the bias, once per output
        for (std::size_t c = 0; c < X.size(); ++c)
            for (nn::Index i = 0; i < Ho; ++i)
                for (nn::Index j = 0; j < Wo; ++j)
                    for (nn::Index u = 0; u < kh; ++u)
                        for (nn::Index v = 0; v < kw; ++v) {
                            // (r, q) in X itself; outside it is the padding, which is 0
                            const nn::Index r = i * s + u - p, q = j * s + v - p;
                            if (r >= 0 && r < H && q >= 0 && q < W) Yo(i, j) += K[o][c](u, v) * X[c](r, q);
                        }
        Y.push_back(Yo);
    }
    return Y;
}

Pooled max_pool(const nn::Matrix& X, nn::Index size, nn::Index stride) {
    const nn::Index Ho = output_size(X.rows(), size, 0, stride), Wo = output_size(X.cols(), size, 0, stride);
    Pooled p{nn::Matrix(Ho, Wo), IndexMatrix(Ho, Wo), IndexMatrix(Ho, Wo)};
    for (nn::Index i = 0; i < Ho; ++i)
        for (nn::Index j = 0; j < Wo; ++j) {
            nn::Index br = i * stride, bc = j * stride;  // the window's first entry
            for (nn::Index u = 0; u < size; ++u)
                for (nn::Index v = 0; v < size; ++v)
                    // strictly greater: a tie keeps the first maximum in reading order
                    if (X(i * stride + u, j * stride + v) > X(br, bc)) {
                        br = i * stride + u;
                        bc = j * stride + v;
                    }
            p.Y(i, j) = X(br, bc);
            p.row(i, j) = br;
            p.col(i, j) = bc;
        }
    return p;
}

nn::Matrix max_pool_backward(const nn::Matrix& dY, const Pooled& p, nn::Index H, nn::Index W) {
    nn::Matrix dX = nn::Matrix::Zero(H, W);
    for (nn::Index i = 0; i < dY.rows(); ++i)
        for (nn::Index j = 0; j < dY.cols(); ++j)
            dX(p.row(i, j), p.col(i, j)) += dY(i, j);  // windows may overlap
    return dX;
}

ConvGrads conv_backward(const Image& X, const Filters& K, const Image& dY, ConvSpec spec) {
    const nn::Index H = X[0].rows(), W = X[0].cols(), s = spec.stride, p = spec.pad;
    const nn::Index kh = K[0][0].rows(), kw = K[0][0].cols();
    ConvGrads g{{}, nn::Vector(nn::Index(K.size())), {}};
    for (std::size_t c = 0; c < X.size(); ++c) g.dX.push_back(nn::Matrix::Zero(H, W));
    for (std::size_t o = 0; o < K.size(); ++o) {
        g.dB(nn::Index(o)) = dY[o].sum();  // b(o) was added at every position
        Image dKo;
        for (std::size_t c = 0; c < X.size(); ++c) {
            nn::Matrix dKoc = nn::Matrix::Zero(kh, kw);
            for (nn::Index i = 0; i < dY[o].rows(); ++i)
                for (nn::Index j = 0; j < dY[o].cols(); ++j)
                    for (nn::Index u = 0; u < kh; ++u)
                        for (nn::Index v = 0; v < kw; ++v) {
                            const nn::Index r = i * s + u - p, q = j * s + v - p;
                            if (r < 0 || r >= H || q < 0 || q >= W) continue;  // padding: no X, no dX
                            dKoc(u, v) += dY[o](i, j) * X[c](r, q);            // the weight met X(r, q)
                            g.dX[c](r, q) += K[o][c](u, v) * dY[o](i, j);      // X(r, q) met the weight
                        }
            dKo.push_back(dKoc);
        }
        g.dK.push_back(dKo);
    }
    return g;
}

}  // namespace lesson15
