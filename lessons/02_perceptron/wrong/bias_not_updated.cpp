// wrong 02.2: only w1..wn move; the bias w0 (whose input x0 is always 1) is left as it was.
#include "exercise.hpp"
#define learn_step learn_step_reference
#include "../solution.cpp"
#undef learn_step

namespace lesson02 {
bool learn_step(nn::Vector& w, const nn::Vector& x, int label) {
    const int y = predict(w, x);
    if (y == label) return false;
    const nn::Index n = w.size() - 1;
    if (label == 1)
        w.tail(n) += x.tail(n);
    else
        w.tail(n) -= x.tail(n);
    return true;
}
}  // namespace lesson02
