// wrong 08.1: σ's local derivative taken as s instead of s(1 − s).
#include "exercise.hpp"
#define sigmoid_backward sigmoid_backward_reference
#include "../solution.cpp"
#undef sigmoid_backward

namespace lesson08 {
double sigmoid_backward(double s, double upstream) { return upstream * s; }
}  // namespace lesson08
