// Lesson 06 exercises: FruitPunch's Challenges 1-5, with the deck's names ("Challenge 1 – Given
// any size NN, initialize weights and biases" ... "Challenge 5", "Estimate gradient and do
// gradient descent").
//
// Conventions, as the deck's: w[l] is layer l's weight matrix, (sizes[l+1], sizes[l]); b[l] its
// bias column, (sizes[l+1], 1). forward_pass takes one sample per COLUMN; predict and
// cost_function take the deck's X with one sample per ROW (m, features) and y (m, 1).
//
// Write your answers in exercises/06_finite_differences.cpp; check them with ./nn check 06.
#pragma once

#include <vector>

#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace lesson06 {

struct Params {
    std::vector<nn::Matrix> w;  // w[0]: (3, 2), w[1]: (1, 3) for sizes {2, 3, 1}
    std::vector<nn::Matrix> b;  // b[0]: (3, 1), b[1]: (1, 1)
};

// Challenge 1 (exercise 06.1) — nn_parameter_maker({2, 3, 1}): one weight matrix and one bias
// column per layer, every entry drawn from a standard normal. Draw in this order, so a seed gives
// the same numbers everywhere: w[0], w[1], ..., then b[0], b[1], ..., each with
// rng.normal_matrix(rows, cols, 0, 1). Throws std::invalid_argument for fewer than 2 sizes or a
// size below 1.
Params nn_parameter_maker(const std::vector<int>& sizes, nn::Rng& rng);

// Challenge 2 (exercise 06.2) — σ(z) = 1/(1 + e^−z) for every entry of z, a matrix of z's shape;
// finite for every z, however large: σ(800) = 1 and σ(−800) = 0 to double precision, never NaN.
nn::Matrix sigmoid(const nn::Matrix& z);

// Challenge 3 (exercise 06.3) — the forward pass a(l+1) = σ(w[l]·a(l) + b[l]) through every
// layer, from a(0) = inp, one sample per column: inp (sizes[0], m) -> out (sizes.back(), m).
nn::Matrix forward_pass(const nn::Matrix& inp, const std::vector<nn::Matrix>& w,
                        const std::vector<nn::Matrix>& b);

// The deck's predict and cost_function, given: X (m, features) one sample per row.
inline nn::Matrix predict(const nn::Matrix& X, const std::vector<nn::Matrix>& w,
                          const std::vector<nn::Matrix>& b) {
    return forward_pass(X.transpose(), w, b).transpose();
}
// cost = Σ (y_pred − y)² / m, the mean squared error over the m samples.
inline double cost_function(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                            const std::vector<nn::Matrix>& b) {
    return (predict(X, w, b) - y).squaredNorm() / double(y.rows());
}

// Challenge 4 (exercise 06.4) — every partial derivative of cost_function by the forward
// difference (cost(w⁺, b) − cost(w, b)) / eps with eps = 1e-4, where w⁺ is w with one entry
// raised by eps: w_pds[l] has w[l]'s shape, b_pds[l] b[l]'s. (Leave w and b as they were.)
struct Grads {
    std::vector<nn::Matrix> w_pds, b_pds;
};
Grads gradient_estimator(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                         const std::vector<nn::Matrix>& b);

// Challenge 5 (exercise 06.5) — one step of gradient descent with the estimated gradient:
// new_w = w − lr·w_pds, new_b = b − lr·b_pds, every layer.
Params one_step_gd(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                   const std::vector<nn::Matrix>& b, double lr);

}  // namespace lesson06
