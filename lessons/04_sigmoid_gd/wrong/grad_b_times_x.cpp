// wrong 04.2: ∇b with a stray factor x (copied from ∇w).
#include "exercise.hpp"
#define grad_b grad_b_reference
#include "../solution.cpp"
#undef grad_b

namespace lesson04 {
double grad_b(double w, double b, double x, double y) {
    const double fx = f(w, b, x);
    return (fx - y) * fx * (1 - fx) * x;
}
}  // namespace lesson04
