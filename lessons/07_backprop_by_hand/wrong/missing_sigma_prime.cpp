// wrong 07.2: passes ∇h straight down as ∇a, leaving out
// the factor g′(a) of the hidden sigmoid.
#include "exercise.hpp"
#define back_propagation back_propagation_reference
#include "../solution.cpp"
#undef back_propagation

namespace lesson07 {
std::vector<LayerGrads> back_propagation(const std::vector<Layer>& layers, const ForwardPass& fp,
                                         const nn::Matrix& Y) {
    std::vector<LayerGrads> grads(layers.size());
    nn::Matrix da = fp.y_hat - Y;
    for (std::size_t k = layers.size(); k >= 1; --k) {
        const nn::DenseGrads g = nn::dense_backward(layers[k - 1].W, fp.h[k - 1], da);
        grads[k - 1] = {g.dW, g.db};
        if (k == 1) break;
        da = g.dX;
    }
    return grads;
}
}  // namespace lesson07
