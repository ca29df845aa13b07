// wrong 02.2: a positive example moves w when w·x ≤ 0, so one exactly on the line (w·x = 0,
// which the perceptron already calls 1) is wrongly "corrected".
#include "exercise.hpp"
#define learn_step learn_step_reference
#include "../solution.cpp"
#undef learn_step

namespace lesson02 {
bool learn_step(nn::Vector& w, const nn::Vector& x, int label) {
    const double s = w.dot(x);
    if (label == 1 && s <= 0) {
        w += x;
        return true;
    }
    if (label == 0 && s >= 0) {
        w -= x;
        return true;
    }
    return false;
}
}  // namespace lesson02
