// wrong 13.1: W steps with the OLD velocity before v takes in the new gradient, so the first
// step (v = 0) does not move W at all.
#include "exercise.hpp"
#define momentum_update momentum_update_reference
#include "../solution.cpp"
#undef momentum_update

namespace lesson13 {
void momentum_update(nn::Matrix& W, nn::Matrix& v, const nn::Matrix& dW, double lr, double beta) {
    W -= lr * v;
    v = beta * v + dW;
}
}  // namespace lesson13
