// wrong 21.2: db from the first sample only instead of the sum over the batch.
#include "exercise.hpp"
#define lstm_step_backward lstm_step_backward_reference
#include "../solution.cpp"
#undef lstm_step_backward

namespace lesson21 {
LstmGrads lstm_step_backward(const Lstm& p, const LstmCache& s, const nn::Matrix& dh, const nn::Matrix& dc) {
    const nn::Index H = p.W_h.cols();
    const nn::Matrix tc = tanh(s.c);
    // c_t reaches L directly (dc, from step t + 1) and through h_t = o ⊙ tanh(c_t).
    const nn::Matrix dct = (dc.array() + dh.array() * s.o.array() * (1 - tc.array().square())).matrix();
    nn::Matrix da(4 * H, dh.cols());
    da.middleRows(0, H) = (dct.array() * s.g.array() * s.i.array() * (1 - s.i.array())).matrix();
    da.middleRows(H, H) = (dct.array() * s.c_prev.array() * s.f.array() * (1 - s.f.array())).matrix();
    da.middleRows(2 * H, H) = (dct.array() * s.i.array() * (1 - s.g.array().square())).matrix();
    da.middleRows(3 * H, H) = (dh.array() * tc.array() * s.o.array() * (1 - s.o.array())).matrix();
    return {.dW_x = da * s.x.transpose(),
            .dW_h = da * s.h_prev.transpose(),
            .db = da.col(0),
            .dx = p.W_x.transpose() * da,
            .dh_prev = p.W_h.transpose() * da,
            .dc_prev = (dct.array() * s.f.array()).matrix()};
}
}  // namespace lesson21
