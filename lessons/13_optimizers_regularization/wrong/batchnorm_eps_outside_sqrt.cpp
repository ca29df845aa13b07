// wrong 13.4: ε added after the square root, (z − μ)/(√σ² + ε), where the contract has √(σ² + ε).
#include "exercise.hpp"
#define batchnorm_forward batchnorm_forward_reference
#include "../solution.cpp"
#undef batchnorm_forward

namespace lesson13 {
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
    const nn::Matrix Zhat = ((Z.colwise() - mean).array().colwise() / (var.array().sqrt() + eps)).matrix();
    return ((Zhat.array().colwise() * gamma.array()).colwise() + beta.array()).matrix();
}
}  // namespace lesson13
