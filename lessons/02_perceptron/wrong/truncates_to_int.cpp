// wrong 02.1: w·x is stored in an int, so −0.25 becomes 0 and fires.
#include <stdexcept>

#include "exercise.hpp"
#define predict predict_reference
#include "../solution.cpp"
#undef predict

namespace lesson02 {
int predict(const nn::Vector& w, const nn::Vector& x) {
    if (w.size() != x.size()) throw std::invalid_argument("lengths differ");
    const int s = int(w.dot(x));
    return s >= 0 ? 1 : 0;
}
}  // namespace lesson02
