// Helpers for the tests: element-by-element matrix checks and gradient checks.
#pragma once

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>

#include "nn/types.hpp"

namespace nn_test {

// Shapes first (a required check), then every entry within `tol` (absolute), each with its
// position in the failure message.
inline void check_matrix(const nn::Matrix& actual, const nn::Matrix& expected, double tol = 1e-12) {
    BOOST_TEST_REQUIRE(actual.rows() == expected.rows());
    BOOST_TEST_REQUIRE(actual.cols() == expected.cols());
    for (nn::Index i = 0; i < actual.rows(); ++i)
        for (nn::Index j = 0; j < actual.cols(); ++j)
            BOOST_TEST_CONTEXT("entry (" << i << ", " << j << ")") {
                BOOST_TEST(std::abs(actual(i, j) - expected(i, j)) <= tol,
                           "actual " << actual(i, j) << ", expected " << expected(i, j));
            }
}

// ‖a − n‖ / ‖a + n‖ (mlpack's CheckGradient, CS231n's rel_error); 0 when both are 0.
inline double rel_error(const nn::Matrix& a, const nn::Matrix& n) {
    const double denom = (a + n).norm();
    return denom == 0 ? 0 : (a - n).norm() / denom;
}

// ∂f/∂P by central differences, one entry of P at a time (P is restored afterwards).
inline nn::Matrix central_gradient(const std::function<double()>& f, nn::Matrix& P,
                                   double eps = 1e-6) {
    nn::Matrix G(P.rows(), P.cols());
    for (nn::Index k = 0; k < P.size(); ++k) {
        const double saved = P(k);
        P(k) = saved + eps;
        const double up = f();
        P(k) = saved - eps;
        const double down = f();
        P(k) = saved;
        G(k) = (up - down) / (2 * eps);
    }
    return G;
}

}  // namespace nn_test
