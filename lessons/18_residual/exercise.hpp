// Lesson 18 exercises: the residual block, y = x + F(x), forward and backward, and the layer
// normalization that the deep networks of the lesson put before their ReLUs. FruitPunch asks "How
// did people achieve developing 100-1000 layers networks?" without an answer; the answer is this
// block (He et al., 2015), whose identity path carries the gradient past every layer.
//
// Write your answers in exercises/18_residual.cpp; check them with ./nn check 18.
#pragma once

#include "nn/types.hpp"

namespace lesson18 {

// A residual block's parameters: two dense layers, W1 (h, d) and b1 (h) then W2 (d, h) and b2 (d),
// with a ReLU between them. d is the width of the input and output (they must be equal for the
// skip connection to add them); h, the width inside the block, may differ.
struct Block {
    nn::Matrix W1;  // (h, d)
    nn::Vector b1;  // (h)
    nn::Matrix W2;  // (d, h)
    nn::Vector b2;  // (d)
};

// Exercise 18.1 — the block's forward pass for a batch X (d, N), one sample per column:
//   Z = W1·X + b1        (h, N)    the first layer's pre-activation (b1 added to every column)
//   A = relu(Z)          (h, N)    max(0, z) entry by entry
//   F = W2·A + b2        (d, N)    the residual branch
//   Y = X + F            (d, N)    the skip connection: the input added back, with no ReLU after
// Returns Y; X is not changed.
// Throws std::invalid_argument when the shapes do not fit: W1 must have d = X.rows() columns, b1
// W1's rows, W2 W1's rows as columns and d rows, b2 d entries.
nn::Matrix residual_forward(const Block& p, const nn::Matrix& X);

// Exercise 18.2 — its backward pass. Given dY = ∂L/∂Y (d, N), where L already holds any 1/N of a
// mean over the batch, return every gradient, summed over the N samples (not averaged):
//   dF  = dY                        the sum Y = X + F passes dY to both of its terms
//   dW2 = dF·Aᵀ      db2 = Σ_n dF   (A and Z recomputed from X)
//   dA  = W2ᵀ·dF
//   dZ  = dA ⊙ [Z > 0]              ReLU's derivative: 1 where its input Z was positive, else 0
//   dW1 = dZ·Xᵀ      db1 = Σ_n dZ
//   dX  = dY + W1ᵀ·dZ               the identity path's dY plus what comes back through F
// Throws std::invalid_argument as residual_forward does, and when dY's shape is not X's.
struct BlockGrads {
    nn::Matrix dX;   // (d, N)
    nn::Matrix dW1;  // (h, d)
    nn::Vector db1;  // (h)
    nn::Matrix dW2;  // (d, h)
    nn::Vector db2;  // (d)
};
BlockGrads residual_backward(const Block& p, const nn::Matrix& X, const nn::Matrix& dY);

// Exercise 18.3 — layer normalization (the N of sections 2 and 3), for Z (m, N): each COLUMN (one
// sample's m pre-activations) shifted and scaled to mean 0 and variance 1, with no gain or shift:
//   μ_n  = (1/m)·Σ_i Z(i, n)                 the column's mean
//   σ²_n = (1/m)·Σ_i (Z(i, n) − μ_n)²        its variance (divided by m, not m − 1)
//   s_n  = 1 / √(σ²_n + eps)                 eps = kNormEps, INSIDE the root
//   U(i, n) = (Z(i, n) − μ_n)·s_n
// Returns U (m, N) and sets inv_std to (s_0, ..., s_(N−1)), one entry per column (the backward needs
// them). Lesson 13's batch norm normalizes each ROW over the batch instead. Z is not changed.
// Throws std::invalid_argument when Z has no rows.
constexpr double kNormEps = 1e-5;
nn::Matrix normalize_columns(const nn::Matrix& Z, nn::Vector& inv_std);

// Exercise 18.4 — its backward. Given dU = ∂L/∂U, and U and inv_std from normalize_columns, return
// ∂L/∂Z (m, N); every entry of a column depends on every other through μ and σ, so, column by column,
//   ∂L/∂Z(i, n) = s_n·(dU(i, n) − mean_i dU(i, n) − U(i, n)·mean_i (dU(i, n)·U(i, n)))
// (means over the column's m entries). Throws std::invalid_argument when dU's shape is not U's or
// inv_std does not have one entry per column.
nn::Matrix normalize_columns_backward(const nn::Matrix& dU, const nn::Matrix& U, const nn::Vector& inv_std);

}  // namespace lesson18
