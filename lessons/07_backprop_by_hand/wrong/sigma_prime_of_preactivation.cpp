// wrong 07.2: g′(a) taken as a(1 − a), with the pre-activation a where σ's output h belongs
// (σ′(a) = h(1 − h)).
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
        grads[k - 1] = {da * fp.h[k - 1].transpose(), da.rowwise().sum()};
        if (k == 1) break;
        const nn::Matrix dh = layers[k - 1].W.transpose() * da;
        const nn::Matrix& a = fp.a[k - 1];
        da = (dh.array() * a.array() * (1 - a.array())).matrix();
    }
    return grads;
}
}  // namespace lesson07
