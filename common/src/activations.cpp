#include "nn/activations.hpp"

#include <cmath>

namespace nn {

double sigmoid(double z) {
    if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
    const double e = std::exp(z);  // < 1: no overflow
    return e / (1.0 + e);
}

double sigmoid_prime(double z) { return sigmoid(z) * sigmoid(-z); }

Matrix sigmoid(const Matrix& Z) {
    return Z.unaryExpr([](double z) { return sigmoid(z); });
}

Matrix sigmoid_prime(const Matrix& Z) {
    return Z.unaryExpr([](double z) { return sigmoid_prime(z); });
}

const char* name(Activation a) {
    switch (a) {
        case Activation::identity:
            return "linear";
        case Activation::sigmoid:
            return "sigmoid";
        case Activation::tanh:
            return "tanh";
        case Activation::relu:
            return "relu";
        case Activation::leaky_relu:
            return "leaky_relu";
        case Activation::elu:
            return "elu";
    }
    return "?";
}

Matrix activate(Activation a, const Matrix& Z) {
    switch (a) {
        case Activation::identity:
            return Z;
        case Activation::sigmoid:
            return sigmoid(Z);
        case Activation::tanh:
            return Z.array().tanh().matrix();
        case Activation::relu:
            return Z.cwiseMax(0.0);
        case Activation::leaky_relu:
            return Z.unaryExpr([](double z) { return z > 0 ? z : leaky_relu_alpha * z; });
        case Activation::elu:
            return Z.unaryExpr([](double z) { return z >= 0 ? z : elu_alpha * std::expm1(z); });
    }
    return Z;
}

Matrix activate_prime(Activation a, const Matrix& Z, const Matrix& A) {
    switch (a) {
        case Activation::identity:
            return Matrix::Ones(Z.rows(), Z.cols());
        case Activation::sigmoid:
            return (A.array() * (1 - A.array())).matrix();
        case Activation::tanh:
            return (1 - A.array().square()).matrix();
        case Activation::relu:
            return Z.unaryExpr([](double z) { return z > 0 ? 1.0 : 0.0; });
        case Activation::leaky_relu:
            return Z.unaryExpr([](double z) { return z > 0 ? 1.0 : leaky_relu_alpha; });
        case Activation::elu:  // for z < 0, A = α(e^z − 1), so dA/dz = α·e^z = A + α
            return Z.binaryExpr(A, [](double z, double y) { return z >= 0 ? 1.0 : y + elu_alpha; });
    }
    return Z;
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
