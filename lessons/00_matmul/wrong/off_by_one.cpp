// wrong 00.2: the sum of products stops one term early.
#include "exercise.hpp"
#define naive_matmul naive_matmul_reference
#include "../solution.cpp"
#undef naive_matmul

namespace lesson00 {
nn::Matrix naive_matmul(const nn::Matrix& A, const nn::Matrix& B) {
    const Shape c = product_shape({A.rows(), A.cols()}, {B.rows(), B.cols()});
    nn::Matrix C(c.rows, c.cols);
    for (nn::Index i = 0; i < c.rows; ++i)
        for (nn::Index j = 0; j < c.cols; ++j) {
            nn::Scalar sum = 0;
            for (nn::Index k = 0; k + 1 < A.cols(); ++k) sum += A(i, k) * B(k, j);  // misses k = M-1
            C(i, j) = sum;
        }
    return C;
}
}  // namespace lesson00
