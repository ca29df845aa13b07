// wrong 20.2: takes tanh′ as 1 − h_{t−1}² (the state the step read) instead of 1 − h_t².
#include "exercise.hpp"
#define rnn_backward rnn_backward_reference
#include "../solution.cpp"
#undef rnn_backward

namespace lesson20 {
Grads rnn_backward(const Rnn& p, const nn::Matrix& X, const nn::Matrix& H, const nn::Matrix& dY) {
    check_weights(p, "rnn_backward");
    const nn::Index T = X.cols();
    if (X.rows() != p.W_xh.cols() || H.rows() != p.W_xh.rows() || H.cols() != T + 1 ||
        dY.rows() != p.W_hy.rows() || dY.cols() != T)
        throw std::invalid_argument(fmt::format(
            "rnn_backward: X {}, H {} and dY {} do not fit W_xh {} and W_hy {} (X must be DxT, H Hx(T+1), "
            "dY OxT)",
            shape(X), shape(H), shape(dY), shape(p.W_xh), shape(p.W_hy)));
    Grads g{.dW_xh = nn::Matrix::Zero(p.W_xh.rows(), p.W_xh.cols()),
            .dW_hh = nn::Matrix::Zero(p.W_hh.rows(), p.W_hh.cols()),
            .db_h = nn::Vector::Zero(p.b_h.size()),
            .dW_hy = nn::Matrix::Zero(p.W_hy.rows(), p.W_hy.cols()),
            .db_y = nn::Vector::Zero(p.b_y.size()),
            .dh0 = nn::Vector::Zero(p.b_h.size()),
            .dX = nn::Matrix::Zero(X.rows(), T)};
    nn::Vector delta_next = nn::Vector::Zero(p.b_h.size());  // δ_{t+1}, 0 past the last step
    for (nn::Index t = T; t >= 1; --t) {
        const nn::Vector dh = p.W_hy.transpose() * dY.col(t - 1) + p.W_hh.transpose() * delta_next;
        const nn::Vector delta = (dh.array() * (1 - H.col(t - 1).array().square())).matrix();
        g.dW_hy += dY.col(t - 1) * H.col(t).transpose();
        g.db_y += dY.col(t - 1);
        g.dW_xh += delta * X.col(t - 1).transpose();
        g.dW_hh += delta * H.col(t - 1).transpose();
        g.db_h += delta;
        g.dX.col(t - 1) = p.W_xh.transpose() * delta;
        delta_next = delta;
    }
    g.dh0 = p.W_hh.transpose() * delta_next;
    return g;
}
}  // namespace lesson20
