// wrong 18.4: divides by s instead of multiplying (σ where 1/σ belongs).
#include "exercise.hpp"
#define normalize_columns_backward normalize_columns_backward_reference
#include "../solution.cpp"
#undef normalize_columns_backward

namespace lesson18 {
nn::Matrix normalize_columns_backward(const nn::Matrix& dU, const nn::Matrix& U, const nn::Vector& inv_std) {
    if (dU.rows() != U.rows() || dU.cols() != U.cols() || inv_std.size() != U.cols())
        throw std::invalid_argument("normalize_columns_backward: shapes do not fit");
    const double m = double(U.rows());
    const nn::RowVector mean_du = dU.colwise().sum() / m;
    const nn::RowVector mean_duu = dU.cwiseProduct(U).colwise().sum() / m;
    nn::Matrix dZ = dU.rowwise() - mean_du;
    dZ -= U * mean_duu.asDiagonal();
    return dZ * inv_std.cwiseInverse().asDiagonal();
}
}  // namespace lesson18
