// wrong 03.1: σ(z) = e^z / (1 + e^z) for every z, which is
// inf/inf = NaN once e^z overflows (z > 709).
#include <cmath>

#include "exercise.hpp"
#define sigmoid sigmoid_reference
#include "../solution.cpp"
#undef sigmoid

namespace lesson03 {
double sigmoid(double z) {
    const double e = std::exp(z);
    return e / (1.0 + e);
}
}  // namespace lesson03
