// Lesson 18's own code (beyond the exercises): a deep network of equal-width dense layers, plain or
// with residual blocks, with or without normalization, and its training on MNIST.
#pragma once

#include <string>
#include <vector>

#include "exercise.hpp"
#include "nn/mlp.hpp"
#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace lesson18 {

// The network: an input layer (inputs -> width, ReLU), `hidden` layers of width -> width, an output
// layer (width -> classes, no activation: softmax_cross_entropy applies the softmax).
//   plain     h ← relu(N(W·h + b)) for each hidden layer
//   residual  the hidden layers in pairs: h ← h + W2·relu(N(W1·h + b1)) + b2 (exercise 18.1's
//             block, with N inside when norm is set)
// N is the identity, or with `norm` layer normalization (exercise 18.3): each sample's pre-activations (a column)
// shifted and scaled to mean 0 and variance 1 over the layer's units, without gain or shift.
// Every weight is drawn with `init`, every bias 0: the same draws, in the same order, for a plain
// and a residual network of the same sizes, so both start from the same weights.
struct DeepConfig {
    nn::Index inputs = 784, width = 64, hidden = 30, classes = 10;
    bool residual = false;
    bool norm = false;
    nn::Init init = nn::Init::he_normal;
};
std::string describe(const DeepConfig& c);  // "plain", "residual + norm", ...

class DeepNet {
public:
    DeepNet(const DeepConfig& c, nn::Rng& rng);
    // X (inputs, N) -> logits (classes, N); keeps what backward needs.
    const nn::Matrix& forward(const nn::Matrix& X);
    // Logits for many samples, 1000 at a time (keeps nothing that backward could use).
    nn::Matrix predict(const nn::Matrix& X);
    // dOut = ∂L/∂logits. Returns ∂L/∂P for every P of params(), in that order.
    std::vector<nn::Matrix> backward(const nn::Matrix& dOut);
    // W0, b0, W1, b1, ..., for nn::Adam.
    std::vector<nn::Matrix*> params();
    nn::Index layer_count() const { return std::ssize(W); }  // hidden + 2
    // How much the ReLU layers' outputs differ from sample to sample, after forward(X): for every layer
    // with a ReLU (a plain network's input and hidden layers, a residual block's first layer), each
    // unit's standard deviation over the N samples, averaged over the units. 0: the layer gives every
    // sample the same output, so nothing that tells one sample from another gets past it.
    std::vector<double> relu_spread(const nn::Matrix& X);

    DeepConfig config;
    std::vector<nn::Matrix> W, b;  // layer l: W (out, in), b (out, 1)

private:
    std::vector<nn::Matrix> in_, Z_, U_;
    std::vector<nn::Vector> inv_;
    nn::Matrix out_;
    nn::Matrix dense(nn::Index l, const nn::Matrix& in);            // W·in + b, keeps in
    nn::Matrix dense_norm_relu(nn::Index l, const nn::Matrix& in);  // relu(N(W·in + b))
};

// ‖∂L/∂W_l‖ of every layer, from the gradients backward() returns.
std::vector<double> weight_gradient_norms(const std::vector<nn::Matrix>& grads);

// The mean softmax cross-entropy of the batch and ‖∂L/∂W_l‖ per layer.
struct GradientReport {
    double loss;
    std::vector<double> norms;
};
GradientReport gradient_norms(DeepNet& net, const nn::Matrix& X, const nn::Matrix& Y);

}  // namespace lesson18
