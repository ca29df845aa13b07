#include "nn/optim.hpp"

#include <cmath>
#include <stdexcept>

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

// One parameter's update at step t (1-based): both running means, corrected, then the step.
template <class P, class G>
void adam_update(const Adam& a, P& param, P& m, P& v, const G& g) {
    const double c1 = 1 - std::pow(a.beta1, double(a.t)), c2 = 1 - std::pow(a.beta2, double(a.t));
    m = a.beta1 * m + (1 - a.beta1) * g;
    v = a.beta2 * v + (1 - a.beta2) * g.cwiseAbs2();
    param.array() -= a.lr * (m.array() / c1) / ((v.array() / c2).sqrt() + a.eps);
}
}  // namespace

void Adam::step(Mlp& model, const std::vector<DenseGrads>& grads) {
    init_state(model, mW, mb);
    init_state(model, vW, vb);
    ++t;
    for (std::size_t l = 0; l < model.layers.size(); ++l) {
        adam_update(*this, model.layers[l].W, mW[l], vW[l], grads[l].dW);
        adam_update(*this, model.layers[l].b, mb[l], vb[l], grads[l].db);
    }
}

void Adam::step(const std::vector<Matrix*>& params, const std::vector<Matrix>& grads) {
    if (grads.size() != params.size())
        throw std::invalid_argument("Adam::step: one gradient per parameter matrix, in the same order");
    if (m.empty())
        for (const Matrix* p : params) {
            m.push_back(Matrix::Zero(p->rows(), p->cols()));
            v.push_back(Matrix::Zero(p->rows(), p->cols()));
        }
    ++t;
    for (std::size_t i = 0; i < params.size(); ++i) adam_update(*this, *params[i], m[i], v[i], grads[i]);
}

}  // namespace nn
