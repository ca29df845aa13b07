// Lesson 15 exercises: convolution by hand, its output size, max pooling, and the backward pass of
// both. No deck works a convolution out (Intro-ANN's outline names CNNs, FruitPunch asks "Why
// CNN?"); the lesson writes every number itself.
//
// Write your answers in exercises/15_convolution.cpp; check them with ./nn check 15.
#pragma once

#include <vector>

#include "nn/types.hpp"

namespace lesson15 {

// An image of C channels, each a (H, W) matrix: row i is the vertical position (top to bottom),
// column j the horizontal one (left to right). A grey image has one channel.
using Image = std::vector<nn::Matrix>;
// C_out filters, each an Image of C_in channels of shape (kh, kw): K[o][c] is the kernel filter o
// lays over input channel c. The kernels need not be square.
using Filters = std::vector<Image>;

// Stride s and zero padding p, the same on both axes (and p on all four sides).
struct ConvSpec {
    nn::Index stride = 1;
    nn::Index pad = 0;
};

// Exercise 15.1 — how many positions a window of size k takes along an axis of n entries padded
// with p zeros on each side and moved s entries at a time:
//     out = ⌊(n + 2p − k) / s⌋ + 1
// When s does not divide n + 2p − k, the last entries that no window reaches fully are left out
// (the floor). Throws std::invalid_argument, with a message that names the offending numbers, when
// n < 1, k < 1, p < 0, s < 1 (an axis with no entries has no output, even when padded), or when the
// window does not fit at all, k > n + 2p (then the message names the padded length n + 2p too).
nn::Index output_size(nn::Index n, nn::Index k, nn::Index p, nn::Index s);

// Exercise 15.2 — the convolution layer's forward pass, as every framework computes it (a
// cross-correlation: the kernel is NOT flipped). With Xp the input padded by p zeros on every side,
// output channel o is
//     Y[o](i, j) = b(o) + Σ_c Σ_u Σ_v K[o][c](u, v) · Xp[c](i·s + u, j·s + v)
// for i < output_size(H, kh, p, s) and j < output_size(W, kw, p, s) (u < kh, v < kw).
// X has C_in channels, K has C_out filters of C_in channels each, b has C_out entries. Returns
// C_out channels.
Image conv_forward(const Image& X, const Filters& K, const nn::Vector& b, ConvSpec spec);

// Max pooling of one channel with a size×size window moved `stride` entries at a time, no
// padding: Y(i, j) = max over X(i·stride + u, j·stride + v), u, v < size. The output has
// output_size(H, size, 0, stride) rows and output_size(W, size, 0, stride) columns. The argmax of
// each window is kept for the backward pass, as the position in X (row and column) of its maximum.
using IndexMatrix = Eigen::Matrix<nn::Index, Eigen::Dynamic, Eigen::Dynamic>;
struct Pooled {
    nn::Matrix Y;
    IndexMatrix row, col;  // (rows, cols) of Y: where in X each maximum was taken from
};
// Exercise 15.3 — max pooling forward. Ties: the FIRST maximum in reading order (the window's rows
// top to bottom, each left to right) is the argmax; a later equal value does not replace it.
Pooled max_pool(const nn::Matrix& X, nn::Index size, nn::Index stride);

// Exercise 15.4 — max pooling backward: the gradient of each output goes to the one input its
// maximum came from, and nowhere else,
//     dX(row(i, j), col(i, j)) += dY(i, j)          (every other entry of dX is 0),
// with += because overlapping windows (stride < size) can take the same input twice. dY has the
// shape of p.Y; dX is (H, W), the shape of the pooled input.
nn::Matrix max_pool_backward(const nn::Matrix& dY, const Pooled& p, nn::Index H, nn::Index W);

// The gradients of a loss L with respect to the convolution's kernels, biases and input, given
// dY = ∂L/∂Y (C_out channels, each of Y's shape).
struct ConvGrads {
    Filters dK;     // the shape of K
    nn::Vector dB;  // C_out entries
    Image dX;       // the shape of X (the padding's own gradient is dropped)
};
// Exercise 15.5 — the convolution's backward pass. Each weight K[o][c](u, v) met Xp[c](i·s + u,
// j·s + v) at every output position (i, j), and each output got b(o) once, so both sum over the
// positions:
//     dK[o][c](u, v) = Σ_i Σ_j dY[o](i, j) · Xp[c](i·s + u, j·s + v)
//     dB(o)          = Σ_i Σ_j dY[o](i, j)
// and each input entry gets back what it sent forward, through every weight that read it:
//     dXp[c](i·s + u, j·s + v) += Σ_o K[o][c](u, v) · dY[o](i, j)     then dX = dXp without the border.
// (For stride 1 that sum is a full convolution of dY with the kernel flipped by 180°.)
ConvGrads conv_backward(const Image& X, const Filters& K, const Image& dY, ConvSpec spec);

}  // namespace lesson15
