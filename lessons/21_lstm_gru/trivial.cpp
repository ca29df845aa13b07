// The stubs' second flavour: plausible non-answers of the right shape (zeros, the input unchanged), which each test case must reject by a check.
#include "exercise.hpp"

namespace lesson21 {

// The state passes through unchanged; every gate 0.
LstmCache lstm_step(const Lstm& p, const nn::Matrix& x, const nn::Matrix& h_prev, const nn::Matrix& c_prev) {
    const nn::Matrix Z = nn::Matrix::Zero(h_prev.rows(), h_prev.cols());
    return {
        .x = x, .h_prev = h_prev, .c_prev = c_prev, .i = Z, .f = Z, .g = Z, .o = Z, .c = c_prev, .h = h_prev};
}

// Every gradient 0, of the right shapes.
LstmGrads lstm_step_backward(const Lstm& p, const LstmCache& s, const nn::Matrix& dh, const nn::Matrix& dc) {
    return {.dW_x = nn::Matrix::Zero(p.W_x.rows(), p.W_x.cols()),
            .dW_h = nn::Matrix::Zero(p.W_h.rows(), p.W_h.cols()),
            .db = nn::Vector::Zero(p.b.size()),
            .dx = nn::Matrix::Zero(s.x.rows(), s.x.cols()),
            .dh_prev = nn::Matrix::Zero(dh.rows(), dh.cols()),
            .dc_prev = nn::Matrix::Zero(dc.rows(), dc.cols())};
}

// The state passes through unchanged; every gate 0.
GruCache gru_step(const Gru& p, const nn::Matrix& x, const nn::Matrix& h_prev) {
    const nn::Matrix Z = nn::Matrix::Zero(h_prev.rows(), h_prev.cols());
    return {.x = x, .h_prev = h_prev, .z = Z, .r = Z, .n = Z, .h = h_prev};
}

// Every gradient 0, of the right shapes.
GruGrads gru_step_backward(const Gru& p, const GruCache& s, const nn::Matrix& dh) {
    return {.dW_x = nn::Matrix::Zero(p.W_x.rows(), p.W_x.cols()),
            .dW_h = nn::Matrix::Zero(p.W_h.rows(), p.W_h.cols()),
            .db = nn::Vector::Zero(p.b.size()),
            .dx = nn::Matrix::Zero(s.x.rows(), s.x.cols()),
            .dh_prev = nn::Matrix::Zero(dh.rows(), dh.cols())};
}

}  // namespace lesson21
