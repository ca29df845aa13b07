// wrong 21.4: the candidate rows of dW_h from h_{t−1} instead of r ⊙ h_{t−1}, the input they multiplied.
#include "exercise.hpp"
#define gru_step_backward gru_step_backward_reference
#include "../solution.cpp"
#undef gru_step_backward

namespace lesson21 {
GruGrads gru_step_backward(const Gru& p, const GruCache& s, const nn::Matrix& dh) {
    const nn::Index H = p.W_h.cols();
    const nn::Matrix W_hz = p.W_h.middleRows(0, H), W_hr = p.W_h.middleRows(H, H),
                     W_hn = p.W_h.middleRows(2 * H, H);
    const nn::Matrix da_n = (dh.array() * s.z.array() * (1 - s.n.array().square())).matrix();
    const nn::Matrix drh = W_hn.transpose() * da_n;  // ∂L/∂(r ⊙ h_{t−1})
    const nn::Matrix da_z =
        (dh.array() * (s.n - s.h_prev).array() * s.z.array() * (1 - s.z.array())).matrix();
    const nn::Matrix da_r = (drh.array() * s.h_prev.array() * s.r.array() * (1 - s.r.array())).matrix();
    nn::Matrix da(3 * H, dh.cols());
    da << da_z, da_r, da_n;
    nn::Matrix dW_h(3 * H, H);
    dW_h << da_z * s.h_prev.transpose(), da_r * s.h_prev.transpose(), da_n * s.h_prev.transpose();
    return {.dW_x = da * s.x.transpose(),
            .dW_h = dW_h,
            .db = da.rowwise().sum(),
            .dx = p.W_x.transpose() * da,
            .dh_prev = ((1 - s.z.array()) * dh.array() + drh.array() * s.r.array()).matrix() +
                       W_hz.transpose() * da_z + W_hr.transpose() * da_r};
}
}  // namespace lesson21
