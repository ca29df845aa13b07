#include "nn/losses.hpp"

#include <cmath>
#include <stdexcept>

#include "nn/activations.hpp"

namespace nn {

namespace {
void same_shape(const Matrix& A, const Matrix& B, const char* who) {
    if (A.rows() != B.rows() || A.cols() != B.cols())
        throw std::invalid_argument(std::string(who) + ": prediction and target differ in shape");
}
double n_of(const Matrix& Y) { return double(Y.cols()); }
}  // namespace

LossAndGrad mse(const Matrix& Y_hat, const Matrix& Y) {
    same_shape(Y_hat, Y, "mse");
    const Matrix r = Y_hat - Y;
    return {r.squaredNorm() / n_of(Y), 2.0 * r / n_of(Y)};
}

LossAndGrad half_squared_error(const Matrix& Y_hat, const Matrix& Y) {
    same_shape(Y_hat, Y, "half_squared_error");
    const Matrix r = Y_hat - Y;
    return {0.5 * r.squaredNorm() / n_of(Y), r / n_of(Y)};
}

LossAndGrad binary_cross_entropy(const Matrix& P, const Matrix& Y) {
    same_shape(P, Y, "binary_cross_entropy");
    const double n = n_of(Y);
    const double loss = -(Y.array() * P.array().log() + (1 - Y.array()) * (1 - P.array()).log()).sum() / n;
    const Matrix grad = ((P.array() - Y.array()) / (P.array() * (1 - P.array())) / n).matrix();
    return {loss, grad};
}

LossAndGrad softmax_cross_entropy(const Matrix& Z, const Matrix& Y) {
    same_shape(Z, Y, "softmax_cross_entropy");
    double loss = 0;
    for (Index j = 0; j < Z.cols(); ++j) {
        const double m = Z.col(j).maxCoeff();
        const double log_sum = m + std::log((Z.col(j).array() - m).exp().sum());  // log Σ e^z
        loss -= (Y.col(j).array() * (Z.col(j).array() - log_sum)).sum();          // −Σ y log p
    }
    return {loss / n_of(Y), (softmax(Z) - Y) / n_of(Y)};
}

}  // namespace nn
