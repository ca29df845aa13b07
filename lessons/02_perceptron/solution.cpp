// Lesson 02 — reference solutions. (./nn solution 02 shows this once your own answers pass.)
#include <fmt/core.h>

#include <stdexcept>

#include "exercise.hpp"

namespace lesson02 {

int predict(const nn::Vector& w, const nn::Vector& x) {
    if (w.size() != x.size())
        throw std::invalid_argument(
            fmt::format("{} weights for an input of {} values (x0 = 1 included)", w.size(), x.size()));
    return w.dot(x) >= 0 ? 1 : 0;  // w0·1 = −θ moves the threshold to 0
}

bool learn_step(nn::Vector& w, const nn::Vector& x, int label) {
    const int y = predict(w, x);
    if (label == 1 && y == 0) {  // in P but w·x < 0: turn w towards x
        w += x;
        return true;
    }
    if (label == 0 && y == 1) {  // in N but w·x ≥ 0: turn w away from x
        w -= x;
        return true;
    }
    return false;
}

}  // namespace lesson02
