// Lesson 06 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 06 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson06;

namespace {
// A fixed 2-3-1 network and four samples, so the tests do not depend on exercise 06.1.
Params fixed_params() {
    Params p;
    p.w = {(nn::Matrix(3, 2) << 0.3, -0.6, 1.2, 0.4, -0.9, 0.8).finished(),
           (nn::Matrix(1, 3) << 1.5, -0.7, 0.2).finished()};
    p.b = {(nn::Matrix(3, 1) << 0.1, -0.2, 0.05).finished(), (nn::Matrix(1, 1) << -0.3).finished()};
    return p;
}
// A deeper 2-4-3-1 network: three layers, so a pass written for two layers shows.
Params deep_params() {
    Params p;
    p.w = {(nn::Matrix(4, 2) << 0.8, -0.5, -1.1, 0.7, 0.4, 1.3, -0.6, -0.9).finished(),
           (nn::Matrix(3, 4) << 0.9, -1.2, 0.5, 0.3, -0.4, 0.8, -1.0, 1.1, 1.3, 0.2, -0.7, -0.5).finished(),
           (nn::Matrix(1, 3) << 1.4, -1.6, 0.9).finished()};
    p.b = {(nn::Matrix(4, 1) << 0.2, -0.3, 0.1, 0.4).finished(),
           (nn::Matrix(3, 1) << -0.25, 0.35, 0.15).finished(), (nn::Matrix(1, 1) << -0.2).finished()};
    return p;
}
// A single layer 3 -> 2: no hidden layer at all.
Params single_layer_params() {
    Params p;
    p.w = {(nn::Matrix(2, 3) << 0.5, -1.0, 0.25, -0.75, 0.6, 1.1).finished()};
    p.b = {(nn::Matrix(2, 1) << 0.3, -0.4).finished()};
    return p;
}
double sig1(double z) { return 1 / (1 + std::exp(-z)); }
nn::Matrix sig(const nn::Matrix& z) {
    return z.unaryExpr([](double v) { return sig1(v); });
}
// The forward pass written out, as the tests' reference: every layer in turn.
nn::Matrix forward_by_hand(const nn::Matrix& inp, const Params& p) {
    nn::Matrix a = inp;
    for (std::size_t l = 0; l < p.w.size(); ++l) {
        nn::Matrix z = p.w[l] * a;
        for (nn::Index j = 0; j < z.cols(); ++j) z.col(j) += p.b[l].col(0);
        a = sig(z);
    }
    return a;
}
double cost_by_hand(const nn::Matrix& X, const nn::Matrix& y, const Params& p) {
    return (forward_by_hand(X.transpose(), p).transpose() - y).squaredNorm() / double(y.rows());
}
// ∂cost/∂(one entry) by the contract's forward difference with the deck's eps (1e-4).
constexpr double eps = slide::eps;
const std::string eps_is = [] {
    std::ostringstream s;
    s << "eps = " << eps;
    return s.str();
}();
double forward_difference_w(const nn::Matrix& X, const nn::Matrix& y, const Params& p, std::size_t l,
                            nn::Index k) {
    Params q = p;
    q.w[l](k) += eps;
    return (cost_by_hand(X, y, q) - cost_by_hand(X, y, p)) / eps;
}
double forward_difference_b(const nn::Matrix& X, const nn::Matrix& y, const Params& p, std::size_t l,
                            nn::Index k) {
    Params q = p;
    q.b[l](k) += eps;
    return (cost_by_hand(X, y, q) - cost_by_hand(X, y, p)) / eps;
}
std::string layer(const char* what, std::size_t l) {
    return std::string(what) + "[" + std::to_string(l) + "]";
}
// Every matrix of a list, shape and entries.
void check_list(const std::vector<nn::Matrix>& got, const std::vector<nn::Matrix>& expected, double tol,
                const std::string& what) {
    BOOST_TEST_REQUIRE(got.size() == expected.size(),
                       what << ": expected " << expected.size() << " layers, got " << got.size());
    for (std::size_t l = 0; l < got.size(); ++l)
        nn_test::check_matrix(got[l], expected[l], tol, layer(what.c_str(), l));
}
const nn::Matrix X = (nn::Matrix(4, 2) << 0.5, 1.0, -1.0, 0.3, 2.0, -0.5, 0.0, 0.0).finished();
const nn::Matrix y = (nn::Matrix(4, 1) << 1, 0, 1, 0).finished();
// Five samples of three features, two targets each, for the single layer 3 -> 2.
const nn::Matrix X3 =
    (nn::Matrix(5, 3) << 0.5, -1.0, 2.0, 1.5, 0.2, -0.3, -0.7, 0.9, 0.4, 0.0, 1.2, -1.5, 2.2, -0.4, 0.1)
        .finished();
const nn::Matrix y3 = (nn::Matrix(5, 2) << 1, 0, 0, 1, 1, 1, 0, 0, 0.5, 0.2).finished();
}  // namespace

