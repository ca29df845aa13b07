// wrong 13.1: the velocity is subtracted from itself, v ← β·v − dW,
// and then added, which climbs.
#include "exercise.hpp"
#define momentum_update momentum_update_reference
#include "../solution.cpp"
#undef momentum_update

namespace lesson13 {
void momentum_update(nn::Matrix& W, nn::Matrix& v, const nn::Matrix& dW, double lr, double beta) {
    v = beta * v - dW;
    W -= lr * v;
}
}  // namespace lesson13
