// wrong 04.1: ∇w with its sign flipped, (y − f)·f(1 − f)·x.
#include "exercise.hpp"
#define grad_w grad_w_reference
#include "../solution.cpp"
#undef grad_w

namespace lesson04 {
double grad_w(double w, double b, double x, double y) {
    const double fx = f(w, b, x);
    return (y - fx) * fx * (1 - fx) * x;
}
}  // namespace lesson04
