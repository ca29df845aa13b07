// Lesson 09 — XOR and the multilayer perceptron.
// Deck Intro-ANN: "Perceptron / Sigmoid Neuron for XOR", "Multi Layered Perceptron – MLP",
// "Learning XOR Problem" (the hand-set network with weights ±20), "Back Propagation Learning
// Rule". Deck IBM-1: "Data Space Transformation".
// Run: ./nn run 09        Exercises: exercises/09_xor_mlp.cpp, ./nn check 09
#include <fmt/core.h>

#include <cmath>
#include <vector>

#include "exercise.hpp"
#include "nn/lesson.hpp"
#include "nn/print.hpp"
#include "nn/rng.hpp"
#include "slide.hpp"

using namespace lesson09;

namespace {

// The four points as columns, in the deck's order.
nn::Matrix xor_inputs() {
    nn::Matrix X(2, 4);
    for (int n = 0; n < 4; ++n) X.col(n) << slide::inputs[static_cast<std::size_t>(n)][0], slide::inputs[static_cast<std::size_t>(n)][1];
    return X;
}
nn::Matrix xor_targets() {
    nn::Matrix Y(1, 4);
    for (int n = 0; n < 4; ++n) Y(0, n) = slide::Y[static_cast<std::size_t>(n)];
    return Y;
}

// One of the deck's three tables: the pre-activation and σ of it beside the deck's "≈" value.
void table(const std::string& title, const std::vector<std::string>& sums, const nn::Matrix& values,
           const std::array<int, 4>& deck) {
    fmt::print("\n{}\n", title);
    std::vector<std::vector<std::string>> rows;
    for (int n = 0; n < 4; ++n) {
        const double v = values(0, n);
        const bool ok = std::abs(v - deck[static_cast<std::size_t>(n)]) < 0.005;
        rows.push_back({sums[static_cast<std::size_t>(n)], fmt::format("{:.6f}", v),
                        fmt::format("≈ {}", deck[static_cast<std::size_t>(n)]), ok ? "ok (within 0.005)" : "MISMATCH"});
    }
    nn::print_table({"pre-activation", "σ", "slide", "check"}, rows, "lrll");
}

void hand_set_network() {
    nn::heading("1. The deck's hand-set network (Intro-ANN, \"Learning XOR Problem\")");
    fmt::print(
        "h1 = σ(20x1 + 20x2 − 10), h2 = σ(−20x1 − 20x2 + 30), out = σ(20h1 + 20h2 − 30). The deck's\n"
        "names, read off these formulas: W1 = x1→h1 = {}, W2 = x1→h2 = {}, W3 = x2→h1 = {},\n"
        "W4 = x2→h2 = {}, W5 = h1→out = {}, W6 = h2→out = {}; b1 = {} (h1), b2 = {} (h2), b3 = {} (out).\n",
        slide::W1, slide::W2, slide::W3, slide::W4, slide::W5, slide::W6, slide::b1, slide::b2, slide::b3);
    const XorForward f = xor_forward(slide::network(), xor_inputs());
    std::vector<std::string> s1, s2, s3;
    for (int n = 0; n < 4; ++n) {
        const auto [x1, x2] = slide::inputs[static_cast<std::size_t>(n)];
        s1.push_back(fmt::format("20·{} + 20·{} − 10 = {}", x1, x2, 20 * x1 + 20 * x2 - 10));
        s2.push_back(fmt::format("−20·{} − 20·{} + 30 = {}", x1, x2, -20 * x1 - 20 * x2 + 30));
        s3.push_back(fmt::format("20·{:.4f} + 20·{:.4f} − 30 = {:.4f}", f.H(0, n), f.H(1, n),
                                 20 * f.H(0, n) + 20 * f.H(1, n) - 30));
    }
    table("h1 = σ(20x1 + 20x2 − 10): OR", s1, f.H.row(0), slide::h1);
    table("h2 = σ(−20x1 − 20x2 + 30): NAND", s2, f.H.row(1), slide::h2);
    table("out = σ(20h1 + 20h2 − 30): AND of the two", s3, f.out, slide::out);
    fmt::print(
        "\nThe deck writes the last table with h rounded to 0 and 1 (σ(20·0 + 20·1 − 30) for (0,0));\n"
        "the exact h's differ from 0 and 1 by about 5e-5, which moves nothing. Its last two rows\n"
        "are the same, because (0,1) and (1,0) both map to h = (1, 1). XOR = OR AND NAND.\n");
}

void data_space(const nn::LessonOptions& opt) {
    nn::heading("2. The data-space transformation (IBM-1, \"Data Space Transformation\")");
    const XorNet net = slide::network();
    const nn::Matrix X = xor_inputs();
    const XorForward f = xor_forward(net, X);
    std::vector<std::vector<std::string>> rows;
    for (int n = 0; n < 4; ++n)
        rows.push_back({fmt::format("({}, {})", X(0, n), X(1, n)), fmt::format("({:.5f}, {:.5f})", f.H(0, n), f.H(1, n)),
                        fmt::format("{}", slide::Y[static_cast<std::size_t>(n)])});
    nn::print_table({"input (x1, x2)", "hidden (h1, h2)", "XOR"}, rows, "llr");
    fmt::print(
        "In input space no line separates the 1s from the 0s. In hidden space the two 1s land on\n"
        "the same corner, (1, 1), and the line 20h1 + 20h2 = 30 (the output unit) separates them\n"
        "from (0, 1) and (1, 0): the hidden layer made the problem linearly separable.\n");
    auto plot = [&](bool hidden, const std::string& title, const std::string& file) {
        nn::plot::RegionPlot p;
        p.title = title;
        p.xlabel = hidden ? "h1" : "x1";
        p.ylabel = hidden ? "h2" : "x2";
        for (int k = 0; k <= 140; ++k) p.grid_x.push_back(-0.2 + k * 1.4 / 140);
        p.grid_y = p.grid_x;
        p.grid_class.resize(141, 141);
        for (int i = 0; i <= 140; ++i)
            for (int j = 0; j <= 140; ++j) {
                const nn::Matrix pt = (nn::Matrix(2, 1) << p.grid_x[static_cast<std::size_t>(j)], p.grid_y[static_cast<std::size_t>(i)]).finished();
                const double out = hidden ? 1 / (1 + std::exp(-(net.W2 * pt)(0, 0) - net.b2(0)))
                                          : xor_forward(net, pt).out(0, 0);
                p.grid_class(i, j) = out > 0.5;
            }
        for (int n = 0; n < 4; ++n) {
            p.px.push_back(hidden ? f.H(0, n) : X(0, n));
            p.py.push_back(hidden ? f.H(1, n) : X(1, n));
            p.pclass.push_back(slide::Y[static_cast<std::size_t>(n)]);
        }
        p.class_names = {"XOR = 0", "XOR = 1"};
        opt.plot(p, file);
    };
    plot(false, "Input space: the network's decision (no single line can do this)", "09-input-space.png");
    plot(true, "Hidden space (h1, h2): the output unit's line separates the classes", "09-hidden-space.png");
}

XorNet random_net(int hidden, std::uint64_t seed) {
    nn::Rng rng(seed);
    return {rng.uniform_matrix(hidden, 2, -1, 1), rng.uniform_matrix(hidden, 1, -1, 1).col(0),
            rng.uniform_matrix(1, hidden, -1, 1), rng.uniform_matrix(1, 1, -1, 1).col(0)};
}

struct Training {
    std::vector<double> losses;
    XorNet net;
    bool solved;  // every output on the right side of 0.5 by at least 0.4
};
Training train(int hidden, std::uint64_t seed, int epochs, double lr) {
    Training t{{}, random_net(hidden, seed), false};
    const nn::Matrix X = xor_inputs(), Y = xor_targets();
    for (int e = 0; e < epochs; ++e) t.losses.push_back(train_step(t.net, X, Y, lr));
    t.solved = ((xor_forward(t.net, X).out - Y).cwiseAbs().maxCoeff() < 0.1);
    return t;
}

void training(const nn::LessonOptions& opt) {
    nn::heading("3. Learning XOR by backpropagation (Intro-ANN, \"Back Propagation Learning Rule\")");
    constexpr int epochs = 5000;
    constexpr double lr = 2.0;
    // Which seeds learn XOR with two hidden units, and which get stuck.
    int good_seed = -1, stuck_seed = -1, stuck2 = 0, stuck3 = 0;
    constexpr int seeds = 40;
    for (int s = 1; s <= seeds; ++s) {
        const bool ok2 = train(2, static_cast<std::uint64_t>(s), epochs, lr).solved;
        stuck2 += !ok2;
        if (ok2 && good_seed < 0) good_seed = s;
        if (!ok2 && stuck_seed < 0) stuck_seed = s;
        stuck3 += !train(3, static_cast<std::uint64_t>(s), epochs, lr).solved;
    }
    fmt::print("A 2-2-1 sigmoid network from a seeded random start (weights uniform in [−1, 1]),\n"
               "full-batch gradient descent on ½ Σ (out − y)², lr = {}, {} epochs, seed {}:\n\n", lr, epochs,
               good_seed);
    const Training good = train(2, static_cast<std::uint64_t>(good_seed), epochs, lr);
    for (int e : {0, 500, 1000, 2000, epochs - 1}) fmt::print("  epoch {:>4}: loss {:.6f}\n", e, good.losses[static_cast<std::size_t>(e)]);
    const XorForward f = xor_forward(good.net, xor_inputs());
    fmt::print("Outputs on (0,0), (1,1), (0,1), (1,0): {:.4f} {:.4f} {:.4f} {:.4f} (targets 0 0 1 1)\n",
               f.out(0, 0), f.out(0, 1), f.out(0, 2), f.out(0, 3));
    fmt::print("\nOver seeds 1 to {}: {} of the 2-2-1 runs get stuck (some output more than 0.1 off\n"
               "after {} epochs); with three hidden units, {}.\n", seeds, stuck2, epochs, stuck3);
    nn::plot::LinePlot p{"XOR: loss per epoch", "epoch", "loss ½ Σ (out − y)²", {}};
    p.log_y = true;
    auto series = [](const std::string& name, const Training& t) {
        nn::plot::Series s{name, {}, t.losses};
        for (std::size_t e = 0; e < t.losses.size(); ++e) s.x.push_back(static_cast<double>(e));
        return s;
    };
    p.series.push_back(series(fmt::format("2-2-1, seed {}", good_seed), good));
    if (stuck_seed > 0) {
        const Training stuck = train(2, static_cast<std::uint64_t>(stuck_seed), epochs, lr);
        const XorForward g = xor_forward(stuck.net, xor_inputs());
        fmt::print("Seed {} with 2 hidden units ends at loss {:.4f}, outputs {:.3f} {:.3f} {:.3f} {:.3f}:\n",
                   stuck_seed, stuck.losses.back(), g.out(0, 0), g.out(0, 1), g.out(0, 2), g.out(0, 3));
        fmt::print("  hidden units on the four points: h1 = {:.3f} {:.3f} {:.3f} {:.3f}, h2 = {:.3f} {:.3f} {:.3f} {:.3f}\n",
                   g.H(0, 0), g.H(0, 1), g.H(0, 2), g.H(0, 3), g.H(1, 0), g.H(1, 1), g.H(1, 2), g.H(1, 3));
        const Training rescue = train(3, static_cast<std::uint64_t>(stuck_seed), epochs, lr);
        fmt::print("The same seed with 3 hidden units ends at loss {:.6f}.\n", rescue.losses.back());
        p.series.push_back(series(fmt::format("2-2-1, seed {} (stuck)", stuck_seed), stuck));
        p.series.push_back(series(fmt::format("2-3-1, seed {}", stuck_seed), rescue));
    }
    fmt::print(
        "A stuck run sits in a local minimum: its hidden units have saturated in a layout from\n"
        "which one point cannot be moved to the right side without undoing another, and there\n"
        "σ′ ≈ 0 leaves almost no gradient to climb out with. What gets it out: a third hidden unit\n"
        "(more ways to split the plane, so fewer such traps), or a different start (another seed).\n");
    opt.plot(p, "09-xor-loss.png");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson({"09", "XOR and the multilayer perceptron", "Intro-ANN, IBM-1",
                       "The deck's hand-set XOR network, the data-space transformation, and "
                       "learning XOR by backpropagation, including runs that get stuck."});
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        hand_set_network();
        data_space(opt);
        training(opt);
    });
}
