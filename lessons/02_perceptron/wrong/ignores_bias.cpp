// wrong 02.1: the sum starts at i = 1, leaving out w0·x0, the bias that plays −θ.
#include <stdexcept>

#include "exercise.hpp"
#define predict predict_reference
#include "../solution.cpp"
#undef predict

namespace lesson02 {
int predict(const nn::Vector& w, const nn::Vector& x) {
    if (w.size() != x.size()) throw std::invalid_argument("lengths differ");
    double s = 0;
    for (nn::Index i = 1; i < w.size(); ++i) s += w(i) * x(i);
    return s >= 0 ? 1 : 0;
}
}  // namespace lesson02
