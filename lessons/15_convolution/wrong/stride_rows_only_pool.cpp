// wrong 15.3: moves the window by the stride down the rows but by 1 along a row.
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
            nn::Index br = i * stride, bc = j;
            for (nn::Index u = 0; u < size; ++u)
                for (nn::Index v = 0; v < size; ++v)
                    if (X(i * stride + u, j + v) > X(br, bc)) {
                        br = i * stride + u;
                        bc = j + v;
                    }
            p.Y(i, j) = X(br, bc);
            p.row(i, j) = br;
            p.col(i, j) = bc;
        }
    return p;
}
}  // namespace lesson15
