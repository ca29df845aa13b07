// wrong 11.1: uses model.predict (which keeps nothing), so backward works from an OLDER forward pass.
#include "exercise.hpp"
#include "nn/losses.hpp"
#define train_step train_step_reference
#include "../solution.cpp"
#undef train_step
namespace lesson11 {
double train_step(nn::Mlp& model, const nn::Matrix& X, const nn::Matrix& Y, double lr) {
    const auto loss = nn::softmax_cross_entropy(model.predict(X), Y);
    model.sgd_step(model.backward(loss.grad), lr);
    return loss.loss;
}
}  // namespace lesson11
