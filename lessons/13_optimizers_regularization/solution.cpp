// Lesson 13 — reference solutions. (./nn solution 13 shows this once your own answers pass.)
#include <cmath>
#include <stdexcept>

#include "exercise.hpp"

namespace lesson13 {

void momentum_update(nn::Matrix& W, nn::Matrix& v, const nn::Matrix& dW, double lr, double beta) {
    v = beta * v + dW;
    W -= lr * v;
}

void adam_update(nn::Matrix& W, nn::Matrix& m, nn::Matrix& v, const nn::Matrix& dW, long t, double lr,
                 double beta1, double beta2, double eps) {
    m = beta1 * m + (1 - beta1) * dW;
    v = beta2 * v + (1 - beta2) * dW.cwiseAbs2();
    const double c1 = 1 - std::pow(beta1, double(t)), c2 = 1 - std::pow(beta2, double(t));
    W.array() -= lr * (m.array() / c1) / ((v.array() / c2).sqrt() + eps);
}

nn::Matrix dropout_forward(const nn::Matrix& A, double p, bool training, nn::Rng& rng, nn::Matrix& mask) {
    if (!(p >= 0 && p < 1)) throw std::invalid_argument("dropout: p must be in [0, 1)");
    if (!training) {
        mask = nn::Matrix::Ones(A.rows(), A.cols());
        return A;
    }
    mask.resize(A.rows(), A.cols());
    for (nn::Index k = 0; k < A.size(); ++k) mask(k) = rng.uniform() < p ? 0.0 : 1.0 / (1.0 - p);
    return A.cwiseProduct(mask);
}

nn::Matrix dropout_backward(const nn::Matrix& dOut, const nn::Matrix& mask) {
    return dOut.cwiseProduct(mask);
}

nn::Matrix batchnorm_forward(const nn::Matrix& Z, const nn::Vector& gamma, const nn::Vector& beta, double eps,
                             bool training, nn::Vector& running_mean, nn::Vector& running_var,
                             double momentum) {
    nn::Vector mean = running_mean, var = running_var;
    if (training) {
        mean = Z.rowwise().mean();
        var = (Z.colwise() - mean).array().square().rowwise().mean().matrix();
        running_mean = momentum * running_mean + (1 - momentum) * mean;
        running_var = momentum * running_var + (1 - momentum) * var;
    }
    const nn::Vector inv_std = (var.array() + eps).rsqrt().matrix();
    const nn::Matrix Zhat = ((Z.colwise() - mean).array().colwise() * inv_std.array()).matrix();
    return ((Zhat.array().colwise() * gamma.array()).colwise() + beta.array()).matrix();
}

}  // namespace lesson13
