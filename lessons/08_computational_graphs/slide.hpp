// The numbers of deck IBM-2's computational graph that lesson 08 reproduces, defined once for
// the printout and the tests.
#pragma once

#include "nn/print.hpp"

namespace lesson08::slide {

// "c = a + b, d = b + 1, e = c * d"; the values used for the derivative: a = 2, b = 1.
constexpr double a = 2, b = 1;
// "∂e/∂b = 1 * 2 + 1 * 3": the path through c (∂c/∂b = 1, ∂e/∂c = d = 2) plus the path
// through d (∂d/∂b = 1, ∂e/∂d = c = 3).
constexpr nn::SlideValue de_db{5, 0};
constexpr nn::SlideValue path_through_c{2, 0}, path_through_d{3, 0};

}  // namespace lesson08::slide