BOOST_AUTO_TEST_SUITE(ex06_1_nn_parameter_maker)

BOOST_AUTO_TEST_CASE(the_slides_shapes_for_2_3_1) {
    nn::Rng rng(1), draws(1);
    const Params p = nn_parameter_maker(slide::sizes, rng);
    BOOST_TEST_REQUIRE(p.w.size() == 2u, "sizes {2, 3, 1} give 2 weight matrices, got " << p.w.size());
    BOOST_TEST_REQUIRE(p.b.size() == 2u, "sizes {2, 3, 1} give 2 bias columns, got " << p.b.size());
    for (std::size_t l = 0; l < 2; ++l) {
        nn_test::check_equal(p.w[l].rows(), nn::Index{slide::w_shapes[l][0]}, "rows of " + layer("w", l));
        nn_test::check_equal(p.w[l].cols(), nn::Index{slide::w_shapes[l][1]}, "columns of " + layer("w", l));
        nn_test::check_equal(p.b[l].rows(), nn::Index{slide::b_shapes[l][0]}, "rows of " + layer("b", l));
        nn_test::check_equal(p.b[l].cols(), nn::Index{slide::b_shapes[l][1]}, "columns of " + layer("b", l));
    }
    // and the numbers are the generator's standard normals: w[0], w[1], then b[0], b[1]
    const nn::Matrix w0 = draws.normal_matrix(3, 2, 0, 1), w1 = draws.normal_matrix(1, 3, 0, 1);
    nn_test::check_matrix(p.w[0], w0, 0, "w[0] for sizes {2, 3, 1}, seed 1 (the first draw)");
    nn_test::check_matrix(p.w[1], w1, 0, "w[1] for sizes {2, 3, 1}, seed 1 (the second draw)");
}

BOOST_AUTO_TEST_CASE(weights_then_biases_from_the_normal_generator) {
    nn::Rng rng(42), expected(42);
    const Params p = nn_parameter_maker({2, 3, 1}, rng);
    // drawn in this order, each with normal_matrix(rows, cols, 0, 1)
    const nn::Matrix w0 = expected.normal_matrix(3, 2, 0, 1), w1 = expected.normal_matrix(1, 3, 0, 1);
    const nn::Matrix b0 = expected.normal_matrix(3, 1, 0, 1), b1 = expected.normal_matrix(1, 1, 0, 1);
    check_list(p.w, {w0, w1}, 0, "sizes {2, 3, 1}, seed 42: weights drawn first, w");
    check_list(p.b, {b0, b1}, 0, "sizes {2, 3, 1}, seed 42: biases drawn after all weights, b");
}

BOOST_AUTO_TEST_CASE(four_sizes_give_three_layers_in_the_same_order) {
    nn::Rng rng(7), expected(7);
    const Params p = nn_parameter_maker({2, 4, 3, 1}, rng);
    // w[l] is (sizes[l+1], sizes[l]), b[l] is (sizes[l+1], 1); all weights, then all biases
    const nn::Matrix w0 = expected.normal_matrix(4, 2, 0, 1), w1 = expected.normal_matrix(3, 4, 0, 1),
                     w2 = expected.normal_matrix(1, 3, 0, 1);
    const nn::Matrix b0 = expected.normal_matrix(4, 1, 0, 1), b1 = expected.normal_matrix(3, 1, 0, 1),
                     b2 = expected.normal_matrix(1, 1, 0, 1);
    check_list(p.w, {w0, w1, w2}, 0, "sizes {2, 4, 3, 1}, seed 7, w");
    check_list(p.b, {b0, b1, b2}, 0, "sizes {2, 4, 3, 1}, seed 7, b");
}

