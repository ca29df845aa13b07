#include "regnet.hpp"

#include <cmath>

#include "nn/dense.hpp"
#include "nn/mlp.hpp"

namespace lesson13 {

namespace {
constexpr double kBnEps = 1e-5, kBnMomentum = 0.9;
nn::Matrix zeros_like(const nn::Matrix& M) { return nn::Matrix::Zero(M.rows(), M.cols()); }
}  // namespace

RegNet::RegNet(const RegNetConfig& c, nn::Rng& rng) : config(c) {
    for (std::size_t l = 0; l + 1 < c.sizes.size(); ++l) {
        const bool last = l + 2 == c.sizes.size();
        Layer L;
        const auto init = c.act == nn::Activation::relu ? nn::Init::he_normal : nn::Init::glorot_uniform;
        L.W = nn::init_weights(last ? nn::Init::glorot_uniform : init, c.sizes[l + 1], c.sizes[l], rng);
        L.b = nn::Matrix::Zero(c.sizes[l + 1], 1);
        L.gamma = nn::Matrix::Ones(c.sizes[l + 1], 1);
        L.beta = nn::Matrix::Zero(c.sizes[l + 1], 1);
        L.running_mean = nn::Vector::Zero(c.sizes[l + 1]);
        L.running_var = nn::Vector::Ones(c.sizes[l + 1]);
        for (auto* m : {&L.mW, &L.vW}) *m = zeros_like(L.W);
        for (auto* m : {&L.mb, &L.vb, &L.mg, &L.vg, &L.mbeta, &L.vbeta}) *m = zeros_like(L.b);
        layers.push_back(L);
    }
}

nn::Matrix RegNet::forward(const nn::Matrix& X, bool training, nn::Rng& rng) {
    nn::Matrix A = X;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        Layer& L = layers[l];
        L.input = A;
        L.Z = nn::dense_forward(L.W, L.b.col(0), A);
        if (l + 1 == layers.size()) return L.Z;  // logits: softmax is in the loss
        L.Y = config.batchnorm ? batchnorm_forward(L.Z, L.gamma.col(0), L.beta.col(0), kBnEps, training,
                                                   L.running_mean, L.running_var, kBnMomentum)  // 13.4
                               : L.Z;
        L.A = nn::activate(config.act, L.Y);
        A = config.dropout > 0 ? dropout_forward(L.A, config.dropout, training, rng, L.mask) : L.A;  // 13.3
    }
    return A;
}

void RegNet::backward(const nn::Matrix& dlogits) {
    nn::Matrix dZ = dlogits;
    for (std::size_t l = layers.size(); l-- > 0;) {
        Layer& L = layers[l];
        if (l + 1 < layers.size()) {
            // dZ currently holds dL/d(this layer's output after dropout).
            nn::Matrix dA = config.dropout > 0 ? dropout_backward(dZ, L.mask) : dZ;
            const nn::Matrix dY = (dA.array() * nn::activate_prime(config.act, L.Y, L.A).array()).matrix();
            if (config.batchnorm) {
                // Batch norm's backward, with the batch statistics recomputed from Z:
                //   dẐ = dY ⊙ γ,  dγ = Σ dY ⊙ Ẑ,  dβ = Σ dY,
                //   dZ = (1/N)·(1/σ)·(N·dẐ − Σ dẐ − Ẑ ⊙ Σ (dẐ ⊙ Ẑ))        (sums over the batch)
                const double N = static_cast<double>(L.Z.cols());
                const nn::Vector mean = L.Z.rowwise().mean();
                const nn::Vector var = (L.Z.colwise() - mean).array().square().rowwise().mean().matrix();
                const nn::Vector inv_std = (var.array() + kBnEps).rsqrt().matrix();
                const nn::Matrix Zhat = ((L.Z.colwise() - mean).array().colwise() * inv_std.array()).matrix();
                L.dgamma = (dY.array() * Zhat.array()).rowwise().sum().matrix();
                L.dbeta = dY.rowwise().sum();
                const nn::Matrix dZhat = (dY.array().colwise() * L.gamma.col(0).array()).matrix();
                const nn::Vector sum_d = dZhat.rowwise().sum(), sum_dz = (dZhat.array() * Zhat.array()).rowwise().sum().matrix();
                dZ = ((N * dZhat.array() - sum_d.replicate(1, dZhat.cols()).array() -
                       Zhat.array() * sum_dz.replicate(1, dZhat.cols()).array())
                          .colwise() *
                      (inv_std.array() / N))
                         .matrix();
            } else {
                dZ = dY;
            }
        }
        const nn::DenseGrads g = nn::dense_backward(L.W, L.input, dZ);
        L.dW = g.dW + config.l2 * L.W;  // d/dW of (λ/2)·‖W‖²
        L.db = g.db;
        dZ = g.dX;
    }
}

void RegNet::step(Optimizer opt, double lr) {
    ++t_;
    for (auto& L : layers) {
        std::vector<std::tuple<nn::Matrix*, nn::Matrix*, nn::Matrix*, nn::Matrix*>> params = {
            {&L.W, &L.dW, &L.mW, &L.vW}, {&L.b, &L.db, &L.mb, &L.vb}};
        if (config.batchnorm && &L != &layers.back())
            params.insert(params.end(), {{&L.gamma, &L.dgamma, &L.mg, &L.vg}, {&L.beta, &L.dbeta, &L.mbeta, &L.vbeta}});
        for (auto [P, dP, m, v] : params) {
            switch (opt) {
                case Optimizer::sgd: *P -= lr * *dP; break;
                case Optimizer::momentum: momentum_update(*P, *m, *dP, lr, 0.9); break;      // 13.1
                case Optimizer::adam: adam_update(*P, *m, *v, *dP, t_, lr, 0.9, 0.999, 1e-8); break;  // 13.2
            }
        }
    }
}

double RegNet::l2_penalty() const {
    double s = 0;
    for (const auto& L : layers) s += L.W.squaredNorm();
    return 0.5 * config.l2 * s;
}

}  // namespace lesson13
