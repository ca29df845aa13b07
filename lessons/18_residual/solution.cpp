// Lesson 18 — reference solutions (exercise.hpp says what each function must do).
#include <fmt/core.h>

#include <stdexcept>

#include "exercise.hpp"

namespace lesson18 {

namespace {
// Refuses parameters and a batch whose shapes do not fit together.
void check_shapes(const Block& p, const nn::Matrix& X, const char* who) {
    const nn::Index d = X.rows(), h = p.W1.rows();
    if (p.W1.cols() != d || p.b1.size() != h || p.W2.rows() != d || p.W2.cols() != h || p.b2.size() != d)
        throw std::invalid_argument(fmt::format(
            "{}: X has {} rows, so W1 must be hx{}, b1 h, W2 {}xh and b2 {}; got W1 {}x{}, b1 {}, "
            "W2 {}x{}, b2 {}",
            who, d, d, d, d, p.W1.rows(), p.W1.cols(), p.b1.size(), p.W2.rows(), p.W2.cols(), p.b2.size()));
}
}  // namespace

nn::Matrix residual_forward(const Block& p, const nn::Matrix& X) {
    check_shapes(p, X, "residual_forward");
    const nn::Matrix Z = (p.W1 * X).colwise() + p.b1;
    const nn::Matrix A = Z.cwiseMax(0.0);
    const nn::Matrix F = (p.W2 * A).colwise() + p.b2;
    return X + F;
}

BlockGrads residual_backward(const Block& p, const nn::Matrix& X, const nn::Matrix& dY) {
    check_shapes(p, X, "residual_backward");
    if (dY.rows() != X.rows() || dY.cols() != X.cols())
        throw std::invalid_argument(fmt::format("residual_backward: dY is {}x{}, X {}x{}: they must match",
                                                dY.rows(), dY.cols(), X.rows(), X.cols()));
    const nn::Matrix Z = (p.W1 * X).colwise() + p.b1;
    const nn::Matrix A = Z.cwiseMax(0.0);
    BlockGrads g;
    g.dW2 = dY * A.transpose();
    g.db2 = dY.rowwise().sum();
    const nn::Matrix dA = p.W2.transpose() * dY;
    const nn::Matrix dZ = dA.cwiseProduct((Z.array() > 0.0).cast<double>().matrix());
    g.dW1 = dZ * X.transpose();
    g.db1 = dZ.rowwise().sum();
    g.dX = dY + p.W1.transpose() * dZ;
    return g;
}

nn::Matrix normalize_columns(const nn::Matrix& Z, nn::Vector& inv_std) {
    if (Z.rows() < 1) throw std::invalid_argument("normalize_columns: Z has no rows to normalize over");
    const double m = double(Z.rows());
    const nn::RowVector mean = Z.colwise().sum() / m;
    const nn::Matrix centred = Z.rowwise() - mean;
    const nn::RowVector var = centred.cwiseAbs2().colwise().sum() / m;
    inv_std = (var.array() + kNormEps).rsqrt().transpose();
    return centred * inv_std.asDiagonal();
}

nn::Matrix normalize_columns_backward(const nn::Matrix& dU, const nn::Matrix& U, const nn::Vector& inv_std) {
    if (dU.rows() != U.rows() || dU.cols() != U.cols() || inv_std.size() != U.cols())
        throw std::invalid_argument(
            fmt::format("normalize_columns_backward: dU {}x{}, U {}x{} and inv_std of {} entries do not fit",
                        dU.rows(), dU.cols(), U.rows(), U.cols(), inv_std.size()));
    const double m = double(U.rows());
    const nn::RowVector mean_du = dU.colwise().sum() / m;
    const nn::RowVector mean_duu = dU.cwiseProduct(U).colwise().sum() / m;
    nn::Matrix dZ = dU.rowwise() - mean_du;
    dZ -= U * mean_duu.asDiagonal();
    return dZ * inv_std.asDiagonal();
}

}  // namespace lesson18