BOOST_AUTO_TEST_CASE(a_second_call_continues_the_same_generator) {
    // The function draws from the generator it is given, so a second call gets the next numbers.
    nn::Rng rng(3), expected(3);
    const Params first = nn_parameter_maker({3, 2}, rng);
    const Params second = nn_parameter_maker({3, 2}, rng);
    const nn::Matrix w_a = expected.normal_matrix(2, 3, 0, 1), b_a = expected.normal_matrix(2, 1, 0, 1);
    const nn::Matrix w_b = expected.normal_matrix(2, 3, 0, 1), b_b = expected.normal_matrix(2, 1, 0, 1);
    check_list(first.w, {w_a}, 0, "first call, sizes {3, 2}, seed 3, w");
    check_list(first.b, {b_a}, 0, "first call, sizes {3, 2}, seed 3, b");
    check_list(second.w, {w_b}, 0, "second call on the same generator, w");
    check_list(second.b, {b_b}, 0, "second call on the same generator, b");
}

BOOST_AUTO_TEST_CASE(bad_sizes_throw) {
    nn::Rng rng(1);
    BOOST_CHECK_THROW(nn_parameter_maker({2}, rng), std::invalid_argument);
    BOOST_CHECK_THROW(nn_parameter_maker({}, rng), std::invalid_argument);
    BOOST_CHECK_THROW(nn_parameter_maker({2, 0, 1}, rng), std::invalid_argument);
    BOOST_CHECK_THROW(nn_parameter_maker({0, 3}, rng), std::invalid_argument);
    BOOST_CHECK_THROW(nn_parameter_maker({2, 3, 0}, rng), std::invalid_argument);
    BOOST_CHECK_THROW(nn_parameter_maker({2, -1, 1}, rng), std::invalid_argument);
    // a size of 1 is allowed: {1, 1} is one 1x1 weight and one 1x1 bias
    nn::Rng ok(5), expected(5);
    Params p;
    BOOST_CHECK_NO_THROW(p = nn_parameter_maker({1, 1}, ok));
    const nn::Matrix w0 = expected.normal_matrix(1, 1, 0, 1), b0 = expected.normal_matrix(1, 1, 0, 1);
    check_list(p.w, {w0}, 0, "sizes {1, 1}, seed 5, w");
    check_list(p.b, {b0}, 0, "sizes {1, 1}, seed 5, b");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex06_2_sigmoid)

BOOST_AUTO_TEST_CASE(element_wise_values) {
    const nn::Matrix z = (nn::Matrix(2, 2) << 0, 9.5, -2, 1).finished();
    const nn::Matrix expected =
        (nn::Matrix(2, 2) << 0.5, 0.9999251537724895, 0.11920292202211755, 0.7310585786300049).finished();
    nn_test::check_matrix(sigmoid(z), expected, 1e-14, "σ(z) for z = " + nn_test::show(z));
}

BOOST_AUTO_TEST_CASE(a_non_square_matrix_keeps_its_shape) {
    // (2, 3), every entry different: σ entry by entry, 1/(1 + e^−z)
    const nn::Matrix z = (nn::Matrix(2, 3) << -3, 0.5, 4, 2, -0.25, -1).finished();
    nn_test::check_matrix(sigmoid(z), sig(z), 1e-14, "σ(z) for z = " + nn_test::show(z));
    const nn::Matrix col = (nn::Matrix(3, 1) << 1.5, -1.5, 0).finished();
    nn_test::check_matrix(sigmoid(col), sig(col), 1e-14, "σ(z) for the column z = " + nn_test::show(col));
}

BOOST_AUTO_TEST_CASE(extreme_inputs_give_0_and_1_not_nan) {
    // e^800 overflows to inf: σ(800) = 1 and σ(−800) = 0 (to double precision), never NaN.
    const nn::Matrix z = (nn::Matrix(1, 5) << 800, -800, 40, -40, 3).finished();
    const nn::Matrix expected =
        (nn::Matrix(1, 5) << 1, 0, 1, 4.248354255291589e-18, 0.9525741268224334).finished();
    nn_test::check_matrix(sigmoid(z), expected, 1e-14, "σ(z) for z = " + nn_test::show(z));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex06_3_forward_pass)

BOOST_AUTO_TEST_CASE(one_sample_per_column_through_both_layers) {
    const Params p = fixed_params();
    const nn::Matrix out = forward_pass(X.transpose(), p.w, p.b);
    nn_test::check_matrix(out, forward_by_hand(X.transpose(), p), 1e-13,
                          "forward_pass of the 2-3-1 network, 4 samples as columns");
}

