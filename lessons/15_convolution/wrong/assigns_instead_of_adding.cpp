// wrong 15.4: writes dX(row, col) = dY(i, j), so when two overlapping windows share a maximum the first gradient is lost.
#include "exercise.hpp"
#define max_pool_backward max_pool_backward_reference
#include "../solution.cpp"
#undef max_pool_backward

namespace lesson15 {
nn::Matrix max_pool_backward(const nn::Matrix& dY, const Pooled& p, nn::Index H, nn::Index W) {
    nn::Matrix dX = nn::Matrix::Zero(H, W);
    for (nn::Index i = 0; i < dY.rows(); ++i)
        for (nn::Index j = 0; j < dY.cols(); ++j) dX(p.row(i, j), p.col(i, j)) = dY(i, j);
    return dX;
}
}  // namespace lesson15
