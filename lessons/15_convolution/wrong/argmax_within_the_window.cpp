// wrong 15.3: keeps the argmax as the position inside the window (u, v) instead of the position in X.
#include "exercise.hpp"
#define max_pool max_pool_reference
#include "../solution.cpp"
#undef max_pool

namespace lesson15 {
Pooled max_pool(const nn::Matrix& X, nn::Index size, nn::Index stride) {
    Pooled p = max_pool_reference(X, size, stride);
    for (nn::Index i = 0; i < p.Y.rows(); ++i)
        for (nn::Index j = 0; j < p.Y.cols(); ++j) {
            p.row(i, j) -= i * stride;
            p.col(i, j) -= j * stride;
        }
    return p;
}
}  // namespace lesson15
