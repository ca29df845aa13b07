// wrong 21.1: c_t = i ⊙ g without f ⊙ c_{t−1}: the cell forgets everything every step.
#include "exercise.hpp"
#define lstm_step lstm_step_reference
#include "../solution.cpp"
#undef lstm_step

namespace lesson21 {
LstmCache lstm_step(const Lstm& p, const nn::Matrix& x, const nn::Matrix& h_prev, const nn::Matrix& c_prev) {
    const nn::Index H = p.W_h.cols();
    nn::Matrix a = p.W_x * x + p.W_h * h_prev;
    a.colwise() += p.b;
    LstmCache s{.x = x,
                .h_prev = h_prev,
                .c_prev = c_prev,
                .i = sigmoid(a.middleRows(0, H)),
                .f = sigmoid(a.middleRows(H, H)),
                .g = tanh(a.middleRows(2 * H, H)),
                .o = sigmoid(a.middleRows(3 * H, H)),
                .c = {},
                .h = {}};
    s.c = (s.i.array() * s.g.array()).matrix();
    s.h = (s.o.array() * s.c.array().tanh()).matrix();
    return s;
}
}  // namespace lesson21
