// Lesson 13 exercises: optimizers and regularization (deck Intro-ANN, "Optimizers", "Role of
// Dropout", "Batch Normalization", "Bias, Variance & their trade-off").
//
// One sample per COLUMN throughout: a layer's activations A are (units, N).
//
// Write your answers in exercises/13_optimizers_regularization.cpp; check them with ./nn check 13.
#pragma once

#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace lesson13 {

// Exercise 13.1 — SGD with momentum, for one parameter matrix W with gradient dW:
//   v ← β·v + dW          W ← W − lr·v
// v (the velocity, zeros at first) carries past gradients, decaying by β per step.
void momentum_update(nn::Matrix& W, nn::Matrix& v, const nn::Matrix& dW, double lr, double beta);

// Exercise 13.2 — Adam (Kingma and Ba, 2015), step number t = 1, 2, ...:
//   m ← β1·m + (1 − β1)·dW            v ← β2·v + (1 − β2)·dW²   (element-wise square)
//   m̂ = m / (1 − β1^t)                v̂ = v / (1 − β2^t)        (m and v start at zero)
//   W ← W − lr·m̂ / (√v̂ + ε)           (element-wise)
void adam_update(nn::Matrix& W, nn::Matrix& m, nn::Matrix& v, const nn::Matrix& dW, long t, double lr,
                 double beta1, double beta2, double eps);

// Exercise 13.3 — inverted dropout. In training, each entry of A is kept with probability 1 − p
// (drop it when rng.uniform() < p, one draw per entry, column by column) and a kept entry is
// divided by 1 − p, so the expected activation is unchanged; `mask` receives the factor each
// entry was multiplied by (0 or 1/(1 − p)). In evaluation nothing is dropped: the output is A and
// the mask all ones. Throws std::invalid_argument unless 0 ≤ p < 1.
nn::Matrix dropout_forward(const nn::Matrix& A, double p, bool training, nn::Rng& rng, nn::Matrix& mask);
// Its backward: the gradient flows only through the kept entries, scaled the same way.
nn::Matrix dropout_backward(const nn::Matrix& dOut, const nn::Matrix& mask);

// Exercise 13.4 — batch normalization's forward pass for Z (units, N). In training, each row
// (unit) is normalized with the batch's mean μ and variance σ² (divide by N):
//   Ẑ = (Z − μ) / √(σ² + ε)         Y = γ ⊙ Ẑ + β     (γ, β per unit, learned)
// and the running statistics move towards the batch's:
//   running_mean ← momentum·running_mean + (1 − momentum)·μ   (the same for running_var and σ²)
// In evaluation the running statistics take the place of μ and σ², and they do not change.
nn::Matrix batchnorm_forward(const nn::Matrix& Z, const nn::Vector& gamma, const nn::Vector& beta, double eps,
                             bool training, nn::Vector& running_mean, nn::Vector& running_var,
                             double momentum);

}  // namespace lesson13
