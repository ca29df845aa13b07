// Lesson 03 — reference solutions. (./nn solution 03 shows this once your own answers pass.)
#include <cmath>

#include "exercise.hpp"

namespace lesson03 {

double sigmoid(double z) {
    // For z ≥ 0, e^−z ≤ 1 cannot overflow. For z < 0, multiply top and bottom by e^z:
    // 1/(1 + e^−z) = e^z/(e^z + 1), and e^z < 1 cannot overflow either.
    if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
    const double e = std::exp(z);
    return e / (1.0 + e);
}

double sigmoid_prime(double z) {
    // 1 − σ(z) = σ(−z). Written that way it never subtracts two numbers close to 1, which
    // for z = 40 would leave 0 instead of e^−40.
    return sigmoid(z) * sigmoid(-z);
}

}  // namespace lesson03
