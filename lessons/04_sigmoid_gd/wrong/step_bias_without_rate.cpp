// wrong 04.3: the bias steps by the whole summed gradient, b − ∇b, without the rate η.
#include <stdexcept>

#include "exercise.hpp"
#define descent_step descent_step_reference
#include "../solution.cpp"
#undef descent_step

namespace lesson04 {
Params descent_step(Params p, const std::vector<double>& X, const std::vector<double>& Y, double eta) {
    if (X.size() != Y.size()) throw std::invalid_argument("sizes differ");
    double dw = 0, db = 0;
    for (std::size_t i = 0; i < X.size(); ++i) {
        dw += grad_w(p.w, p.b, X[i], Y[i]);
        db += grad_b(p.w, p.b, X[i], Y[i]);
    }
    return {p.w - eta * dw, p.b - db};
}
}  // namespace lesson04
