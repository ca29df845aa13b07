// Lesson 10 — reference solutions. (./nn solution 10 shows this once your own answers pass.)
#include <cmath>
#include <stdexcept>

#include "exercise.hpp"

namespace lesson10 {

nn::Matrix stable_softmax(const nn::Matrix& Z) {
    nn::Matrix P(Z.rows(), Z.cols());
    for (nn::Index j = 0; j < Z.cols(); ++j) {
        // e^{z − m} / Σ e^{z − m} equals e^z / Σ e^z; with m the maximum every exponent is ≤ 0.
        const nn::Vector e = (Z.col(j).array() - Z.col(j).maxCoeff()).exp().matrix();
        P.col(j) = e / e.sum();
    }
    return P;
}

double cross_entropy(const nn::Matrix& P, const nn::Matrix& Y) {
    if (P.rows() != Y.rows() || P.cols() != Y.cols())
        throw std::invalid_argument("cross_entropy: P and Y differ in shape");
    double sum = 0;
    for (nn::Index k = 0; k < P.size(); ++k)
        if (Y(k) != 0) sum -= Y(k) * std::log(P(k));  // a zero target adds nothing (and 0·ln 0 = 0)
    return sum / double(P.cols());
}

nn::Matrix softmax_cross_entropy_grad(const nn::Matrix& Z, const nn::Matrix& Y) {
    return (stable_softmax(Z) - Y) / double(Z.cols());
}

double activation_prime(nn::Activation a, double z) {
    switch (a) {
        case nn::Activation::identity:
            return 1;
        case nn::Activation::sigmoid:
            return nn::sigmoid(z) * nn::sigmoid(-z);
        case nn::Activation::tanh: {
            const double t = std::tanh(z);
            return 1 - t * t;
        }
        case nn::Activation::relu:
            return z > 0 ? 1 : 0;
        case nn::Activation::leaky_relu:
            return z > 0 ? 1 : nn::leaky_relu_alpha;
        case nn::Activation::elu:
            return z >= 0 ? 1 : nn::elu_alpha * std::exp(z);
    }
    return 0;
}

}  // namespace lesson10
