// wrong 02.1: fires on w·x > 0 instead of w·x ≥ 0.
#include <stdexcept>

#include "exercise.hpp"
#define predict predict_reference
#include "../solution.cpp"
#undef predict

namespace lesson02 {
int predict(const nn::Vector& w, const nn::Vector& x) {
    if (w.size() != x.size()) throw std::invalid_argument("sizes differ");
    return w.dot(x) > 0 ? 1 : 0;
}
}  // namespace lesson02
