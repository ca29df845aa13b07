// wrong 10.4: sigmoid′ as e^−z / (1 + e^−z)², right near 0 but inf/inf = NaN below z ≈ −710.
#include <cmath>
#include "exercise.hpp"
#define activation_prime activation_prime_reference
#include "../solution.cpp"
#undef activation_prime
namespace lesson10 {
double activation_prime(nn::Activation a, double z) {
    using A = nn::Activation;
    if (a == A::sigmoid) return std::exp(-z) / ((1 + std::exp(-z)) * (1 + std::exp(-z)));
    return activation_prime_reference(a, z);
}
}  // namespace lesson10
