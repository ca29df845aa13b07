// Lesson 00 — reference solutions. (./nn solution 00 shows this once your own answers pass.)
#include <fmt/core.h>

#include <stdexcept>

#include "exercise.hpp"

namespace lesson00 {

Shape product_shape(Shape a, Shape b) {
    // (X×M)·(M×Y): the inner dimensions M must agree, and they cancel.
    if (a.cols != b.rows)
        throw std::invalid_argument(
            fmt::format("cannot multiply {}x{} by {}x{}: the first has {} columns, the second {} rows",
                        a.rows, a.cols, b.rows, b.cols, a.cols, b.rows));
    return {a.rows, b.cols};
}

nn::Matrix naive_matmul(const nn::Matrix& A, const nn::Matrix& B) {
    const Shape c = product_shape({A.rows(), A.cols()}, {B.rows(), B.cols()});
    nn::Matrix C(c.rows, c.cols);
    for (nn::Index i = 0; i < c.rows; ++i)
        for (nn::Index j = 0; j < c.cols; ++j) {
            nn::Scalar sum = 0;  // row i of A against column j of B
            for (nn::Index k = 0; k < A.cols(); ++k) sum += A(i, k) * B(k, j);
            C(i, j) = sum;
        }
    return C;
}

}  // namespace lesson00
