// wrong 18.1: returns the branch F(x) alone: the skip connection is forgotten and the block is a plain two-layer stack.
#include "exercise.hpp"
#define residual_forward residual_forward_reference
#include "../solution.cpp"
#undef residual_forward

namespace lesson18 {
nn::Matrix residual_forward(const Block& p, const nn::Matrix& X) {
    check_shapes(p, X, "residual_forward");
    const nn::Matrix Z = (p.W1 * X).colwise() + p.b1;
    const nn::Matrix A = Z.cwiseMax(0.0);
    return (p.W2 * A).colwise() + p.b2;
}
}  // namespace lesson18
