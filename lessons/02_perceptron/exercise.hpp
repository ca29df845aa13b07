// Lesson 02 exercises: the perceptron (deck Intro-ANN, "Perceptron" and "Perceptron Learning
// Algorithm").
//
// Convention (Intro-ANN, "A more accepted convention"): an input x = (x0, x1, ..., xn) carries
// x0 = 1, and its weight w0 = −θ plays the threshold (the bias). Then
//   y = 1 if w·x = Σ_{i=0..n} w_i x_i ≥ 0, else 0.
//
// Write your answers in exercises/02_perceptron.cpp; check them with ./nn check 02.
#pragma once

#include "nn/types.hpp"

namespace lesson02 {

// Exercise 02.1 — the perceptron's output for x (x(0) is the constant 1): 1 if w·x ≥ 0, else 0.
// Throws std::invalid_argument if w and x differ in length.
int predict(const nn::Vector& w, const nn::Vector& x);

// Exercise 02.2 — one step of the learning algorithm for the picked input x with its label:
//   x in P (label 1) and w·x < 0  ->  w = w + x
//   x in N (label 0) and w·x ≥ 0  ->  w = w − x
// Returns true if w changed, false if x was already classified right.
bool learn_step(nn::Vector& w, const nn::Vector& x, int label);

}  // namespace lesson02
