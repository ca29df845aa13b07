// wrong 06.4: central differences (cost(w + eps) − cost(w − eps))/(2 eps): more accurate, but
// not the contract's forward difference (cost(w + eps) − cost(w))/eps.
#include "exercise.hpp"
#define gradient_estimator gradient_estimator_reference
#include "../solution.cpp"
#undef gradient_estimator

namespace lesson06 {
Grads gradient_estimator(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                         const std::vector<nn::Matrix>& b) {
    const double eps = 1e-4;
    std::vector<nn::Matrix> wp = w, bp = b;
    Grads g{w, b};
    for (std::size_t l = 0; l < w.size(); ++l) {
        for (nn::Index k = 0; k < w[l].size(); ++k) {
            wp[l](k) = w[l](k) + eps;
            const double up = cost_function(X, y, wp, b);
            wp[l](k) = w[l](k) - eps;
            g.w_pds[l](k) = (up - cost_function(X, y, wp, b)) / (2 * eps);
            wp[l](k) = w[l](k);
        }
        for (nn::Index k = 0; k < b[l].size(); ++k) {
            bp[l](k) = b[l](k) + eps;
            const double up = cost_function(X, y, w, bp);
            bp[l](k) = b[l](k) - eps;
            g.b_pds[l](k) = (up - cost_function(X, y, w, bp)) / (2 * eps);
            bp[l](k) = b[l](k);
        }
    }
    return g;
}
}  // namespace lesson06
