// wrong 18.1: adds b1 after the ReLU, relu(W1·x) + b1, instead of before it.
#include "exercise.hpp"
#define residual_forward residual_forward_reference
#include "../solution.cpp"
#undef residual_forward

namespace lesson18 {
nn::Matrix residual_forward(const Block& p, const nn::Matrix& X) {
    check_shapes(p, X, "residual_forward");
    const nn::Matrix Z = (p.W1 * X).colwise() + p.b1;
    const nn::Matrix A = (Z.colwise() - p.b1).cwiseMax(0.0).colwise() + p.b1;
    const nn::Matrix F = (p.W2 * A).colwise() + p.b2;
    return X + F;
}
}  // namespace lesson18
