// Lesson 04 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 04 exercises
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "exercise.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson04;

namespace {
// The tests' own sigmoid and gradients, written out (never the exercise's).
double sig(double z) { return 1 / (1 + std::exp(-z)); }
// ½(σ(wx + b) − y)² for one point, differentiated by central differences.
double half_square(double w, double b, double x, double y) {
    const double r = sig(w * x + b) - y;
    return 0.5 * r * r;
}
double numeric_dw(double w, double b, double x, double y) {
    return nn_test::central_gradient([&] { return half_square(w, b, x, y); }, w);
}
double numeric_db(double w, double b, double x, double y) {
    return nn_test::central_gradient([&] { return half_square(w, b, x, y); }, b);
}
// The deck's formulas, written out: (f − y)·f·(1 − f)·x and (f − y)·f·(1 − f).
double formula_dw(double w, double b, double x, double y) {
    const double f = sig(w * x + b);
    return (f - y) * f * (1 - f) * x;
}
double formula_db(double w, double b, double x, double y) {
    const double f = sig(w * x + b);
    return (f - y) * f * (1 - f);
}
struct Point {
    double w, b, x, y;
};
// Negative, zero-free and large x, targets above and below f, so a missing factor x, a missing
// f(1 − f), a flipped sign or an extra 2 all show.
const Point points[] = {{-2, -2, 0.5, 0.2},      {-2, -2, 2.5, 0.9}, {0.7, -0.3, 1.5, 0.1},
                        {1.79, -2.28, 2.5, 0.9}, {-1, 3, -2, 0.6},   {0.4, 0.9, -3.5, 0.05},
                        {2.0, -1.0, 0.25, 1.0}};
}  // namespace

BOOST_AUTO_TEST_SUITE(ex04_1_grad_w)

BOOST_AUTO_TEST_CASE(the_first_point_of_the_decks_first_step) {
    // x = 0.5, y = 0.2 at w = b = −2: z = −3, f = σ(−3) = 0.0474258732;
    // (f − y)·f·(1 − f)·x = (−0.1525741268)(0.0474258732)(0.9525741268)(0.5) = −0.0034463947
    nn_test::check_near(grad_w(-2, -2, 0.5, 0.2), -0.0034463947, 1e-9,
                        "grad_w(w = -2, b = -2, x = 0.5, y = 0.2), the deck's first point");
}

BOOST_AUTO_TEST_CASE(matches_central_differences) {
    for (const auto& p : points)
        BOOST_TEST_CONTEXT("w=" << p.w << " b=" << p.b << " x=" << p.x << " y=" << p.y) {
            const double n = numeric_dw(p.w, p.b, p.x, p.y);
            nn_test::check_near(grad_w(p.w, p.b, p.x, p.y), n, 1e-7 * std::max(1e-3, std::abs(n)),
                                "grad_w against the central difference of ½(f(x) − y)² in w");
        }
}

BOOST_AUTO_TEST_CASE(the_formula_at_several_points) {
    for (const auto& p : points)
        BOOST_TEST_CONTEXT("w=" << p.w << " b=" << p.b << " x=" << p.x << " y=" << p.y) {
            nn_test::check_near(grad_w(p.w, p.b, p.x, p.y), formula_dw(p.w, p.b, p.x, p.y), 1e-14,
                                "grad_w = (f − y)·f·(1 − f)·x");
        }
}

