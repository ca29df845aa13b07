// wrong 06.5: the biases step by the whole estimate, b − b_pds, without the learning rate.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "exercise.hpp"
#define one_step_gd one_step_gd_reference
#include "../solution.cpp"
#undef one_step_gd

namespace lesson06 {
Params one_step_gd(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                   const std::vector<nn::Matrix>& b, double lr) {
    const Grads g = gradient_estimator(X, y, w, b);
    Params p{w, b};
    for (std::size_t l = 0; l < w.size(); ++l) {
        p.w[l] -= lr * g.w_pds[l];
        p.b[l] -= g.b_pds[l];
    }
    return p;
}
}  // namespace lesson06
