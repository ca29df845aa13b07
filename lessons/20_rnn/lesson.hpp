// Lesson 20's code beyond the exercises: the loss over a sequence, random cells, and how much of a
// change at an early step still reaches the last state (the vanishing and exploding gradient).
#pragma once

#include <vector>

#include "exercise.hpp"
#include "nn/losses.hpp"
#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace lesson20 {

// The loss of a sequence: the outputs of rnn_forward against a target per step (O, T), by
// nn::half_squared_error (the mean over the T steps of ½‖y_t − target_t‖²), and ∂L/∂Y, what
// rnn_backward starts from.
nn::LossAndGrad sequence_loss(const Rnn& p, const nn::Matrix& X, const nn::Vector& h0,
                              const nn::Matrix& targets);

// A cell of D inputs, H hidden units and O outputs whose recurrent weights are a matrix of standard
// normal entries rescaled so that its spectral radius (its largest |eigenvalue|) is `radius`; input
// weights N(0, in_std²), output weights N(0, 1/H), b_h and b_y 0.
Rnn scaled_rnn(nn::Index D, nn::Index H, nn::Index O, double radius, double in_std, nn::Rng& rng);

// The step Jacobian ∂h_t/∂h_{t−1} = diag(1 − h_t²)·W_hh, t = 1 .. T, from rnn_forward's states H.
nn::Matrix step_jacobian(const Rnn& p, const nn::Matrix& H, nn::Index t);

// reach[k] = ‖∂h_T/∂h_{T−k}‖₂ for k = 0 .. T (the largest singular value of the product of the k
// step Jacobians from step T − k + 1 to step T; reach[0] = 1): how strongly a change of the state k
// steps back still moves the last state, the factor by which BPTT's gradient is at most multiplied on
// its way back over those k steps.
std::vector<double> reach(const Rnn& p, const nn::Matrix& H);

// The largest singular value of M (its spectral norm ‖M‖₂), and the largest |eigenvalue| of a square
// M (its spectral radius ρ(M) ≤ ‖M‖₂: what ‖M^k‖^(1/k) tends to as k grows).
double spectral_norm(const nn::Matrix& M);
double spectral_radius(const nn::Matrix& M);

}  // namespace lesson20
