// wrong 19.3: steps a frozen layer by W − 0·dW: its NaN gradient spreads and −0 becomes +0.
#include <algorithm>
#include <stdexcept>

#include "exercise.hpp"
#define step_layers step_layers_reference
#include "../solution.cpp"
#undef step_layers

namespace lesson19 {
void step_layers(nn::Mlp& model, const std::vector<nn::DenseGrads>& grads, const std::vector<double>& rates) {
    if (grads.size() != model.layers.size() || rates.size() != model.layers.size())
        throw std::invalid_argument("step_layers");
    for (const double r : rates)
        if (r < 0) throw std::invalid_argument("step_layers");
    for (std::size_t l = 0; l < rates.size(); ++l) {
        model.layers[l].W -= rates[l] * grads[l].dW;
        model.layers[l].b -= rates[l] * grads[l].db;
    }
}
}  // namespace lesson19
