// wrong 15.4: walks dY row by row but the argmax matrices column by column, so each gradient goes to another window's maximum.
#include "exercise.hpp"
#define max_pool_backward max_pool_backward_reference
#include "../solution.cpp"
#undef max_pool_backward

namespace lesson15 {
nn::Matrix max_pool_backward(const nn::Matrix& dY, const Pooled& p, nn::Index H, nn::Index W) {
    nn::Matrix dX = nn::Matrix::Zero(H, W);
    const nn::Matrix flat = dY.transpose();  // flat(k) is dY in reading order
    for (nn::Index k = 0; k < dY.size(); ++k) dX(p.row(k), p.col(k)) += flat(k);
    return dX;
}
}  // namespace lesson15
