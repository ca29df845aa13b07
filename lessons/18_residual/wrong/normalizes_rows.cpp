// wrong 18.3: normalizes each row over the batch (lesson 13's batch norm) instead of each column over its units.
#include "exercise.hpp"
#define normalize_columns normalize_columns_reference
#include "../solution.cpp"
#undef normalize_columns

namespace lesson18 {
nn::Matrix normalize_columns(const nn::Matrix& Z, nn::Vector& inv_std) {
    if (Z.rows() < 1) throw std::invalid_argument("normalize_columns: Z has no rows");
    const double n = double(Z.cols());
    const nn::Vector mean = Z.rowwise().sum() / n;
    const nn::Matrix centred = Z.colwise() - mean;
    const nn::Vector var = centred.cwiseAbs2().rowwise().sum() / n;
    const nn::Vector inv = (var.array() + kNormEps).rsqrt();
    inv_std = nn::Vector::Constant(Z.cols(), inv.mean());
    return inv.asDiagonal() * centred;
}
}  // namespace lesson18
