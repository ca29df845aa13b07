// wrong 18.3: scales z by 1/σ without subtracting the mean first.
#include "exercise.hpp"
#define normalize_columns normalize_columns_reference
#include "../solution.cpp"
#undef normalize_columns

namespace lesson18 {
nn::Matrix normalize_columns(const nn::Matrix& Z, nn::Vector& inv_std) {
    if (Z.rows() < 1) throw std::invalid_argument("normalize_columns: Z has no rows");
    const double m = double(Z.rows());
    const nn::RowVector mean = Z.colwise().sum() / m;
    const nn::Matrix centred = Z.rowwise() - mean;
    const nn::RowVector var = centred.cwiseAbs2().colwise().sum() / m;
    inv_std = (var.array() + kNormEps).rsqrt().transpose();
    return Z * inv_std.asDiagonal();
}
}  // namespace lesson18
