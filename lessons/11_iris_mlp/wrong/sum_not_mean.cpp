// wrong 11.1: back-propagates (P − Y) without the 1/N of the
// mean, so the step grows with the batch size.
#include "exercise.hpp"
#include "nn/losses.hpp"
#define train_step train_step_reference
#include "../solution.cpp"
#undef train_step

namespace lesson11 {
double train_step(nn::Mlp& model, const nn::Matrix& X, const nn::Matrix& Y, double lr) {
    const nn::LossAndGrad loss = nn::softmax_cross_entropy(model.forward(X), Y);
    model.sgd_step(model.backward(loss.grad * double(X.cols())), lr);
    return loss.loss;
}
}  // namespace lesson11
