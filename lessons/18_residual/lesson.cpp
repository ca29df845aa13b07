// Lesson 18's own code: the deep plain and residual networks (lesson.hpp).
#include "lesson.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "nn/losses.hpp"

namespace lesson18 {

std::string describe(const DeepConfig& c) {
    return fmt::format("{}{}", c.residual ? "residual" : "plain", c.norm ? " + norm" : "");
}

DeepNet::DeepNet(const DeepConfig& c, nn::Rng& rng) : config(c) {
    if (c.inputs < 1 || c.width < 1 || c.classes < 1 || c.hidden < 0 || (c.residual && c.hidden % 2 != 0))
        throw std::invalid_argument(fmt::format(
            "DeepNet: sizes must be positive and a residual network needs an even number of hidden layers "
            "(two per block), got {} hidden",
            c.hidden));
    std::vector<nn::Index> sizes{c.inputs};
    for (nn::Index l = 0; l <= c.hidden; ++l) sizes.push_back(c.width);
    sizes.push_back(c.classes);
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
        W.push_back(nn::init_weights(c.init, sizes[l + 1], sizes[l], rng));
        b.push_back(nn::Matrix::Zero(sizes[l + 1], 1));
    }
    const auto L = std::size_t(layer_count());
    in_.resize(L);
    Z_.resize(L);
    U_.resize(L);
    inv_.resize(L);
}

nn::Matrix DeepNet::dense(nn::Index l, const nn::Matrix& in) {
    const auto k = std::size_t(l);
    in_[k] = in;
    return (W[k] * in).colwise() + b[k].col(0);
}

nn::Matrix DeepNet::dense_norm_relu(nn::Index l, const nn::Matrix& in) {
    const auto k = std::size_t(l);
    Z_[k] = dense(l, in);
    U_[k] = config.norm ? normalize_columns(Z_[k], inv_[k]) : Z_[k];  // exercise 18.3
    return U_[k].cwiseMax(0.0);
}

const nn::Matrix& DeepNet::forward(const nn::Matrix& X) {
    if (X.rows() != config.inputs)
        throw std::invalid_argument(
            fmt::format("DeepNet::forward: {} inputs expected, X has {} rows", config.inputs, X.rows()));
    const nn::Index H = config.hidden;
    nn::Matrix h = dense_norm_relu(0, X);
    if (config.residual)
        for (nn::Index l = 1; l <= H; l += 2) h += dense(l + 1, dense_norm_relu(l, h));
    else
        for (nn::Index l = 1; l <= H; ++l) h = dense_norm_relu(l, h);
    out_ = dense(H + 1, h);
    return out_;
}

nn::Matrix DeepNet::predict(const nn::Matrix& X) {
    nn::Matrix out(config.classes, X.cols());
    for (nn::Index first = 0; first < X.cols(); first += 1000) {
        const nn::Index n = std::min<nn::Index>(1000, X.cols() - first);
        out.middleCols(first, n) = forward(X.middleCols(first, n));
    }
    return out;
}

std::vector<nn::Matrix> DeepNet::backward(const nn::Matrix& dOut) {
    std::vector<nn::Matrix> G(2 * W.size());
    // Through W·in + b: stores dW and db, returns ∂L/∂in.
    const auto dense_back = [&](nn::Index l, const nn::Matrix& dZ) {
        const auto k = std::size_t(l);
        G[2 * k] = dZ * in_[k].transpose();
        G[2 * k + 1] = dZ.rowwise().sum();
        return nn::Matrix(W[k].transpose() * dZ);
    };
    // Through relu(N(Z)): ∂L/∂Z from ∂L/∂(its output).
    const auto relu_norm_back = [&](nn::Index l, const nn::Matrix& dA) {
        const auto k = std::size_t(l);
        const nn::Matrix dU = dA.cwiseProduct((U_[k].array() > 0.0).cast<double>().matrix());
        return config.norm ? normalize_columns_backward(dU, U_[k], inv_[k]) : dU;  // exercise 18.4
    };
    const nn::Index H = config.hidden;
    nn::Matrix dh = dense_back(H + 1, dOut);
    if (config.residual)
        for (nn::Index l = H - 1; l >= 1; l -= 2) {
            const nn::Matrix da = dense_back(l + 1, dh);
            dh += dense_back(l, relu_norm_back(l, da));  // the identity path's dh, plus the branch
        }
    else
        for (nn::Index l = H; l >= 1; --l) dh = dense_back(l, relu_norm_back(l, dh));
    dense_back(0, relu_norm_back(0, dh));
    return G;
}

std::vector<double> DeepNet::relu_spread(const nn::Matrix& X) {
    forward(X);
    std::vector<double> spread;
    for (const nn::Matrix& U : U_) {
        if (U.size() == 0) continue;  // the output layer, a block's second layer: no ReLU
        const nn::Matrix A = U.cwiseMax(0.0);
        const nn::Vector mean = A.rowwise().mean();
        spread.push_back((A.colwise() - mean).cwiseAbs2().rowwise().mean().cwiseSqrt().mean());
    }
    return spread;
}

std::vector<nn::Matrix*> DeepNet::params() {
    std::vector<nn::Matrix*> p;
    for (std::size_t k = 0; k < W.size(); ++k) {
        p.push_back(&W[k]);
        p.push_back(&b[k]);
    }
    return p;
}

std::vector<double> weight_gradient_norms(const std::vector<nn::Matrix>& grads) {
    std::vector<double> n;
    for (std::size_t k = 0; k < grads.size(); k += 2) n.push_back(grads[k].norm());
    return n;
}

GradientReport gradient_norms(DeepNet& net, const nn::Matrix& X, const nn::Matrix& Y) {
    const auto lg = nn::softmax_cross_entropy(net.forward(X), Y);
    return {.loss = lg.loss, .norms = weight_gradient_norms(net.backward(lg.grad))};
}

}  // namespace lesson18
