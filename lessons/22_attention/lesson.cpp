// Lesson 22's code beyond the exercises (lesson.hpp says what each function does).
#include "lesson.hpp"

#include <algorithm>
#include <cmath>

#include "nn/activations.hpp"
#include "nn/data.hpp"
#include "nn/losses.hpp"

namespace lesson22 {

std::vector<nn::Matrix*> Transformer::params() {
    return {&E, &Wq, &Wk, &Wv, &Wo, &bo, &W1, &b1, &W2, &b2, &Wout, &bout};
}

Transformer make_transformer(nn::Index vocab, nn::Index d, nn::Index heads, nn::Index ff, nn::Rng& rng) {
    const double sd = 1 / std::sqrt(double(d));
    return {.vocab = vocab,
            .d = d,
            .heads = heads,
            .ff = ff,
            .E = rng.normal_matrix(vocab, d, 0, 1),
            .Wq = rng.normal_matrix(d, d, 0, sd),
            .Wk = rng.normal_matrix(d, d, 0, sd),
            .Wv = rng.normal_matrix(d, d, 0, sd),
            .Wo = rng.normal_matrix(d, d, 0, sd),
            .bo = nn::Matrix::Zero(1, d),
            .W1 = rng.normal_matrix(d, ff, 0, sd),
            .b1 = nn::Matrix::Zero(1, ff),
            .W2 = rng.normal_matrix(ff, d, 0, 1 / std::sqrt(double(ff))),
            .b2 = nn::Matrix::Zero(1, d),
            .Wout = rng.normal_matrix(d, vocab, 0, sd),
            .bout = nn::Matrix::Zero(1, vocab)};
}

nn::Index parameter_count(Transformer& m) {
    nn::Index n = 0;
    for (const nn::Matrix* p : m.params()) n += p->size();
    return n;
}

TransformerPass transformer_forward(const Transformer& m, const std::vector<int>& tokens) {
    const nn::Index T = std::ssize(tokens), dk = m.d / m.heads;
    TransformerPass f;
    f.tokens = tokens;
    f.X = positional_encoding(T, m.d);
    for (nn::Index t = 0; t < T; ++t) f.X.row(t) += m.E.row(tokens[std::size_t(t)]);
    f.Q = f.X * m.Wq;
    f.K = f.X * m.Wk;
    f.V = f.X * m.Wv;
    f.C = nn::Matrix(T, m.d);
    for (nn::Index h = 0; h < m.heads; ++h) {
        f.head.push_back(attention_forward(f.Q.middleCols(h * dk, dk), f.K.middleCols(h * dk, dk),
                                           f.V.middleCols(h * dk, dk), false));
        f.C.middleCols(h * dk, dk) = f.head.back().Y;
    }
    f.X1 = f.X + f.C * m.Wo + m.bo.replicate(T, 1);
    f.U = f.X1 * m.W1 + m.b1.replicate(T, 1);
    f.X2 = f.X1 + f.U.cwiseMax(0.0) * m.W2 + m.b2.replicate(T, 1);
    f.Z = f.X2 * m.Wout + m.bout.replicate(T, 1);
    return f;
}

std::vector<nn::Matrix> transformer_backward(const Transformer& m, const TransformerPass& f,
                                             const nn::Matrix& dZ) {
    const nn::Index T = f.X.rows(), dk = m.d / m.heads;
    const nn::Matrix dWout = f.X2.transpose() * dZ, dbout = dZ.colwise().sum();
    const nn::Matrix dX2 = dZ * m.Wout.transpose();
    const nn::Matrix R = f.U.cwiseMax(0.0);
    const nn::Matrix dW2 = R.transpose() * dX2, db2 = dX2.colwise().sum();
    const nn::Matrix dU = ((dX2 * m.W2.transpose()).array() * (f.U.array() > 0).cast<double>()).matrix();
    const nn::Matrix dW1 = f.X1.transpose() * dU, db1 = dU.colwise().sum();
    const nn::Matrix dX1 = dX2 + dU * m.W1.transpose();
    const nn::Matrix dWo = f.C.transpose() * dX1, dbo = dX1.colwise().sum();
    const nn::Matrix dC = dX1 * m.Wo.transpose();
    nn::Matrix dQ(T, m.d), dK(T, m.d), dV(T, m.d);
    for (nn::Index h = 0; h < m.heads; ++h) {
        const AttentionGrads g = attention_backward(f.Q.middleCols(h * dk, dk), f.K.middleCols(h * dk, dk),
                                                    f.V.middleCols(h * dk, dk), f.head[std::size_t(h)].P,
                                                    dC.middleCols(h * dk, dk));
        dQ.middleCols(h * dk, dk) = g.dQ;
        dK.middleCols(h * dk, dk) = g.dK;
        dV.middleCols(h * dk, dk) = g.dV;
    }
    const nn::Matrix dX = dX1 + dQ * m.Wq.transpose() + dK * m.Wk.transpose() + dV * m.Wv.transpose();
    nn::Matrix dE = nn::Matrix::Zero(m.E.rows(), m.E.cols());
    for (nn::Index t = 0; t < T; ++t) dE.row(f.tokens[std::size_t(t)]) += dX.row(t);
    return {dE,
            f.X.transpose() * dQ,
            f.X.transpose() * dK,
            f.X.transpose() * dV,
            dWo,
            dbo,
            dW1,
            db1,
            dW2,
            db2,
            dWout,
            dbout};
}

SeqLoss sequence_cross_entropy(const nn::Matrix& Z, const std::vector<int>& targets) {
    nn::Matrix Y = nn::Matrix::Zero(Z.cols(), Z.rows());
    for (nn::Index t = 0; t < Z.rows(); ++t) Y(targets[std::size_t(t)], t) = 1;
    const nn::LossAndGrad lg = nn::softmax_cross_entropy(Z.transpose(), Y);
    return {.loss = lg.loss, .dZ = lg.grad.transpose()};
}

std::vector<int> random_digits(nn::Index length, nn::Rng& rng) {
    std::vector<int> s(static_cast<std::size_t>(length));
    for (int& v : s) v = int(rng.below(10));
    return s;
}

std::vector<int> reversed(std::vector<int> s) {
    std::reverse(s.begin(), s.end());
    return s;
}

std::vector<int> predict(const Transformer& m, const std::vector<int>& tokens) {
    const nn::Matrix Z = transformer_forward(m, tokens).Z;
    std::vector<int> out;
    for (nn::Index t = 0; t < Z.rows(); ++t) {
        nn::Index k = 0;
        Z.row(t).maxCoeff(&k);
        out.push_back(int(k));
    }
    return out;
}

lesson21::Model make_lstm(nn::Index H, nn::Rng& rng) {
    const nn::Matrix W = rng.normal_matrix(4 * H, 11 + H, 0, 1 / std::sqrt(double(11 + H)));
    lesson21::Model m{.cell = lesson21::Cell::lstm,
                      .rnn = {},
                      .lstm = {.W_x = W.leftCols(11), .W_h = W.rightCols(H), .b = nn::Vector::Zero(4 * H)},
                      .gru = {},
                      .W_y = rng.normal_matrix(10, H, 0, 1 / std::sqrt(double(H))),
                      .b_y = nn::Vector::Zero(10)};
    m.lstm.b.segment(H, H).setOnes();
    return m;
}

lesson21::Sequence lstm_inputs(const std::vector<std::vector<int>>& seqs) {
    const nn::Index B = std::ssize(seqs), T = std::ssize(seqs[0]);
    lesson21::Sequence xs(std::size_t(2 * T), nn::Matrix::Zero(11, B));
    for (nn::Index t = 0; t < 2 * T; ++t)
        for (nn::Index n = 0; n < B; ++n)
            xs[std::size_t(t)](t < T ? seqs[std::size_t(n)][std::size_t(t)] : 10, n) = 1;
    return xs;
}

namespace {
std::vector<lesson21::LstmCache> run_lstm(const lesson21::Model& m,
                                          const std::vector<std::vector<int>>& seqs) {
    const nn::Matrix zero = nn::Matrix::Zero(m.lstm.W_h.cols(), std::ssize(seqs));
    return lesson21::lstm_forward(m.lstm, lstm_inputs(seqs), zero, zero);
}
nn::Matrix read_out(const lesson21::Model& m, const nn::Matrix& h) {
    nn::Matrix Z = m.W_y * h;
    Z.colwise() += m.b_y;
    return Z;
}
}  // namespace

lesson21::LossAndGrads lstm_loss_and_grads(const lesson21::Model& m,
                                           const std::vector<std::vector<int>>& seqs,
                                           const std::vector<std::vector<int>>& targets) {
    const nn::Index B = std::ssize(targets), T = std::ssize(targets[0]), H = m.lstm.W_h.cols();
    const std::vector<lesson21::LstmCache> steps = run_lstm(m, seqs);
    double loss = 0;
    nn::Matrix dW_y = nn::Matrix::Zero(m.W_y.rows(), H);
    nn::Vector db_y = nn::Vector::Zero(m.b_y.size());
    std::vector<nn::Matrix> dh_out(std::size_t(2 * T), nn::Matrix::Zero(H, B));
    for (nn::Index t = 2 * T - 1; t >= T; --t) {  // the output steps, last first
        const nn::Matrix& h = steps[std::size_t(t)].h;
        std::vector<int> want;
        for (const std::vector<int>& y : targets) want.push_back(y[std::size_t(t - T)]);
        const nn::LossAndGrad lg = nn::softmax_cross_entropy(read_out(m, h), nn::one_hot(want, 10));
        loss += lg.loss / double(T);
        const nn::Matrix dz = lg.grad / double(T);
        dW_y += dz * h.transpose();
        db_y += dz.rowwise().sum();
        dh_out[std::size_t(t)] = m.W_y.transpose() * dz;
    }
    const lesson21::LstmSequenceGrads g = lesson21::lstm_backward(m.lstm, steps, dh_out);
    return {.loss = loss, .grads = {g.dW_x, g.dW_h, g.db, dW_y, db_y}};
}

std::vector<std::vector<int>> lstm_predict(const lesson21::Model& m,
                                           const std::vector<std::vector<int>>& seqs) {
    const std::vector<lesson21::LstmCache> steps = run_lstm(m, seqs);
    std::vector<std::vector<int>> out(seqs.size());
    for (std::size_t t = steps.size() / 2; t < steps.size(); ++t) {
        const std::vector<int> k = nn::argmax_columns(read_out(m, steps[t].h));
        for (std::size_t n = 0; n < out.size(); ++n) out[n].push_back(k[n]);
    }
    return out;
}

}  // namespace lesson22
