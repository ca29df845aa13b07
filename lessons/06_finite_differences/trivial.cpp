// The stubs' second flavour: plausible non-answers of the right shape (zeros, the input unchanged), which each test case must reject by a check.
#include "exercise.hpp"

namespace lesson06 {

Params nn_parameter_maker(const std::vector<int>& sizes, nn::Rng&) {
    Params p;
    if (sizes.size() < 2) return p;
    for (int s : sizes)
        if (s < 1) return p;
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
        p.w.push_back(nn::Matrix::Zero(sizes[l + 1], sizes[l]));
        p.b.push_back(nn::Matrix::Zero(sizes[l + 1], 1));
    }
    return p;
}

nn::Matrix sigmoid(const nn::Matrix& z) { return nn::Matrix::Zero(z.rows(), z.cols()); }

nn::Matrix forward_pass(const nn::Matrix& inp, const std::vector<nn::Matrix>& w,
                        const std::vector<nn::Matrix>&) {
    if (w.empty()) return inp;
    return nn::Matrix::Zero(w.back().rows(), inp.cols());
}

Grads gradient_estimator(const nn::Matrix&, const nn::Matrix&, const std::vector<nn::Matrix>& w,
                         const std::vector<nn::Matrix>& b) {
    Grads g{w, b};
    for (auto& m : g.w_pds) m.setZero();
    for (auto& m : g.b_pds) m.setZero();
    return g;
}

Params one_step_gd(const nn::Matrix&, const nn::Matrix&, const std::vector<nn::Matrix>& w,
                   const std::vector<nn::Matrix>& b, double) {
    return Params{w, b};
}

}  // namespace lesson06
