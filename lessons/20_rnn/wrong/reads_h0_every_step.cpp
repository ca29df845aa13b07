// wrong 20.1: every step reads h_0 instead of h_{t−1}, the state the step before it left.
#include "exercise.hpp"
#define rnn_forward rnn_forward_reference
#include "../solution.cpp"
#undef rnn_forward

namespace lesson20 {
Forward rnn_forward(const Rnn& p, const nn::Matrix& X, const nn::Vector& h0) {
    check_weights(p, "rnn_forward");
    if (X.rows() != p.W_xh.cols() || h0.size() != p.W_xh.rows())
        throw std::invalid_argument(
            fmt::format("rnn_forward: X is {} and h0 has {} entries, but W_xh is {} (X needs {} rows, h0 {})",
                        shape(X), h0.size(), shape(p.W_xh), p.W_xh.cols(), p.W_xh.rows()));
    const nn::Index T = X.cols();
    Forward f{.H = nn::Matrix(h0.size(), T + 1), .Y = nn::Matrix(p.W_hy.rows(), T)};
    f.H.col(0) = h0;
    for (nn::Index t = 1; t <= T; ++t) {
        const nn::Vector a = p.W_xh * X.col(t - 1) + p.W_hh * f.H.col(0) + p.b_h;
        f.H.col(t) = a.array().tanh().matrix();
        f.Y.col(t - 1) = p.W_hy * f.H.col(t) + p.b_y;
    }
    return f;
}
}  // namespace lesson20
