// wrong 00.2: no shape check: multiplies what it is given (up to the shorter inner dimension)
// instead of throwing std::invalid_argument for mismatched shapes.
#include <algorithm>

#include "exercise.hpp"
#define naive_matmul naive_matmul_reference
#include "../solution.cpp"
#undef naive_matmul

namespace lesson00 {
nn::Matrix naive_matmul(const nn::Matrix& A, const nn::Matrix& B) {
    nn::Matrix C(A.rows(), B.cols());
    const nn::Index m = std::min(A.cols(), B.rows());
    for (nn::Index i = 0; i < A.rows(); ++i)
        for (nn::Index j = 0; j < B.cols(); ++j) {
            nn::Scalar sum = 0;
            for (nn::Index k = 0; k < m; ++k) sum += A(i, k) * B(k, j);
            C(i, j) = sum;
        }
    return C;
}
}  // namespace lesson00
