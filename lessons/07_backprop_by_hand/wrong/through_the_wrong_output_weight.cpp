// wrong 07.1: sends w1, w2's error back through w6 and w3, w4's through w5, as if h1 were
// weighed by w6 (the output weights crossed).
#include "exercise.hpp"
#define hand_update hand_update_reference
#include "../solution.cpp"
#undef hand_update

namespace lesson07 {
HandNet hand_update(const HandNet& n, double i1, double i2, double actual, double eta) {
    const HandForward f = hand_forward(n, i1, i2);
    const double delta = f.prediction - actual;
    return {n.w1 - eta * (i1 * delta * n.w6), n.w2 - eta * (i2 * delta * n.w6),
            n.w3 - eta * (i1 * delta * n.w5), n.w4 - eta * (i2 * delta * n.w5),
            n.w5 - eta * (f.h1 * delta),      n.w6 - eta * (f.h2 * delta)};
}
}  // namespace lesson07
