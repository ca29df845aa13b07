// wrong 21.3: applies r after the product, r ⊙ (W_h[n]·h_{t−1}), PyTorch's convention mixed in.
#include "exercise.hpp"
#define gru_step gru_step_reference
#include "../solution.cpp"
#undef gru_step

namespace lesson21 {
GruCache gru_step(const Gru& p, const nn::Matrix& x, const nn::Matrix& h_prev) {
    const nn::Index H = p.W_h.cols();
    // The gates z and r read h_{t−1}; the candidate reads r ⊙ h_{t−1}.
    GruCache s{.x = x,
               .h_prev = h_prev,
               .z = sigmoid(gru_block(p, 0, x, h_prev)),
               .r = sigmoid(gru_block(p, H, x, h_prev)),
               .n = {},
               .h = {}};
    nn::Matrix an = p.W_x.middleRows(2 * H, H) * x +
                    (s.r.array() * (p.W_h.middleRows(2 * H, H) * h_prev).array()).matrix();
    an.colwise() += p.b.segment(2 * H, H);
    s.n = tanh(an);
    s.h = ((1 - s.z.array()) * h_prev.array() + s.z.array() * s.n.array()).matrix();
    return s;
}
}  // namespace lesson21
