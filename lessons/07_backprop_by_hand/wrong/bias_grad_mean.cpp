// wrong 07.2: ∇b as the MEAN of ∇a over the samples instead of the sum (the loss is summed over
// the samples, so its gradient is too).
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
        grads[k - 1] = {da * fp.h[k - 1].transpose(), da.rowwise().mean()};
        if (k == 1) break;
        const nn::Matrix dh = layers[k - 1].W.transpose() * da;
        da = (dh.array() * fp.h[k - 1].array() * (1 - fp.h[k - 1].array())).matrix();
    }
    return grads;
}
}  // namespace lesson07
