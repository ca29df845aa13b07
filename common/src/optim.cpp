#include "nn/optim.hpp"

#include <cmath>

namespace nn {

namespace {
// Zero state shaped like the model's parameters, made on the first step.
void init_state(const Mlp& model, std::vector<Matrix>& W, std::vector<Vector>& b) {
    if (!W.empty()) return;
    for (const auto& layer : model.layers) {
        W.push_back(Matrix::Zero(layer.W.rows(), layer.W.cols()));
        b.push_back(Vector::Zero(layer.b.size()));
    }
}
}  // namespace

void Adam::step(Mlp& model, const std::vector<DenseGrads>& grads) {
    init_state(model, mW, mb);
    init_state(model, vW, vb);
    ++t;
    const double c1 = 1 - std::pow(beta1, double(t)), c2 = 1 - std::pow(beta2, double(t));
    auto update = [&](auto& P, auto& m, auto& v, const auto& g) {
        m = beta1 * m + (1 - beta1) * g;
        v = beta2 * v + (1 - beta2) * g.cwiseAbs2();
        P.array() -= lr * (m.array() / c1) / ((v.array() / c2).sqrt() + eps);
    };
    for (std::size_t l = 0; l < model.layers.size(); ++l) {
        update(model.layers[l].W, mW[l], vW[l], grads[l].dW);
        update(model.layers[l].b, mb[l], vb[l], grads[l].db);
    }
}

}  // namespace nn
