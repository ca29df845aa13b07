// wrong 22.1: masks with −1e4 instead of −∞, which leaks a little weight when the future keys score high.
#include "exercise.hpp"
#define attention_forward attention_forward_reference
#include "../solution.cpp"
#undef attention_forward

namespace lesson22 {
Attention attention_forward(const nn::Matrix& Q, const nn::Matrix& K, const nn::Matrix& V, bool causal) {
    check_qkv(Q, K, V, "attention_forward");
    if (causal && Q.rows() != K.rows())
        throw std::invalid_argument(
            fmt::format("attention_forward: a causal mask needs as many queries as keys, got Q {} and K {}",
                        shape(Q), shape(K)));
    Attention a;
    a.S = Q * K.transpose() / std::sqrt(double(Q.cols()));
    if (causal)
        for (nn::Index i = 0; i < a.S.rows(); ++i)
            for (nn::Index j = i + 1; j < a.S.cols(); ++j) a.S(i, j) = -1e4;
    a.P = nn::Matrix(a.S.rows(), a.S.cols());
    for (nn::Index i = 0; i < a.S.rows(); ++i) {
        const double m = a.S.row(i).maxCoeff();
        const nn::Matrix e = (a.S.row(i).array() - m).exp().matrix();
        a.P.row(i) = e / e.sum();
    }
    a.Y = a.P * V;
    return a;
}
}  // namespace lesson22
