#include "nn/mlp.hpp"

#include <fmt/core.h>

#include <cmath>
#include <stdexcept>

#include "nn/print.hpp"

namespace nn {

const char* name(Init init) {
    switch (init) {
        case Init::glorot_uniform:
            return "glorot_uniform";
        case Init::he_normal:
            return "he_normal";
        case Init::normal:
            return "normal";
    }
    return "?";
}

Matrix init_weights(Init init, Index out, Index in, Rng& rng) {
    switch (init) {
        case Init::glorot_uniform: {
            const double r = std::sqrt(6.0 / double(in + out));
            return rng.uniform_matrix(out, in, -r, r);
        }
        case Init::he_normal:
            return rng.normal_matrix(out, in, 0, std::sqrt(2.0 / double(in)));
        case Init::normal:
            return rng.normal_matrix(out, in, 0, 1);
    }
    return {};
}

Mlp::Mlp(const std::vector<int>& sizes, const std::vector<Activation>& acts, Init init, Rng& rng) {
    if (sizes.size() < 2 || acts.size() != sizes.size() - 1)
        throw std::invalid_argument("Mlp: need at least two sizes and one activation per layer");
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l)
        layers.push_back(
            {init_weights(init, sizes[l + 1], sizes[l], rng), Vector::Zero(sizes[l + 1]), acts[l]});
}

const Matrix& Mlp::forward(const Matrix& X) {
    A_.assign(1, X);
    Z_.clear();
    for (const auto& layer : layers) {
        Z_.push_back(dense_forward(layer.W, layer.b, A_.back()));
        A_.push_back(activate(layer.act, Z_.back()));
    }
    return A_.back();
}

Matrix Mlp::predict(const Matrix& X) const {
    Matrix A = X;
    for (const auto& layer : layers) A = activate(layer.act, dense_forward(layer.W, layer.b, A));
    return A;
}

std::vector<DenseGrads> Mlp::backward(const Matrix& dOut) const {
    if (A_.size() != layers.size() + 1) throw std::logic_error("Mlp::backward before forward");
    // The gradient must belong to the last forward pass (same outputs, same samples): reading a
    // cache of another batch would run past its end.
    if (dOut.rows() != A_.back().rows() || dOut.cols() != A_.back().cols())
        throw std::logic_error(fmt::format(
            "Mlp::backward: the gradient is {}x{}, but the last forward pass gave {}x{} (call forward "
            "on this batch first; predict keeps nothing)",
            dOut.rows(), dOut.cols(), A_.back().rows(), A_.back().cols()));
    std::vector<DenseGrads> grads(layers.size());
    Matrix dA = dOut;
    for (std::size_t l = layers.size(); l-- > 0;) {
        // A = act(Z): dZ = dA ⊙ act′(Z); then the dense layer's own backward.
        const Matrix dZ = (dA.array() * activate_prime(layers[l].act, Z_[l], A_[l + 1]).array()).matrix();
        grads[l] = dense_backward(layers[l].W, A_[l], dZ);
        dA = grads[l].dX;
    }
    return grads;
}

void Mlp::sgd_step(const std::vector<DenseGrads>& grads, double lr) {
    for (std::size_t l = 0; l < layers.size(); ++l) {
        layers[l].W -= lr * grads[l].dW;
        layers[l].b -= lr * grads[l].db;
    }
}

std::size_t Mlp::parameter_count() const {
    std::size_t n = 0;
    for (const auto& layer : layers) n += std::size_t(layer.W.size() + layer.b.size());
    return n;
}

std::size_t dense_parameter_count(const std::vector<int>& sizes) {
    std::size_t n = 0;
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l)
        n += std::size_t(sizes[l]) * std::size_t(sizes[l + 1]) + std::size_t(sizes[l + 1]);
    return n;
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

void Mlp::print_summary(bool activation_rows) const {
    std::vector<std::vector<std::string>> rows;
    int k = 0;
    for (const auto& layer : layers) {
        ++k;
        const std::string shape = fmt::format("(None, {})", layer.W.rows());
        const auto params = std::size_t(layer.W.size() + layer.b.size());
        if (activation_rows) {
            rows.push_back({fmt::format("dense_{} (Dense)", k), shape, fmt::format("{}", params)});
            rows.push_back(
                {fmt::format("activation_{} (Activation: {})", k,
                             layer.act == Activation::identity && k == int(layers.size()) ? "softmax"
                                                                                          : name(layer.act)),
                 shape, "0"});
        } else {
            rows.push_back(
                {fmt::format("dense_{} (Dense, {})", k, name(layer.act)), shape, fmt::format("{}", params)});
        }
    }
    print_table({"Layer (type)", "Output Shape", "Param #"}, rows, "llr");
    fmt::print("Total params: {}\nTrainable params: {}\nNon-trainable params: 0\n",
               thousands(parameter_count()), thousands(parameter_count()));
}

}  // namespace nn