BOOST_AUTO_TEST_CASE(a_single_layer_by_hand) {
    // w = [1 −1], b = 0.5: column (3, 1) gives σ(3 − 1 + 0.5) = σ(2.5) = 0.9241418199787566,
    // column (0, 2) gives σ(−1.5) = 0.18242552380635635, column (−1, −1) σ(0.5) = 0.6224593312018546
    const std::vector<nn::Matrix> w = {(nn::Matrix(1, 2) << 1, -1).finished()};
    const std::vector<nn::Matrix> b = {(nn::Matrix(1, 1) << 0.5).finished()};
    const nn::Matrix inp = (nn::Matrix(2, 3) << 3, 0, -1, 1, 2, -1).finished();
    nn_test::check_matrix(
        forward_pass(inp, w, b),
        (nn::Matrix(1, 3) << 0.9241418199787566, 0.18242552380635635, 0.6224593312018546).finished(), 1e-13,
        "one layer w = [1 -1], b = 0.5, inputs " + nn_test::show(inp));
    // a single layer with two outputs, the bias by row
    const Params s = single_layer_params();
    nn_test::check_matrix(forward_pass(X3.transpose(), s.w, s.b), forward_by_hand(X3.transpose(), s), 1e-13,
                          "one layer 3 -> 2, 5 samples as columns");
}

BOOST_AUTO_TEST_CASE(every_layer_of_a_2_4_3_1_network) {
    // Three layers: each one's weights, its own bias and σ, in turn.
    const Params p = deep_params();
    nn_test::check_matrix(forward_pass(X.transpose(), p.w, p.b), forward_by_hand(X.transpose(), p), 1e-13,
                          "forward_pass of the 2-4-3-1 network, 4 samples as columns");
    // one sample alone
    const nn::Matrix one = (nn::Matrix(2, 1) << -0.4, 1.7).finished();
    nn_test::check_matrix(forward_pass(one, p.w, p.b), forward_by_hand(one, p), 1e-13,
                          "forward_pass of the 2-4-3-1 network, the single sample " + nn_test::show(one));
}

BOOST_AUTO_TEST_CASE(predict_and_cost_use_it) {
    const Params p = fixed_params();
    nn_test::check_near(cost_function(X, y, p.w, p.b), cost_by_hand(X, y, p), 1e-13,
                        "cost_function (which calls forward_pass) of the 2-3-1 network");
    const Params d = deep_params();
    nn_test::check_near(cost_function(X, y, d.w, d.b), cost_by_hand(X, y, d), 1e-13,
                        "cost_function (which calls forward_pass) of the 2-4-3-1 network");
    nn_test::check_matrix(predict(X, d.w, d.b), forward_by_hand(X.transpose(), d).transpose(), 1e-13,
                          "predict of the 2-4-3-1 network, one sample per row");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex06_4_gradient_estimator)

namespace {
// Every entry of every layer against the forward difference with eps = 1e-4 (a central difference
// or another eps differs by about 1e-5 here, far above the tolerance).
void check_estimates(const Grads& g, const nn::Matrix& Xs, const nn::Matrix& ys, const Params& p,
                     const std::string& net) {
    BOOST_TEST_REQUIRE(g.w_pds.size() == p.w.size(),
                       net << ": expected " << p.w.size() << " w_pds, got " << g.w_pds.size());
    BOOST_TEST_REQUIRE(g.b_pds.size() == p.b.size(),
                       net << ": expected " << p.b.size() << " b_pds, got " << g.b_pds.size());
    std::vector<nn::Matrix> ew = p.w, eb = p.b;
    for (std::size_t l = 0; l < p.w.size(); ++l) {
        for (nn::Index k = 0; k < p.w[l].size(); ++k) ew[l](k) = forward_difference_w(Xs, ys, p, l, k);
        for (nn::Index k = 0; k < p.b[l].size(); ++k) eb[l](k) = forward_difference_b(Xs, ys, p, l, k);
    }
    check_list(g.w_pds, ew, 1e-9, net + ", (cost(w + eps) − cost(w))/eps with " + eps_is + ", w_pds");
    check_list(g.b_pds, eb, 1e-9, net + ", (cost(b + eps) − cost(b))/eps with " + eps_is + ", b_pds");
}
}  // namespace

BOOST_AUTO_TEST_CASE(every_entry_is_the_forward_difference_with_eps_1e_4) {
    const Params p = fixed_params();
    check_estimates(gradient_estimator(X, y, p.w, p.b), X, y, p, "the 2-3-1 network");
}

