#include "regnet.hpp"

#include <cmath>

#include "nn/dense.hpp"
#include "nn/mlp.hpp"
#include "nn/optim.hpp"

namespace lesson13 {

namespace {
constexpr double kBnEps = 1e-5, kBnMomentum = 0.9;
nn::Matrix zeros_like(const nn::Matrix& M) { return nn::Matrix::Zero(M.rows(), M.cols()); }
}  // namespace

BatchNormGrads batchnorm_backward(const nn::Matrix& dY, const nn::Matrix& Z, const nn::Vector& gamma,
                                  double eps) {
    const double N = double(Z.cols());
    // The forward's statistics:  μ, σ², 1/√(σ² + ε),  Ẑ = (Z − μ) / √(σ² + ε)
    const nn::Vector mean = Z.rowwise().mean();
    const nn::Vector var = (Z.colwise() - mean).array().square().rowwise().mean().matrix();
    const nn::Vector inv_std = (var.array() + eps).rsqrt().matrix();
    const nn::Matrix Zhat = ((Z.colwise() - mean).array().colwise() * inv_std.array()).matrix();
    BatchNormGrads g;
    // Y = γ ⊙ Ẑ + β:  dγ = Σ dY ⊙ Ẑ,  dβ = Σ dY,  dẐ = dY ⊙ γ
    g.dgamma = (dY.array() * Zhat.array()).rowwise().sum().matrix();
    g.dbeta = dY.rowwise().sum();
    const nn::Matrix dZhat = (dY.array().colwise() * gamma.array()).matrix();
    // Ẑ = (Z − μ)/√(σ² + ε), μ and σ² depending on every column:
    //   dZ = (1/N)·(1/√(σ² + ε))·(N·dẐ − Σ dẐ − Ẑ ⊙ Σ (dẐ ⊙ Ẑ))
    const nn::Vector sum_d = dZhat.rowwise().sum(),
                     sum_dz = (dZhat.array() * Zhat.array()).rowwise().sum().matrix();
    g.dZ = ((N * dZhat.array() - sum_d.replicate(1, dZhat.cols()).array() -
             Zhat.array() * sum_dz.replicate(1, dZhat.cols()).array())
                .colwise() *
            (inv_std.array() / N))
               .matrix();
    return g;
}

RegNet::RegNet(const RegNetConfig& c, nn::Rng& rng) : config(c) {
    for (std::size_t l = 0; l + 1 < c.sizes.size(); ++l) {
        const bool last = l + 2 == c.sizes.size();
        Layer L;
        const auto init = c.act == nn::Activation::relu ? nn::Init::he_normal : nn::Init::glorot_uniform;
        L.W = nn::init_weights(c.init ? *c.init
                               : last ? nn::Init::glorot_uniform
                                      : init,
                               c.sizes[l + 1], c.sizes[l], rng);
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
    for (std::size_t l = 0; l + 1 < layers.size(); ++l) {  // the hidden layers
        Layer& L = layers[l];
        L.input = A;
        L.Z = nn::dense_forward(L.W, L.b.col(0), A);
        L.Zn = config.batchnorm ? batchnorm_forward(L.Z, L.gamma.col(0), L.beta.col(0), kBnEps, training,
                                                    L.running_mean, L.running_var, kBnMomentum)  // 13.4
                                : L.Z;
        L.A = nn::activate(config.act, L.Zn);
        A = config.dropout > 0 ? dropout_forward(L.A, config.dropout, training, rng, L.mask) : L.A;  // 13.3
    }
    Layer& out = layers.back();
    out.input = A;
    out.Z = nn::dense_forward(out.W, out.b.col(0), A);
    return out.Z;  // logits: softmax is in the loss
}

void RegNet::backward(const nn::Matrix& dlogits) {
    nn::Matrix dZ = dlogits;
    for (std::size_t l = layers.size(); l-- > 0;) {
        Layer& L = layers[l];
        if (l + 1 < layers.size()) {
            // dZ currently holds dL/d(this layer's output after dropout).
            nn::Matrix dA = config.dropout > 0 ? dropout_backward(dZ, L.mask) : dZ;
            const nn::Matrix dZn = (dA.array() * nn::activate_prime(config.act, L.Zn, L.A).array()).matrix();
            if (config.batchnorm) {
                BatchNormGrads bn = batchnorm_backward(dZn, L.Z, L.gamma.col(0), kBnEps);
                L.dgamma = bn.dgamma;
                L.dbeta = bn.dbeta;
                dZ = std::move(bn.dZ);
            } else {
                dZ = dZn;
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
    struct Parameter {
        nn::Matrix *P, *dP, *m, *v;  // the values, their gradient, the optimizer's state
    };
    for (auto& L : layers) {
        std::vector<Parameter> params = {{&L.W, &L.dW, &L.mW, &L.vW}, {&L.b, &L.db, &L.mb, &L.vb}};
        if (config.batchnorm && &L != &layers.back())
            params.insert(params.end(),
                          {{&L.gamma, &L.dgamma, &L.mg, &L.vg}, {&L.beta, &L.dbeta, &L.mbeta, &L.vbeta}});
        for (const Parameter& p : params) {
            switch (opt) {
                case Optimizer::sgd:
                    *p.P -= lr * *p.dP;
                    break;
                case Optimizer::momentum:
                    momentum_update(*p.P, *p.m, *p.dP, lr, momentum_beta);
                    break;             // 13.1
                case Optimizer::adam:  // 13.2
                    adam_update(*p.P, *p.m, *p.v, *p.dP, t_, lr, nn::adam_beta1, nn::adam_beta2,
                                nn::adam_eps);
                    break;
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
