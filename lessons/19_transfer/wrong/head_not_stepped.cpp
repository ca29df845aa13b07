// wrong 19.3: loops over all layers but the last: the head never learns.
#include <algorithm>
#include <stdexcept>

#include "exercise.hpp"
#define step_layers step_layers_reference
#include "../solution.cpp"
#undef step_layers

namespace lesson19 {
void step_layers(nn::Mlp& model, const std::vector<nn::DenseGrads>& grads, const std::vector<double>& rates) {
    std::vector<double> r = rates;
    if (!r.empty()) r.back() = 0;
    step_layers_reference(model, grads, r);
}
}  // namespace lesson19
