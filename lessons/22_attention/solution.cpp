// Lesson 22 — reference solutions (exercise.hpp says what each function must do).
#include <fmt/core.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "exercise.hpp"

namespace lesson22 {

namespace {
std::string shape(const nn::Matrix& M) { return fmt::format("{}x{}", M.rows(), M.cols()); }
void check_qkv(const nn::Matrix& Q, const nn::Matrix& K, const nn::Matrix& V, const char* who) {
    if (K.cols() != Q.cols() || V.rows() != K.rows() || Q.cols() == 0 || K.rows() == 0)
        throw std::invalid_argument(
            fmt::format("{}: Q {}, K {} and V {} do not fit (Q must be Txd, K Nxd, V Nxdv, with d and N "
                        "at least 1)",
                        who, shape(Q), shape(K), shape(V)));
}
}  // namespace

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
            for (nn::Index j = i + 1; j < a.S.cols(); ++j)
                a.S(i, j) = -std::numeric_limits<double>::infinity();
    a.P = nn::Matrix(a.S.rows(), a.S.cols());
    for (nn::Index i = 0; i < a.S.rows(); ++i) {
        const double m = a.S.row(i).maxCoeff();
        const nn::Matrix e = (a.S.row(i).array() - m).exp().matrix();
        a.P.row(i) = e / e.sum();
    }
    a.Y = a.P * V;
    return a;
}

AttentionGrads attention_backward(const nn::Matrix& Q, const nn::Matrix& K, const nn::Matrix& V,
                                  const nn::Matrix& P, const nn::Matrix& dY) {
    check_qkv(Q, K, V, "attention_backward");
    if (P.rows() != Q.rows() || P.cols() != K.rows() || dY.rows() != Q.rows() || dY.cols() != V.cols())
        throw std::invalid_argument(
            fmt::format("attention_backward: P {} and dY {} do not fit Q {}, K {}, V {} (P must be TxN, dY "
                        "Txdv)",
                        shape(P), shape(dY), shape(Q), shape(K), shape(V)));
    const double scale = 1 / std::sqrt(double(Q.cols()));
    const nn::Matrix dP = dY * V.transpose();
    const nn::Vector row_term = (P.array() * dP.array()).rowwise().sum().matrix();
    const nn::Matrix dS = (P.array() * (dP.colwise() - row_term).array()).matrix();
    return {.dQ = dS * K * scale, .dK = dS.transpose() * Q * scale, .dV = P.transpose() * dY};
}

nn::Matrix positional_encoding(nn::Index T, nn::Index d) {
    if (T < 0 || d < 0)
        throw std::invalid_argument(
            fmt::format("positional_encoding: T = {} and d = {} must not be negative", T, d));
    nn::Matrix PE(T, d);
    for (nn::Index pos = 0; pos < T; ++pos)
        for (nn::Index i = 0; 2 * i < d; ++i) {
            const double angle = double(pos) / std::pow(10000.0, double(2 * i) / double(d));
            PE(pos, 2 * i) = std::sin(angle);
            if (2 * i + 1 < d) PE(pos, 2 * i + 1) = std::cos(angle);
        }
    return PE;
}

}  // namespace lesson22
