// wrong 13.4: the running statistics keep (1 − momentum) of the old value and take momentum of
// the batch's (PyTorch's convention), where the contract keeps momentum of the old.
#include "exercise.hpp"
#define batchnorm_forward batchnorm_forward_reference
#include "../solution.cpp"
#undef batchnorm_forward

namespace lesson13 {
nn::Matrix batchnorm_forward(const nn::Matrix& Z, const nn::Vector& gamma, const nn::Vector& beta, double eps,
                             bool training, nn::Vector& running_mean, nn::Vector& running_var,
                             double momentum) {
    return batchnorm_forward_reference(Z, gamma, beta, eps, training, running_mean, running_var,
                                       1 - momentum);
}
}  // namespace lesson13
