// Lesson 04 exercises: gradient descent for one sigmoid neuron (deck Intro-ANN, "Gradient Descent
// for Learning Sigmoid Neuron Params" and "Implementing Gradient Descent").
//
// The neuron is f(x) = σ(w·x + b); the error over the points (x_i, y_i) is
//   error(w, b) = Σ_i ½ (f(x_i) − y_i)².
//
// Write your answers in exercises/04_sigmoid_gd.cpp; check them with ./nn check 04.
#pragma once

#include <vector>

#include "nn/activations.hpp"

namespace lesson04 {

// The deck's f(w, b, x): given, not an exercise.
inline double f(double w, double b, double x) { return nn::sigmoid(w * x + b); }

// Exercise 04.1 — ∂/∂w of ½ (f(x) − y)² for one point: (f(x) − y)·f(x)·(1 − f(x))·x.
double grad_w(double w, double b, double x, double y);

// Exercise 04.2 — ∂/∂b of ½ (f(x) − y)² for one point: (f(x) − y)·f(x)·(1 − f(x)).
double grad_b(double w, double b, double x, double y);

struct Params {
    double w, b;
};

// Exercise 04.3 — one epoch of the deck's do_gradient_descent: sum grad_w and grad_b over all
// points (a sum, as the deck writes it, not a mean), then step against the gradient:
//   w ← w − η·∇w,   b ← b − η·∇b.
// Throws std::invalid_argument if X and Y differ in length (with no points at all, both sums are
// 0 and p comes back unchanged).
Params descent_step(Params p, const std::vector<double>& X, const std::vector<double>& Y, double eta);

}  // namespace lesson04
