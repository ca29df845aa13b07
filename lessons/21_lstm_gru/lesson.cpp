// Lesson 21's code beyond the exercises (lesson.hpp says what each function does).
#include "lesson.hpp"

#include <fmt/core.h>

#include <Eigen/SVD>
#include <cmath>
#include <stdexcept>

#include "../20_rnn/lesson.hpp"
#include "nn/data.hpp"
#include "nn/losses.hpp"
#include "nn/optim.hpp"
#include "nn/progress.hpp"

namespace lesson21 {

namespace {
std::string shape(const nn::Matrix& M) { return fmt::format("{}x{}", M.rows(), M.cols()); }
// The weights of a cell of `gates` gates against each other and the sequence: W_x (gates·H, D),
// W_h (gates·H, H), b gates·H, every step (D, N), the start states (H, N).
void check_shapes(const char* who, nn::Index gates, const nn::Matrix& W_x, const nn::Matrix& W_h,
                  const nn::Vector& b, const Sequence& xs, const nn::Matrix& h0) {
    const nn::Index H = W_h.cols();
    if (W_h.rows() != gates * H || W_x.rows() != gates * H || b.size() != gates * H)
        throw std::invalid_argument(fmt::format("{}: W_x {}, W_h {} and b {} do not fit {} gates of {} units",
                                                who, shape(W_x), shape(W_h), b.size(), gates, H));
    if (h0.rows() != H)
        throw std::invalid_argument(
            fmt::format("{}: the start state is {}, the cell has {} units", who, shape(h0), H));
    for (const nn::Matrix& x : xs)
        if (x.rows() != W_x.cols() || x.cols() != h0.cols())
            throw std::invalid_argument(
                fmt::format("{}: a step is {}, the cell reads {} inputs for {} samples", who, shape(x),
                            W_x.cols(), h0.cols()));
}
}  // namespace

std::vector<LstmCache> lstm_forward(const Lstm& p, const Sequence& xs, const nn::Matrix& h0,
                                    const nn::Matrix& c0) {
    check_shapes("lstm_forward", 4, p.W_x, p.W_h, p.b, xs, h0);
    if (c0.rows() != h0.rows() || c0.cols() != h0.cols())
        throw std::invalid_argument(fmt::format("lstm_forward: c0 is {}, h0 {}", shape(c0), shape(h0)));
    std::vector<LstmCache> steps;
    for (const nn::Matrix& x : xs)
        steps.push_back(steps.empty() ? lstm_step(p, x, h0, c0)
                                      : lstm_step(p, x, steps.back().h, steps.back().c));
    return steps;
}

LstmSequenceGrads lstm_backward(const Lstm& p, const std::vector<LstmCache>& steps,
                                const std::vector<nn::Matrix>& dh_out) {
    const nn::Index T = std::ssize(steps);
    if (T == 0 || std::ssize(dh_out) != T)
        throw std::invalid_argument(fmt::format(
            "lstm_backward: {} steps and {} output gradients (one per step, T ≥ 1)", T, std::ssize(dh_out)));
    LstmSequenceGrads g{.dW_x = nn::Matrix::Zero(p.W_x.rows(), p.W_x.cols()),
                        .dW_h = nn::Matrix::Zero(p.W_h.rows(), p.W_h.cols()),
                        .db = nn::Vector::Zero(p.b.size()),
                        .dxs = std::vector<nn::Matrix>(std::size_t(T)),
                        .dh = std::vector<nn::Matrix>(std::size_t(T + 1)),
                        .dc = std::vector<nn::Matrix>(std::size_t(T + 1))};
    nn::Matrix dh_next = nn::Matrix::Zero(steps[0].h.rows(), steps[0].h.cols());  // from step t + 1
    nn::Matrix dc_next = dh_next;
    for (nn::Index t = T; t >= 1; --t) {
        const auto k = std::size_t(t);
        g.dh[k] = dh_out[k - 1] + dh_next;
        g.dc[k] = dc_next;
        const LstmGrads s = lstm_step_backward(p, steps[k - 1], g.dh[k], dc_next);
        g.dW_x += s.dW_x;
        g.dW_h += s.dW_h;
        g.db += s.db;
        g.dxs[k - 1] = s.dx;
        dh_next = s.dh_prev;
        dc_next = s.dc_prev;
    }
    g.dh[0] = dh_next;
    g.dc[0] = dc_next;
    return g;
}

std::vector<GruCache> gru_forward(const Gru& p, const Sequence& xs, const nn::Matrix& h0) {
    check_shapes("gru_forward", 3, p.W_x, p.W_h, p.b, xs, h0);
    std::vector<GruCache> steps;
    for (const nn::Matrix& x : xs) steps.push_back(gru_step(p, x, steps.empty() ? h0 : steps.back().h));
    return steps;
}

GruSequenceGrads gru_backward(const Gru& p, const std::vector<GruCache>& steps,
                              const std::vector<nn::Matrix>& dh_out) {
    const nn::Index T = std::ssize(steps);
    if (T == 0 || std::ssize(dh_out) != T)
        throw std::invalid_argument(fmt::format(
            "gru_backward: {} steps and {} output gradients (one per step, T ≥ 1)", T, std::ssize(dh_out)));
    GruSequenceGrads g{.dW_x = nn::Matrix::Zero(p.W_x.rows(), p.W_x.cols()),
                       .dW_h = nn::Matrix::Zero(p.W_h.rows(), p.W_h.cols()),
                       .db = nn::Vector::Zero(p.b.size()),
                       .dxs = std::vector<nn::Matrix>(std::size_t(T)),
                       .dh = std::vector<nn::Matrix>(std::size_t(T + 1))};
    nn::Matrix dh_next = nn::Matrix::Zero(steps[0].h.rows(), steps[0].h.cols());
    for (nn::Index t = T; t >= 1; --t) {
        const auto k = std::size_t(t);
        g.dh[k] = dh_out[k - 1] + dh_next;
        const GruGrads s = gru_step_backward(p, steps[k - 1], g.dh[k]);
        g.dW_x += s.dW_x;
        g.dW_h += s.dW_h;
        g.db += s.db;
        g.dxs[k - 1] = s.dx;
        dh_next = s.dh_prev;
    }
    g.dh[0] = dh_next;
    return g;
}

Lstm random_lstm(nn::Index D, nn::Index H, double forget_bias, nn::Rng& rng) {
    const double s = 1 / std::sqrt(double(H));
    Lstm p{.W_x = rng.uniform_matrix(4 * H, D, -s, s),
           .W_h = rng.uniform_matrix(4 * H, H, -s, s),
           .b = nn::Vector::Zero(4 * H)};
    p.b.segment(H, H).setConstant(forget_bias);
    return p;
}

Gru random_gru(nn::Index D, nn::Index H, double update_bias, nn::Rng& rng) {
    const double s = 1 / std::sqrt(double(H));
    Gru p{.W_x = rng.uniform_matrix(3 * H, D, -s, s),
          .W_h = rng.uniform_matrix(3 * H, H, -s, s),
          .b = nn::Vector::Zero(3 * H)};
    p.b.head(H).setConstant(update_bias);
    return p;
}

double spectral_norm(const nn::Matrix& M) {
    if (M.size() == 0) return 0;
    return Eigen::JacobiSVD<nn::Matrix>(M).singularValues()(0);
}

namespace {
// One sequence copied into H columns, so that backpropagating the identity (column j: ∂h_T[j]) gives
// row j of every Jacobian ∂h_T/∂s_t at once.
Sequence copies(const Sequence& xs, nn::Index H) {
    Sequence out;
    for (const nn::Matrix& x : xs) out.push_back(x.col(0).replicate(1, H));
    return out;
}
std::vector<nn::Matrix> last_only(nn::Index T, nn::Index H) {
    std::vector<nn::Matrix> d(std::size_t(T), nn::Matrix::Zero(H, H));
    d.back() = nn::Matrix::Identity(H, H);
    return d;
}
}  // namespace

std::vector<double> lstm_reach(const Lstm& p, const Sequence& xs) {
    const nn::Index H = p.W_h.cols(), T = std::ssize(xs);
    const nn::Matrix zero = nn::Matrix::Zero(H, H);
    const LstmSequenceGrads g = lstm_backward(p, lstm_forward(p, copies(xs, H), zero, zero), last_only(T, H));
    std::vector<double> r;
    for (nn::Index k = 0; k <= T; ++k) {
        nn::Matrix J(2 * H, H);  // columns: the units of h_T; rows: h_{T−k} then c_{T−k}
        J << g.dh[std::size_t(T - k)], g.dc[std::size_t(T - k)];
        r.push_back(spectral_norm(J));
    }
    return r;
}

std::vector<double> gru_reach(const Gru& p, const Sequence& xs) {
    const nn::Index H = p.W_h.cols(), T = std::ssize(xs);
    const GruSequenceGrads g =
        gru_backward(p, gru_forward(p, copies(xs, H), nn::Matrix::Zero(H, H)), last_only(T, H));
    std::vector<double> r;
    for (nn::Index k = 0; k <= T; ++k) r.push_back(spectral_norm(g.dh[std::size_t(T - k)]));
    return r;
}

Recall make_recall(nn::Index T, nn::Index K, nn::Index N, nn::Rng& rng) {
    Recall d{.xs = Sequence(std::size_t(T), nn::Matrix::Zero(K + 1, N)), .labels = {}};
    for (nn::Index n = 0; n < N; ++n) {
        const int first = int(rng.below(std::uint64_t(K)));
        d.labels.push_back(first);
        d.xs[0](first, n) = 1;
        d.xs[0](K, n) = 1;  // the marker: remember this one
        for (nn::Index t = 1; t < T; ++t) d.xs[std::size_t(t)](nn::Index(rng.below(std::uint64_t(K))), n) = 1;
    }
    return d;
}

std::string name(Cell c) {
    switch (c) {
        case Cell::rnn:
            return "RNN";
        case Cell::lstm:
            return "LSTM";
        case Cell::gru:
            return "GRU";
    }
    return "?";
}

Model make_model(Cell cell, nn::Index D, nn::Index H, nn::Index K, double gate_bias, nn::Rng& rng) {
    Model m{.cell = cell, .rnn = {}, .lstm = {}, .gru = {}, .W_y = {}, .b_y = {}};
    const double s = 1 / std::sqrt(double(H));
    if (cell == Cell::rnn) {
        m.rnn = lesson20::scaled_rnn(D, H, K, 1.0, 1.0, rng);  // lesson 20's cell, W_hh of spectral radius 1
        return m;
    }
    if (cell == Cell::lstm) m.lstm = random_lstm(D, H, gate_bias, rng);
    if (cell == Cell::gru) m.gru = random_gru(D, H, gate_bias, rng);
    m.W_y = rng.uniform_matrix(K, H, -s, s);
    m.b_y = nn::Vector::Zero(K);
    return m;
}

std::vector<nn::Matrix> parameters(const Model& m) {
    switch (m.cell) {
        case Cell::rnn:
            return {m.rnn.W_xh, m.rnn.W_hh, m.rnn.b_h, m.rnn.W_hy, m.rnn.b_y};
        case Cell::lstm:
            return {m.lstm.W_x, m.lstm.W_h, m.lstm.b, m.W_y, m.b_y};
        case Cell::gru:
            return {m.gru.W_x, m.gru.W_h, m.gru.b, m.W_y, m.b_y};
    }
    return {};
}

void set_parameters(Model& m, const std::vector<nn::Matrix>& P) {
    switch (m.cell) {
        case Cell::rnn:
            m.rnn = {.W_xh = P[0], .W_hh = P[1], .b_h = P[2].col(0), .W_hy = P[3], .b_y = P[4].col(0)};
            return;
        case Cell::lstm:
            m.lstm = {.W_x = P[0], .W_h = P[1], .b = P[2].col(0)};
            break;
        case Cell::gru:
            m.gru = {.W_x = P[0], .W_h = P[1], .b = P[2].col(0)};
            break;
    }
    m.W_y = P[3];
    m.b_y = P[4].col(0);
}

nn::Index parameter_count(const Model& m) {
    nn::Index n = 0;
    for (const nn::Matrix& P : parameters(m)) n += P.size();
    return n;
}

namespace {
// Sample n of a batch as lesson 20 reads a sequence: (D, T), step t in column t − 1.
nn::Matrix one_sequence(const Sequence& xs, nn::Index n) {
    nn::Matrix X(xs[0].rows(), std::ssize(xs));
    for (nn::Index t = 0; t < std::ssize(xs); ++t) X.col(t) = xs[std::size_t(t)].col(n);
    return X;
}
nn::Matrix zeros_like_state(const Model& m, nn::Index N) {
    return nn::Matrix::Zero(m.cell == Cell::lstm ? m.lstm.W_h.cols() : m.gru.W_h.cols(), N);
}
}  // namespace

nn::Matrix logits(const Model& m, const Sequence& xs) {
    const nn::Index N = xs[0].cols();
    if (m.cell == Cell::rnn) {
        nn::Matrix Z(m.rnn.W_hy.rows(), N);
        const nn::Vector h0 = nn::Vector::Zero(m.rnn.W_hh.rows());
        for (nn::Index n = 0; n < N; ++n)
            Z.col(n) = lesson20::rnn_forward(m.rnn, one_sequence(xs, n), h0).Y.rightCols(1);
        return Z;
    }
    const nn::Matrix h0 = zeros_like_state(m, N);
    const nn::Matrix h = m.cell == Cell::lstm ? lstm_forward(m.lstm, xs, h0, h0).back().h
                                              : gru_forward(m.gru, xs, h0).back().h;
    nn::Matrix Z = m.W_y * h;
    Z.colwise() += m.b_y;
    return Z;
}

LossAndGrads loss_and_grads(const Model& m, const Recall& batch) {
    const nn::Index N = std::ssize(batch.labels), T = std::ssize(batch.xs), K = parameters(m)[4].rows();
    const nn::Matrix Y = nn::one_hot(batch.labels, int(K));
    if (m.cell == Cell::rnn) {
        const nn::Vector h0 = nn::Vector::Zero(m.rnn.W_hh.rows());
        std::vector<nn::Matrix> fw;
        nn::Matrix Z(K, N);
        for (nn::Index n = 0; n < N; ++n) {
            const nn::Matrix X = one_sequence(batch.xs, n);
            const lesson20::Forward f = lesson20::rnn_forward(m.rnn, X, h0);
            Z.col(n) = f.Y.rightCols(1);
            fw.push_back(f.H);
        }
        const nn::LossAndGrad lg = nn::softmax_cross_entropy(Z, Y);
        std::vector<nn::Matrix> grads = parameters(m);
        for (nn::Matrix& G : grads) G.setZero();
        for (nn::Index n = 0; n < N; ++n) {
            nn::Matrix dY = nn::Matrix::Zero(K, T);
            dY.rightCols(1) = lg.grad.col(n);  // only the last step's output is read
            const lesson20::Grads g =
                lesson20::rnn_backward(m.rnn, one_sequence(batch.xs, n), fw[std::size_t(n)], dY);
            grads[0] += g.dW_xh;
            grads[1] += g.dW_hh;
            grads[2] += g.db_h;
            grads[3] += g.dW_hy;
            grads[4] += g.db_y;
        }
        return {.loss = lg.loss, .grads = grads};
    }
    const nn::Matrix h0 = zeros_like_state(m, N);
    const nn::Index H = h0.rows();
    std::vector<nn::Matrix> dh_out(std::size_t(T), nn::Matrix::Zero(H, N));
    if (m.cell == Cell::lstm) {
        const std::vector<LstmCache> steps = lstm_forward(m.lstm, batch.xs, h0, h0);
        nn::Matrix Z = m.W_y * steps.back().h;
        Z.colwise() += m.b_y;
        const nn::LossAndGrad lg = nn::softmax_cross_entropy(Z, Y);
        dh_out.back() = m.W_y.transpose() * lg.grad;
        const LstmSequenceGrads g = lstm_backward(m.lstm, steps, dh_out);
        return {
            .loss = lg.loss,
            .grads = {g.dW_x, g.dW_h, g.db, lg.grad * steps.back().h.transpose(), lg.grad.rowwise().sum()}};
    }
    const std::vector<GruCache> steps = gru_forward(m.gru, batch.xs, h0);
    nn::Matrix Z = m.W_y * steps.back().h;
    Z.colwise() += m.b_y;
    const nn::LossAndGrad lg = nn::softmax_cross_entropy(Z, Y);
    dh_out.back() = m.W_y.transpose() * lg.grad;
    const GruSequenceGrads g = gru_backward(m.gru, steps, dh_out);
    return {.loss = lg.loss,
            .grads = {g.dW_x, g.dW_h, g.db, lg.grad * steps.back().h.transpose(), lg.grad.rowwise().sum()}};
}

double accuracy(const Model& m, const Recall& data) {
    const std::vector<int> predicted = nn::argmax_columns(logits(m, data.xs));
    nn::Index right = 0;
    for (std::size_t n = 0; n < predicted.size(); ++n) right += predicted[n] == data.labels[n];
    return double(right) / double(std::ssize(predicted));
}

TrainResult train(Model& m, nn::Index T, nn::Index K, const TrainSettings& s, const Recall& test,
                  std::uint64_t seed, const std::string& label) {
    nn::Rng rng(seed);
    nn::Adam adam{.lr = s.lr};
    std::vector<nn::Matrix> P = parameters(m);
    std::vector<nn::Matrix*> ptrs;
    for (nn::Matrix& p : P) ptrs.push_back(&p);
    TrainResult r{.at_step = {}, .test_accuracy = {}, .final_loss = 0};
    nn::ProgressBar bar(label, std::size_t(s.steps), "steps");
    double smooth = std::log(double(K));
    for (nn::Index step = 1; step <= s.steps; ++step) {
        const LossAndGrads lg = loss_and_grads(m, make_recall(T, K, s.batch, rng));
        adam.step(ptrs, lesson20::clip_by_global_norm(lg.grads, s.clip));
        set_parameters(m, P);
        smooth = 0.9 * smooth + 0.1 * lg.loss;
        if (step % s.every == 0 || step == s.steps) {
            r.at_step.push_back(double(step));
            r.test_accuracy.push_back(accuracy(m, test));
        }
        bar.update(std::size_t(step), fmt::format("loss {:.4f}", smooth));
    }
    bar.finish(fmt::format("loss {:.4f}", smooth));
    r.final_loss = smooth;
    return r;
}

}  // namespace lesson21
