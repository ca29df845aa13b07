// wrong 00.2: the running sum starts at zero once, not once per entry, so each entry carries the
// sums of the entries before it.
#include "exercise.hpp"
#define naive_matmul naive_matmul_reference
#include "../solution.cpp"
#undef naive_matmul

namespace lesson00 {
nn::Matrix naive_matmul(const nn::Matrix& A, const nn::Matrix& B) {
    const Shape c = product_shape({A.rows(), A.cols()}, {B.rows(), B.cols()});
    nn::Matrix C(c.rows, c.cols);
    nn::Scalar sum = 0;
    for (nn::Index i = 0; i < c.rows; ++i)
        for (nn::Index j = 0; j < c.cols; ++j) {
            for (nn::Index k = 0; k < A.cols(); ++k) sum += A(i, k) * B(k, j);
            C(i, j) = sum;
        }
    return C;
}
}  // namespace lesson00
