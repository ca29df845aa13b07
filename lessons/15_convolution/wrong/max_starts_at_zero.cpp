// wrong 15.3: starts each window's maximum at 0 instead of at its first entry, so a window of negative numbers gives 0.
#include "exercise.hpp"
#define max_pool max_pool_reference
#include "../solution.cpp"
#undef max_pool

namespace lesson15 {
Pooled max_pool(const nn::Matrix& X, nn::Index size, nn::Index stride) {
    const nn::Index Ho = output_size(X.rows(), size, 0, stride), Wo = output_size(X.cols(), size, 0, stride);
    Pooled p{nn::Matrix(Ho, Wo), IndexMatrix(Ho, Wo), IndexMatrix(Ho, Wo)};
    for (nn::Index i = 0; i < Ho; ++i)
        for (nn::Index j = 0; j < Wo; ++j) {
            nn::Index br = i * stride, bc = j * stride;
            double best = 0;
            for (nn::Index u = 0; u < size; ++u)
                for (nn::Index v = 0; v < size; ++v)
                    if (X(i * stride + u, j * stride + v) > best) {
                        best = X(i * stride + u, j * stride + v);
                        br = i * stride + u;
                        bc = j * stride + v;
                    }
            p.Y(i, j) = best;
            p.row(i, j) = br;
            p.col(i, j) = bc;
        }
    return p;
}
}  // namespace lesson15
