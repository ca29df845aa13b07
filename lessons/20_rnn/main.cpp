// Lesson 20 — a recurrent network by hand.
// Deck Intro-ANN: "What will you learn in these Sessions...?" (Feedback Neural Networks: Recurrent
// Neural Networks (LSTM & GRU)) and "Types of NNs based on Architectures" (feed-forward: information
// flows one way, no feedback loops; recurrent: feedback loops allowed). Deck FruitPunch: "Further
// questions to expand your knowledge" ("Why CNN RNN?", "Vanishing/Exploding gradients?"). Neither
// deck works one out: this lesson computes one cell over three steps term by term (exercise 20.1),
// backpropagation through time checked against central differences (exercise 20.2), how much
// gradient reaches a step k steps back (lesson 10's vanishing gradients, along time instead of
// depth), and gradient clipping (exercise 20.3).
// Run: ./nn run 20        Exercises: exercises/20_rnn.cpp, ./nn check 20
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "lesson.hpp"
#include "nn/gradcheck.hpp"
#include "nn/lesson.hpp"
#include "nn/print.hpp"
#include "nn/rng.hpp"

using namespace lesson20;

namespace {

// The worked cell: 2 inputs, 2 hidden units, 1 output. W_hh is not symmetric, so a transposed W_hh
// gives other numbers.
Rnn worked_cell() {
    return {.W_xh = (nn::Matrix(2, 2) << 0.5, -0.3, 0.2, 0.4).finished(),
            .W_hh = (nn::Matrix(2, 2) << 0.1, -0.6, 0.7, 0.2).finished(),
            .b_h = (nn::Vector(2) << 0.1, -0.1).finished(),
            .W_hy = (nn::Matrix(1, 2) << 1.0, -0.5).finished(),
            .b_y = (nn::Vector(1) << 0.2).finished()};
}
// Three steps of two inputs, x_t in column t − 1, and a target for every step's output.
nn::Matrix worked_inputs() { return (nn::Matrix(2, 3) << 1, 0.5, -1, 0, -1, 2).finished(); }
nn::Matrix worked_targets() { return (nn::Matrix(1, 3) << 0.5, -0.2, 0.8).finished(); }

std::string num(double v) { return nn::format_number(v, 6); }
std::string f6(double v) { return fmt::format("{:.6f}", v + 0.0); }  // + 0.0: −0 prints as 0
// A factor of a product: negative numbers in parentheses, "(−1)".
std::string factor(const std::string& v) { return v[0] == '-' ? "(−" + v.substr(1) + ")" : v; }
// "[0.5, −0.3]": a vector on one line, given (as given) or computed (6 decimals).
std::string vec(const nn::Matrix& v, bool given = false) {
    std::string s = "[";
    for (nn::Index k = 0; k < v.size(); ++k) s += (k ? ", " : "") + (given ? num(v(k)) : f6(v(k)));
    return s + "]";
}
// "w1×x1 + w2×x2 + ...", the signs of the weights folded into the operators; x given (printed as
// given) or computed (printed with 6 decimals).
std::string terms(const nn::Matrix& W, nn::Index row, const nn::Vector& x, bool first, bool given = false) {
    std::string s;
    for (nn::Index j = 0; j < W.cols(); ++j) {
        const double w = W(row, j);
        const std::string term = fmt::format("{}×{}", num(std::abs(w)), factor(given ? num(x(j)) : f6(x(j))));
        if (first && j == 0)
            s = (w < 0 ? "−" : "") + term;
        else
            s += (w < 0 ? " − " : " + ") + term;
    }
    return s;
}
std::string signed_term(double v, bool first) {
    if (first) return v < 0 ? "−" + num(-v) : num(v);
    return (v < 0 ? " − " : " + ") + num(std::abs(v));
}

double cosine(const std::vector<nn::Matrix>& a, const std::vector<nn::Matrix>& b) {
    double ab = 0, aa = 0, bb = 0;
    for (std::size_t k = 0; k < a.size(); ++k) {
        ab += (a[k].array() * b[k].array()).sum();
        aa += a[k].squaredNorm();
        bb += b[k].squaredNorm();
    }
    return ab / std::sqrt(aa * bb);
}
double global_norm(const std::vector<nn::Matrix>& g) {
    double s = 0;
    for (const nn::Matrix& m : g) s += m.squaredNorm();
    return std::sqrt(s);
}
std::vector<nn::Matrix> as_list(const Grads& g) { return {g.dW_xh, g.dW_hh, g.db_h, g.dW_hy, g.db_y}; }

void why_recurrent() {
    nn::heading(
        "1. Why a recurrent network (Intro-ANN slide 61, \"Types of NNs based on Architectures\"; FruitPunch "
        "slide 24, \"Further questions to expand your knowledge\": \"Why CNN RNN?\")");
    const Rnn p = worked_cell();
    const nn::Index D = p.W_xh.cols(), H = p.W_xh.rows();
    fmt::print(
        "A feed-forward network reads a fixed number of inputs in one direction, with no feedback loop.\n"
        "For a sequence x_1, x_2, ..., x_T of {}-vectors, a dense layer of {} units would have to see a\n"
        "window of all T steps at once: T·{}·{} weights + {} biases, a new layer for every length. A\n"
        "recurrent cell reads one step at a time and feeds its state back to itself,\n"
        "  h_t = tanh(W_xh·x_t + W_hh·h_{{t−1}} + b_h),\n"
        "with the SAME W_xh ({}x{}), W_hh ({}x{}) and b_h ({}) at every step, whatever T is:\n\n",
        D, H, D, H, H, H, D, H, H, H);
    std::vector<std::vector<std::string>> rows;
    for (const nn::Index T : {3, 10, 100, 1000})
        rows.push_back(
            {fmt::format("{}", T), fmt::format("{}", T * D * H + H), fmt::format("{}", H * D + H * H + H)});
    nn::print_table({"steps T", "dense layer on the window", "recurrent cell"}, rows);

    // Order: the same three inputs forwards and backwards.
    const nn::Matrix X = worked_inputs();
    const nn::Matrix Xr = X.rowwise().reverse();
    const nn::Vector h0 = nn::Vector::Zero(H);
    const nn::Vector hf = rnn_forward(p, X, h0).H.col(X.cols());
    const nn::Vector hr = rnn_forward(p, Xr, h0).H.col(X.cols());
    const nn::Matrix X5 = (nn::Matrix(2, 5) << 1, 0.5, -1, 0.3, 0.8, 0, -1, 2, -0.4, 0.1).finished();
    const nn::Vector h5 = rnn_forward(p, X5, h0).H.col(X5.cols());
    const double diff = (hf - hr).norm();
    fmt::print(
        "\nThe cell of section 2 (exercise 20.1) on x_1 = {}, x_2 = {}, x_3 = {}\n"
        "ends in h_3 = {}. On the same three inputs in reverse order it ends in\n"
        "h_3 = {}: {}.\n"
        "A model that only adds up its inputs would give the same answer both ways. The same cell reads\n"
        "five steps just as well (h_5 = {}), with not one weight more.\n",
        vec(X.col(0), true), vec(X.col(1), true), vec(X.col(2), true), vec(hf), vec(hr),
        diff > 1e-6
            ? fmt::format("the norm of the difference is {:.6f}, so the\nstate remembers the order", diff)
            : "the same state, so this cell does not see the order",
        vec(h5));
}

void forward_by_hand() {
    nn::heading("2. One cell over three time steps, every number worked out (exercise 20.1)");
    const Rnn p = worked_cell();
    const nn::Matrix X = worked_inputs(), Tg = worked_targets();
    const nn::Vector h0 = nn::Vector::Zero(2);
    fmt::print(
        "Two inputs, two hidden units, one output at every step (y_t = W_hy·h_t + b_y, all three outputs\n"
        "have targets), h_0 = 0:\n\n");
    nn::print_matrix("W_xh", p.W_xh);
    nn::print_matrix("W_hh", p.W_hh);
    nn::print_matrix("b_h", p.b_h);
    nn::print_matrix("W_hy", p.W_hy);
    nn::print_matrix("b_y", p.b_y);
    fmt::print("x_1 = {}, x_2 = {}, x_3 = {}; targets {}, {}, {}.\n", vec(X.col(0), true),
               vec(X.col(1), true), vec(X.col(2), true), num(Tg(0, 0)), num(Tg(0, 1)), num(Tg(0, 2)));
    const Forward f = rnn_forward(p, X, h0);
    for (nn::Index t = 1; t <= X.cols(); ++t) {
        fmt::print("\nStep {}: x_{} = {}, h_{} = {} ({})\n", t, t, vec(X.col(t - 1), true), t - 1,
                   vec(f.H.col(t - 1), t == 1), t == 1 ? "given" : fmt::format("what step {} left", t - 1));
        for (nn::Index i = 0; i < 2; ++i) {
            const double a = (p.W_xh * X.col(t - 1) + p.W_hh * f.H.col(t - 1) + p.b_h)(i);
            fmt::print("  a_{}[{}] = {}{}{} = {}\n", t, i + 1, terms(p.W_xh, i, X.col(t - 1), true, true),
                       terms(p.W_hh, i, f.H.col(t - 1), false, t == 1), signed_term(p.b_h(i), false), f6(a));
            fmt::print("  h_{}[{}] = tanh({}) = {}\n", t, i + 1, f6(a), f6(f.H(i, t)));
        }
        fmt::print("  y_{} = {}{} = {}\n", t, terms(p.W_hy, 0, f.H.col(t), true),
                   signed_term(p.b_y(0), false), f6(f.Y(0, t - 1)));
    }
    const nn::LossAndGrad lg = nn::half_squared_error(f.Y, Tg);
    fmt::print(
        "\nThe loss, nn::half_squared_error: the mean over the 3 steps of ½(y_t − target_t)²,\n"
        "L = (½·({} − {})² + ½·({} − {})² + ½·({} − {})²) / 3 = {}.\n",
        f6(f.Y(0, 0)), factor(num(Tg(0, 0))), f6(f.Y(0, 1)), factor(num(Tg(0, 1))), f6(f.Y(0, 2)),
        factor(num(Tg(0, 2))), f6(lg.loss));
}

void bptt_by_hand() {
    nn::heading("3. Backpropagation through time (exercise 20.2), checked against central differences");
    Rnn p = worked_cell();
    nn::Matrix X = worked_inputs();
    const nn::Matrix Tg = worked_targets();
    nn::Vector h0 = nn::Vector::Zero(2);
    const Forward f = rnn_forward(p, X, h0);
    const nn::LossAndGrad lg = nn::half_squared_error(f.Y, Tg);
    const nn::Matrix& dY = lg.grad;
    fmt::print(
        "Unrolled, the cell is a 3-layer network whose layers share their weights, so backpropagation\n"
        "(lesson 07) applies, run from step 3 back to step 1. dy_t = (y_t − target_t)/3 (the mean's 1/3).\n"
        "h_t reaches L along two paths, through y_t and through step t + 1, so its gradient has two parts;\n"
        "δ_t = ∂L/∂a_t multiplies by tanh′(a_t) = 1 − h_t²:\n");
    const nn::Index T = X.cols();
    nn::Vector delta_next = nn::Vector::Zero(2);
    std::vector<nn::Vector> deltas(std::size_t(T + 1));
    for (nn::Index t = T; t >= 1; --t) {
        const nn::Vector from_y = p.W_hy.transpose() * dY.col(t - 1);
        const nn::Vector from_next = p.W_hh.transpose() * delta_next;
        const nn::Vector dh = from_y + from_next;
        const nn::Vector tp = (1 - f.H.col(t).array().square()).matrix();
        const nn::Vector delta = (dh.array() * tp.array()).matrix();
        fmt::print(
            "\nStep {}: dy_{} = ({} − {})/3 = {}\n"
            "  dh_{} = W_hyᵀ·dy_{} + W_hhᵀ·δ_{} = {} + {} = {}\n"
            "  1 − h_{}² = {}\n"
            "  δ_{}  = dh_{} ⊙ (1 − h_{}²) = {}\n",
            t, t, f6(f.Y(0, t - 1)), factor(num(Tg(0, t - 1))), f6(dY(0, t - 1)), t, t, t + 1, vec(from_y),
            vec(from_next), vec(dh), t, vec(tp), t, t, t, vec(delta));
        deltas[std::size_t(t)] = delta;
        delta_next = delta;
    }
    fmt::print(
        "\n(δ_4 = 0: no step follows the last one.) The shared weights collect one part per step, and\n"
        "dW_hh's part at step t uses h_{{t−1}}, the state that step read:\n\n");
    std::vector<std::vector<std::string>> rows;
    nn::Matrix sum_hh = nn::Matrix::Zero(2, 2);
    for (nn::Index t = 1; t <= T; ++t) {
        const nn::Matrix part = deltas[std::size_t(t)] * f.H.col(t - 1).transpose();
        sum_hh += part;
        rows.push_back(
            {fmt::format("t = {}", t), f6(part(0, 0)), f6(part(0, 1)), f6(part(1, 0)), f6(part(1, 1))});
    }
    rows.push_back({"sum", f6(sum_hh(0, 0)), f6(sum_hh(0, 1)), f6(sum_hh(1, 0)), f6(sum_hh(1, 1))});
    nn::print_table({"δ_t·h_{t−1}ᵀ", "(1,1)", "(1,2)", "(2,1)", "(2,2)"}, rows);
    fmt::print(
        "(Step 1's part is 0: h_0 = 0, so W_hh did nothing there.)\n\n"
        "Every gradient of exercise 20.2 against nn::central_gradient (eps 1e-6) on L:\n\n");
    const Grads g = rnn_backward(p, X, f.H, dY);
    const auto L = [&] { return sequence_loss(p, X, h0, Tg).loss; };
    struct Check {
        std::string name;
        nn::Matrix analytic, numeric;
    };
    const std::vector<Check> checks{{"dW_xh", g.dW_xh, nn::central_gradient(L, p.W_xh)},
                                    {"dW_hh", g.dW_hh, nn::central_gradient(L, p.W_hh)},
                                    {"db_h", g.db_h, nn::central_gradient(L, p.b_h)},
                                    {"dW_hy", g.dW_hy, nn::central_gradient(L, p.W_hy)},
                                    {"db_y", g.db_y, nn::central_gradient(L, p.b_y)},
                                    {"dh_0", g.dh0, nn::central_gradient(L, h0)},
                                    {"dX", g.dX, nn::central_gradient(L, X)}};
    rows.clear();
    double worst = 0;
    for (const Check& c : checks) {
        const double e = nn::rel_error(c.analytic, c.numeric);
        worst = std::max(worst, e);
        std::string values;
        for (nn::Index k = 0; k < c.analytic.size(); ++k) values += (k ? " " : "") + f6(c.analytic(k));
        rows.push_back({c.name, fmt::format("{}x{}", c.analytic.rows(), c.analytic.cols()), values,
                        nn::measured(e, "{:.1e}")});
    }
    nn::print_table({"gradient", "shape", "BPTT (column by column)", "relative error"}, rows, "lrlr");
    fmt::print("{}\n", worst < 1e-7
                           ? "Every gradient agrees with the differences: the sums over time are complete."
                           : "A gradient DISAGREES with the differences.");
}

struct Reach {
    double radius, norm;  // ρ(W_hh) and ‖W_hh‖₂
    std::vector<double> r;
};

// The cells of sections 4 and 5: 32 hidden units, 2 inputs, 1 output, W_hh of spectral radius s,
// small input weights (N(0, 0.05²)), so the states stay away from tanh's flat ends for small s.
constexpr nn::Index kHidden = 32, kSteps = 60;
constexpr double kInStd = 0.05;
Rnn cell_with_radius(double radius) {
    nn::Rng rng(20);
    return scaled_rnn(2, kHidden, 1, radius, kInStd, rng);
}
nn::Matrix long_inputs() {
    nn::Rng rng(2020);
    return rng.normal_matrix(2, kSteps, 0, 1);
}

void vanishing_exploding(const nn::LessonOptions& opt) {
    nn::heading(
        "4. The gradient that reaches step t − k: vanishing and exploding (FruitPunch slide 24, \"Further "
        "questions to expand your knowledge\": \"Vanishing/Exploding gradients?\")");
    const std::vector<double> radii{0.5, 0.9, 1.0, 2.0, 3.0};
    const nn::Matrix X = long_inputs();
    fmt::print(
        "BPTT carries the gradient back one step with δ_{{t−1}} = (W_hhᵀ·δ_t) ⊙ (1 − h_{{t−1}}²) (plus what\n"
        "y_{{t−1}} adds): the step Jacobian ∂h_t/∂h_{{t−1}} = diag(1 − h_t²)·W_hh, once per step. What "
        "reaches\n"
        "k steps back went through a product of k of them, and ‖∂h_T/∂h_{{T−k}}‖ ≤ ‖W_hh‖₂^k (tanh′ ≤ 1).\n"
        "Cells of {} hidden units and 2 inputs, W_hh a random normal matrix rescaled to spectral radius\n"
        "ρ (its largest |eigenvalue|: ‖W_hh^k‖ grows or shrinks like ρ^k), W_xh N(0, {}²), the same {}\n"
        "standard normal inputs, h_0 = 0. ‖∂h_T/∂h_{{T−k}}‖₂, the largest singular value of the product:\n\n",
        kHidden, kInStd, kSteps);
    std::vector<Reach> all;
    for (const double radius : radii) {
        const Rnn p = cell_with_radius(radius);
        const Forward f = rnn_forward(p, X, nn::Vector::Zero(kHidden));
        all.push_back({radius, spectral_norm(p.W_hh), reach(p, f.H)});
    }
    std::vector<std::string> header{"k"};
    for (const Reach& a : all) header.push_back(fmt::format("ρ = {:g}", a.radius));
    std::vector<std::vector<std::string>> rows{{"‖W_hh‖₂"}};
    for (const Reach& a : all) rows.back().push_back(fmt::format("{:.4f}", a.norm));
    for (const nn::Index k : {0, 1, 2, 5, 10, 20, 30, 40, 50, 60}) {
        std::vector<std::string> row{fmt::format("{}", k)};
        for (const Reach& a : all) row.push_back(fmt::format("{:.3e}", a.r[std::size_t(k)]));
        rows.push_back(row);
    }
    rows.push_back({"per step"});
    for (const Reach& a : all)
        rows.back().push_back(fmt::format("{:.4f}", std::pow(a.r.back(), 1.0 / double(kSteps))));
    nn::print_table(header, rows);
    fmt::print("\"per step\" is the geometric mean of the step factors, (‖∂h_T/∂h_0‖₂)^(1/{}).\n", kSteps);
    for (const Reach& a : all) {
        const double last = a.r.back(), factor = std::pow(last, 1.0 / double(kSteps));
        fmt::print(
            "  ρ = {:g}: after {} steps the gradient {} ({:.1e}); per step {:.4f}{}.\n", a.radius, kSteps,
            last < 1e-3  ? "has VANISHED"
            : last < 1   ? "has shrunk"
            : last > 1e3 ? "has EXPLODED"
                         : "has grown",
            last, factor,
            factor < a.radius ? fmt::format(", below ρ = {:g}: tanh′ < 1 takes its share", a.radius) : "");
    }
    fmt::print(
        "Lesson 10 (section 8, \"Vanishing gradients\") found the same product along depth: backwards\n"
        "through each sigmoid layer the gradient is multiplied by σ′ ≤ 0.25 and by that layer's weights.\n"
        "Here the \"layers\" are the time steps and they all share ONE W_hh, so the same kind of factor\n"
        "repeats k times: below 1 per step the gradient goes to 0 geometrically, above 1 to ∞. tanh′ ≤ 1\n"
        "where σ′ ≤ 0.25 is one reason cells use tanh: a sigmoid cell would multiply by at most "
        "0.25·‖W_hh‖₂\n"
        "per step, 0.25^{} = {:.1e} over {} steps for a W_hh of norm 1.\n",
        kSteps, std::pow(0.25, double(kSteps)), kSteps);
    nn::plot::LinePlot plot{.title = "20: ‖∂h_T/∂h_{T−k}‖ against k, W_{hh} of spectral radius ρ",
                            .xlabel = "k (steps back)",
                            .ylabel = "‖∂h_T/∂h_{T−k}‖₂",
                            .series = {},
                            .log_y = true};
    for (const Reach& a : all) {
        nn::plot::Series ser{.title = fmt::format("ρ = {:g}", a.radius), .x = {}, .y = a.r, .style = "lines"};
        for (std::size_t k = 0; k < a.r.size(); ++k) ser.x.push_back(double(k));
        plot.series.push_back(ser);
    }
    opt.plot(plot, "20-gradient-reach.png");
}

void clipping() {
    nn::heading("5. Gradient clipping (exercise 20.3): a cure for exploding, not for vanishing");
    nn::Rng rng(200);
    const nn::Matrix X = long_inputs();
    const nn::Matrix Tg = rng.normal_matrix(1, kSteps, 0, 1);
    const nn::Vector h0 = nn::Vector::Zero(kHidden);
    constexpr double max_norm = 1.0;
    Rnn p = cell_with_radius(3.0);
    const Forward f = rnn_forward(p, X, h0);
    const nn::LossAndGrad lg = nn::half_squared_error(f.Y, Tg);
    const std::vector<nn::Matrix> g = as_list(rnn_backward(p, X, f.H, lg.grad));
    const std::vector<nn::Matrix> c = clip_by_global_norm(g, max_norm);
    std::vector<nn::Matrix> per_entry = g;
    for (nn::Matrix& m : per_entry) m = m.cwiseMax(-max_norm).cwiseMin(max_norm);
    fmt::print(
        "The ρ = 3 cell of section 4 with a random target per step (loss {:.6f}): the global norm of all\n"
        "its weight gradients is {:.4f}. Clipped to {:g} by the global norm it is {:.4f}, in the same\n"
        "direction (cosine {:.6f}); clipping each entry to [−{:g}, {:g}] instead turns it (cosine {:.6f}).\n",
        lg.loss, global_norm(g), max_norm, global_norm(c), cosine(g, c), max_norm, max_norm,
        cosine(g, per_entry));
    const auto step_loss = [&](const std::vector<nn::Matrix>& d, double lr) {
        Rnn q = p;
        q.W_xh -= lr * d[0];
        q.W_hh -= lr * d[1];
        q.b_h -= lr * d[2];
        q.W_hy -= lr * d[3];
        q.b_y -= lr * d[4];
        return sequence_loss(q, X, h0, Tg).loss;
    };
    fmt::print("\nOne step of gradient descent from loss {:.6f}, with the raw and the clipped gradient:\n\n",
               lg.loss);
    std::vector<std::vector<std::string>> rows;
    std::vector<double> helped, too_large;
    for (const double lr : {0.1, 0.01, 0.001, 0.0001}) {
        const double raw = step_loss(g, lr), clipped = step_loss(c, lr);
        rows.push_back({fmt::format("{:g}", lr), fmt::format("{:.6f}", raw), fmt::format("{:.6f}", clipped)});
        if (clipped < lg.loss && raw > lg.loss) helped.push_back(lr);
        if (clipped > lg.loss) too_large.push_back(lr);
    }
    nn::print_table({"rate", "loss after a raw step", "after a clipped step"}, rows);
    const auto list = [](const std::vector<double>& v) {
        std::string s;
        for (const double x : v) s += (s.empty() ? "" : ", ") + fmt::format("{:g}", x);
        return s;
    };
    const std::string rates = list(helped);
    fmt::print(
        "{}\n",
        helped.empty()
            ? std::string(
                  "At none of these rates does the clipped step lower the loss where the raw one raises it.")
            : fmt::format(
                  "At {} {} the raw step, {:.0f} times longer, jumps far past the valley and raises the\n"
                  "loss, while the clipped step lowers it: clipping keeps a rate usable where the gradient\n"
                  "explodes.",
                  helped.size() > 1 ? "rates" : "rate", rates, global_norm(g) / global_norm(c)));
    if (!too_large.empty())
        fmt::print(
            "At {} {} even the clipped step raises the loss: where gradients explode the loss is steep and\n"
            "curved, and a step of length {:g} (the rate times max_norm) is already too long. Clipping\n"
            "bounds the step; the rate still has to fit.\n",
            too_large.size() > 1 ? "rates" : "rate", list(too_large), too_large.back() * max_norm);
    const Rnn v = cell_with_radius(0.5);
    const std::vector<double> r = reach(v, rnn_forward(v, X, h0).H);
    fmt::print(
        "\nNothing so simple cures vanishing. In the ρ = 0.5 cell a change of h_1 reaches h_{0} multiplied\n"
        "by at most ‖∂h_{0}/∂h_1‖₂ = {1:.1e}: the far past's share of every gradient is that small, and\n"
        "scaling the whole gradient up scales the near steps' share by the same factor, so the ratio\n"
        "stays. The cure is to change the cell: the LSTM and the GRU carry their state through a gated\n"
        "sum instead of a product of W_hh's, so that a step's factor can stay close to 1 (the next\n"
        "lesson).\n",
        kSteps, r[std::size_t(kSteps - 1)]);
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        why_recurrent();
        forward_by_hand();
        bptt_by_hand();
        vanishing_exploding(opt);
        clipping();
    });
}
