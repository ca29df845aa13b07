// Lesson 07 exercises: backpropagation by hand and in general (deck Intro-ANN, "Forward Pass –
// Example", "Backword Pass – Update W6", "Backword Pass – Update W1", "Weight Update through Error
// propagation", "Backward Pass – Example", "Back Propagation Algorithm").
//
// Write your answers in exercises/07_backprop_by_hand.cpp; check them with ./nn check 07.
#pragma once

#include <vector>

#include "nn/activations.hpp"
#include "nn/dense.hpp"
#include "nn/types.hpp"

namespace lesson07 {

// The deck's network: inputs i1, i2; linear hidden units h1 = i1·w1 + i2·w2, h2 = i1·w3 + i2·w4;
// prediction = h1·w5 + h2·w6; Error = ½ (prediction − actual)².
struct HandNet {
    double w1, w2, w3, w4, w5, w6;
};
struct HandForward {
    double h1, h2, prediction;
};
// Given: the forward pass.
inline HandForward hand_forward(const HandNet& n, double i1, double i2) {
    const double h1 = i1 * n.w1 + i2 * n.w2, h2 = i1 * n.w3 + i2 * n.w4;
    return {h1, h2, h1 * n.w5 + h2 * n.w6};
}

// Exercise 07.1 — the deck's six updates with learning rate eta (η; the worked example writes it
// "a", which below is the pre-activation) and Δ = prediction − actual:
//   *w6 = w6 − η·(h2·Δ)        *w5 = w5 − η·(h1·Δ)
//   *w4 = w4 − η·(i2·Δ·w6)     *w3 = w3 − η·(i1·Δ·w6)
//   *w2 = w2 − η·(i2·Δ·w5)     *w1 = w1 − η·(i1·Δ·w5)
// Every term uses the OLD weights (the gradient is taken at one point).
HandNet hand_update(const HandNet& n, double i1, double i2, double actual, double eta);

// An L-layer network in the deck's notation: a_k = W_k·h_{k−1} + b_k (pre-activation),
// h_k = g(a_k) = σ(a_k) for the hidden layers, ŷ = softmax(a_L); h_0 = x. Loss = −Σ log ŷ_y
// (cross-entropy, summed over the samples). One sample per column throughout.
struct Layer {
    nn::Matrix W;  // (out, in)
    nn::Vector b;  // (out)
};
struct ForwardPass {
    std::vector<nn::Matrix> h;  // h[0] = X, h[k] = σ(a[k]) for k = 1 .. L−1
    std::vector<nn::Matrix> a;  // a[k] for k = 1 .. L (a[0] is empty)
    nn::Matrix y_hat;           // softmax(a[L])
};
// Given: the forward pass that back_propagation reads.
inline ForwardPass forward(const std::vector<Layer>& layers, const nn::Matrix& X) {
    ForwardPass fp{{X}, {nn::Matrix()}, {}};
    for (std::size_t k = 1; k <= layers.size(); ++k) {
        fp.a.push_back(nn::dense_forward(layers[k - 1].W, layers[k - 1].b, fp.h[k - 1]));
        if (k < layers.size()) fp.h.push_back(nn::sigmoid(fp.a[k]));
    }
    fp.y_hat = nn::softmax(fp.a.back());
    return fp;
}
// Given: the loss −Σ_n log ŷ[y_n, n] for one-hot targets Y.
inline double loss(const ForwardPass& fp, const nn::Matrix& Y) {
    return -(Y.array() * fp.y_hat.array().log()).sum();
}

struct LayerGrads {
    nn::Matrix dW;  // ∇_{W_k} L, the shape of W_k
    nn::Vector db;  // ∇_{b_k} L
};
// Exercise 07.2 — the deck's back_propagation, for one-hot targets Y (classes, N):
//   ∇_{a_L} L = −(e(y) − ŷ)
//   for k = L down to 1:
//     ∇_{W_k} L = ∇_{a_k} L · h_{k−1}ᵀ        ∇_{b_k} L = ∇_{a_k} L (summed over the samples)
//     ∇_{h_{k−1}} L = W_kᵀ · ∇_{a_k} L
//     ∇_{a_{k−1}} L = ∇_{h_{k−1}} L ⊙ g′(a_{k−1})     (g = σ; not needed once k = 1)
// Returns one LayerGrads per layer, in the order of `layers`.
std::vector<LayerGrads> back_propagation(const std::vector<Layer>& layers, const ForwardPass& fp,
                                         const nn::Matrix& Y);

}  // namespace lesson07
