// wrong 18.1: puts a ReLU after the sum, y = relu(x + F(x)), as a plain layer would: negative outputs become 0.
#include "exercise.hpp"
#define residual_forward residual_forward_reference
#include "../solution.cpp"
#undef residual_forward

namespace lesson18 {
nn::Matrix residual_forward(const Block& p, const nn::Matrix& X) {
    check_shapes(p, X, "residual_forward");
    const nn::Matrix Z = (p.W1 * X).colwise() + p.b1;
    const nn::Matrix A = Z.cwiseMax(0.0);
    const nn::Matrix F = (p.W2 * A).colwise() + p.b2;
    return (X + F).cwiseMax(0.0);
}
}  // namespace lesson18
