// Activation functions and their derivatives, for one number and element-wise for a matrix.
// Lesson 03 derives the sigmoid as an exercise; everything after it uses these.
#pragma once

#include "nn/types.hpp"

namespace nn {

// σ(z) = 1 / (1 + e^−z), computed so that neither e^z nor e^−z can overflow: for z ≥ 0 as
// 1 / (1 + e^−z), for z < 0 as e^z / (1 + e^z) (the same value, multiplied through by e^z).
double sigmoid(double z);
// σ′(z) = σ(z)·(1 − σ(z)) = σ(z)·σ(−z); the second form keeps its digits for large |z|, where
// 1 − σ(z) would round to 0.
double sigmoid_prime(double z);

Matrix sigmoid(const Matrix& Z);
Matrix sigmoid_prime(const Matrix& Z);

// The activations of the training lessons, element-wise, with their derivatives.
enum class Activation { identity, sigmoid, tanh, relu, leaky_relu, elu };
constexpr double leaky_relu_alpha = 0.01;  // leaky ReLU: max(αz, z)
constexpr double elu_alpha = 1.0;          // ELU: z for z ≥ 0, α(e^z − 1) below
const char* name(Activation a);
Matrix activate(Activation a, const Matrix& Z);
// dA/dZ element-wise, given Z and A = activate(a, Z) (σ′ and tanh′ are cheapest from A).
// At z = 0, where ReLU has a kink, the derivative is taken as 0 (leaky ReLU: α).
Matrix activate_prime(Activation a, const Matrix& Z, const Matrix& A);

// Softmax of each column: exp(z_k − max z) / Σ_j exp(z_j − max z). Subtracting the column's
// maximum changes nothing mathematically and keeps every exp ≤ 1, so z = 1000 cannot overflow.
Matrix softmax(const Matrix& Z);

}  // namespace nn
