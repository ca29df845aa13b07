// Lesson 04 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 04 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "exercise.hpp"
#include "slide.hpp"

using namespace lesson04;

namespace {
// ½(σ(wx + b) − y)² for one point, differentiated by central differences.
double half_square(double w, double b, double x, double y) {
    const double r = 1 / (1 + std::exp(-(w * x + b))) - y;
    return 0.5 * r * r;
}
double numeric_dw(double w, double b, double x, double y) {
    const double h = 1e-6;
    return (half_square(w + h, b, x, y) - half_square(w - h, b, x, y)) / (2 * h);
}
double numeric_db(double w, double b, double x, double y) {
    const double h = 1e-6;
    return (half_square(w, b + h, x, y) - half_square(w, b - h, x, y)) / (2 * h);
}
struct Point {
    double w, b, x, y;
};
const Point points[] = {{-2, -2, 0.5, 0.2}, {-2, -2, 2.5, 0.9}, {0.7, -0.3, 1.5, 0.1},
                        {1.79, -2.28, 2.5, 0.9}, {-1, 3, -2, 0.6}};
}  // namespace

BOOST_AUTO_TEST_SUITE(ex04_1_grad_w)

BOOST_AUTO_TEST_CASE(the_first_point_of_the_decks_first_step) {
    // x = 0.5, y = 0.2 at w = b = −2: z = −3, f = σ(−3) = 0.0474258732;
    // (f − y)·f·(1 − f)·x = (−0.1525741268)(0.0474258732)(0.9525741268)(0.5) = −0.0034463947
    BOOST_TEST(std::abs(grad_w(-2, -2, 0.5, 0.2) - (-0.0034463947)) < 1e-9);
}

BOOST_AUTO_TEST_CASE(matches_central_differences) {
    for (const auto& p : points)
        BOOST_TEST_CONTEXT("w=" << p.w << " b=" << p.b << " x=" << p.x << " y=" << p.y) {
            const double n = numeric_dw(p.w, p.b, p.x, p.y);
            BOOST_TEST(std::abs(grad_w(p.w, p.b, p.x, p.y) - n) <= 1e-7 * std::max(1e-3, std::abs(n)));
        }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex04_2_grad_b)

BOOST_AUTO_TEST_CASE(the_first_point_of_the_decks_first_step) {
    // The same product without the factor x = 0.5: −0.0068927894
    BOOST_TEST(std::abs(grad_b(-2, -2, 0.5, 0.2) - (-0.0068927894)) < 1e-9);
}

BOOST_AUTO_TEST_CASE(matches_central_differences) {
    for (const auto& p : points)
        BOOST_TEST_CONTEXT("w=" << p.w << " b=" << p.b << " x=" << p.x << " y=" << p.y) {
            const double n = numeric_db(p.w, p.b, p.x, p.y);
            BOOST_TEST(std::abs(grad_b(p.w, p.b, p.x, p.y) - n) <= 1e-7 * std::max(1e-3, std::abs(n)));
        }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex04_3_descent_step)

BOOST_AUTO_TEST_CASE(one_step_sums_both_points_gradients) {
    const Params p = descent_step({-2, -2}, slide::X, slide::Y, 1.0);
    double dw = 0, db = 0;
    for (int i = 0; i < 2; ++i) {
        dw += numeric_dw(-2, -2, slide::X[i], slide::Y[i]);
        db += numeric_db(-2, -2, slide::X[i], slide::Y[i]);
    }
    BOOST_TEST(std::abs(p.w - (-2 - dw)) < 1e-8);
    BOOST_TEST(std::abs(p.b - (-2 - db)) < 1e-8);
}

BOOST_AUTO_TEST_CASE(the_rate_scales_the_step) {
    const Params a = descent_step({0.3, 0.1}, slide::X, slide::Y, 0.5);
    const Params b = descent_step({0.3, 0.1}, slide::X, slide::Y, 2.0);
    BOOST_TEST(std::abs((b.w - 0.3) - 4 * (a.w - 0.3)) < 1e-12);
    BOOST_TEST(std::abs((b.b - 0.1) - 4 * (a.b - 0.1)) < 1e-12);
}

BOOST_AUTO_TEST_CASE(a_thousand_epochs_reach_the_exact_minimum) {
    Params p{slide::w0, slide::b0};
    for (int e = 0; e < slide::max_epochs; ++e) p = descent_step(p, slide::X, slide::Y, slide::eta);
    // σ(0.5w + b) = 0.2 and σ(2.5w + b) = 0.9 at w* = (ln 9 − ln 0.25)/2, b* = ln 0.25 − w*/2.
    const double w_star = (std::log(9.0) - std::log(0.25)) / 2, b_star = std::log(0.25) - w_star / 2;
    BOOST_TEST(std::abs(p.w - w_star) < 1e-3);
    BOOST_TEST(std::abs(p.b - b_star) < 1e-3);
}

BOOST_AUTO_TEST_CASE(points_and_targets_of_different_lengths_throw) {
    BOOST_CHECK_THROW(descent_step({0, 0}, {1, 2}, {1}, 1.0), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
