// wrong 02.2: a misclassified positive is subtracted and a
// misclassified negative added, turning w the wrong way.
#include "exercise.hpp"
#define learn_step learn_step_reference
#include "../solution.cpp"
#undef learn_step

namespace lesson02 {
bool learn_step(nn::Vector& w, const nn::Vector& x, int label) {
    const int y = predict(w, x);
    if (label == 1 && y == 0) {
        w -= x;
        return true;
    }
    if (label == 0 && y == 1) {
        w += x;
        return true;
    }
    return false;
}
}  // namespace lesson02
