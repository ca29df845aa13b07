// wrong 19.3: steps W but forgets b.
#include <algorithm>
#include <stdexcept>

#include "exercise.hpp"
#define step_layers step_layers_reference
#include "../solution.cpp"
#undef step_layers

namespace lesson19 {
void step_layers(nn::Mlp& model, const std::vector<nn::DenseGrads>& grads, const std::vector<double>& rates) {
    std::vector<nn::Vector> b;
    for (const auto& layer : model.layers) b.push_back(layer.b);
    step_layers_reference(model, grads, rates);
    for (std::size_t l = 0; l < b.size(); ++l) model.layers[l].b = b[l];
}
}  // namespace lesson19
