// wrong 07.1: updates w5 and w6 first and then uses the NEW
// w5, w6 for w1..w4, so the gradient is no longer taken at one point.
#include "exercise.hpp"
#define hand_update hand_update_reference
#include "../solution.cpp"
#undef hand_update

namespace lesson07 {
HandNet hand_update(const HandNet& n, double i1, double i2, double actual, double eta) {
    const HandForward f = hand_forward(n, i1, i2);
    const double delta = f.prediction - actual;
    HandNet m = n;
    m.w6 = n.w6 - eta * (f.h2 * delta);
    m.w5 = n.w5 - eta * (f.h1 * delta);
    m.w4 = n.w4 - eta * (i2 * delta * m.w6);
    m.w3 = n.w3 - eta * (i1 * delta * m.w6);
    m.w2 = n.w2 - eta * (i2 * delta * m.w5);
    m.w1 = n.w1 - eta * (i1 * delta * m.w5);
    return m;
}
}  // namespace lesson07
