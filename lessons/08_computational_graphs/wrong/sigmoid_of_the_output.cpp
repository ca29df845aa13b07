// wrong 08.1: treats s as σ's input and computes σ(s)(1 − σ(s)); s is already σ's OUTPUT, so
// the local derivative is s(1 − s).
#include <cmath>

#include "exercise.hpp"
#define sigmoid_backward sigmoid_backward_reference
#include "../solution.cpp"
#undef sigmoid_backward

namespace lesson08 {
double sigmoid_backward(double s, double upstream) {
    const double t = 1 / (1 + std::exp(-s));
    return upstream * t * (1 - t);
}
}  // namespace lesson08
