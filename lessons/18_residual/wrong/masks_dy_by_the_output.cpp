// wrong 18.2: multiplies dY by [Y > 0] first, the backward of a ReLU after the sum that the block does not have.
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
    const nn::Matrix Y = X + ((p.W2 * A).colwise() + p.b2);
    const nn::Matrix dYm = dY.cwiseProduct((Y.array() > 0.0).cast<double>().matrix());
    g.dW2 = dYm * A.transpose();
    g.db2 = dYm.rowwise().sum();
    const nn::Matrix dA = p.W2.transpose() * dYm;
    const nn::Matrix dZ = dA.cwiseProduct((Z.array() > 0.0).cast<double>().matrix());
    g.dW1 = dZ * X.transpose();
    g.db1 = dZ.rowwise().sum();
    g.dX = dYm + p.W1.transpose() * dZ;
    return g;
}
}  // namespace lesson18
