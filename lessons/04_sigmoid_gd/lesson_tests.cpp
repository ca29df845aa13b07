// Lesson 04's own code (beyond the exercises): the error and linear regression.
#define BOOST_TEST_MODULE lesson 04 lesson code
#include <boost/test/unit_test.hpp>

#include "lesson.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson04;

BOOST_AUTO_TEST_CASE(the_error_at_the_decks_start) {
    // ½(σ(−3) − 0.2)² + ½(σ(−7) − 0.9)², by hand: σ(−3) = 0.0474258732, σ(−7) = 0.000911051194
    const double expected =
        0.5 * std::pow(0.04742587317756678 - 0.2, 2) + 0.5 * std::pow(0.0009110511944006454 - 0.9, 2);
    BOOST_TEST(std::abs(sigmoid_error({-2, -2}, slide::X, slide::Y) - expected) < 1e-15);
}

BOOST_AUTO_TEST_CASE(the_cost_gradient_matches_central_differences) {
    const Regression d = make_regression_data(4, 30);
    nn::Vector theta(3);
    theta << 0.3, -1.2, 2.0;
    const nn::Matrix numeric = nn_test::central_gradient([&] { return cost(theta, d); }, theta);
    BOOST_TEST(nn_test::rel_error(cost_gradient(theta, d), numeric) < 1e-7);
}

BOOST_AUTO_TEST_CASE(least_squares_zeroes_the_gradient_and_recovers_the_line) {
    const Regression d = make_regression_data(4, 200);
    const nn::Vector theta = least_squares(d);
    BOOST_TEST(cost_gradient(theta, d).norm() < 1e-12);
    BOOST_TEST(std::abs(theta(0) - 4) < 0.1);
    BOOST_TEST(std::abs(theta(1) - 3) < 0.1);
    BOOST_TEST(std::abs(theta(2) + 2) < 0.1);
}

BOOST_AUTO_TEST_CASE(descent_below_the_bound_converges_and_above_it_diverges) {
    const Regression d = make_regression_data(4, 30);
    const double bound = largest_stable_rate(d);
    for (double factor : {0.9, 1.1}) {
        nn::Vector theta = nn::Vector::Zero(3);
        for (int i = 0; i < 3000; ++i) theta -= factor * bound * cost_gradient(theta, d);
        const double gap = (theta - least_squares(d)).norm();
        if (factor < 1)
            BOOST_TEST(gap < 1e-6);
        else
            BOOST_TEST(gap > 1e6);
    }
}
