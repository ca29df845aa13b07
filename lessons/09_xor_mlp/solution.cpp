// Lesson 09 — reference solutions. (./nn solution 09 shows this once your own answers pass.)
#include "exercise.hpp"
#include "nn/activations.hpp"
#include "nn/dense.hpp"

namespace lesson09 {

XorForward xor_forward(const XorNet& net, const nn::Matrix& X) {
    XorForward f;
    f.H = nn::sigmoid(nn::dense_forward(net.W1, net.b1, X));
    f.out = nn::sigmoid(nn::dense_forward(net.W2, net.b2, f.H));
    return f;
}

double train_step(XorNet& net, const nn::Matrix& X, const nn::Matrix& Y, double lr) {
    const XorForward f = xor_forward(net, X);
    const nn::Matrix r = f.out - Y;  // ∂loss/∂out for loss = ½ Σ (out − y)²
    const double loss = 0.5 * r.squaredNorm();
    // Through the output sigmoid: ∂loss/∂z2 = r ⊙ out(1 − out)
    const nn::Matrix dZ2 = (r.array() * f.out.array() * (1 - f.out.array())).matrix();
    const nn::DenseGrads g2 = nn::dense_backward(net.W2, f.H, dZ2);
    // Through the hidden sigmoids: ∂loss/∂z1 = (W2ᵀ·dZ2) ⊙ H(1 − H)
    const nn::Matrix dZ1 = (g2.dX.array() * f.H.array() * (1 - f.H.array())).matrix();
    const nn::DenseGrads g1 = nn::dense_backward(net.W1, X, dZ1);
    net.W2 -= lr * g2.dW;  // every gradient was taken before any parameter moved
    net.b2 -= lr * g2.db;
    net.W1 -= lr * g1.dW;
    net.b1 -= lr * g1.db;
    return loss;
}

}  // namespace lesson09
