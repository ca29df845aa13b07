// wrong 22.2: forgets the 1/√d in dQ and dK.
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
    const double scale = 1;
    const nn::Matrix dP = dY * V.transpose();
    const nn::Vector row_term = (P.array() * dP.array()).rowwise().sum().matrix();
    const nn::Matrix dS = (P.array() * (dP.colwise() - row_term).array()).matrix();
    return {.dQ = dS * K * scale, .dK = dS.transpose() * Q * scale, .dV = P.transpose() * dY};
}
}  // namespace lesson22
