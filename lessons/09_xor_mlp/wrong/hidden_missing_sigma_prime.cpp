// wrong 09.2: the hidden layer's error is W2ᵀ·dZ2 without the
// factor H(1 − H) of the hidden sigmoids.
#include "exercise.hpp"
#define train_step train_step_reference
#include "../solution.cpp"
#undef train_step

namespace lesson09 {
double train_step(XorNet& net, const nn::Matrix& X, const nn::Matrix& Y, double lr) {
    const XorForward f = xor_forward(net, X);
    const nn::Matrix r = f.out - Y;
    const double loss = 0.5 * r.squaredNorm();
    const nn::Matrix dZ2 = (r.array() * f.out.array() * (1 - f.out.array())).matrix();
    const nn::DenseGrads g2 = nn::dense_backward(net.W2, f.H, dZ2);
    const nn::DenseGrads g1 = nn::dense_backward(net.W1, X, g2.dX);
    net.W2 -= lr * g2.dW;
    net.b2 -= lr * g2.db;
    net.W1 -= lr * g1.dW;
    net.b1 -= lr * g1.db;
    return loss;
}
}  // namespace lesson09
