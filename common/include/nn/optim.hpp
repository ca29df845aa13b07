// Optimizers: how a gradient becomes a step. Each keeps its own state per layer and updates an
// Mlp in place. Lesson 13 has the learner write momentum (exercise 13.1) and Adam (exercise 13.2)
// and trains its own network with those; the library keeps one Adam for the code that needs it
// outside lesson 13 (lesson 12, the bench), checked against exercise 13.2 by lesson 13's tests.
// No library momentum: nothing outside lesson 13 uses it.
#pragma once

#include <vector>

#include "nn/mlp.hpp"

namespace nn {

struct Sgd {
    double lr;
    void step(Mlp& model, const std::vector<DenseGrads>& grads) { model.sgd_step(grads, lr); }
};

// Adam (Kingma and Ba, 2015): running means of the gradient (m) and of its square (v), both
// corrected for starting at zero, and a step lr·m̂/(√v̂ + ε) per parameter: exercise 13.2's update
// for every matrix of an Mlp. Lesson 12 trains with it a lesson before 13 explains it (as the
// deck's Keras code does with optimizer='adam'); lesson 13 then has the learner write it.
// The paper's defaults, named once (lesson 13's network uses them too):
constexpr double adam_beta1 = 0.9, adam_beta2 = 0.999, adam_eps = 1e-8;
struct Adam {
    double lr = 1e-3;
    double beta1 = adam_beta1;
    double beta2 = adam_beta2;
    double eps = adam_eps;
    long t = 0;
    std::vector<Matrix> mW = {};
    std::vector<Matrix> vW = {};
    std::vector<Vector> mb = {};
    std::vector<Vector> vb = {};
    void step(Mlp& model, const std::vector<DenseGrads>& grads);
    // The same update for any list of parameters and their gradients, in the same order (an nn::Cnn's
    // params() and backward()); its own state, m and v.
    std::vector<Matrix> m = {}, v = {};
    void step(const std::vector<Matrix*>& params, const std::vector<Matrix>& grads);
};

}  // namespace nn
