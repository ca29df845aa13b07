// Lesson 20 — reference solutions (exercise.hpp says what each function must do).
#include <fmt/core.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "exercise.hpp"

namespace lesson20 {

namespace {
std::string shape(const nn::Matrix& M) { return fmt::format("{}x{}", M.rows(), M.cols()); }
// The weights' shapes against each other: W_xh (H, D), W_hh (H, H), b_h H, W_hy (O, H), b_y O.
void check_weights(const Rnn& p, const char* who) {
    const nn::Index H = p.W_xh.rows();
    if (p.W_hh.rows() != H || p.W_hh.cols() != H || p.b_h.size() != H || p.W_hy.cols() != H ||
        p.b_y.size() != p.W_hy.rows())
        throw std::invalid_argument(fmt::format(
            "{}: the weights do not fit together: W_xh {}, W_hh {}, b_h {}, W_hy {}, b_y {} (W_hh must be "
            "HxH, b_h H, W_hy OxH, b_y O)",
            who, shape(p.W_xh), shape(p.W_hh), p.b_h.size(), shape(p.W_hy), p.b_y.size()));
}
}  // namespace

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
        const nn::Vector a = p.W_xh * X.col(t - 1) + p.W_hh * f.H.col(t - 1) + p.b_h;
        f.H.col(t) = a.array().tanh().matrix();
        f.Y.col(t - 1) = p.W_hy * f.H.col(t) + p.b_y;
    }
    return f;
}

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
        const nn::Vector delta = (dh.array() * (1 - H.col(t).array().square())).matrix();
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

std::vector<nn::Matrix> clip_by_global_norm(std::vector<nn::Matrix> grads, double max_norm) {
    if (!(max_norm > 0))
        throw std::invalid_argument(
            fmt::format("clip_by_global_norm: max_norm {} must be positive", max_norm));
    double squares = 0;
    for (const nn::Matrix& g : grads) squares += g.squaredNorm();
    const double norm = std::sqrt(squares);
    if (norm > max_norm)
        for (nn::Matrix& g : grads) g *= max_norm / norm;
    return grads;
}

}  // namespace lesson20
