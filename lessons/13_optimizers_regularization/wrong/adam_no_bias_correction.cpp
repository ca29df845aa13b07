// wrong 13.2: Adam without the 1/(1 − β^t) corrections, so its
// first steps are far too small.
#include <cmath>

#include "exercise.hpp"
#define adam_update adam_update_reference
#include "../solution.cpp"
#undef adam_update

namespace lesson13 {
void adam_update(nn::Matrix& W, nn::Matrix& m, nn::Matrix& v, const nn::Matrix& dW, long, double lr,
                 double beta1, double beta2, double eps) {
    m = beta1 * m + (1 - beta1) * dW;
    v = beta2 * v + (1 - beta2) * dW.cwiseAbs2();
    W.array() -= lr * m.array() / (v.array().sqrt() + eps);
}
}  // namespace lesson13
