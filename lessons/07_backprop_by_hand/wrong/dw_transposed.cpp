// wrong 07.2: ∇W = h_{k−1}·∇a_kᵀ, the transpose of the right
// product (the shape of Wᵀ, not W).
#include "exercise.hpp"
#define back_propagation back_propagation_reference
#include "../solution.cpp"
#undef back_propagation

namespace lesson07 {
std::vector<LayerGrads> back_propagation(const std::vector<Layer>& layers, const ForwardPass& fp,
                                         const nn::Matrix& Y) {
    auto grads = back_propagation_reference(layers, fp, Y);
    for (auto& g : grads) g.dW = nn::Matrix(g.dW.transpose());
    return grads;
}
}  // namespace lesson07
