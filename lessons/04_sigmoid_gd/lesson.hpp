// Lesson 04's code beyond the exercises: the error of the sigmoid neuron, and linear regression
// by gradient descent (Matrix-view, "So far"; Intro-ANN, "Gradient Descent – Optimization").
#pragma once

#include <cstdint>
#include <vector>

#include "exercise.hpp"
#include "nn/types.hpp"

namespace lesson04 {

// The deck's error(w, b) = Σ_i ½ (f(x_i) − y_i)².
double sigmoid_error(Params p, const std::vector<double>& X, const std::vector<double>& Y);

// Linear regression h_θ(x) = θ0 + θ1·x1 + θ2·x2, one sample per column of X (3, m) whose first
// row is x0 = 1, so that h = θᵀX.
struct Regression {
    nn::Matrix X;  // (3, m)
    nn::Vector y;  // (m)
};
// m points with x1, x2 uniform in [0, 1] and y = θ0 + θ1·x1 + θ2·x2 + noise, θ = true_theta
// = (4, 3, −2) and the noise normal with σ = noise_sigma = 0.1, seeded.
inline constexpr double true_theta[3] = {4, 3, -2};
inline constexpr double noise_sigma = 0.1;
Regression make_regression_data(std::uint64_t seed, int m);
// J(θ) = 1/(2m) Σ (h_θ(x_i) − y_i)²
double cost(const nn::Vector& theta, const Regression& d);
// ∂J/∂θ_j = 1/m Σ (h_θ(x_i) − y_i)·x_ij   (Intro-ANN's derivation)
nn::Vector cost_gradient(const nn::Vector& theta, const Regression& d);
// The θ that minimises J exactly: least squares, solved by a QR factorisation of Xᵀ.
nn::Vector least_squares(const Regression& d);
// Gradient descent on J converges only for α < 2/λ_max, λ_max the largest eigenvalue of the
// Hessian (1/m)·X·Xᵀ. Returns that bound.
double largest_stable_rate(const Regression& d);

}  // namespace lesson04
