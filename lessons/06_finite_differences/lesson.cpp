#include "lesson.hpp"

#include "nn/activations.hpp"
#include "nn/dense.hpp"

namespace lesson06 {

DataSet make_blobs(std::uint64_t seed, int m) {
    nn::Rng rng(seed);
    DataSet d{nn::Matrix(m, 2), nn::Matrix(m, 1)};
    for (int i = 0; i < m; ++i) {
        const double centre = i < m / 2 ? -1.0 : 1.0;
        d.X(i, 0) = rng.normal(centre, 0.8);
        d.X(i, 1) = rng.normal(centre, 0.8);
        d.y(i, 0) = i < m / 2 ? 0 : 1;
    }
    return d;
}

Grads backprop_gradient(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                        const std::vector<nn::Matrix>& b) {
    // Forward, keeping every layer's activation: A[0] = Xᵀ, A[l+1] = σ(w[l]·A[l] + b[l]).
    std::vector<nn::Matrix> A{X.transpose()};
    for (std::size_t l = 0; l < w.size(); ++l)
        A.push_back(nn::sigmoid(nn::dense_forward(w[l], b[l].col(0), A[l])));
    const double m = double(y.rows());
    // cost = Σ (a − y)² / m  ->  ∂cost/∂a = 2(a − y)/m
    nn::Matrix dA = 2.0 * (A.back() - y.transpose()) / m;
    Grads g{w, b};
    for (std::size_t l = w.size(); l-- > 0;) {
        // a = σ(z)  ->  ∂cost/∂z = ∂cost/∂a ⊙ a(1 − a)
        const nn::Matrix dZ = (dA.array() * A[l + 1].array() * (1 - A[l + 1].array())).matrix();
        const nn::DenseGrads d = nn::dense_backward(w[l], A[l], dZ);
        g.w_pds[l] = d.dW;
        g.b_pds[l] = d.db;
        dA = d.dX;
    }
    return g;
}

}  // namespace lesson06
