// A multilayer perceptron built from dense layers (nn/dense.hpp) and activations: forward keeps
// what backward needs, backward returns one gradient per layer, sgd_step applies them.
// No virtual layer hierarchy: a layer is W, b and an activation.
#pragma once

#include <string>
#include <vector>

#include "nn/activations.hpp"
#include "nn/dense.hpp"
#include "nn/rng.hpp"

namespace nn {

// How to draw the first weights (biases start at 0):
//   glorot_uniform  U(−r, r), r = √(6 / (in + out))   Keras's default; keeps sigmoid/tanh layers'
//                                                       signal variance about constant
//   he_normal       N(0, √(2 / in))                    for ReLU, which zeroes half its inputs
//   normal          N(0, 1)                            the naive start, for comparison
enum class Init { glorot_uniform, he_normal, normal };
const char* name(Init init);
Matrix init_weights(Init init, Index out, Index in, Rng& rng);

struct DenseLayer {
    Matrix W;  // (out, in)
    Vector b;  // (out)
    Activation act;
};

class Mlp {
public:
    Mlp() = default;
    // sizes = {inputs, hidden..., outputs}; one activation per layer. For classification the last is
    // identity: softmax_cross_entropy (nn/losses.hpp) applies the softmax.
    Mlp(const std::vector<int>& sizes, const std::vector<Activation>& acts, Init init, Rng& rng);

    // X (inputs, N) -> the last layer's activations (outputs, N); keeps every Z and A for backward.
    const Matrix& forward(const Matrix& X);
    // The same without keeping anything (for evaluation).
    Matrix predict(const Matrix& X) const;
    // dOut = ∂L/∂(last activations). Returns ∂L/∂W and ∂L/∂b of every layer, first to last.
    std::vector<DenseGrads> backward(const Matrix& dOut) const;
    // W ← W − lr·dW, b ← b − lr·db.
    void sgd_step(const std::vector<DenseGrads>& grads, double lr);

    std::size_t parameter_count() const;
    // A Keras-like summary: one row per Dense layer, and with activation_rows one per Activation
    // (as a Sequential model with separate Activation layers prints it).
    void print_summary(bool activation_rows) const;

    std::vector<DenseLayer> layers;

private:
    std::vector<Matrix> Z_, A_;  // A_[0] = X, A_[l+1] = act(Z_[l])
};

// Parameters of a dense stack with these layer sizes: Σ (in·out + out).
std::size_t dense_parameter_count(const std::vector<int>& sizes);
// "24,790"
std::string thousands(std::size_t n);

}  // namespace nn
