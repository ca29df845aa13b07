// Lesson 06 — reference solutions. (./nn solution 06 shows this once your own answers pass.)
#include <stdexcept>

#include "exercise.hpp"
#include "nn/activations.hpp"

namespace lesson06 {

Params nn_parameter_maker(const std::vector<int>& sizes, nn::Rng& rng) {
    if (sizes.size() < 2) throw std::invalid_argument("a network needs at least an input and an output size");
    for (int s : sizes)
        if (s < 1) throw std::invalid_argument("every layer needs at least one unit");
    Params p;
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l)  // layer l maps sizes[l] inputs to sizes[l+1]
        p.w.push_back(rng.normal_matrix(sizes[l + 1], sizes[l], 0, 1));
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l)
        p.b.push_back(rng.normal_matrix(sizes[l + 1], 1, 0, 1));
    return p;
}

nn::Matrix sigmoid(const nn::Matrix& z) { return nn::sigmoid(z); }  // common's overflow-free σ

nn::Matrix forward_pass(const nn::Matrix& inp, const std::vector<nn::Matrix>& w,
                        const std::vector<nn::Matrix>& b) {
    nn::Matrix a = inp;
    for (std::size_t l = 0; l < w.size(); ++l) {
        nn::Matrix z = w[l] * a;
        z.colwise() += b[l].col(0);  // the layer's bias, added to every sample
        a = sigmoid(z);
    }
    return a;
}

Grads gradient_estimator(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                         const std::vector<nn::Matrix>& b) {
    const double eps = 1e-4;
    const double base = cost_function(X, y, w, b);  // one forward pass shared by all estimates
    std::vector<nn::Matrix> wp = w, bp = b;         // copies to nudge, one entry at a time
    Grads g{w, b};
    for (std::size_t l = 0; l < w.size(); ++l) {
        for (nn::Index k = 0; k < w[l].size(); ++k) {
            wp[l](k) += eps;
            g.w_pds[l](k) = (cost_function(X, y, wp, b) - base) / eps;
            wp[l](k) = w[l](k);  // put it back before the next one
        }
        for (nn::Index k = 0; k < b[l].size(); ++k) {
            bp[l](k) += eps;
            g.b_pds[l](k) = (cost_function(X, y, w, bp) - base) / eps;
            bp[l](k) = b[l](k);
        }
    }
    return g;
}

Params one_step_gd(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                   const std::vector<nn::Matrix>& b, double lr) {
    const Grads g = gradient_estimator(X, y, w, b);
    Params p{w, b};
    for (std::size_t l = 0; l < w.size(); ++l) {
        p.w[l] -= lr * g.w_pds[l];
        p.b[l] -= lr * g.b_pds[l];
    }
    return p;
}

}  // namespace lesson06
