// wrong 13.2: writes the bias-corrected m̂ and v̂ back into m and v, so the next step corrects
// them again.
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
    m /= 1 - std::pow(beta1, double(t));
    v /= 1 - std::pow(beta2, double(t));
    W.array() -= lr * m.array() / (v.array().sqrt() + eps);
}
}  // namespace lesson13
