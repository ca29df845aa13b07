// Lesson 22's code beyond the exercises (lesson.hpp says what each function does).
#include "lesson.hpp"

#include <algorithm>
#include <cmath>

#include "nn/activations.hpp"
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

std::vector<nn::Matrix*> Lstm::params() { return {&W, &b, &Wy, &by}; }

Lstm make_lstm(nn::Index H, nn::Rng& rng) {
    Lstm m{.H = H,
           .W = rng.normal_matrix(4 * H, 11 + H, 0, 1 / std::sqrt(double(11 + H))),
           .b = nn::Matrix::Zero(4 * H, 1),
           .Wy = rng.normal_matrix(10, H, 0, 1 / std::sqrt(double(H))),
           .by = nn::Matrix::Zero(10, 1)};
    m.b.middleRows(H, H).setOnes();
    return m;
}

namespace {
nn::Matrix sigm(const nn::Matrix& A) { return (1 / (1 + (-A.array()).exp())).matrix(); }
}  // namespace

LstmPass lstm_forward(const Lstm& m, const std::vector<std::vector<int>>& seqs) {
    const nn::Index B = std::ssize(seqs), T = std::ssize(seqs[0]), H = m.H;
    LstmPass f;
    f.c.push_back(nn::Matrix::Zero(H, B));
    f.h.push_back(nn::Matrix::Zero(H, B));
    for (nn::Index t = 0; t < 2 * T; ++t) {
        nn::Matrix xh = nn::Matrix::Zero(11 + H, B);
        for (nn::Index n = 0; n < B; ++n) xh(t < T ? seqs[std::size_t(n)][std::size_t(t)] : 10, n) = 1;
        xh.bottomRows(H) = f.h.back();
        const nn::Matrix a = m.W * xh + m.b.replicate(1, B);
        f.i.push_back(sigm(a.topRows(H)));
        f.f.push_back(sigm(a.middleRows(H, H)));
        f.g.push_back(a.middleRows(2 * H, H).array().tanh().matrix());
        f.o.push_back(sigm(a.bottomRows(H)));
        f.c.push_back(
            (f.f.back().array() * f.c.back().array() + f.i.back().array() * f.g.back().array()).matrix());
        f.h.push_back((f.o.back().array() * f.c.back().array().tanh()).matrix());
        f.xh.push_back(xh);
        if (t >= T) f.Z.push_back(m.Wy * f.h.back() + m.by.replicate(1, B));
    }
    return f;
}

LstmLossGrads lstm_loss_backward(const Lstm& m, const LstmPass& f,
                                 const std::vector<std::vector<int>>& targets) {
    const nn::Index B = std::ssize(targets), T = std::ssize(targets[0]), H = m.H;
    LstmLossGrads r{.loss = 0,
                    .grads = {nn::Matrix::Zero(m.W.rows(), m.W.cols()), nn::Matrix::Zero(m.b.rows(), 1),
                              nn::Matrix::Zero(m.Wy.rows(), m.Wy.cols()), nn::Matrix::Zero(m.by.rows(), 1)}};
    nn::Matrix dh_next = nn::Matrix::Zero(H, B), dc_next = nn::Matrix::Zero(H, B);
    for (nn::Index t = 2 * T - 1; t >= 0; --t) {
        const std::size_t s = std::size_t(t);
        nn::Matrix dh = dh_next;
        if (t >= T) {
            nn::Matrix Y = nn::Matrix::Zero(10, B);
            for (nn::Index n = 0; n < B; ++n) Y(targets[std::size_t(n)][std::size_t(t - T)], n) = 1;
            const nn::LossAndGrad lg = nn::softmax_cross_entropy(f.Z[std::size_t(t - T)], Y);
            r.loss += lg.loss / double(T);
            const nn::Matrix dz = lg.grad / double(T);
            r.grads[2] += dz * f.h[s + 1].transpose();
            r.grads[3] += dz.rowwise().sum();
            dh += m.Wy.transpose() * dz;
        }
        const Eigen::ArrayXXd tc = f.c[s + 1].array().tanh();
        const Eigen::ArrayXXd dc = dc_next.array() + dh.array() * f.o[s].array() * (1 - tc.square());
        nn::Matrix da(4 * H, B);
        da.topRows(H) = (dc * f.g[s].array() * f.i[s].array() * (1 - f.i[s].array())).matrix();
        da.middleRows(H, H) = (dc * f.c[s].array() * f.f[s].array() * (1 - f.f[s].array())).matrix();
        da.middleRows(2 * H, H) = (dc * f.i[s].array() * (1 - f.g[s].array().square())).matrix();
        da.bottomRows(H) = (dh.array() * tc * f.o[s].array() * (1 - f.o[s].array())).matrix();
        r.grads[0] += da * f.xh[s].transpose();
        r.grads[1] += da.rowwise().sum();
        dh_next = (m.W.transpose() * da).bottomRows(H);
        dc_next = (dc * f.f[s].array()).matrix();
    }
    return r;
}

std::vector<std::vector<int>> lstm_predict(const Lstm& m, const std::vector<std::vector<int>>& seqs) {
    const LstmPass f = lstm_forward(m, seqs);
    std::vector<std::vector<int>> out(seqs.size());
    for (const nn::Matrix& Z : f.Z)
        for (nn::Index n = 0; n < Z.cols(); ++n) {
            nn::Index k = 0;
            Z.col(n).maxCoeff(&k);
            out[std::size_t(n)].push_back(int(k));
        }
    return out;
}

}  // namespace lesson22
