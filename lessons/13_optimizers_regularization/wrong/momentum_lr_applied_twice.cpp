// wrong 13.1: the learning rate goes into the velocity AND into the step, v ← β·v + lr·dW,
// W ← W − lr·v, so every step is lr times too small and v is not the contract's.
#include "exercise.hpp"
#define momentum_update momentum_update_reference
#include "../solution.cpp"
#undef momentum_update

namespace lesson13 {
void momentum_update(nn::Matrix& W, nn::Matrix& v, const nn::Matrix& dW, double lr, double beta) {
    v = beta * v + lr * dW;
    W -= lr * v;
}
}  // namespace lesson13
