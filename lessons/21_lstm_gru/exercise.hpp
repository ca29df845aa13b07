// Lesson 21 exercises: the LSTM and the GRU cell, one time step forward and backward. Lesson 20's
// tanh cell multiplies its state by W_hh at every step, so what reaches k steps back went through k
// such factors and vanishes or explodes. The LSTM keeps a second state, the cell c, that is carried
// by a SUM, c_t = f ⊙ c_{t−1} + i ⊙ g: along it a step's factor is the forget gate f itself, which
// the network can hold near 1. The GRU does the same with one state, h_t = (1 − z) ⊙ h_{t−1} + z ⊙ n.
// Intro-ANN's outline names "Recurrent Neural Networks (LSTM & GRU)"; the deck works neither out:
// this lesson writes every number itself.
//
// One sample per COLUMN, as everywhere in the course: a step reads a batch of N samples at once,
// x (D, N), h_{t−1} and c_{t−1} (H, N). Lesson 20 put the time steps of one sequence in the columns;
// here the steps are the calls, one call per step, and a sequence is the loop over them (lesson.hpp).
// σ is the sigmoid (lesson 03), ⊙ the entry-by-entry product, tanh′(a) = 1 − tanh(a)², σ′ = σ(1 − σ).
//
// Write your answers in exercises/21_lstm_gru.cpp; check them with ./nn check 21.
#pragma once

#include "nn/types.hpp"

