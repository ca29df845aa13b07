// wrong 11.1: updates the weights with lr but the biases by the whole gradient, b ← b − ∂L/∂b.
#include "exercise.hpp"
#include "nn/losses.hpp"
#define train_step train_step_reference
#include "../solution.cpp"
#undef train_step
namespace lesson11 {
double train_step(nn::Mlp& model, const nn::Matrix& X, const nn::Matrix& Y, double lr) {
    const auto loss = nn::softmax_cross_entropy(model.forward(X), Y);
    auto g = model.backward(loss.grad);
    for (std::size_t l = 0; l < g.size(); ++l) {
        model.layers[l].W -= lr * g[l].dW;
        model.layers[l].b -= g[l].db;
    }
    return loss.loss;
}
}  // namespace lesson11
