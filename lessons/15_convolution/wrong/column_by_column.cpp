// wrong 15.3: scans each window column by column, so a tie keeps the first maximum in column order, not reading order.
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
            for (nn::Index v = 0; v < size; ++v)
                for (nn::Index u = 0; u < size; ++u)
                    if (X(i * stride + u, j * stride + v) > X(br, bc)) {
                        br = i * stride + u;
                        bc = j * stride + v;
                    }
            p.Y(i, j) = X(br, bc);
            p.row(i, j) = br;
            p.col(i, j) = bc;
        }
    return p;
}
}  // namespace lesson15
