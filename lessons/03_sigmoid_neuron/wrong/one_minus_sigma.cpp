// wrong 03.2: σ′ = σ·(1 − σ), which is 0 at z = 40 because
// σ(40) rounds to 1.
#include "exercise.hpp"
#define sigmoid_prime sigmoid_prime_reference
#include "../solution.cpp"
#undef sigmoid_prime

namespace lesson03 {
double sigmoid_prime(double z) { return sigmoid(z) * (1.0 - sigmoid(z)); }
}  // namespace lesson03
