// Lesson 08 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
// These tests also drive lesson 08's Graph, whose backward() is built on the exercises.
#define BOOST_TEST_MODULE lesson 08 exercises
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>

#include "exercise.hpp"
#include "graph.hpp"
#include "slide.hpp"

using namespace lesson08;

BOOST_AUTO_TEST_SUITE(ex08_1_backward_rules)

BOOST_AUTO_TEST_CASE(a_sum_passes_the_gradient_to_both_inputs) {
    const auto g = add_backward(3.5);
    BOOST_TEST(g[0] == 3.5);
    BOOST_TEST(g[1] == 3.5);
}

BOOST_AUTO_TEST_CASE(a_product_passes_each_input_the_other_factor) {
    // e = c·d at c = 3, d = 2 (the slide): ∂e/∂c = d = 2, ∂e/∂d = c = 3
    const auto g = mul_backward(3, 2, 1);
    BOOST_TEST(g[0] == 2);
    BOOST_TEST(g[1] == 3);
    const auto h = mul_backward(-1.5, 4, 0.5);
    BOOST_TEST(h[0] == 2);     // 0.5·4
    BOOST_TEST(h[1] == -0.75); // 0.5·(−1.5)
}

BOOST_AUTO_TEST_CASE(a_sigmoid_multiplies_by_s_times_one_minus_s) {
    const double s = 1 / (1 + std::exp(-0.3));
    BOOST_TEST(std::abs(sigmoid_backward(s, 2.0) - 2.0 * s * (1 - s)) < 1e-15);
    BOOST_TEST(sigmoid_backward(0.5, 1.0) == 0.25);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex08_2_topological_order)

namespace {
// Each node after its inputs, each once, output last.
void check_order(const std::vector<std::vector<int>>& inputs, int output, const std::vector<int>& order,
                 std::size_t expected_size) {
    BOOST_TEST_REQUIRE(order.size() == expected_size);
    BOOST_TEST(order.back() == output);
    for (std::size_t p = 0; p < order.size(); ++p) {
        BOOST_TEST(std::count(order.begin(), order.end(), order[p]) == 1);
        for (int in : inputs[static_cast<std::size_t>(order[p])]) {
            const auto at = std::find(order.begin(), order.end(), in) - order.begin();
            BOOST_TEST_CONTEXT("node " << order[p] << " reads " << in) { BOOST_TEST(static_cast<std::size_t>(at) < p); }
        }
    }
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_slides_graph_lists_b_once) {
    // 0 a, 1 b, 2 c = a + b, 3 one, 4 d = b + 1, 5 e = c·d
    const std::vector<std::vector<int>> inputs = {{}, {}, {0, 1}, {}, {1, 3}, {2, 4}};
    check_order(inputs, 5, topological_order(inputs, 5), 6);
}

BOOST_AUTO_TEST_CASE(only_what_the_output_depends_on) {
    // 0 x, 1 y, 2 x·x, 3 y + y (not used by 2)
    const std::vector<std::vector<int>> inputs = {{}, {}, {0, 0}, {1, 1}};
    check_order(inputs, 2, topological_order(inputs, 2), 2);
}

BOOST_AUTO_TEST_CASE(reverse_mode_on_the_slide_gives_de_db_5) {
    Graph g;
    const int a = g.input("a", slide::a), b = g.input("b", slide::b);
    const int e = g.mul(g.add(a, b), g.add(b, g.constant(1)));
    g.backward(e);
    BOOST_TEST(g.node(e).value == 6);
    BOOST_TEST(g.node(b).grad == slide::de_db.value);  // 1·2 + 1·3: two shares added
    BOOST_TEST(g.node(a).grad == 2);
}

BOOST_AUTO_TEST_CASE(a_node_used_twice_gets_both_shares) {
    // y = x·x + x at x = 3: dy/dx = 2x + 1 = 7
    Graph g;
    const int x = g.input("x", 3);
    const int y = g.add(g.mul(x, x), x);
    g.backward(y);
    BOOST_TEST(g.node(x).grad == 7);
}

BOOST_AUTO_TEST_CASE(a_deep_chain_through_sigmoids_matches_differences) {
    // y = σ(σ(w·x)·w) with w used at two depths
    auto build = [](double wv, Graph& g, int& w) {
        w = g.input("w", wv);
        const int s = g.sigmoid(g.mul(w, g.constant(1.7)));
        return g.sigmoid(g.mul(s, w));
    };
    Graph g;
    int w = 0;
    const int y = build(0.8, g, w);
    g.backward(y);
    Graph up, down;
    int dummy = 0;
    const double numeric = (up.node(build(0.8 + 1e-6, up, dummy)).value - down.node(build(0.8 - 1e-6, down, dummy)).value) / 2e-6;
    BOOST_TEST(std::abs(g.node(w).grad - numeric) < 1e-9);
}

BOOST_AUTO_TEST_SUITE_END()
