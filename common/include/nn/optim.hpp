// Optimizers: how a gradient becomes a step. Each keeps its own state per layer and updates an
// Mlp in place. Lesson 13 writes the momentum and Adam updates as exercises and compares them.
#pragma once

#include <vector>

#include "nn/mlp.hpp"

namespace nn {

struct Sgd {
    double lr;
    void step(Mlp& model, const std::vector<DenseGrads>& grads) { model.sgd_step(grads, lr); }
};

// Momentum: v ← β·v + g, then W ← W − lr·v (a running sum of past gradients, decaying by β).
struct Momentum {
    double lr, beta = 0.9;
    std::vector<Matrix> vW;
    std::vector<Vector> vb;
    void step(Mlp& model, const std::vector<DenseGrads>& grads);
};

// Adam (Kingma and Ba, 2015): running means of the gradient (m) and of its square (v), both
// corrected for starting at zero, and a step lr·m̂/(√v̂ + ε) per parameter.
struct Adam {
    double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    long t = 0;
    std::vector<Matrix> mW, vW;
    std::vector<Vector> mb, vb;
    void step(Mlp& model, const std::vector<DenseGrads>& grads);
};

}  // namespace nn
