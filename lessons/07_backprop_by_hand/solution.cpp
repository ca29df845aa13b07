// Lesson 07 — reference solutions. (./nn solution 07 shows this once your own answers pass.)
#include "exercise.hpp"

namespace lesson07 {

HandNet hand_update(const HandNet& n, double i1, double i2, double actual, double eta) {
    const HandForward f = hand_forward(n, i1, i2);
    const double delta = f.prediction - actual;  // ∂Error/∂prediction
    return {
        n.w1 - eta * (i1 * delta * n.w5),  // ∂E/∂w1 = Δ·w5·i1: through h1, which w5 weighs
        n.w2 - eta * (i2 * delta * n.w5),
        n.w3 - eta * (i1 * delta * n.w6),  // through h2, which w6 weighs
        n.w4 - eta * (i2 * delta * n.w6),
        n.w5 - eta * (f.h1 * delta),  // ∂E/∂w5 = Δ·h1
        n.w6 - eta * (f.h2 * delta),
    };
}

std::vector<LayerGrads> back_propagation(const std::vector<Layer>& layers, const ForwardPass& fp,
                                         const nn::Matrix& Y) {
    const std::size_t L = layers.size();
    std::vector<LayerGrads> grads(L);
    nn::Matrix da = -(Y - fp.y_hat);  // ∇_{a_L}: softmax with cross-entropy
    for (std::size_t k = L; k >= 1; --k) {
        const nn::DenseGrads g = nn::dense_backward(layers[k - 1].W, fp.h[k - 1], da);
        grads[k - 1] = {g.dW, g.db};  // ∇a_k·h_{k−1}ᵀ and ∇a_k summed over samples
        if (k == 1) break;
        // ∇h_{k−1} = W_kᵀ·∇a_k (g.dX), then through σ: g′(a) = σ(a)(1 − σ(a)) = h(1 − h)
        da = (g.dX.array() * fp.h[k - 1].array() * (1 - fp.h[k - 1].array())).matrix();
    }
    return grads;
}

}  // namespace lesson07
