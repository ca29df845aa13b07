// Lesson 20 exercises: a recurrent network by hand. One cell, the same weights at every time step,
// reads a sequence one vector at a time and carries a hidden state from step to step; its backward
// pass, backpropagation through time, runs the steps in reverse and adds up what every step gives.
// Intro-ANN's outline names "Feedback Neural Networks: Recurrent Neural Networks (LSTM & GRU)" and
// FruitPunch asks "Why CNN RNN?"; neither works one out: this lesson writes every number itself.
//
// Write your answers in exercises/20_rnn.cpp; check them with ./nn check 20.
#pragma once

#include <vector>

#include "nn/types.hpp"

namespace lesson20 {

// The weights of a recurrent cell with D inputs, H hidden units and O outputs:
//   a_t = W_xh·x_t + W_hh·h_{t−1} + b_h      the pre-activation at step t
//   h_t = tanh(a_t)                          the hidden state, carried to step t + 1
//   y_t = W_hy·h_t + b_y                     an output at EVERY step t = 1 .. T
// The same five arrays serve every step (the weights are shared over time, as a convolution's
// kernel is shared over positions). W_hh(i, j) is the weight from unit j of h_{t−1} to unit i of a_t.
struct Rnn {
    nn::Matrix W_xh;  // (H, D)
    nn::Matrix W_hh;  // (H, H)
    nn::Vector b_h;   // H
    nn::Matrix W_hy;  // (O, H)
    nn::Vector b_y;   // O
};

// A forward pass over a sequence of T steps.
struct Forward {
    nn::Matrix H;  // (H, T + 1): column 0 is h_0 (given), column t is h_t for t = 1 .. T
    nn::Matrix Y;  // (O, T): column t − 1 is y_t
};

// Exercise 20.1 — the forward pass of the cell over the sequence X, a (D, T) matrix whose column
// t − 1 is x_t (T ≥ 0: a sequence of no steps gives H = h_0 alone and an (O, 0) Y), starting from
// the hidden state h0 (H entries). Step t reads x_t and h_{t−1}, the state the step before it left.
// Throws std::invalid_argument, naming the sizes, when the shapes do not fit together: X has not
// W_xh's D columns as rows, h0 has not H entries, or W_hh, b_h, W_hy, b_y do not match W_xh's H rows.
Forward rnn_forward(const Rnn& p, const nn::Matrix& X, const nn::Vector& h0);

// The gradients of a loss L with respect to everything the forward pass read.
struct Grads {
    nn::Matrix dW_xh;  // (H, D)
    nn::Matrix dW_hh;  // (H, H)
    nn::Vector db_h;   // H
    nn::Matrix dW_hy;  // (O, H)
    nn::Vector db_y;   // O
    nn::Vector dh0;    // H: ∂L/∂h_0
    nn::Matrix dX;     // (D, T): column t − 1 is ∂L/∂x_t
};

// Exercise 20.2 — backpropagation through time. Given the sequence X, the states H of rnn_forward
// (column 0 is h_0) and dY = ∂L/∂Y, (O, T) with column t − 1 = ∂L/∂y_t, run the steps backwards,
// t = T, T − 1, ..., 1, with δ_{T+1} = 0:
//   dh_t  = W_hyᵀ·dy_t + W_hhᵀ·δ_{t+1}       h_t reaches L through y_t AND through step t + 1
//   δ_t   = dh_t ⊙ (1 − h_t²)                ∂L/∂a_t, tanh′(a_t) = 1 − tanh(a_t)² = 1 − h_t²
//   dx_t  = W_xhᵀ·δ_t
// and, because the weights are shared, every step ADDS its part:
//   dW_hy = Σ_t dy_t·h_tᵀ     db_y = Σ_t dy_t     dW_xh = Σ_t δ_t·x_tᵀ     dW_hh = Σ_t δ_t·h_{t−1}ᵀ
//   db_h  = Σ_t δ_t           dh0  = W_hhᵀ·δ_1   (what reaches h_0, through step 1; 0 when T = 0)
// Throws std::invalid_argument, naming the sizes, when X, H and dY do not have T, T + 1 and T
// columns, or their rows do not match the weights.
Grads rnn_backward(const Rnn& p, const nn::Matrix& X, const nn::Matrix& H, const nn::Matrix& dY);

// Exercise 20.3 — gradient clipping by the global norm: with
//   n = sqrt(Σ over every matrix g of Σ_ij g(i, j)²)      (the norm of all of them as one vector)
// return the matrices unchanged when n ≤ max_norm, and otherwise every one of them multiplied by
// the SAME factor max_norm / n, so the whole gradient keeps its direction and gets norm max_norm.
// (Clipping each entry to [−max_norm, max_norm], or each matrix by its own norm, changes the
// direction.) Throws std::invalid_argument when max_norm is not positive.
std::vector<nn::Matrix> clip_by_global_norm(std::vector<nn::Matrix> grads, double max_norm);

}  // namespace lesson20
