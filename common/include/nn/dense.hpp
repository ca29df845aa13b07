// A dense (fully connected) layer as a forward/backward pair of free functions, one sample per
// column.
#pragma once

#include "nn/types.hpp"

namespace nn {

// Z = W·X + b
//   X: (in, N)   W: (out, in)   b: (out)   Z: (out, N)
Matrix dense_forward(const Matrix& W, const Vector& b, const Matrix& X);

struct DenseGrads {
    Matrix dX;  // ∂L/∂X (in, N): what the layer below receives
    Matrix dW;  // ∂L/∂W (out, in)
    Vector db;  // ∂L/∂b (out)
};
// Backward of Z = W·X + b, given dZ = ∂L/∂Z (out, N). If L is a mean over the batch, its 1/N is
// already inside dZ.
//   dX = Wᵀ·dZ      each input fed every output
//   dW = dZ·Xᵀ      sums over the N samples
//   db = Σ_n dZ     b was added to every column
DenseGrads dense_backward(const Matrix& W, const Matrix& X, const Matrix& dZ);

}  // namespace nn
