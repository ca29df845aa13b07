// wrong 03.2: the derivative without its (1 − σ) factor.
#include "exercise.hpp"
#define sigmoid_prime sigmoid_prime_reference
#include "../solution.cpp"
#undef sigmoid_prime

namespace lesson03 {
double sigmoid_prime(double z) { return sigmoid(z); }
}  // namespace lesson03
