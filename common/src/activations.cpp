#include "nn/activations.hpp"

#include <cmath>

namespace nn {

double sigmoid(double z) {
    if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
    const double e = std::exp(z);  // < 1: no overflow
    return e / (1.0 + e);
}

double sigmoid_prime(double z) { return sigmoid(z) * sigmoid(-z); }

Matrix sigmoid(const Matrix& Z) { return Z.unaryExpr([](double z) { return sigmoid(z); }); }

Matrix sigmoid_prime(const Matrix& Z) {
    return Z.unaryExpr([](double z) { return sigmoid_prime(z); });
}

Matrix softmax(const Matrix& Z) {
    Matrix P(Z.rows(), Z.cols());
    for (Index j = 0; j < Z.cols(); ++j) {
        P.col(j) = (Z.col(j).array() - Z.col(j).maxCoeff()).exp().matrix();
        P.col(j) /= P.col(j).sum();
    }
    return P;
}

}  // namespace nn