namespace lesson21 {

// An LSTM cell with D inputs and H units. Its four gates share one weight matrix each, stacked by rows
// in the order i, f, g, o (PyTorch's): rows 0 .. H−1 belong to i, H .. 2H−1 to f, 2H .. 3H−1 to g,
// 3H .. 4H−1 to o. With a = W_x·x + W_h·h_{t−1} + b (4H rows, one block per gate):
//   i = σ(a_i)     the input gate: how much of the candidate enters the cell
//   f = σ(a_f)     the forget gate: how much of the old cell is kept
//   g = tanh(a_g)  the candidate: what could be written
//   o = σ(a_o)     the output gate: how much of the cell is shown
//   c_t = f ⊙ c_{t−1} + i ⊙ g
//   h_t = o ⊙ tanh(c_t)
struct Lstm {
    nn::Matrix W_x;  // (4H, D)
    nn::Matrix W_h;  // (4H, H)
    nn::Vector b;    // 4H
};

// What lstm_step computed, kept for the backward pass; every matrix (H, N) except x (D, N).
struct LstmCache {
    nn::Matrix x, h_prev, c_prev;  // what the step read
    nn::Matrix i, f, g, o;         // the gates, after their squashing functions
    nn::Matrix c, h;               // c_t and h_t
};

// Exercise 21.1 — one LSTM step on a batch: x (D, N), h_prev and c_prev (H, N) (h_{t−1} and c_{t−1});
// returns the inputs, the four gates and the new c_t and h_t, as above. The shapes are the caller's
// to get right (the lesson's sequence loop checks them).
LstmCache lstm_step(const Lstm& p, const nn::Matrix& x, const nn::Matrix& h_prev, const nn::Matrix& c_prev);

// The gradients of a loss L with respect to everything one step read.
struct LstmGrads {
    nn::Matrix dW_x;     // (4H, D)
    nn::Matrix dW_h;     // (4H, H)
    nn::Vector db;       // 4H
    nn::Matrix dx;       // (D, N)
    nn::Matrix dh_prev;  // (H, N): ∂L/∂h_{t−1} through this step
    nn::Matrix dc_prev;  // (H, N): ∂L/∂c_{t−1} through this step
};

// Exercise 21.2 — the step backwards. dh = ∂L/∂h_t and dc = ∂L/∂c_t, both (H, N), are what reaches
// h_t and c_t from everything AFTER the step (the output, step t + 1); c_t also reaches L through
// h_t = o ⊙ tanh(c_t), so the cell's whole gradient is
//   dc_t = dc + dh ⊙ o ⊙ (1 − tanh(c_t)²)
// and then, gate by gate (each through its own squashing function's derivative),
//   da_o = dh ⊙ tanh(c_t) ⊙ o(1 − o)      da_i = dc_t ⊙ g ⊙ i(1 − i)
//   da_f = dc_t ⊙ c_{t−1} ⊙ f(1 − f)      da_g = dc_t ⊙ i ⊙ (1 − g²)
//   dc_prev = dc_t ⊙ f                    (the cell's path back: one factor f per step)
// With da the four blocks stacked as a is (i, f, g, o), summed over the N samples:
//   dW_x = da·xᵀ   dW_h = da·h_{t−1}ᵀ   db = Σ_n da(:, n)   dx = W_xᵀ·da   dh_prev = W_hᵀ·da
LstmGrads lstm_step_backward(const Lstm& p, const LstmCache& s, const nn::Matrix& dh, const nn::Matrix& dc);

// A GRU cell with D inputs and H units: gates stacked by rows in the order z, r, n (rows 0 .. H−1 z,
// H .. 2H−1 r, 2H .. 3H−1 n). The convention is Cho et al.'s (2014), with z the share of the NEW
// candidate (as Chung et al. write it):
//   z = σ(W_x[z]·x + W_h[z]·h_{t−1} + b[z])            the update gate
//   r = σ(W_x[r]·x + W_h[r]·h_{t−1} + b[r])            the reset gate
//   n = tanh(W_x[n]·x + W_h[n]·(r ⊙ h_{t−1}) + b[n])   the candidate: r resets the state BEFORE the
//                                                      product with W_h[n]
//   h_t = (1 − z) ⊙ h_{t−1} + z ⊙ n
// (PyTorch's nn.GRU differs twice: it writes h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}, its z is our 1 − z, and
// it applies r AFTER the product, r ⊙ (W_hn·h_{t−1} + b_hn), with a second bias b_hn inside.)
struct Gru {
    nn::Matrix W_x;  // (3H, D)
    nn::Matrix W_h;  // (3H, H)
    nn::Vector b;    // 3H
};

// What gru_step computed; every matrix (H, N) except x (D, N).
struct GruCache {
    nn::Matrix x, h_prev;  // what the step read
    nn::Matrix z, r, n;    // the gates and the candidate, after their squashing functions
    nn::Matrix h;          // h_t
};

// Exercise 21.3 — one GRU step on a batch: x (D, N), h_prev (H, N); returns the inputs, z, r, n and h_t.
GruCache gru_step(const Gru& p, const nn::Matrix& x, const nn::Matrix& h_prev);

struct GruGrads {
    nn::Matrix dW_x;     // (3H, D)
    nn::Matrix dW_h;     // (3H, H)
    nn::Vector db;       // 3H
    nn::Matrix dx;       // (D, N)
    nn::Matrix dh_prev;  // (H, N)
};

// Exercise 21.4 — the step backwards, from dh = ∂L/∂h_t (H, N), everything after the step:
//   dz = dh ⊙ (n − h_{t−1})   dn = dh ⊙ z   and h_{t−1}'s direct path (1 − z) ⊙ dh
//   da_n = dn ⊙ (1 − n²)      d(r ⊙ h_{t−1}) = W_h[n]ᵀ·da_n, so dr = that ⊙ h_{t−1}, and h_{t−1} gets
//                             that ⊙ r as well
//   da_z = dz ⊙ z(1 − z)      da_r = dr ⊙ r(1 − r)
// With da = (da_z, da_r, da_n) stacked by rows, summed over the N samples:
//   dW_x = da·xᵀ    db = Σ_n da(:, n)    dx = W_xᵀ·da
//   dW_h: the z and r blocks da_z·h_{t−1}ᵀ and da_r·h_{t−1}ᵀ, the n block da_n·(r ⊙ h_{t−1})ᵀ
//   dh_prev = (1 − z) ⊙ dh + (W_h[n]ᵀ·da_n) ⊙ r + W_h[z]ᵀ·da_z + W_h[r]ᵀ·da_r
GruGrads gru_step_backward(const Gru& p, const GruCache& s, const nn::Matrix& dh);

}  // namespace lesson21
