// Lesson 21 — reference solutions (exercise.hpp says what each function must do).
#include <cmath>

#include "exercise.hpp"

namespace lesson21 {

namespace {
nn::Matrix sigmoid(const nn::Matrix& A) { return (1 / (1 + (-A.array()).exp())).matrix(); }
nn::Matrix tanh(const nn::Matrix& A) { return A.array().tanh().matrix(); }
// A GRU's pre-activation of the H rows from `row` (one gate's block): W_x[rows]·x + W_h[rows]·v + b[rows].
nn::Matrix gru_block(const Gru& p, nn::Index row, const nn::Matrix& x, const nn::Matrix& v) {
    const nn::Index H = p.W_h.cols();
    nn::Matrix a = p.W_x.middleRows(row, H) * x + p.W_h.middleRows(row, H) * v;
    a.colwise() += p.b.segment(row, H);
    return a;
}
}  // namespace

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
    s.c = (s.f.array() * c_prev.array() + s.i.array() * s.g.array()).matrix();
    s.h = (s.o.array() * s.c.array().tanh()).matrix();
    return s;
}

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
            .db = da.rowwise().sum(),
            .dx = p.W_x.transpose() * da,
            .dh_prev = p.W_h.transpose() * da,
            .dc_prev = (dct.array() * s.f.array()).matrix()};
}

GruCache gru_step(const Gru& p, const nn::Matrix& x, const nn::Matrix& h_prev) {
    const nn::Index H = p.W_h.cols();
    // The gates z and r read h_{t−1}; the candidate reads r ⊙ h_{t−1}.
    GruCache s{.x = x,
               .h_prev = h_prev,
               .z = sigmoid(gru_block(p, 0, x, h_prev)),
               .r = sigmoid(gru_block(p, H, x, h_prev)),
               .n = {},
               .h = {}};
    s.n = tanh(gru_block(p, 2 * H, x, (s.r.array() * h_prev.array()).matrix()));
    s.h = ((1 - s.z.array()) * h_prev.array() + s.z.array() * s.n.array()).matrix();
    return s;
}

GruGrads gru_step_backward(const Gru& p, const GruCache& s, const nn::Matrix& dh) {
    const nn::Index H = p.W_h.cols();
    const nn::Matrix W_hz = p.W_h.middleRows(0, H), W_hr = p.W_h.middleRows(H, H),
                     W_hn = p.W_h.middleRows(2 * H, H);
    const nn::Matrix da_n = (dh.array() * s.z.array() * (1 - s.n.array().square())).matrix();
    const nn::Matrix drh = W_hn.transpose() * da_n;  // ∂L/∂(r ⊙ h_{t−1})
    const nn::Matrix da_z =
        (dh.array() * (s.n - s.h_prev).array() * s.z.array() * (1 - s.z.array())).matrix();
    const nn::Matrix da_r = (drh.array() * s.h_prev.array() * s.r.array() * (1 - s.r.array())).matrix();
    const nn::Matrix rh = (s.r.array() * s.h_prev.array()).matrix();
    nn::Matrix da(3 * H, dh.cols());
    da << da_z, da_r, da_n;
    nn::Matrix dW_h(3 * H, H);
    dW_h << da_z * s.h_prev.transpose(), da_r * s.h_prev.transpose(), da_n * rh.transpose();
    return {.dW_x = da * s.x.transpose(),
            .dW_h = dW_h,
            .db = da.rowwise().sum(),
            .dx = p.W_x.transpose() * da,
            .dh_prev = ((1 - s.z.array()) * dh.array() + drh.array() * s.r.array()).matrix() +
                       W_hz.transpose() * da_z + W_hr.transpose() * da_r};
}

}  // namespace lesson21
