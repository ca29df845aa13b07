// Lesson 08 — computational graphs and reverse-mode differentiation.
// Deck IBM-2: "Computational Graphs (Backpropagation)" (the chain rule ∂C/∂W23 = ∂C/∂a3 ·
// ∂a3/∂z3 · ∂z3/∂W23), "Computational Graphs" (c = a + b, d = b + 1, e = c·d), "Derivatives in
// Computational Graphs" (∂e/∂b = 1·2 + 1·3).
// Run: ./nn run 08        Exercises: exercises/08_computational_graphs.cpp, ./nn check 08
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "../04_sigmoid_gd/slide.hpp"  // lesson 04's neuron and data, for section 2
#include "exercise.hpp"
#include "graph.hpp"
#include "nn/activations.hpp"
#include "nn/lesson.hpp"
#include "nn/print.hpp"
#include "slide.hpp"

using namespace lesson08;

namespace {

void print_nodes(const Graph& g, int output) {
    static const char* const names[] = {"input", "constant", "add", "mul", "sigmoid"};
    std::vector<std::vector<std::string>> rows;
    for (int k : g.order(output)) {
        const Node& n = g.node(k);
        std::vector<std::string> ins;
        for (int i : n.inputs) ins.push_back(fmt::format("#{}", i));
        rows.push_back({fmt::format("#{}", k), n.label, names[static_cast<int>(n.op)],
                        fmt::format("{}", fmt::join(ins, ", ")), nn::format_number(n.value, 6),
                        nn::format_number(n.grad, 6)});
    }
    nn::print_table({"node", "name", "op", "inputs", "value", "∂out/∂node"}, rows, "llllrr");
}

void the_slides_graph(const nn::LessonOptions& opt) {
    nn::heading(fmt::format(
        "1. c = a + b, d = b + 1, e = c·d at a = {}, b = {} (IBM-2 slides 48–49, \"Computational Graphs\")",
        slide::a, slide::b));
    Graph g;
    const int a = g.input("a", slide::a), b = g.input("b", slide::b);
    const int c = g.add(a, b, "c"), d = g.add(b, g.constant(1), "d"), e = g.mul(c, d, "e");
    const double cv = g.node(c).value, dv = g.node(d).value;
    fmt::print("Forward, node by node: c = {} + {} = {}, d = {} + 1 = {}, e = {}·{} = {}.\n\n", slide::a,
               slide::b, cv, slide::b, dv, cv, dv, g.node(e).value);
    fmt::print(
        "By hand, summing over paths (IBM-2 slide 49): b reaches e through c (∂c/∂b = 1, then\n"
        "∂e/∂c = d = {}) and through d (∂d/∂b = 1, then ∂e/∂d = c = {}):\n",
        dv, cv);
    const double through_c = 1 * dv, through_d = 1 * cv;
    nn::SlideTable t;
    t.row("path b → c → e: 1·d", through_c, slide::path_through_c, "", 0);
    t.row("path b → d → e: 1·c", through_d, slide::path_through_d, "", 0);
    t.row(fmt::format("∂e/∂b = 1·{} + 1·{}", through_c, through_d), through_c + through_d, slide::de_db, "",
          0);
    t.print();

    g.backward(e);
    fmt::print(
        "\nReverse mode does the same sum without listing paths: walk the nodes in reverse\n"
        "topological order (order: {}), each handing its gradient to its inputs. b is used\n"
        "twice, by c and by d, so its gradient arrives in two shares that add up:\n\n",
        fmt::join(g.order(e), ", "));
    print_nodes(g, e);
    nn::SlideTable r;
    r.row("∂e/∂b by reverse mode", g.node(b).grad, slide::de_db, "", 0);
    r.print();
    fmt::print("∂e/∂a = {} (one path: 1·d); the slide shows only ∂e/∂b.\n", g.node(a).grad);
    opt.plot(nn::plot::DotGraph{g.to_dot(e)}, "08-graph-slide.png");
}

void the_chain_rule(const nn::LessonOptions& opt) {
    nn::heading(
        "2. The chain rule on a sigmoid neuron, ∂C/∂W = ∂C/∂a · ∂a/∂z · ∂z/∂W (IBM-2 slide 44, "
        "\"Computational Graphs\")");
    namespace neuron = lesson04::slide;
    const std::vector<double>& X = neuron::X;
    const std::vector<double>& Y = neuron::Y;
    const double w0 = neuron::w0, b0 = neuron::b0;
    auto minus = [](double v) { return v < 0 ? "−" + nn::format_number(-v, 6) : nn::format_number(v, 6); };
    fmt::print(
        "Lesson 04's neuron and data: f(x) = σ(w·x + b), error Σ ½ (f(x) − y)² over X = [{}],\n"
        "Y = [{}], at {}. Built from +, ×, σ and constants; the square is r·r, so\n"
        "r is used twice, and w and b feed {} points: every one of them gets {} shares.\n\n",
        fmt::join(X, ", "), fmt::join(Y, ", "),
        w0 == b0 ? fmt::format("w = b = {}", minus(w0)) : fmt::format("w = {}, b = {}", minus(w0), minus(b0)),
        X.size() == 2 ? "both" : fmt::format("all {}", X.size()), X.size() == 2 ? "two" : "several");
    Graph g;
    const int w = g.input("w", w0), b = g.input("b", b0);
    int total = -1;
    for (std::size_t i = 0; i < X.size(); ++i) {
        const int z = g.add(g.mul(w, g.constant(X[i])), b, fmt::format("z{}", i + 1));
        const int f = g.sigmoid(z, fmt::format("f{}", i + 1));
        const int r = g.add(f, g.constant(-Y[i]), fmt::format("r{}", i + 1));  // f − y
        const int e = g.mul(g.constant(0.5), g.mul(r, r), fmt::format("E{}", i + 1));
        total = total < 0 ? e : g.add(total, e, "E");
    }
    g.backward(total);
    print_nodes(g, total);
    // Lesson 04's formulas: ∇w = Σ (f − y)·f·(1 − f)·x, ∇b = Σ (f − y)·f·(1 − f)
    double gw = 0, gb = 0;
    for (std::size_t i = 0; i < X.size(); ++i) {
        const double f = nn::sigmoid(w0 * X[i] + b0);
        gw += (f - Y[i]) * f * (1 - f) * X[i];
        gb += (f - Y[i]) * f * (1 - f);
    }
    fmt::print("\n∂E/∂w: graph {:.12f}, lesson 04's formula {:.12f}\n", g.node(w).grad, gw);
    fmt::print("∂E/∂b: graph {:.12f}, lesson 04's formula {:.12f}\n", g.node(b).grad, gb);
    fmt::print("differences: {} and {}\n", nn::measured(std::abs(g.node(w).grad - gw), "{:.1e}"),
               nn::measured(std::abs(g.node(b).grad - gb), "{:.1e}"));
    fmt::print(
        "Each share is one chain ∂E/∂r · ∂r/∂f · ∂f/∂z · ∂z/∂w: the slide's chain rule, multiplied\n"
        "out node by node instead of in one formula.\n");
    opt.plot(nn::plot::DotGraph{g.to_dot(total)}, "08-graph-neuron.png");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        the_slides_graph(opt);
        the_chain_rule(opt);
    });
}
