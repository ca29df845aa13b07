// wrong 13.4: the batch variance divides by N − 1 (the sample variance), where the contract
// divides by N, both for Ẑ and for running_var.
#include "exercise.hpp"
#define batchnorm_forward batchnorm_forward_reference
#include "../solution.cpp"
#undef batchnorm_forward

namespace lesson13 {
nn::Matrix batchnorm_forward(const nn::Matrix& Z, const nn::Vector& gamma, const nn::Vector& beta, double eps,
                             bool training, nn::Vector& running_mean, nn::Vector& running_var,
                             double momentum) {
    if (!training)
        return batchnorm_forward_reference(Z, gamma, beta, eps, false, running_mean, running_var, momentum);
    nn::Vector mean = Z.rowwise().mean();
    nn::Vector var = (Z.colwise() - mean).array().square().rowwise().sum().matrix() / double(Z.cols() - 1);
    running_mean = momentum * running_mean + (1 - momentum) * mean;
    running_var = momentum * running_var + (1 - momentum) * var;
    return batchnorm_forward_reference(Z, gamma, beta, eps, false, mean, var,
                                       momentum);  // normalize with them
}
}  // namespace lesson13
