// wrong 07.1: pairs w1, w3 with i2 and w2, w4 with i1 (which weight reads which input mixed up;
// on the deck's inputs 2 and 3 the update is off).
#include "exercise.hpp"
#define hand_update hand_update_reference
#include "../solution.cpp"
#undef hand_update

namespace lesson07 {
HandNet hand_update(const HandNet& n, double i1, double i2, double actual, double eta) {
    const HandForward f = hand_forward(n, i1, i2);
    const double delta = f.prediction - actual;
    return {n.w1 - eta * (i2 * delta * n.w5), n.w2 - eta * (i1 * delta * n.w5),
            n.w3 - eta * (i2 * delta * n.w6), n.w4 - eta * (i1 * delta * n.w6),
            n.w5 - eta * (f.h1 * delta),      n.w6 - eta * (f.h2 * delta)};
}
}  // namespace lesson07
