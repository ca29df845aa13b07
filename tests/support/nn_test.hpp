// Helpers for the tests. Every check says, in words, what it checked: the failure message carries
// the property ("the columns of softmax must sum to 1"), the expected value and the learner's value,
// so ./nn check can show a learner what is wrong without opening the test.
#pragma once

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>
#include <iomanip>
#include <sstream>
#include <stdexcept>
#include <string>

#include "nn/gradcheck.hpp"
#include "nn/types.hpp"

namespace nn_test {

// A matrix as text for a failure message: "2x3 [[1, 2, 3], [4, 5, 6]]" (large ones by shape only).
inline std::string show(const nn::Matrix& M) {
    std::ostringstream s;
    s << M.rows() << "x" << M.cols();
    if (M.size() > 24) return s.str();
    s.precision(10);
    s << " [";
    for (nn::Index i = 0; i < M.rows(); ++i) {
        s << (i ? ", [" : "[");
        for (nn::Index j = 0; j < M.cols(); ++j) s << (j ? ", " : "") << M(i, j);
        s << "]";
    }
    s << "]";
    return s.str();
}

// |actual − expected| ≤ tol (NaN never passes). `what` names the quantity in words.
inline void check_near(double actual, double expected, double tol, const std::string& what) {
    const bool ok = std::abs(actual - expected) <= tol;
    BOOST_TEST(ok, what << ": expected " << std::setprecision(17) << expected << ", got " << actual
                        << " (tolerance " << tol << ")");
}

// Exact equality, for integers, counts and values that must come out exactly.
template <class T>
void check_equal(const T& actual, const T& expected, const std::string& what) {
    BOOST_TEST(actual == expected, what << ": expected " << expected << ", got " << actual);
}

// Shapes first (a required check), then every entry within `tol` (absolute), each failing entry
// named by `what` and its position; after the first 4 failing entries, one line counts the rest.
inline void check_matrix(const nn::Matrix& actual, const nn::Matrix& expected, double tol,
                         const std::string& what) {
    BOOST_TEST_REQUIRE((actual.rows() == expected.rows() && actual.cols() == expected.cols()),
                       what << ": expected a " << expected.rows() << "x" << expected.cols() << " matrix, got "
                            << actual.rows() << "x" << actual.cols());
    long wrong = 0;
    for (nn::Index j = 0; j < actual.cols(); ++j)
        for (nn::Index i = 0; i < actual.rows(); ++i) {
            if (std::abs(actual(i, j) - expected(i, j)) <= tol) continue;
            if (++wrong <= 4)
                BOOST_TEST(false, what << ", entry (" << i << ", " << j << "): expected "
                                       << std::setprecision(17) << expected(i, j) << ", got " << actual(i, j)
                                       << " (tolerance " << tol << ")");
        }
    if (wrong > 4)
        BOOST_TEST(false,
                   what << ": " << wrong - 4 << " more of " << actual.size() << " entries differ as well");
}
inline void check_matrix(const nn::Matrix& actual, const nn::Matrix& expected, double tol = 1e-12) {
    check_matrix(actual, expected, tol, "the result");
}

// The relative error of a gradient check, nn::rel_error (common/include/nn/gradcheck.hpp).
using nn::rel_error;

// A gradient against central differences: shape, then rel_error < tol, with both printed.
inline void check_gradient(const nn::Matrix& analytic, const nn::Matrix& numeric, double tol,
                           const std::string& what) {
    BOOST_TEST_REQUIRE((analytic.rows() == numeric.rows() && analytic.cols() == numeric.cols()),
                       what << ": expected a " << numeric.rows() << "x" << numeric.cols() << " gradient, got "
                            << analytic.rows() << "x" << analytic.cols());
    const double e = rel_error(analytic, numeric);
    BOOST_TEST(e < tol, what << " must match central differences: relative error " << e << " (at most " << tol
                             << ")\n  yours:   " << show(analytic) << "\n  numeric: " << show(numeric));
}

// ∂f/∂P by central differences, nn::central_gradient (lesson 06 teaches them).
using nn::central_gradient;

// Runs f, which must throw std::invalid_argument; returns its message ("" if it did not). Any
// other outcome is a failed check, not an escaped exception.
inline std::string invalid_argument_message(const std::function<void()>& f, const std::string& what) {
    try {
        f();
    } catch (const std::invalid_argument& e) {
        return e.what();
    } catch (const std::exception& e) {
        BOOST_TEST(false, what << ": expected std::invalid_argument, got another exception: " << e.what());
        return "";
    }
    BOOST_TEST(false, what << ": expected std::invalid_argument, nothing was thrown");
    return "";
}

// An error message must contain `part` (a shape such as "2x3", a name).
inline void check_names(const std::string& message, const std::string& part, const std::string& what) {
    BOOST_TEST(message.find(part) != std::string::npos,
               what << ": the message must name '" << part << "', got '" << message << "'");
}

}  // namespace nn_test
