// wrong 04.1: ∇w without the derivative factor f(1 − f).
#include "exercise.hpp"
#define grad_w grad_w_reference
#include "../solution.cpp"
#undef grad_w

namespace lesson04 {
double grad_w(double w, double b, double x, double y) { return (f(w, b, x) - y) * x; }
}  // namespace lesson04
