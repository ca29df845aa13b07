// Included first in every file of the checked build (./nn check, ./nn try; see CMakeLists.txt).
// Eigen checks every product's and sum's shapes and every index when NDEBUG is off, and calls
// eigen_assert on a violation. Here that throws nn::ShapeError instead of aborting, so a test of
// the learner's code reports it with its context: which exercise, which inputs, and in words what
// went wrong ("A·B needs A.cols() == B.rows()").
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace nn {

struct ShapeError : std::logic_error {
    using std::logic_error::logic_error;
};

// "at exercises/00_matmul.cpp:25 (in lesson00::naive_matmul)": the innermost frame of the call
// stack in a learner's exercise file, or "" (common/src/checked.cpp; it asks addr2line).
std::string learner_location();

[[noreturn]] inline void eigen_check_failed(const char* condition, const char* file, int line) {
    const std::string_view c = condition;
    std::string what;
    if (c.find("invalid matrix product") != std::string_view::npos)
        what =
            "a matrix product A*B whose sizes do not fit: it needs A.cols() == B.rows() (is one "
            "of them transposed?)";
    else if (c.find("aLhs.rows() == aRhs.rows() && aLhs.cols() == aRhs.cols()") != std::string_view::npos)
        what =
            "an entry-by-entry operation (+, -, cwiseProduct, array *) on two matrices of "
            "different shapes";
    else if (c.find("rows() == other.rows()") != std::string_view::npos ||
             c.find("DenseBase::resize() does not actually allow to resize") != std::string_view::npos ||
             c.find("rows == this->rows() && cols == this->cols()") != std::string_view::npos)
        what = "assigning a matrix of one shape to a block or fixed-size matrix of another";
    else if (c.find("index >= 0 && index < size()") != std::string_view::npos ||
             c.find("row >= 0 && row < rows()") != std::string_view::npos ||
             c.find("< rows()") != std::string_view::npos || c.find("< cols()") != std::string_view::npos)
        what = "an index out of range: a row, column or entry that the matrix does not have";
    else if (c.find("startRow >= 0") != std::string_view::npos ||
             c.find("a_startRow") != std::string_view::npos || c.find("blockRows") != std::string_view::npos)
        what = "a block (middleCols, col, row, segment) that reaches outside the matrix";
    else
        what = "Eigen's check failed";
    throw ShapeError("shape mistake " + learner_location() + ": " + what +
                     " [Eigen's check: " + std::string(c) + ", " + file + ":" + std::to_string(line) + "]");
}

}  // namespace nn

#define eigen_assert(x)                                                 \
    do {                                                                \
        if (!bool(x)) ::nn::eigen_check_failed(#x, __FILE__, __LINE__); \
    } while (false)
