// wrong 04.3: steps after every point (stochastic), not once with the summed gradient.
#include <stdexcept>

#include "exercise.hpp"
#define descent_step descent_step_reference
#include "../solution.cpp"
#undef descent_step

namespace lesson04 {
Params descent_step(Params p, const std::vector<double>& X, const std::vector<double>& Y, double eta) {
    if (X.size() != Y.size()) throw std::invalid_argument("sizes differ");
    for (std::size_t i = 0; i < X.size(); ++i) {
        const double dw = grad_w(p.w, p.b, X[i], Y[i]), db = grad_b(p.w, p.b, X[i], Y[i]);
        p.w -= eta * dw;
        p.b -= eta * db;
    }
    return p;
}
}  // namespace lesson04
