// wrong 06.4: the difference of costs is not divided by eps.
#include "exercise.hpp"
#define gradient_estimator gradient_estimator_reference
#include "../solution.cpp"
#undef gradient_estimator

namespace lesson06 {
Grads gradient_estimator(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                         const std::vector<nn::Matrix>& b) {
    Grads g = gradient_estimator_reference(X, y, w, b);
    for (auto& m : g.w_pds) m *= 1e-4;
    for (auto& m : g.b_pds) m *= 1e-4;
    return g;
}
}  // namespace lesson06
