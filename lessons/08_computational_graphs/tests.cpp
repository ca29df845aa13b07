// Lesson 08 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// These tests also drive lesson 08's Graph, whose backward() is built on the exercises.
#define BOOST_TEST_MODULE lesson 08 exercises
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <sstream>
#include <string>

#include "exercise.hpp"
#include "graph.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson08;

namespace {
double sig(double z) { return 1 / (1 + std::exp(-z)); }
// ∂(output)/∂(input) by central differences (nn::central_gradient) of a graph that `build`
// rebuilds around each nudged value of the input, returning its output node.
double central(const std::function<int(Graph&, double)>& build, double v) {
    return nn_test::central_gradient(
        [&] {
            Graph g;
            return g.node(build(g, v)).value;
        },
        v);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex08_1_backward_rules)

BOOST_AUTO_TEST_CASE(a_sum_passes_the_gradient_to_both_inputs) {
    for (double u : {3.5, -0.25, 1.0}) {
        BOOST_TEST_CONTEXT("add_backward(upstream = " << u << ")") {
            const auto g = add_backward(u);
            nn_test::check_near(g[0], u, 0, "what a receives from c = a + b: upstream·1");
            nn_test::check_near(g[1], u, 0, "what b receives from c = a + b: upstream·1");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_product_passes_each_input_the_other_factor) {
    // e = c·d at c = 3, d = 2 (the slide): ∂e/∂c = d = 2, ∂e/∂d = c = 3
    struct Case {
        double a, b, u, ga, gb;
    };
    const Case cases[] = {
        {3, 2, 1, 2, 3}, {-1.5, 4, 0.5, 2, -0.75}, {0.25, -8, -2, 16, -0.5}, {5, 0, 3, 0, 15}};
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("mul_backward(a = " << c.a << ", b = " << c.b << ", upstream = " << c.u << ")") {
            const auto g = mul_backward(c.a, c.b, c.u);
            nn_test::check_near(g[0], c.ga, 1e-15, "what a receives from a·b: upstream·b");
            nn_test::check_near(g[1], c.gb, 1e-15, "what b receives from a·b: upstream·a");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_sigmoid_multiplies_by_s_times_one_minus_s) {
    // s is σ's OUTPUT: the rule is upstream·s·(1 − s), σ is not applied to s again.
    const double s = sig(0.3);
    struct Case {
        double s, u, expected;
    };
    const Case cases[] = {{s, 2.0, 2.0 * s * (1 - s)},
                          {0.5, 1.0, 0.25},
                          {0.9, -3.0, -0.27},
                          {0.2, 0.5, 0.08},
                          {1.0, 4.0, 0.0},
                          {0.0, 4.0, 0.0}};
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("sigmoid_backward(s = " << c.s << ", upstream = " << c.u << ")") {
            nn_test::check_near(sigmoid_backward(c.s, c.u), c.expected, 1e-15,
                                "what x receives from s = σ(x): upstream·s·(1 − s)");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_square_x_times_x_gets_both_shares) {
    // y = x·x at x = 3: the product's two inputs are the same node, dy/dx = 2x = 6; and
    // z = (x·x)·x at x = −2: dz/dx = 3x² = 12.
    Graph g;
    const int x = g.input("x", 3);
    const int y = g.mul(x, x);
    g.backward(y);
    nn_test::check_near(g.node(x).grad, 6, 1e-12, "dy/dx for y = x·x at x = 3 (2x: one share per factor)");
    Graph h;
    const int x2 = h.input("x", -2);
    const int z = h.mul(h.mul(x2, x2), x2);
    h.backward(z);
    nn_test::check_near(h.node(x2).grad, 12, 1e-12, "dz/dx for z = (x·x)·x at x = −2 (3x²)");
}

BOOST_AUTO_TEST_CASE(every_op_in_one_graph_matches_differences) {
    // y = σ(a·b + a) · (b + 0.5) at a = 0.7, b = −1.3: a used twice, b used twice, every op kind.
    auto build = [](Graph& g, double av, double bv, int& a, int& b) {
        a = g.input("a", av);
        b = g.input("b", bv);
        const int s = g.sigmoid(g.add(g.mul(a, b), a));
        return g.mul(s, g.add(b, g.constant(0.5)));
    };
    Graph g;
    int a = 0, b = 0;
    const int y = build(g, 0.7, -1.3, a, b);
    g.backward(y);
    // By hand: z = a·b + a, s = σ(z), y = s·(b + 0.5);
    // ∂y/∂a = (b + 0.5)·s(1 − s)·(b + 1), ∂y/∂b = (b + 0.5)·s(1 − s)·a + s
    const double av = 0.7, bv = -1.3, s = sig(av * bv + av);
    nn_test::check_near(g.node(y).value, s * (bv + 0.5), 1e-12, "the output's value σ(a·b + a)·(b + 0.5)");
    nn_test::check_near(g.node(a).grad, (bv + 0.5) * s * (1 - s) * (bv + 1), 1e-12,
                        "∂y/∂a for y = σ(a·b + a)·(b + 0.5) at a = 0.7, b = −1.3");
    nn_test::check_near(g.node(b).grad, (bv + 0.5) * s * (1 - s) * av + s, 1e-12,
                        "∂y/∂b for y = σ(a·b + a)·(b + 0.5) at a = 0.7, b = −1.3");
    int d1 = 0, d2 = 0;
    nn_test::check_near(g.node(a).grad,
                        central([&](Graph& h, double v) { return build(h, v, -1.3, d1, d2); }, 0.7), 1e-8,
                        "∂y/∂a against central differences");
    nn_test::check_near(g.node(b).grad,
                        central([&](Graph& h, double v) { return build(h, 0.7, v, d1, d2); }, -1.3), 1e-8,
                        "∂y/∂b against central differences");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex08_2_topological_order)

namespace {
std::string show_list(const std::vector<int>& v) {
    std::ostringstream s;
    s << "[";
    for (std::size_t i = 0; i < v.size(); ++i) s << (i ? ", " : "") << v[i];
    return s.str() + "]";
}
std::string show_graph(const std::vector<std::vector<int>>& inputs) {
    std::ostringstream s;
    for (std::size_t k = 0; k < inputs.size(); ++k)
        s << (k ? "; " : "") << k << " reads " << show_list(inputs[k]);
    return s.str();
}
// Exactly the nodes in `needed` (written out by hand in each case), each once, each after all of
// its inputs, output last.
void check_order(const std::vector<std::vector<int>>& inputs, int output, std::vector<int> needed) {
    const std::vector<int> order = topological_order(inputs, output);
    BOOST_TEST_CONTEXT("graph {" << show_graph(inputs) << "}, output " << output << "; your order "
                                 << show_list(order)) {
        std::sort(needed.begin(), needed.end());
        std::vector<int> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        BOOST_TEST(sorted == needed,
                   "the order must hold exactly the nodes the output depends on (itself "
                   "included), each once: expected the nodes "
                       << show_list(needed) << " in some order, got " << show_list(sorted));
        BOOST_TEST_REQUIRE(!order.empty(), "the order must not be empty");
        nn_test::check_equal(order.back(), output, "the last node of the order (the output)");
        for (std::size_t p = 0; p < order.size(); ++p) {
            const int k = order[p];
            if (k < 0 || std::size_t(k) >= inputs.size()) {
                BOOST_TEST(false, "node " << k << " at position " << p << " does not exist");
                continue;
            }
            for (int in : inputs[std::size_t(k)]) {
                const auto at = std::find(order.begin(), order.end(), in) - order.begin();
                BOOST_TEST(std::size_t(at) < p, "node " << k << " reads node " << in << ", so " << in
                                                        << " must come before it; " << k << " is at position "
                                                        << p << ", " << in
                                                        << (std::size_t(at) == order.size()
                                                                ? " is missing"
                                                                : " is at position " + std::to_string(at)));
            }
        }
    }
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_slides_graph_lists_b_once) {
    // 0 a, 1 b, 2 c = a + b, 3 one, 4 d = b + 1, 5 e = c·d
    check_order({{}, {}, {0, 1}, {}, {1, 3}, {2, 4}}, 5, {0, 1, 2, 3, 4, 5});
}

BOOST_AUTO_TEST_CASE(only_what_the_output_depends_on) {
    // 0 x, 1 y, 2 x·x, 3 y + y (not used by 2)
    check_order({{}, {}, {0, 0}, {1, 1}}, 2, {0, 2});
    // 0 x, 1 y, 2 x + y, 3 σ(x), 4 σ(2) (the output, not the last node), 5 3·4 (after it)
    check_order({{}, {}, {0, 1}, {0}, {2}, {3, 4}}, 4, {0, 1, 2, 4});
    // a lone input as the output: just itself
    check_order({{}, {}, {0, 1}}, 1, {1});
    check_order({{}, {}, {0, 1}}, 2, {0, 1, 2});
}

BOOST_AUTO_TEST_CASE(nodes_numbered_out_of_order) {
    // Here a node's inputs may have LARGER numbers than the node, so sorting by number is wrong:
    // 0 = 3·4, 1 = σ(0), 2 = 1 + 0 (the output), 3 and 4 leaves, 5 = σ(3) unused.
    check_order({{3, 4}, {0}, {1, 0}, {}, {}, {3}}, 2, {0, 1, 2, 3, 4});
    // A chain numbered backwards: 4 reads nothing, 3 reads 4, ..., 0 reads 1.
    check_order({{1}, {2}, {3}, {4}, {}}, 0, {0, 1, 2, 3, 4});
}

BOOST_AUTO_TEST_CASE(a_node_met_early_but_needed_deep) {
    // 0 leaf, 1 = σ(0), 2 = 1 + 0, 3 = 2·0 (the output): 0 is read directly by the output and
    // also at the bottom of the chain 3 → 2 → 1 → 0. A breadth-first listing from the output,
    // reversed, would give 1, 0, 2, 3: 1 before its input 0.
    check_order({{}, {0}, {1, 0}, {2, 0}}, 3, {0, 1, 2, 3});
    // out 4 reads {1, 3}; 1 reads {2}; 2 reads {3}; 3 a leaf: 3 is one step from the output and
    // three steps down the other path.
    check_order({{}, {2}, {3}, {}, {1, 3}}, 4, {1, 2, 3, 4});
}

BOOST_AUTO_TEST_CASE(a_diamond_of_shared_nodes_each_once) {
    // 0 x; 1 = x·x; 2 = x + 1; 3 = 1·2; 4 = 3 + 1; 5 = 4·2; 6 = σ(5): every inner node used twice.
    check_order({{}, {0, 0}, {0, 1}, {1, 2}, {3, 1}, {4, 2}, {5}}, 6, {0, 1, 2, 3, 4, 5, 6});
}

BOOST_AUTO_TEST_CASE(reverse_mode_on_the_slide_gives_de_db_5) {
    Graph g;
    const int a = g.input("a", slide::a), b = g.input("b", slide::b);
    const int e = g.mul(g.add(a, b), g.add(b, g.constant(1)));
    g.backward(e);
    nn_test::check_near(g.node(e).value, 6, 0, "e = (a + b)·(b + 1) at a = 2, b = 1");
    nn_test::check_near(g.node(b).grad, slide::de_db.value, 1e-12, "∂e/∂b = 1·2 + 1·3 (two shares added)");
    nn_test::check_near(g.node(a).grad, 2, 1e-12, "∂e/∂a = 1·d = 2");
}

BOOST_AUTO_TEST_CASE(a_node_used_twice_gets_both_shares) {
    // y = x·x + x at x = 3: dy/dx = 2x + 1 = 7
    Graph g;
    const int x = g.input("x", 3);
    const int y = g.add(g.mul(x, x), x);
    g.backward(y);
    nn_test::check_near(g.node(x).grad, 7, 1e-12, "dy/dx for y = x·x + x at x = 3 (2x + 1)");
}

BOOST_AUTO_TEST_CASE(a_deep_chain_through_sigmoids_matches_differences) {
    // y = σ(σ(w·1.7)·w) with w used at two depths
    auto build = [](Graph& g, double wv) {
        const int w = g.input("w", wv);
        const int s = g.sigmoid(g.mul(w, g.constant(1.7)));
        return g.sigmoid(g.mul(s, w));
    };
    Graph g;
    const int y = build(g, 0.8);
    g.backward(y);
    // the input w is node 0 of the graph
    nn_test::check_near(g.node(0).grad, central(build, 0.8), 1e-9,
                        "dy/dw for y = σ(σ(1.7·w)·w) at w = 0.8 "
                        "against central differences");
}

BOOST_AUTO_TEST_SUITE_END()
