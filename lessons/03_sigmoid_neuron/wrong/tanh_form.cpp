// wrong 03.1: σ(z) = (1 + tanh(z/2))/2, the same function on paper, but 1 + tanh(−20) is 0 in
// doubles, so σ(−40) loses every digit.
#include <cmath>

#include "exercise.hpp"
#define sigmoid sigmoid_reference
#include "../solution.cpp"
#undef sigmoid

namespace lesson03 {
double sigmoid(double z) { return 0.5 * (1.0 + std::tanh(z / 2)); }
}  // namespace lesson03