BOOST_AUTO_TEST_CASE(every_layer_of_a_2_4_3_1_network) {
    const Params p = deep_params();
    const Params before = p;
    const Grads g = gradient_estimator(X, y, p.w, p.b);
    check_estimates(g, X, y, p, "the 2-4-3-1 network");
    // w and b are left as they were
    check_list(p.w, before.w, 0, "w after gradient_estimator (must be unchanged)");
    check_list(p.b, before.b, 0, "b after gradient_estimator (must be unchanged)");
}

BOOST_AUTO_TEST_CASE(a_single_layer_with_two_outputs) {
    const Params p = single_layer_params();
    check_estimates(gradient_estimator(X3, y3, p.w, p.b), X3, y3, p, "the single layer 3 -> 2, 5 samples");
}

BOOST_AUTO_TEST_CASE(close_to_the_true_gradient) {
    // The forward difference errs by about eps/2 times the second derivative: 1e-4 here.
    Params p = deep_params();
    const Grads g = gradient_estimator(X, y, p.w, p.b);
    BOOST_TEST_REQUIRE(g.w_pds.size() == 3u, "3 layers of w_pds, got " << g.w_pds.size());
    BOOST_TEST_REQUIRE(g.b_pds.size() == 3u, "3 layers of b_pds, got " << g.b_pds.size());
    auto cost = [&] { return cost_by_hand(X, y, p); };
    for (std::size_t l = 0; l < 3; ++l) {
        nn_test::check_gradient(g.w_pds[l], nn_test::central_gradient(cost, p.w[l]), 1e-3,
                                "w_pds[" + std::to_string(l) + "] of the 2-4-3-1 network");
        nn_test::check_gradient(g.b_pds[l], nn_test::central_gradient(cost, p.b[l]), 1e-3,
                                "b_pds[" + std::to_string(l) + "] of the 2-4-3-1 network");
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex06_5_one_step_gd)

namespace {
// w − lr·(forward difference), b − lr·(forward difference), every entry of every layer.
void check_step(const Params& q, const nn::Matrix& Xs, const nn::Matrix& ys, const Params& p, double lr,
                const std::string& net) {
    Params e = p;
    for (std::size_t l = 0; l < p.w.size(); ++l) {
        for (nn::Index k = 0; k < p.w[l].size(); ++k) e.w[l](k) -= lr * forward_difference_w(Xs, ys, p, l, k);
        for (nn::Index k = 0; k < p.b[l].size(); ++k) e.b[l](k) -= lr * forward_difference_b(Xs, ys, p, l, k);
    }
    check_list(q.w, e.w, 1e-9 * lr, net + ", new w = w − lr·w_pds, w");
    check_list(q.b, e.b, 1e-9 * lr, net + ", new b = b − lr·b_pds, b");
}
}  // namespace

BOOST_AUTO_TEST_CASE(steps_against_the_estimated_gradient) {
    const Params p = fixed_params();
    check_step(one_step_gd(X, y, p.w, p.b, 0.5), X, y, p, 0.5, "the 2-3-1 network, lr = 0.5");
}

BOOST_AUTO_TEST_CASE(every_weight_and_bias_of_a_2_4_3_1_network) {
    const Params p = deep_params();
    check_step(one_step_gd(X, y, p.w, p.b, 0.3), X, y, p, 0.3, "the 2-4-3-1 network, lr = 0.3");
    check_step(one_step_gd(X, y, p.w, p.b, 2.0), X, y, p, 2.0, "the 2-4-3-1 network, lr = 2");
}

BOOST_AUTO_TEST_CASE(a_single_layer_with_two_outputs) {
    const Params p = single_layer_params();
    check_step(one_step_gd(X3, y3, p.w, p.b, 0.7), X3, y3, p, 0.7, "the single layer 3 -> 2, lr = 0.7");
}

BOOST_AUTO_TEST_CASE(a_small_step_lowers_the_cost) {
    const Params p = fixed_params();
    const Params q = one_step_gd(X, y, p.w, p.b, 0.1);
    const double before = cost_by_hand(X, y, p), after = cost_by_hand(X, y, q);
    BOOST_TEST(after < before - 1e-6,
               "one step with lr = 0.1 must lower the cost: before " << before << ", after " << after);
}

BOOST_AUTO_TEST_SUITE_END()
