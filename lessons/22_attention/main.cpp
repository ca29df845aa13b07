// Lesson 22 — attention and a small transformer.
// Deck Intro-ANN: "What will you learn in these Sessions...?" (Transformers for Vision & Sequence
// Modelling) and "Evolution of Artificial Neural Networks" (MP Neuron to Transformers: ... Attention
// Mechanism, Transformer). The deck works neither out: this lesson computes scaled dot-product
// attention for three tokens term by term (exercise 22.1), masking, why √d, the positional encoding
// (exercise 22.3) and why attention needs it, the backward pass checked against central differences
// (exercise 22.2), and then trains a one-layer transformer to reverse sequences of 8 digits, beside
// an LSTM (lesson 21's cell) on the same budget, and draws where its heads look.
// Run: ./nn run 22 [--quick]   Exercises: exercises/22_attention.cpp, ./nn check 22
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "lesson.hpp"
#include "nn/gradcheck.hpp"
#include "nn/lesson.hpp"
#include "nn/optim.hpp"
#include "nn/print.hpp"
#include "nn/progress.hpp"
#include "nn/rng.hpp"

using namespace lesson22;

namespace {

struct Options {
    bool quick = false;
};

std::string f4(double v) { return fmt::format("{:.4f}", v + 0.0); }
std::string num(double v) { return nn::format_number(v, 6); }
// A factor of a product: negative numbers in parentheses with a real minus, "(−0.5)".
std::string factor(double v) { return v < 0 ? "(−" + num(-v) + ")" : num(v); }
std::string row_of(const nn::Matrix& M, nn::Index i) {
    std::string s = "[";
    for (nn::Index j = 0; j < M.cols(); ++j) s += (j ? ", " : "") + f4(M(i, j));
    return s + "]";
}

// The worked example: three tokens, d = 2 for queries and keys, values of dimension 2.
nn::Matrix worked_Q() { return (nn::Matrix(3, 2) << 1, 0, 0, 1, 1, 1).finished(); }
nn::Matrix worked_K() { return (nn::Matrix(3, 2) << 1, 0.5, -0.5, 1, 0, -1).finished(); }
nn::Matrix worked_V() { return (nn::Matrix(3, 2) << 1, 0, 0, 2, -1, 1).finished(); }

void attention_by_hand() {
    nn::heading(
        "1. Attention for three tokens, every number worked out (Intro-ANN slide 2, \"What will you learn in "
        "these Sessions...?\": Transformers for Vision & Sequence Modelling; exercise 22.1)");
    const nn::Matrix Q = worked_Q(), K = worked_K(), V = worked_V();
    fmt::print(
        "Each token asks a question (its query q_i), offers a label (its key k_j) and a content (its value\n"
        "v_j). Query i scores every key by the dot product q_i·k_j / √d, a softmax turns the scores of row "
        "i\n"
        "into weights that sum to 1, and token i's output is the weighted mean of the values. Tokens are\n"
        "rows, d = {}:\n\n",
        Q.cols());
    nn::print_matrix("Q", Q);
    nn::print_matrix("K", K);
    nn::print_matrix("V", V);
    const Attention a = attention_forward(Q, K, V, false);
    const double sq = std::sqrt(double(Q.cols()));
    fmt::print("\nScores S(i, j) = q_i·k_j / √{} (√{} = {:.6f}):\n", Q.cols(), Q.cols(), sq);
    for (nn::Index i = 0; i < 3; ++i)
        for (nn::Index j = 0; j < 3; ++j)
            fmt::print("  S({}, {}) = ({}×{} + {}×{}) / {:.6f} = {}\n", i + 1, j + 1, factor(Q(i, 0)),
                       factor(K(j, 0)), factor(Q(i, 1)), factor(K(j, 1)), sq, f4(a.S(i, j)));
    fmt::print("\nWeights, lesson 10's softmax of each row (the row's largest score m subtracted first):\n");
    for (nn::Index i = 0; i < 3; ++i) {
        const double m = a.S.row(i).maxCoeff();
        const nn::Matrix e = (a.S.row(i).array() - m).exp().matrix();
        fmt::print("  row {}: m = {}, exp(S − m) = {}, sum {}\n         → P = {} (sum {})\n", i + 1, f4(m),
                   row_of(e, 0), f4(e.sum()), row_of(a.P, i), f4(a.P.row(i).sum()));
    }
    fmt::print("\nOutputs Y = P·V, each row a weighted mean of V's rows:\n");
    for (nn::Index i = 0; i < 3; ++i)
        fmt::print("  y_{} = {}·{} + {}·{} + {}·{} = {}\n", i + 1, f4(a.P(i, 0)), row_of(V, 0), f4(a.P(i, 1)),
                   row_of(V, 1), f4(a.P(i, 2)), row_of(V, 2), row_of(a.Y, i));
    nn::Index best = 0;
    a.P.row(2).maxCoeff(&best);
    fmt::print("Token 3 (q = [1, 1]) gives key {} the most weight ({}): the key that points its way most.\n",
               best + 1, f4(a.P(2, best)));

    // Why √d: the dot product of two random vectors of N(0, 1) entries has variance d.
    fmt::print(
        "\nWhy divide by √d: q·k of two vectors with independent N(0, 1) entries is a sum of d products of\n"
        "variance 1, so its variance is d. Measured on 20,000 random pairs per d, with the mean largest\n"
        "softmax weight of 8 keys:\n\n");
    nn::Rng rng(2201);
    std::vector<std::vector<std::string>> rows;
    double big_raw = 0, big_scaled = 0;
    for (const nn::Index d : {4, 16, 64, 256}) {
        const int pairs = 20000;
        double s = 0, s2 = 0;
        for (int k = 0; k < pairs; ++k) {
            const nn::Matrix q = rng.normal_matrix(1, d, 0, 1), kk = rng.normal_matrix(1, d, 0, 1);
            const double dot = (q.array() * kk.array()).sum();
            s += dot;
            s2 += dot * dot;
        }
        const double var = s2 / pairs - (s / pairs) * (s / pairs);
        double raw = 0, scaled = 0;
        const int trials = 500;
        for (int k = 0; k < trials; ++k) {
            const nn::Matrix q = rng.normal_matrix(1, d, 0, 1), Kk = rng.normal_matrix(8, d, 0, 1);
            const nn::Matrix V8 = nn::Matrix::Zero(8, 1);
            raw += attention_forward(q * std::sqrt(double(d)), Kk, V8, false).P.maxCoeff();  // no 1/√d
            scaled += attention_forward(q, Kk, V8, false).P.maxCoeff();
        }
        raw /= trials;
        scaled /= trials;
        if (d == 256) big_raw = raw, big_scaled = scaled;
        rows.push_back({fmt::format("{}", d), fmt::format("{:.1f}", var),
                        fmt::format("{:.3f}", var / double(d)), fmt::format("{:.3f}", raw),
                        fmt::format("{:.3f}", scaled)});
    }
    nn::print_table({"d", "var(q·k)", "var(q·k/√d)", "max weight, q·k", "max weight, q·k/√d"}, rows);
    fmt::print(
        "Without the division the scores spread like √d and the softmax {} (at d = 256 its largest of 8\n"
        "weights is {:.3f} on average, against {:.3f} with it): a nearly one-hot softmax has a nearly zero\n"
        "Jacobian, so hardly any gradient gets through. With it, the scores have variance about 1 whatever "
        "d.\n",
        big_raw > big_scaled + 0.2 ? "saturates" : "does not saturate much", big_raw, big_scaled);
}

void masking_and_order() {
    nn::heading("2. A causal mask, and why attention needs to be told the positions (exercises 22.1, 22.3)");
    const nn::Matrix Q = worked_Q(), K = worked_K(), V = worked_V();
    const Attention a = attention_forward(Q, K, V, true);
    fmt::print(
        "A model that writes a sequence left to right may not look at tokens it has not written yet: the\n"
        "scores of keys j > i are set to −∞ before the softmax, and exp(−∞) = 0 exactly. The same "
        "example:\n\n");
    nn::print_matrix("S (masked)", a.S, 4);
    nn::print_matrix("P (masked)", a.P, 4);
    nn::print_matrix("Y (masked)", a.Y, 4);
    double above = 0;
    for (nn::Index i = 0; i < 3; ++i)
        for (nn::Index j = i + 1; j < 3; ++j) above = std::max(above, a.P(i, j));
    fmt::print(
        "Largest weight above the diagonal: {}; token 1 can only copy its own value,\ny_1 = v_1 = {}.\n",
        above == 0 ? "exactly 0" : fmt::format("{:g} (not 0!)", above), row_of(a.Y, 0));
    // A large finite number instead of −∞ leaks.
    nn::Matrix S = Q * K.transpose() / std::sqrt(2.0);
    S(0, 1) = S(0, 2) = -10;
    const double m = S.row(0).maxCoeff();
    const nn::Matrix e = (S.row(0).array() - m).exp().matrix();
    fmt::print(
        "With −10 instead of −∞, token 1 would still give weight {:.2e} to each future key: a little of the\n"
        "answer would leak into the question.\n",
        e(0, 1) / e.sum());

    // Order: attention alone is a function of a SET of tokens.
    nn::Rng rng(2202);
    const nn::Index T = 6, d = 8;
    const nn::Matrix Xt = rng.normal_matrix(T, d, 0, 1), Wq = rng.normal_matrix(d, d, 0, 0.4),
                     Wk = rng.normal_matrix(d, d, 0, 0.4), Wv = rng.normal_matrix(d, d, 0, 0.4);
    const std::vector<nn::Index> perm{3, 0, 5, 1, 4, 2};
    nn::Matrix Xp(T, d);
    for (nn::Index t = 0; t < T; ++t) Xp.row(t) = Xt.row(perm[std::size_t(t)]);
    auto self = [&](const nn::Matrix& X) { return attention_forward(X * Wq, X * Wk, X * Wv, false).Y; };
    auto unpermute = [&](const nn::Matrix& Yp) {
        nn::Matrix Y(T, d);
        for (nn::Index t = 0; t < T; ++t) Y.row(perm[std::size_t(t)]) = Yp.row(t);
        return Y;
    };
    const double no_pe = (unpermute(self(Xp)) - self(Xt)).cwiseAbs().maxCoeff();
    const nn::Matrix PE = positional_encoding(T, d);
    const double with_pe = (unpermute(self(Xp + PE)) - self(Xt + PE)).cwiseAbs().maxCoeff();
    fmt::print(
        "\nSelf-attention (Q = X·Wq, K = X·Wk, V = X·Wv) on {} random tokens of dimension {}, then on the\n"
        "same tokens shuffled: the outputs are the same outputs shuffled the same way (largest difference\n"
        "{}), so {}.\n"
        "Adding a positional encoding to each token before attention breaks this: the largest difference\n"
        "becomes {:.4f}.\n",
        T, d, nn::measured(no_pe, "{:.1e}"),
        no_pe < 1e-12 ? "attention alone cannot tell which token came first" : "order already matters (?)",
        with_pe);
    fmt::print(
        "\nThe sinusoidal encoding (exercise 22.3): PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i + 1) "
        "=\n"
        "cos(the same). For d = {}, positions 0 to 3:\n\n",
        d);
    nn::print_matrix("PE", positional_encoding(4, d), 4);
    const nn::Matrix P64 = positional_encoding(64, d);
    double far = 0;
    for (nn::Index p = 1; p < 64; ++p) far = std::max(far, P64.row(0).dot(P64.row(p)));
    fmt::print(
        "Every row has norm √(d/2) = {:.4f} (sin² + cos² = 1 per pair); position 0 is [0, 1, 0, 1, ...].\n"
        "The column pairs turn ever more slowly: pair 0 has a wavelength of 2π = {:.2f} positions, pair {}\n"
        "one of {:.0f}. Position 0's code is no other position's: PE(0)·PE(p) for p = 1 .. 63 is at most\n"
        "{:.4f} < {} = PE(0)·PE(0).\n",
        P64.row(5).norm(), 2 * M_PI, d / 2 - 1, 2 * M_PI * std::pow(10000.0, double(d - 2) / double(d)), far,
        d / 2);
}

void backward_check() {
    nn::heading("3. The backward pass of attention against central differences (exercise 22.2)");
    fmt::print(
        "From Y = P·V: dV = Pᵀ·dY and dP = dY·Vᵀ. Each row of P is a softmax of a row of S, whose Jacobian\n"
        "∂p_j/∂s_k = p_j(δ_jk − p_k) gives dS(i, j) = P(i, j)·(dP(i, j) − Σ_k P(i, k)·dP(i, k)). From\n"
        "S = Q·Kᵀ/√d: dQ = dS·K/√d and dK = dSᵀ·Q/√d. The loss L = Σ Y ⊙ G for a fixed random G (so\n"
        "dY = G), on 4 queries, 5 keys, d = 3, dv = 2, and then 4 tokens with the causal mask:\n\n");
    nn::Rng rng(2203);
    std::vector<std::vector<std::string>> rows;
    double worst = 0;
    for (const bool causal : {false, true}) {
        const nn::Index T = 4, N = causal ? 4 : 5;
        nn::Matrix Q = rng.normal_matrix(T, 3, 0, 1), K = rng.normal_matrix(N, 3, 0, 1),
                   V = rng.normal_matrix(N, 2, 0, 1);
        const nn::Matrix G = rng.normal_matrix(T, 2, 0, 1);
        auto loss = [&] { return (attention_forward(Q, K, V, causal).Y.array() * G.array()).sum(); };
        const Attention a = attention_forward(Q, K, V, causal);
        const AttentionGrads g = attention_backward(Q, K, V, a.P, G);
        const nn::Matrix nq = nn::central_gradient(loss, Q), nk = nn::central_gradient(loss, K),
                         nv = nn::central_gradient(loss, V);
        for (const auto& [name, an, nu] :
             {std::tuple{"dQ", g.dQ, nq}, std::tuple{"dK", g.dK, nk}, std::tuple{"dV", g.dV, nv}}) {
            const double e = nn::rel_error(an, nu);
            worst = std::max(worst, e);
            rows.push_back({causal ? "causal" : "no mask", name, fmt::format("{}x{}", an.rows(), an.cols()),
                            nn::measured(e, "{:.1e}")});
        }
    }
    nn::print_table({"mask", "gradient", "shape", "relative error"}, rows);
    fmt::print("{}\n",
               worst < 1e-7 ? "Every gradient agrees with the differences." : "A gradient DISAGREES.");
}

struct TrainResult {
    Transformer model;
    std::vector<double> loss_curve;
    double token_acc = 0, seq_acc = 0;
};

constexpr nn::Index seq_len = 8;

TrainResult train_reversal(const Options& o, const std::vector<std::vector<int>>& test) {
    nn::Rng rng(2204);
    TrainResult r{.model = make_transformer(10, 32, 2, 64, rng)};
    const nn::Index steps = o.quick ? 300 : 1500, batch = 32;
    nn::Adam adam{.lr = 3e-3};
    nn::ProgressBar bar("training", std::size_t(steps), "steps");
    const auto params = r.model.params();
    double run_loss = 0;
    for (nn::Index s = 0; s < steps; ++s) {
        std::vector<nn::Matrix> grads;
        double loss = 0;
        for (nn::Index b = 0; b < batch; ++b) {
            const std::vector<int> x = random_digits(seq_len, rng);
            const TransformerPass f = transformer_forward(r.model, x);
            const SeqLoss l = sequence_cross_entropy(f.Z, reversed(x));
            loss += l.loss / double(batch);
            std::vector<nn::Matrix> g = transformer_backward(r.model, f, l.dZ / double(batch));
            if (grads.empty())
                grads = std::move(g);
            else
                for (std::size_t k = 0; k < g.size(); ++k) grads[k] += g[k];
        }
        adam.step(params, grads);
        run_loss += loss;
        if ((s + 1) % 50 == 0) {
            r.loss_curve.push_back(run_loss / 50);
            run_loss = 0;
        }
        bar.update(std::size_t(s + 1), fmt::format("loss {:.4f}", loss));
    }
    bar.finish();
    nn::Index tok = 0, whole = 0;
    for (const std::vector<int>& x : test) {
        const std::vector<int> y = predict(r.model, x), want = reversed(x);
        nn::Index right = 0;
        for (std::size_t t = 0; t < y.size(); ++t) right += y[t] == want[t];
        tok += right;
        whole += right == seq_len;
    }
    r.token_acc = double(tok) / double(std::ssize(test) * seq_len);
    r.seq_acc = double(whole) / double(std::ssize(test));
    return r;
}

struct LstmResult {
    lesson21::Model model;
    std::vector<double> loss_curve;
    double token_acc = 0, seq_acc = 0;
    nn::Index params = 0;
};

// The same task, steps, batch and optimizer for lesson 21's LSTM (lesson.hpp's make_lstm).
LstmResult train_lstm(nn::Index steps, const std::vector<std::vector<int>>& test) {
    nn::Rng rng(2206);
    LstmResult r{.model = make_lstm(64, rng)};
    r.params = lesson21::parameter_count(r.model);
    nn::Adam adam{.lr = 3e-3};
    nn::ProgressBar bar("LSTM", std::size_t(steps), "steps");
    std::vector<nn::Matrix> P = lesson21::parameters(r.model);
    std::vector<nn::Matrix*> params;
    for (nn::Matrix& p : P) params.push_back(&p);
    double run_loss = 0;
    for (nn::Index s = 0; s < steps; ++s) {
        std::vector<std::vector<int>> x, y;
        for (int b = 0; b < 32; ++b) {
            x.push_back(random_digits(seq_len, rng));
            y.push_back(reversed(x.back()));
        }
        const lesson21::LossAndGrads lg = lstm_loss_and_grads(r.model, x, y);
        adam.step(params, lg.grads);
        lesson21::set_parameters(r.model, P);
        run_loss += lg.loss;
        if ((s + 1) % 50 == 0) {
            r.loss_curve.push_back(run_loss / 50);
            run_loss = 0;
        }
        bar.update(std::size_t(s + 1), fmt::format("loss {:.4f}", lg.loss));
    }
    bar.finish();
    const std::vector<std::vector<int>> pred = lstm_predict(r.model, test);
    nn::Index tok = 0, whole = 0;
    for (std::size_t n = 0; n < test.size(); ++n) {
        const std::vector<int> want = reversed(test[n]);
        nn::Index right = 0;
        for (std::size_t t = 0; t < want.size(); ++t) right += pred[n][t] == want[t];
        tok += right;
        whole += right == seq_len;
    }
    r.token_acc = double(tok) / double(std::ssize(test) * seq_len);
    r.seq_acc = double(whole) / double(std::ssize(test));
    return r;
}

void transformer_section(const nn::LessonOptions& opt, const Options& o) {
    nn::heading(
        "4. A one-layer transformer learns to reverse 8 digits (Intro-ANN slide 9, \"Evolution of Artificial "
        "Neural Networks\": Attention Mechanism, Transformer)");
    nn::Rng trng(2205);
    std::vector<std::vector<int>> test;
    for (int k = 0; k < 1000; ++k) test.push_back(random_digits(seq_len, trng));
    fmt::print(
        "The task: read 8 random digits, write them reversed (3 1 4 1 5 9 2 6 → 6 2 9 5 1 4 1 3). The\n"
        "model, an encoder that answers every position at once:\n"
        "  X  = E[token] + PE(position)                     embedding (10 x 32) + exercise 22.3\n"
        "  X1 = X + concat(head_1, head_2)·Wo + bo          2 heads of self-attention (exercise 22.1), 16\n"
        "                                                   dimensions each, and a residual connection\n"
        "  X2 = X1 + relu(X1·W1 + b1)·W2 + b2               a feed-forward layer of 64 per position\n"
        "  Z  = X2·Wout + bout                              10 logits per position\n"
        "trained with Adam (rate 0.003) on batches of 32 fresh random sequences, softmax cross-entropy at\n"
        "every position; the backward pass uses exercise 22.2 for each head. No layer normalization (lesson\n"
        "18 writes it): one layer trains well without. Tested on 1,000 other random sequences.\n");
    TrainResult r = train_reversal(o, test);
    const nn::Index steps = std::ssize(r.loss_curve) * 50;
    const LstmResult l = train_lstm(steps, test);
    fmt::print(
        "\nAgainst it, lesson 21's LSTM (64 units) on the same task, steps, batches and optimizer: it reads "
        "the\n"
        "8 digits, then 8 blank steps in which it writes the reversal, so it must hold all 8 digits in its\n"
        "state. {} steps of 32 sequences{}:\n\n",
        steps, o.quick ? " (--quick; the full run trains 1,500)" : "");
    std::vector<std::vector<std::string>> rows;
    for (std::size_t k = 0; k < r.loss_curve.size(); k += o.quick ? 1 : 3)
        rows.push_back({fmt::format("{}", (k + 1) * 50), fmt::format("{:.4f}", r.loss_curve[k]),
                        fmt::format("{:.4f}", l.loss_curve[k])});
    nn::print_table({"step", "transformer loss", "LSTM loss"}, rows);
    fmt::print("\n(each loss the mean of the last 50 steps)\n\n");
    nn::print_table({"on 1,000 test sequences", "parameters", "digits right", "whole sequences right"},
                    {{"transformer, 1 layer, 2 heads", fmt::format("{}", parameter_count(r.model)),
                      fmt::format("{:.4f}", r.token_acc), fmt::format("{:.4f}", r.seq_acc)},
                     {"LSTM, 64 units", fmt::format("{}", l.params), fmt::format("{:.4f}", l.token_acc),
                      fmt::format("{:.4f}", l.seq_acc)}});
    fmt::print("{}\n",
               r.seq_acc >= 0.99
                   ? "The transformer writes at least 99% of the sequences entirely right: the target is met."
                   : fmt::format("The transformer stays below the 99% whole-sequence target{}.",
                                 o.quick ? " (this short --quick run; the full run trains longer)" : ""));
    fmt::print(
        "{}\n",
        l.seq_acc < r.seq_acc
            ? fmt::format(
                  "The LSTM gets {:.4f} of the whole sequences on the same budget, {:.4f} less: it has to\n"
                  "squeeze 8 digits through its state, where attention looks each one up directly.",
                  l.seq_acc, r.seq_acc - l.seq_acc)
            : fmt::format("The LSTM does as well or better here ({:.4f}).", l.seq_acc));
    nn::plot::LinePlot plot{.title = "Lesson 22: training loss, reversing 8 digits",
                            .xlabel = "step",
                            .ylabel = "cross-entropy (mean of 50 steps)",
                            .log_y = true,
                            .legend = nn::plot::Legend::top_right};
    nn::plot::Series loss{.title = "transformer, 1 layer, 2 heads"}, lloss{.title = "LSTM, 64 units"};
    for (std::size_t k = 0; k < r.loss_curve.size(); ++k) {
        loss.x.push_back(double(k + 1) * 50);
        loss.y.push_back(r.loss_curve[k]);
        lloss.x.push_back(double(k + 1) * 50);
        lloss.y.push_back(l.loss_curve[k]);
    }
    plot.series.push_back(loss);
    plot.series.push_back(lloss);
    opt.plot(plot, o.quick ? "22-training-quick.png" : "22-training.png");

    nn::heading("5. Where the heads look");
    const std::vector<int> x = test[0];
    const TransformerPass f = transformer_forward(r.model, x);
    nn::plot::ImageGrid grid{.title = "Lesson 22: attention (row: query, column: key)",
                             .rows = int(seq_len),
                             .cols = int(seq_len),
                             .per_row = 2,
                             .pixels = 320};
    std::string seq;
    for (const int v : x) seq += fmt::format("{}", v);
    for (std::size_t h = 0; h < f.head.size(); ++h) {
        std::vector<double> img;
        for (nn::Index i = 0; i < seq_len; ++i)
            for (nn::Index j = 0; j < seq_len; ++j) img.push_back(f.head[h].P(i, j));
        grid.images.push_back(img);
        grid.captions.push_back(fmt::format("head {} on {}", h + 1, seq));
    }
    opt.plot(grid, o.quick ? "22-attention-quick.png" : "22-attention.png");
    fmt::print("The weights of both heads for the test sequence {}:\n\n", seq);
    for (std::size_t h = 0; h < f.head.size(); ++h)
        nn::print_matrix(fmt::format("head {}", h + 1), f.head[h].P, 2);
    // The share of each head's weight on the mirrored key, over all test sequences.
    std::vector<double> mirror(f.head.size(), 0.0);
    for (const std::vector<int>& t : test) {
        const TransformerPass g = transformer_forward(r.model, t);
        for (std::size_t h = 0; h < g.head.size(); ++h)
            for (nn::Index i = 0; i < seq_len; ++i) mirror[h] += g.head[h].P(i, seq_len - 1 - i);
    }
    for (double& m : mirror) m /= double(std::ssize(test) * seq_len);
    const double best = *std::max_element(mirror.begin(), mirror.end());
    fmt::print(
        "\nOver the 1,000 test sequences, the mean weight query i gives key {} − i (the mirrored position,\n"
        "whose digit position i must write): head 1 {:.4f}, head 2 {:.4f} (uniform weights would give "
        "{:.4f}).\n"
        "{}\n",
        seq_len - 1, mirror[0], mirror[1], 1.0 / double(seq_len),
        best > 0.5
            ? "The anti-diagonal lights up: a head has learned to look up the mirrored position, which\n"
              "the positional encoding alone can tell it; the digit itself comes with that key's value."
            : "No head puts most of its weight on the mirrored position: the model spreads the lookup\n"
              "over both heads and the feed-forward layer.");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    Options o;
    lesson.cli().add_flag("--quick", o.quick, "a short training run (what ./nn test checks)");
    return lesson.run(argc, argv, [&](const nn::LessonOptions& opt) {
        attention_by_hand();
        masking_and_order();
        backward_check();
        transformer_section(opt, o);
    });
}
