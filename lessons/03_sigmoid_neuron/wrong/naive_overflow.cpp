// wrong 03.1: 1/(1 + e^−z) for every z: e^800 overflows to inf on the way to σ(−800), and below
// about −709 the tiny true value is lost to 0.
#include <cmath>

#include "exercise.hpp"
#define sigmoid sigmoid_reference
#include "../solution.cpp"
#undef sigmoid

namespace lesson03 {
double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }
}  // namespace lesson03
