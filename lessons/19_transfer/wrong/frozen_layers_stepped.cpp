// wrong 19.3: steps every layer at the head's rate: nothing is frozen.
#include <algorithm>
#include <stdexcept>

#include "exercise.hpp"
#define step_layers step_layers_reference
#include "../solution.cpp"
#undef step_layers

namespace lesson19 {
void step_layers(nn::Mlp& model, const std::vector<nn::DenseGrads>& grads, const std::vector<double>& rates) {
    if (rates.empty()) return step_layers_reference(model, grads, rates);
    step_layers_reference(model, grads, std::vector<double>(rates.size(), rates.back()));
    if (std::any_of(rates.begin(), rates.end(), [](double r) { return r < 0; }))
        throw std::invalid_argument("negative");
}
}  // namespace lesson19
