// The stubs' second flavour: plausible non-answers of the right shape (zeros, the input unchanged), which each test case must reject by a check.
#include "exercise.hpp"

namespace lesson15 {

// No padding, no stride, no floor: the size a learner might guess first.
nn::Index output_size(nn::Index n, nn::Index k, nn::Index p, nn::Index s) { return n - k + 1; }

// Zero maps of the unpadded, unstrided size, one per filter.
Image conv_forward(const Image& X, const Filters& K, const nn::Vector& b, ConvSpec spec) {
    Image Y;
    for (std::size_t o = 0; o < K.size(); ++o)
        Y.push_back(nn::Matrix::Zero(X[0].rows() - K[0][0].rows() + 1, X[0].cols() - K[0][0].cols() + 1));
    return Y;
}

// Every window's first entry, taken as its maximum.
Pooled max_pool(const nn::Matrix& X, nn::Index size, nn::Index stride) {
    const nn::Index Ho = (X.rows() - size) / stride + 1, Wo = (X.cols() - size) / stride + 1;
    Pooled p{nn::Matrix(Ho, Wo), IndexMatrix(Ho, Wo), IndexMatrix(Ho, Wo)};
    for (nn::Index i = 0; i < Ho; ++i)
        for (nn::Index j = 0; j < Wo; ++j) {
            p.Y(i, j) = X(i * stride, j * stride);
            p.row(i, j) = i * stride;
            p.col(i, j) = j * stride;
        }
    return p;
}

nn::Matrix max_pool_backward(const nn::Matrix& dY, const Pooled& p, nn::Index H, nn::Index W) {
    return nn::Matrix::Zero(H, W);
}

ConvGrads conv_backward(const Image& X, const Filters& K, const Image& dY, ConvSpec spec) {
    ConvGrads g{{}, nn::Vector::Zero(nn::Index(K.size())), {}};
    for (const Image& k : K) {
        Image z;
        for (const nn::Matrix& m : k) z.push_back(nn::Matrix::Zero(m.rows(), m.cols()));
        g.dK.push_back(z);
    }
    for (const nn::Matrix& x : X) g.dX.push_back(nn::Matrix::Zero(x.rows(), x.cols()));
    return g;
}

}  // namespace lesson15
