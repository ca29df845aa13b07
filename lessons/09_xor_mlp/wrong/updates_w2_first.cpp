// wrong 09.2: updates W2 before back-propagating through it,
// so the hidden layer's gradient uses the new W2.
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
    net.W2 -= lr * dZ2 * f.H.transpose();
    net.b2 -= lr * dZ2.rowwise().sum();
    const nn::Matrix dH = net.W2.transpose() * dZ2;
    const nn::Matrix dZ1 = (dH.array() * f.H.array() * (1 - f.H.array())).matrix();
    net.W1 -= lr * dZ1 * X.transpose();
    net.b1 -= lr * dZ1.rowwise().sum();
    return loss;
}
}  // namespace lesson09
