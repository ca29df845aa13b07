// The stubs' second flavour: plausible non-answers of the right shape (zeros, the input unchanged), which each test case must reject by a check.
#include <cmath>

#include "exercise.hpp"

namespace lesson10 {

nn::Matrix stable_softmax(const nn::Matrix& Z) { return nn::Matrix::Zero(Z.rows(), Z.cols()); }

double cross_entropy(const nn::Matrix&, const nn::Matrix&) { return 0.0; }

nn::Matrix softmax_cross_entropy_grad(const nn::Matrix& Z, const nn::Matrix&) {
    return nn::Matrix::Zero(Z.rows(), Z.cols());
}

double activation_prime(nn::Activation, double) { return 0.0; }

}  // namespace lesson10
