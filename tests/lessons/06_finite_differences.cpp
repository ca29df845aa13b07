// Lesson 06 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 06 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>

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
nn::Matrix sig(const nn::Matrix& z) { return (1.0 / (1.0 + (-z.array()).exp())).matrix(); }
// The same forward pass written out, as the tests' reference.
nn::Matrix forward_by_hand(const nn::Matrix& inp, const Params& p) {
    const nn::Matrix a1 = sig((p.w[0] * inp).colwise() + p.b[0].col(0));
    return sig((p.w[1] * a1).colwise() + p.b[1].col(0));
}
double cost_by_hand(const nn::Matrix& X, const nn::Matrix& y, const Params& p) {
    return (forward_by_hand(X.transpose(), p).transpose() - y).squaredNorm() / static_cast<double>(y.rows());
}
const nn::Matrix X = (nn::Matrix(4, 2) << 0.5, 1.0, -1.0, 0.3, 2.0, -0.5, 0.0, 0.0).finished();
const nn::Matrix y = (nn::Matrix(4, 1) << 1, 0, 1, 0).finished();
}  // namespace

BOOST_AUTO_TEST_SUITE(ex06_1_nn_parameter_maker)

BOOST_AUTO_TEST_CASE(the_slides_shapes_for_2_3_1) {
    nn::Rng rng(1);
    const Params p = nn_parameter_maker(slide::sizes, rng);
    BOOST_TEST_REQUIRE(p.w.size() == 2u);
    BOOST_TEST_REQUIRE(p.b.size() == 2u);
    for (std::size_t l = 0; l < 2; ++l) {
        BOOST_TEST(p.w[l].rows() == slide::w_shapes[l][0]);
        BOOST_TEST(p.w[l].cols() == slide::w_shapes[l][1]);
        BOOST_TEST(p.b[l].rows() == slide::b_shapes[l][0]);
        BOOST_TEST(p.b[l].cols() == slide::b_shapes[l][1]);
    }
}

BOOST_AUTO_TEST_CASE(weights_then_biases_from_the_normal_generator) {
    nn::Rng rng(42), expected(42);
    const Params p = nn_parameter_maker({2, 3, 1}, rng);
    nn_test::check_matrix(p.w[0], expected.normal_matrix(3, 2, 0, 1), 0);
    nn_test::check_matrix(p.w[1], expected.normal_matrix(1, 3, 0, 1), 0);
    nn_test::check_matrix(p.b[0], expected.normal_matrix(3, 1, 0, 1), 0);
    nn_test::check_matrix(p.b[1], expected.normal_matrix(1, 1, 0, 1), 0);
}

BOOST_AUTO_TEST_CASE(bad_sizes_throw) {
    nn::Rng rng(1);
    BOOST_CHECK_THROW(nn_parameter_maker({2}, rng), std::invalid_argument);
    BOOST_CHECK_THROW(nn_parameter_maker({2, 0, 1}, rng), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex06_2_sigmoid)

BOOST_AUTO_TEST_CASE(element_wise_values) {
    const nn::Matrix z = (nn::Matrix(2, 2) << 0, 9.5, -2, 1).finished();
    const nn::Matrix a = sigmoid(z);
    BOOST_TEST_REQUIRE(a.rows() == 2);
    BOOST_TEST_REQUIRE(a.cols() == 2);
    BOOST_TEST(a(0, 0) == 0.5);
    BOOST_TEST(std::abs(a(0, 1) - 0.9999251537724895) < 1e-15);
    BOOST_TEST(std::abs(a(1, 0) - 0.11920292202211755) < 1e-15);
    BOOST_TEST(std::abs(a(1, 1) - 0.7310585786300049) < 1e-15);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex06_3_forward_pass)

BOOST_AUTO_TEST_CASE(one_sample_per_column_through_both_layers) {
    const Params p = fixed_params();
    const nn::Matrix out = forward_pass(X.transpose(), p.w, p.b);
    nn_test::check_matrix(out, forward_by_hand(X.transpose(), p), 1e-15);
}

BOOST_AUTO_TEST_CASE(predict_and_cost_use_it) {
    const Params p = fixed_params();
    BOOST_TEST(std::abs(cost_function(X, y, p.w, p.b) - cost_by_hand(X, y, p)) < 1e-15);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex06_4_gradient_estimator)

BOOST_AUTO_TEST_CASE(every_entry_is_the_forward_difference_with_eps_1e_4) {
    const Params p = fixed_params();
    const Grads g = gradient_estimator(X, y, p.w, p.b);
    BOOST_TEST_REQUIRE(g.w_pds.size() == 2u);
    BOOST_TEST_REQUIRE(g.b_pds.size() == 2u);
    const double base = cost_by_hand(X, y, p);
    for (std::size_t l = 0; l < 2; ++l) {
        BOOST_TEST_REQUIRE(g.w_pds[l].size() == p.w[l].size());
        BOOST_TEST_REQUIRE(g.b_pds[l].size() == p.b[l].size());
        for (nn::Index k = 0; k < p.w[l].size(); ++k) {
            Params q = p;
            q.w[l](k) += 1e-4;
            BOOST_TEST_CONTEXT("w[" << l << "](" << k << ")") {
                BOOST_TEST(std::abs(g.w_pds[l](k) - (cost_by_hand(X, y, q) - base) / 1e-4) < 1e-9);
            }
        }
        for (nn::Index k = 0; k < p.b[l].size(); ++k) {
            Params q = p;
            q.b[l](k) += 1e-4;
            BOOST_TEST_CONTEXT("b[" << l << "](" << k << ")") {
                BOOST_TEST(std::abs(g.b_pds[l](k) - (cost_by_hand(X, y, q) - base) / 1e-4) < 1e-9);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(close_to_the_true_gradient) {
    // The forward difference errs by about eps/2 times the second derivative: 1e-4 here.
    Params p = fixed_params();
    const Grads g = gradient_estimator(X, y, p.w, p.b);
    auto cost = [&] { return cost_by_hand(X, y, p); };
    BOOST_TEST(nn_test::rel_error(g.w_pds[0], nn_test::central_gradient(cost, p.w[0])) < 1e-3);
    BOOST_TEST(nn_test::rel_error(g.b_pds[1], nn_test::central_gradient(cost, p.b[1])) < 1e-3);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex06_5_one_step_gd)

BOOST_AUTO_TEST_CASE(steps_against_the_estimated_gradient) {
    const Params p = fixed_params();
    const Params q = one_step_gd(X, y, p.w, p.b, 0.5);
    const double base = cost_by_hand(X, y, p);
    for (std::size_t l = 0; l < 2; ++l)
        for (nn::Index k = 0; k < p.w[l].size(); ++k) {
            Params r = p;
            r.w[l](k) += 1e-4;
            const double estimate = (cost_by_hand(X, y, r) - base) / 1e-4;
            BOOST_TEST(std::abs(q.w[l](k) - (p.w[l](k) - 0.5 * estimate)) < 1e-9);
        }
    BOOST_TEST(std::abs(q.b[1](0) - p.b[1](0)) > 0);  // the biases move too
}

BOOST_AUTO_TEST_CASE(a_small_step_lowers_the_cost) {
    const Params p = fixed_params();
    const Params q = one_step_gd(X, y, p.w, p.b, 0.1);
    BOOST_TEST(cost_by_hand(X, y, q) < cost_by_hand(X, y, p));
}

BOOST_AUTO_TEST_SUITE_END()
