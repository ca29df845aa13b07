// wrong 04.2: ∇b without the sigmoid's derivative f(1 − f), just f − y.
#include <stdexcept>

#include "exercise.hpp"
#define grad_b grad_b_reference
#include "../solution.cpp"
#undef grad_b

namespace lesson04 {
double grad_b(double w, double b, double x, double y) { return f(w, b, x) - y; }
}  // namespace lesson04
