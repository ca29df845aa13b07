// wrong 09.2: the bias gradients averaged over the samples (the weights' summed), though the
// loss ½ Σ (out − y)² is a sum.
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
    const nn::Matrix dZ1 = (g2.dX.array() * f.H.array() * (1 - f.H.array())).matrix();
    const nn::DenseGrads g1 = nn::dense_backward(net.W1, X, dZ1);
    net.W2 -= lr * g2.dW;
    net.b2 -= lr * dZ2.rowwise().mean();
    net.W1 -= lr * g1.dW;
    net.b1 -= lr * dZ1.rowwise().mean();
    return loss;
}
}  // namespace lesson09
