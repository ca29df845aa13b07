// wrong 19.3: steps each layer before checking the next rate: a refused step has already moved layers.
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
    for (std::size_t l = 0; l < rates.size(); ++l) {
        if (rates[l] < 0) throw std::invalid_argument("step_layers: negative rate");
        if (rates[l] == 0) continue;
        model.layers[l].W -= rates[l] * grads[l].dW;
        model.layers[l].b -= rates[l] * grads[l].db;
    }
}
}  // namespace lesson19
