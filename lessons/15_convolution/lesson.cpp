// Lesson 15's code beyond the exercises: true convolution and im2col.
#include "lesson.hpp"

namespace lesson15 {

nn::Matrix flip(const nn::Matrix& K) { return K.reverse(); }  // rows and columns both reversed

Image convolve(const Image& X, const Filters& K, const nn::Vector& b, ConvSpec spec) {
    Filters F = K;
    for (Image& f : F)
        for (nn::Matrix& k : f) k = flip(k);
    return conv_forward(X, F, b, spec);
}

namespace {
// Writes X's patches into the columns [first, first + Ho·Wo) of P.
void fill_patches(const Image& X, nn::Index kh, nn::Index kw, ConvSpec spec, nn::Matrix& P, nn::Index first) {
    const nn::Index H = X[0].rows(), W = X[0].cols(), s = spec.stride, p = spec.pad;
    const nn::Index Ho = output_size(H, kh, p, s), Wo = output_size(W, kw, p, s);
    for (std::size_t c = 0; c < X.size(); ++c)
        for (nn::Index v = 0; v < kw; ++v)
            for (nn::Index u = 0; u < kh; ++u) {
                const nn::Index row = nn::Index(c) * kh * kw + v * kh + u;
                for (nn::Index j = 0; j < Wo; ++j)
                    for (nn::Index i = 0; i < Ho; ++i) {
                        const nn::Index r = i * s + u - p, q = j * s + v - p;
                        P(row, first + j * Ho + i) = r >= 0 && r < H && q >= 0 && q < W ? X[c](r, q) : 0.0;
                    }
            }
}
}  // namespace

nn::Matrix im2col(const Image& X, nn::Index kh, nn::Index kw, ConvSpec spec) {
    const nn::Index Ho = output_size(X[0].rows(), kh, spec.pad, spec.stride);
    const nn::Index Wo = output_size(X[0].cols(), kw, spec.pad, spec.stride);
    nn::Matrix P(nn::Index(X.size()) * kh * kw, Ho * Wo);
    fill_patches(X, kh, kw, spec, P, 0);
    return P;
}

nn::Matrix filter_matrix(const Filters& K) {
    const nn::Index kh = K[0][0].rows(), kw = K[0][0].cols(), C = nn::Index(K[0].size());
    nn::Matrix M(nn::Index(K.size()), C * kh * kw);
    for (std::size_t o = 0; o < K.size(); ++o)
        for (std::size_t c = 0; c < K[o].size(); ++c)
            M.row(nn::Index(o)).segment(nn::Index(c) * kh * kw, kh * kw) = K[o][c].reshaped().transpose();
    return M;
}

Image conv_forward_im2col(const Image& X, const Filters& K, const nn::Vector& b, ConvSpec spec) {
    const nn::Index kh = K[0][0].rows(), kw = K[0][0].cols();
    const nn::Index Ho = output_size(X[0].rows(), kh, spec.pad, spec.stride);
    const nn::Index Wo = output_size(X[0].cols(), kw, spec.pad, spec.stride);
    nn::Matrix Y = filter_matrix(K) * im2col(X, kh, kw, spec);  // (C_out, Ho·Wo)
    Y.colwise() += b;
    Image out;
    for (nn::Index o = 0; o < Y.rows(); ++o) out.push_back(Y.row(o).reshaped(Ho, Wo));
    return out;
}

nn::Matrix conv_batch_im2col(const std::vector<Image>& batch, const Filters& K, const nn::Vector& b,
                             ConvSpec spec) {
    const nn::Index kh = K[0][0].rows(), kw = K[0][0].cols();
    const nn::Index Ho = output_size(batch[0][0].rows(), kh, spec.pad, spec.stride);
    const nn::Index Wo = output_size(batch[0][0].cols(), kw, spec.pad, spec.stride);
    nn::Matrix P(nn::Index(batch[0].size()) * kh * kw, nn::Index(batch.size()) * Ho * Wo);
    for (std::size_t n = 0; n < batch.size(); ++n)
        fill_patches(batch[n], kh, kw, spec, P, nn::Index(n) * Ho * Wo);
    nn::Matrix Y = filter_matrix(K) * P;
    Y.colwise() += b;
    return Y;
}

Image random_image(nn::Rng& rng, nn::Index C, nn::Index H, nn::Index W) {
    Image X;
    for (nn::Index c = 0; c < C; ++c) X.push_back(rng.normal_matrix(H, W, 0, 1));
    return X;
}

Filters random_filters(nn::Rng& rng, nn::Index C_out, nn::Index C_in, nn::Index kh, nn::Index kw) {
    Filters K;
    for (nn::Index o = 0; o < C_out; ++o) K.push_back(random_image(rng, C_in, kh, kw));
    return K;
}

nn::Matrix stacked(const Image& A) {
    nn::Index n = 0;
    for (const nn::Matrix& m : A) n += m.size();
    nn::Matrix v(n, 1);
    n = 0;
    for (const nn::Matrix& m : A) {
        v.middleRows(n, m.size()) = m.reshaped();
        n += m.size();
    }
    return v;
}

}  // namespace lesson15
