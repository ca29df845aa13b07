// wrong 18.1: forgets the second bias: F = W2·relu(W1·x + b1).
#include "exercise.hpp"
#define residual_forward residual_forward_reference
#include "../solution.cpp"
#undef residual_forward

namespace lesson18 {
nn::Matrix residual_forward(const Block& p, const nn::Matrix& X) {
    check_shapes(p, X, "residual_forward");
    const nn::Matrix Z = (p.W1 * X).colwise() + p.b1;
    const nn::Matrix A = Z.cwiseMax(0.0);
    return X + p.W2 * A;
}
}  // namespace lesson18
