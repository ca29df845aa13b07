// Lesson 04 — reference solutions. (./nn solution 04 shows this once your own answers pass.)
#include <stdexcept>

#include "exercise.hpp"

namespace lesson04 {

// d/dw ½(f − y)² = (f − y)·df/dw, and df/dw = σ′(wx + b)·x = f(1 − f)·x.
double grad_w(double w, double b, double x, double y) {
    const double fx = f(w, b, x);
    return (fx - y) * fx * (1 - fx) * x;
}

// The same chain, with dz/db = 1 in place of dz/dw = x.
double grad_b(double w, double b, double x, double y) {
    const double fx = f(w, b, x);
    return (fx - y) * fx * (1 - fx);
}

Params descent_step(Params p, const std::vector<double>& X, const std::vector<double>& Y, double eta) {
    if (X.size() != Y.size()) throw std::invalid_argument("X and Y differ in length");
    double dw = 0, db = 0;  // the error is a sum over points, so its gradient is too
    for (std::size_t i = 0; i < X.size(); ++i) {
        dw += grad_w(p.w, p.b, X[i], Y[i]);
        db += grad_b(p.w, p.b, X[i], Y[i]);
    }
    return {p.w - eta * dw, p.b - eta * db};  // both from the same (w, b): a simultaneous update
}

}  // namespace lesson04
