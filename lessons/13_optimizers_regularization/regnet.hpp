// Lesson 13's network: dense layers, each hidden one optionally followed by batch normalization
// (before its activation) and dropout (after it), an L2 penalty on the weights, and three ways to
// step: SGD, momentum and Adam — the last three built on the lesson's exercises.
#pragma once

#include <optional>
#include <vector>

#include "exercise.hpp"
#include "nn/activations.hpp"
#include "nn/mlp.hpp"
#include "nn/rng.hpp"

namespace lesson13 {

enum class Optimizer { sgd, momentum, adam };
// Momentum's β (exercise 13.1) in every run of the lesson; Adam uses the paper's defaults,
// nn::adam_beta1, nn::adam_beta2 and nn::adam_eps (nn/optim.hpp).
constexpr double momentum_beta = 0.9;

// Batch normalization's backward pass, the partner of exercise 13.4's batchnorm_forward in
// training mode. Its forward lines, with μ, σ² over the batch (the N columns of Z):
//   Ẑ = (Z − μ) / √(σ² + ε)         Y = γ ⊙ Ẑ + β
// give, from dY = dL/dY (sums over the batch):
//   dγ = Σ dY ⊙ Ẑ      dβ = Σ dY      dẐ = dY ⊙ γ
//   dZ = (1/N)·(1/√(σ² + ε))·(N·dẐ − Σ dẐ − Ẑ ⊙ Σ (dẐ ⊙ Ẑ))
// μ and σ² are recomputed from Z, the forward's input.
struct BatchNormGrads {
    nn::Matrix dZ;
    nn::Vector dgamma, dbeta;
};
BatchNormGrads batchnorm_backward(const nn::Matrix& dY, const nn::Matrix& Z, const nn::Vector& gamma,
                                  double eps);

struct RegNetConfig {
    std::vector<int> sizes;  // {784, hidden..., 10}
    nn::Activation act = nn::Activation::relu;
    bool batchnorm = false;
    double dropout = 0;  // probability of dropping a hidden unit in training
    double l2 = 0;       // λ: the loss gains (λ/2)·Σ W², every dW gains λ·W
    // Every layer's starting weights; unset: He's for ReLU networks, Glorot's otherwise (the output
    // layer Glorot's always). Init::normal, N(0, 1), is the "large" start of Nielsen's chapter 3.
    std::optional<nn::Init> init = std::nullopt;
};

class RegNet {
public:
    RegNet(const RegNetConfig& config, nn::Rng& rng);
    // Logits (10, N). `training` switches dropout on and batch norm to batch statistics.
    nn::Matrix forward(const nn::Matrix& X, bool training, nn::Rng& rng);
    // From dL/dlogits (with the 1/N of the mean inside) to every parameter's gradient.
    void backward(const nn::Matrix& dlogits);
    void step(Optimizer opt, double lr);
    double l2_penalty() const;  // (λ/2)·Σ W²

    struct Layer {
        nn::Matrix W, dW, mW, vW;                                     // weights, gradient, optimizer state
        nn::Matrix b, db, mb, vb;                                     // (out, 1)
        nn::Matrix gamma, dgamma, mg, vg, beta, dbeta, mbeta, vbeta;  // batch norm's, (out, 1)
        nn::Vector running_mean, running_var;
        // kept by forward for backward: the input, Z = W·input + b, Zn = batch norm's output (Z
        // itself without batch norm), A = the activation of Zn, and dropout's mask
        nn::Matrix input, Z, Zn, A, mask;
    };
    std::vector<Layer> layers;
    RegNetConfig config;

private:
    long t_ = 0;
};

}  // namespace lesson13
