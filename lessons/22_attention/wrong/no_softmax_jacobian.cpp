// wrong 22.2: uses dP for dS: skips the softmax's Jacobian.
#include "exercise.hpp"
#define attention_backward attention_backward_reference
#include "../solution.cpp"
#undef attention_backward

namespace lesson22 {
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
    const nn::Matrix dS = dP;
    return {.dQ = dS * K * scale, .dK = dS.transpose() * Q * scale, .dV = P.transpose() * dY};
}
}  // namespace lesson22
