// wrong 13.2: the bias correction as (1 − β)^t instead of 1 − β^t: the same at t = 1, far off
// from t = 2 on.
#include <cmath>

#include "exercise.hpp"
#define adam_update adam_update_reference
#include "../solution.cpp"
#undef adam_update

namespace lesson13 {
void adam_update(nn::Matrix& W, nn::Matrix& m, nn::Matrix& v, const nn::Matrix& dW, long t, double lr,
                 double beta1, double beta2, double eps) {
    m = beta1 * m + (1 - beta1) * dW;
    v = beta2 * v + (1 - beta2) * dW.cwiseAbs2();
    const double c1 = std::pow(1 - beta1, double(t)), c2 = std::pow(1 - beta2, double(t));
    W.array() -= lr * (m.array() / c1) / ((v.array() / c2).sqrt() + eps);
}
}  // namespace lesson13
