// wrong 18.2: dW1 = dZ·Yᵀ: the block's output Y where its input X fed W1.
#include "exercise.hpp"
#define residual_backward residual_backward_reference
#include "../solution.cpp"
#undef residual_backward

namespace lesson18 {
BlockGrads residual_backward(const Block& p, const nn::Matrix& X, const nn::Matrix& dY) {
    check_shapes(p, X, "residual_backward");
    if (dY.rows() != X.rows() || dY.cols() != X.cols())
        throw std::invalid_argument("residual_backward: dY and X must have the same shape");
    const nn::Matrix Z = (p.W1 * X).colwise() + p.b1;
    const nn::Matrix A = Z.cwiseMax(0.0);
    BlockGrads g;
    g.dW2 = dY * A.transpose();
    g.db2 = dY.rowwise().sum();
    const nn::Matrix dA = p.W2.transpose() * dY;
    const nn::Matrix dZ = dA.cwiseProduct((Z.array() > 0.0).cast<double>().matrix());
    g.dW1 = dZ * residual_forward(p, X).transpose();
    g.db1 = dZ.rowwise().sum();
    g.dX = dY + p.W1.transpose() * dZ;
    return g;
}
}  // namespace lesson18
