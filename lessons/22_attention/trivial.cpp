// The stubs' second flavour: plausible non-answers of the right shape, which each test case must reject by a check.
#include "exercise.hpp"

namespace lesson22 {

// Uniform weights over every key (the mean of V's rows), no scores.
Attention attention_forward(const nn::Matrix& Q, const nn::Matrix& K, const nn::Matrix& V, bool causal) {
    const nn::Matrix P = nn::Matrix::Constant(Q.rows(), K.rows(), 1.0 / double(K.rows()));
    return {.S = nn::Matrix::Zero(Q.rows(), K.rows()), .P = P, .Y = P * V};
}

// Every gradient 0, of the right shapes.
AttentionGrads attention_backward(const nn::Matrix& Q, const nn::Matrix& K, const nn::Matrix& V,
                                  const nn::Matrix& P, const nn::Matrix& dY) {
    return {.dQ = nn::Matrix::Zero(Q.rows(), Q.cols()),
            .dK = nn::Matrix::Zero(K.rows(), K.cols()),
            .dV = nn::Matrix::Zero(V.rows(), V.cols())};
}

// All zeros.
nn::Matrix positional_encoding(nn::Index T, nn::Index d) { return nn::Matrix::Zero(T, d); }

}  // namespace lesson22
