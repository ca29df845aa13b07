// Lesson 09 exercises: XOR and the multilayer perceptron (deck Intro-ANN, "Learning XOR
// Problem"; deck IBM-1, "Data Space Transformation").
//
// A 2-H-1 network of sigmoid units, one sample per column:
//   H = σ(W1·X + b1)   (H, N)        out = σ(W2·H + b2)   (1, N)
// with the loss ½ Σ_n (out_n − y_n)² summed over the samples.
//
// Write your answers in exercises/09_xor_mlp.cpp; check them with ./nn check 09.
#pragma once

#include "nn/types.hpp"

namespace lesson09 {

struct XorNet {
    nn::Matrix W1;  // (H, 2)
    nn::Vector b1;  // (H)
    nn::Matrix W2;  // (1, H)
    nn::Vector b2;  // (1)
};

struct XorForward {
    nn::Matrix H;    // hidden activations (H, N)
    nn::Matrix out;  // outputs (1, N)
};

// Exercise 09.1 — the forward pass above for the inputs X (2, N). σ must stay finite for any z
// (σ(800) = 1, σ(−800) = 0, never inf/inf = NaN).
XorForward xor_forward(const XorNet& net, const nn::Matrix& X);

// Exercise 09.2 — one step of full-batch gradient descent on ½ Σ (out − y)² with targets Y (1, N):
// forward, backward (through both sigmoids), and W ← W − lr·∂loss/∂W for all four parameters.
// Returns the loss BEFORE the step.
double train_step(XorNet& net, const nn::Matrix& X, const nn::Matrix& Y, double lr);

}  // namespace lesson09
