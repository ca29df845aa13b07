// wrong 06.4: the estimator nudges each weight but never puts
// it back, so every later estimate is taken at a different point.
#include "exercise.hpp"
#define gradient_estimator gradient_estimator_reference
#include "../solution.cpp"
#undef gradient_estimator

namespace lesson06 {
Grads gradient_estimator(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                         const std::vector<nn::Matrix>& b) {
    const double eps = 1e-4;
    const double base = cost_function(X, y, w, b);
    std::vector<nn::Matrix> wp = w, bp = b;
    Grads g{w, b};
    for (std::size_t l = 0; l < w.size(); ++l) {
        for (nn::Index k = 0; k < w[l].size(); ++k) {
            wp[l](k) += eps;
            g.w_pds[l](k) = (cost_function(X, y, wp, b) - base) / eps;
        }
        for (nn::Index k = 0; k < b[l].size(); ++k) {
            bp[l](k) += eps;
            g.b_pds[l](k) = (cost_function(X, y, w, bp) - base) / eps;
        }
    }
    return g;
}
}  // namespace lesson06
