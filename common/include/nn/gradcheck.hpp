// Gradient checks: a derivative estimated by central differences, and how far an analytic
// gradient is from it. Lesson 06 teaches central differences (its exercise gradient_estimator
// writes the forward one by hand; its section 6 compares the two); every later lesson and test
// that checks a gradient uses these.
#pragma once

#include <cstddef>
#include <utility>

#include "nn/types.hpp"

namespace nn {

// ∂f/∂x by the central difference (f(x + eps) − f(x − eps)) / 2eps. x is nudged in place and
// restored, so f reads x itself: central_gradient([&] { return cost(w); }, w).
template <class F>
double central_gradient(F&& f, double& x, double eps = 1e-6) {
    const double saved = x;
    x = saved + eps;
    const double up = f();
    x = saved - eps;
    const double down = f();
    x = saved;
    return (up - down) / (2 * eps);
}

// ∂f/∂P, P's shape, one entry of P at a time as above: P is a Matrix, a Vector or a block of one
// (each entry nudged in place and restored). A Vector gives a one-column Matrix.
template <class F, class Derived>
Matrix central_gradient(F&& f, Eigen::MatrixBase<Derived>& P, double eps = 1e-6) {
    Matrix G(P.rows(), P.cols());
    for (Index k = 0; k < P.size(); ++k) G(k) = central_gradient(f, P.derived().coeffRef(k), eps);
    return G;
}
// The same for a block written in place (central_gradient(f, T.col(0))).
template <class F, class Derived>
Matrix central_gradient(F&& f, Eigen::MatrixBase<Derived>&& P, double eps = 1e-6) {
    return central_gradient(std::forward<F>(f), P, eps);
}

// ‖a − n‖ / (‖a‖ + ‖n‖), as mlpack's CheckGradient; 0 when both are 0. (With ‖a + n‖ below, an
// exactly sign-flipped gradient, a = −n, would divide by 0 and pass.)
double rel_error(const Matrix& a, const Matrix& n);

}  // namespace nn
