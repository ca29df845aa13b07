// Lesson 05 exercises: Iris as vectors, weights and bias, the squared error (decks IBM-1 and
// IBM-2, "Looking at Data", "Weights", "Bias", "Training Process").
//
// One sample per COLUMN: X is (features, N), W is (outputs, features), Z = W·X + b is
// (outputs, N). The slides write a sample as a row, x (1×4)·W (4×3); our W is their W transposed.
//
// Write your answers in exercises/05_iris_forward.cpp; check them with ./nn check 05.
#pragma once

#include <vector>

#include "nn/types.hpp"

namespace lesson05 {

// Exercise 05.1 — labels 0..classes−1 as one-hot columns: a (classes, N) matrix whose column i is
// all zeros but a 1 in row labels[i] (no labels: a (classes, 0) matrix). Throws
// std::invalid_argument for a label out of range, below 0 or above classes − 1, with a message
// that names the label and the range as "0..classes−1", e.g. "label 3 is not in 0..2".
nn::Matrix one_hot(const std::vector<int>& labels, int classes);

// Exercise 05.2 — the pre-activations Z = W·X + b, the same bias b added to every column.
//   W: (out, in)   b: (out)   X: (in, N)   Z: (out, N)
// Throws std::invalid_argument if the shapes do not fit.
nn::Matrix pre_activation(const nn::Matrix& W, const nn::Vector& b, const nn::Matrix& X);

// Exercise 05.3 — the squared error E = Σ ½ (target − output)², summed over every entry, and its
// gradient ∂E/∂output = −(target − output), entry by entry. Both throw std::invalid_argument
// if target and output differ in shape, with a message that names each one's shape as rows x
// columns, e.g. "target is 3x1 but output is 1x3" (not the other way round).
double squared_error(const nn::Matrix& target, const nn::Matrix& output);
nn::Matrix squared_error_grad(const nn::Matrix& target, const nn::Matrix& output);

}  // namespace lesson05
