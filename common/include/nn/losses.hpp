// Loss functions, each with the gradient its backward pass starts from. Every loss here is a MEAN
// over the N samples (columns), so its gradient carries the 1/N; nothing downstream divides again.
#pragma once

#include "nn/types.hpp"

namespace nn {

struct LossAndGrad {
    double loss;
    Matrix grad;  // ∂loss/∂(the loss's input), the shape of that input
};

// Mean squared error with Intro-ANN's 1/n: (1/N) Σ_n Σ_k (y − ŷ)². Gradient 2(ŷ − y)/N.
LossAndGrad mse(const Matrix& Y_hat, const Matrix& Y);
// Nielsen's quadratic cost (1/N) Σ_n ½ ‖ŷ − y‖² (B of ./nn bench). Gradient (ŷ − y)/N.
LossAndGrad half_squared_error(const Matrix& Y_hat, const Matrix& Y);
// Binary cross-entropy −(1/N) Σ [y ln p + (1 − y) ln(1 − p)] for probabilities P.
LossAndGrad binary_cross_entropy(const Matrix& P, const Matrix& Y);
// Softmax followed by cross-entropy, from the logits Z (classes, N) and one-hot Y:
// loss = −(1/N) Σ_n ln softmax(z_n)[y_n]; gradient with respect to Z = (softmax(Z) − Y)/N.
// Computed from log-softmax, so a logit of 1000 neither overflows nor takes the log of 0.
LossAndGrad softmax_cross_entropy(const Matrix& Z, const Matrix& Y);

}  // namespace nn