BOOST_AUTO_TEST_CASE(a_saturated_neuron_has_a_zero_gradient_not_nan) {
    // z = w·x + b = ±800: f is 0 or 1 to double precision, so f(1 − f) = 0 and so is ∇w;
    // a σ′ written as e^−z/(1 + e^−z)² gives inf/inf = NaN here.
    nn_test::check_near(grad_w(1, 0, -800, 0.5), 0, 1e-300, "grad_w at z = -800 (x = -800, w = 1, b = 0)");
    nn_test::check_near(grad_w(1, 0, 800, 0.5), 0, 1e-300, "grad_w at z = 800 (x = 800, w = 1, b = 0)");
    // and a real value next to them, x = −1, w = 1, b = 0, y = 1: f = σ(−1) = 0.2689414214,
    // (f − 1)·f·(1 − f)·(−1) = 0.7310585786·0.1966119332 = 0.1437348405
    nn_test::check_near(grad_w(1, 0, -1, 1), 0.14373484046, 1e-9, "grad_w(w = 1, b = 0, x = -1, y = 1)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex04_2_grad_b)

BOOST_AUTO_TEST_CASE(the_first_point_of_the_decks_first_step) {
    // The same product without the factor x = 0.5: −0.0068927894
    nn_test::check_near(grad_b(-2, -2, 0.5, 0.2), -0.0068927894, 1e-9,
                        "grad_b(w = -2, b = -2, x = 0.5, y = 0.2), the deck's first point");
}

BOOST_AUTO_TEST_CASE(matches_central_differences) {
    for (const auto& p : points)
        BOOST_TEST_CONTEXT("w=" << p.w << " b=" << p.b << " x=" << p.x << " y=" << p.y) {
            const double n = numeric_db(p.w, p.b, p.x, p.y);
            nn_test::check_near(grad_b(p.w, p.b, p.x, p.y), n, 1e-7 * std::max(1e-3, std::abs(n)),
                                "grad_b against the central difference of ½(f(x) − y)² in b");
        }
}

BOOST_AUTO_TEST_CASE(the_formula_at_several_points) {
    for (const auto& p : points)
        BOOST_TEST_CONTEXT("w=" << p.w << " b=" << p.b << " x=" << p.x << " y=" << p.y) {
            nn_test::check_near(grad_b(p.w, p.b, p.x, p.y), formula_db(p.w, p.b, p.x, p.y), 1e-14,
                                "grad_b = (f − y)·f·(1 − f), no factor x");
        }
}

BOOST_AUTO_TEST_CASE(a_saturated_neuron_has_a_zero_gradient_not_nan) {
    nn_test::check_near(grad_b(0, -800, 3, 0.5), 0, 1e-300, "grad_b at z = -800 (w = 0, b = -800)");
    nn_test::check_near(grad_b(0, 800, 3, 0.5), 0, 1e-300, "grad_b at z = 800 (w = 0, b = 800)");
    // w = 1, b = 0, x = −1, y = 1: (f − 1)·f·(1 − f) = −0.1437348405
    nn_test::check_near(grad_b(1, 0, -1, 1), -0.14373484046, 1e-9, "grad_b(w = 1, b = 0, x = -1, y = 1)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex04_3_descent_step)

namespace {
// One epoch written out: both sums at the old (w, b), then one simultaneous step.
Params step_by_hand(Params p, const std::vector<double>& X, const std::vector<double>& Y, double eta) {
    double dw = 0, db = 0;
    for (std::size_t i = 0; i < X.size(); ++i) {
        dw += formula_dw(p.w, p.b, X[i], Y[i]);
        db += formula_db(p.w, p.b, X[i], Y[i]);
    }
    return {p.w - eta * dw, p.b - eta * db};
}
void check_params(const Params& got, const Params& expected, double tol, const std::string& what) {
    nn_test::check_near(got.w, expected.w, tol, what + ": the new w");
    nn_test::check_near(got.b, expected.b, tol, what + ": the new b");
}
const std::vector<double> X3 = {0.5, 2.5, -1.5};
const std::vector<double> Y3 = {0.2, 0.9, 0.7};
}  // namespace

BOOST_AUTO_TEST_CASE(one_step_sums_both_points_gradients) {
    const Params p = descent_step({-2, -2}, slide::X, slide::Y, 1.0);
    double dw = 0, db = 0;
    for (int i = 0; i < 2; ++i) {
        dw += numeric_dw(-2, -2, slide::X[i], slide::Y[i]);
        db += numeric_db(-2, -2, slide::X[i], slide::Y[i]);
    }
    check_params(p, {-2 - dw, -2 - db}, 1e-8, "the deck's first step from w = b = -2, eta = 1");
}

BOOST_AUTO_TEST_CASE(a_step_with_three_points_and_a_rate_of_0_3) {
    // Both gradients summed (not averaged) over the three points, taken at the same old (w, b),
    // and both scaled by the same rate 0.3.
    const Params start{0.7, -0.3};
    BOOST_TEST_CONTEXT("w = 0.7, b = -0.3, X = {0.5, 2.5, -1.5}, Y = {0.2, 0.9, 0.7}, eta = 0.3") {
        check_params(descent_step(start, X3, Y3, 0.3), step_by_hand(start, X3, Y3, 0.3), 1e-13, "one epoch");
    }
    const Params other{-1.2, 0.8};
    BOOST_TEST_CONTEXT("w = -1.2, b = 0.8, X = {0.5, 2.5, -1.5}, Y = {0.2, 0.9, 0.7}, eta = 2.5") {
        check_params(descent_step(other, X3, Y3, 2.5), step_by_hand(other, X3, Y3, 2.5), 1e-13, "one epoch");
    }
}

BOOST_AUTO_TEST_CASE(the_rate_scales_the_step) {
    const Params a = descent_step({0.3, 0.1}, slide::X, slide::Y, 0.5);
    const Params b = descent_step({0.3, 0.1}, slide::X, slide::Y, 2.0);
    const Params expected_a = step_by_hand({0.3, 0.1}, slide::X, slide::Y, 0.5);
    check_params(a, expected_a, 1e-13, "from w = 0.3, b = 0.1 with eta = 0.5");
    nn_test::check_near(b.w - 0.3, 4 * (a.w - 0.3), 1e-12,
                        "w's step with eta = 2 (4 times the step with eta = 0.5)");
    nn_test::check_near(b.b - 0.1, 4 * (a.b - 0.1), 1e-12,
                        "b's step with eta = 2 (4 times the step with eta = 0.5)");
}

BOOST_AUTO_TEST_CASE(a_single_point_and_no_point) {
    // One point: the sum is that point's gradient. x = −1, y = 1 at w = 1, b = 0:
    // ∇w = 0.1437348405, ∇b = −0.1437348405; eta = 2: w = 1 − 0.2874696809, b = 0 + 0.2874696809
    check_params(descent_step({1, 0}, {-1.0}, {1.0}, 2.0), {0.71253031909, 0.28746968091}, 1e-9,
                 "one point x = -1, y = 1 from w = 1, b = 0, eta = 2");
    // No point at all: the sum is 0 and (w, b) stay where they are (and nothing throws).
    Params none{0.25, -0.75};
    BOOST_CHECK_NO_THROW(none = descent_step({0.25, -0.75}, {}, {}, 0.3));
    check_params(none, {0.25, -0.75}, 0, "no points from w = 0.25, b = -0.75 (an empty sum moves nothing)");
}

BOOST_AUTO_TEST_CASE(a_thousand_epochs_reach_the_exact_minimum) {
    Params p{slide::w0, slide::b0};
    for (int e = 0; e < slide::max_epochs; ++e) p = descent_step(p, slide::X, slide::Y, slide::eta);
    // σ(0.5w + b) = 0.2 and σ(2.5w + b) = 0.9 at w* = (ln 9 − ln 0.25)/2, b* = ln 0.25 − w*/2.
    const double w_star = (std::log(9.0) - std::log(0.25)) / 2, b_star = std::log(0.25) - w_star / 2;
    check_params(p, {w_star, b_star}, 1e-3, "after the deck's 1000 epochs, the exact minimum");
}

BOOST_AUTO_TEST_CASE(points_and_targets_of_different_lengths_throw) {
    BOOST_CHECK_THROW(descent_step({0, 0}, {1, 2}, {1}, 1.0), std::invalid_argument);
    BOOST_CHECK_THROW(descent_step({0, 0}, {1}, {1, 0}, 1.0), std::invalid_argument);
    // and equal lengths do not throw
    const Params start{0.7, -0.3};
    check_params(descent_step(start, X3, Y3, 0.3), step_by_hand(start, X3, Y3, 0.3), 1e-13,
                 "equal lengths, from w = 0.7, b = -0.3, eta = 0.3");
}

BOOST_AUTO_TEST_SUITE_END()
