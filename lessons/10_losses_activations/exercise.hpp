// Lesson 10 exercises: losses and activations (decks Matrix-view "Softmax" and "Loss Function",
// Intro-ANN "Loss Functions" and "Activation Functions", IBM-2 "Loss Function").
//
// One sample per COLUMN: Z, P and Y are (classes, N).
//
// Write your answers in exercises/10_losses_activations.cpp; check them with ./nn check 10.
#pragma once

#include "nn/activations.hpp"
#include "nn/types.hpp"

namespace lesson10 {

// Exercise 10.1 — softmax of each column, e^{z_k} / Σ_j e^{z_j}, computed so that a logit of 1000
// neither overflows nor gives NaN (subtract the column's maximum first: it cancels).
nn::Matrix stable_softmax(const nn::Matrix& Z);

// Exercise 10.2 — cross-entropy −Σ_k y_k ln p_k for each column, averaged over the N columns
// (natural logarithm). A term with y_k = 0 adds nothing, even where p_k = 0 (0·ln 0 counts as 0).
// Throws std::invalid_argument if P and Y differ in shape (rows or columns).
double cross_entropy(const nn::Matrix& P, const nn::Matrix& Y);

// Exercise 10.3 — the gradient of the mean softmax cross-entropy with respect to the logits Z:
// (softmax(Z) − Y) / N. (The softmax's Jacobian and the log's 1/p cancel to this.)
nn::Matrix softmax_cross_entropy_grad(const nn::Matrix& Z, const nn::Matrix& Y);

// Exercise 10.4 — the derivative of each activation at z:
//   sigmoid σ(z)(1 − σ(z))   tanh 1 − tanh²(z)   relu 1 for z > 0, else 0
//   leaky_relu 1 for z > 0, else α = nn::leaky_relu_alpha (0.01)
//   elu 1 for z ≥ 0, else α·e^z with α = nn::elu_alpha (1)      identity 1
double activation_prime(nn::Activation a, double z);

}  // namespace lesson10
