// Lesson 03 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 03 exercises
#include <boost/test/unit_test.hpp>

#include <cfenv>
#include <cmath>

#include "exercise.hpp"
#include "slide.hpp"

using namespace lesson03;

namespace {
constexpr double e_minus_40 = 4.248354255291589e-18;  // σ(−40) = e^−40/(1 + e^−40), to 16 digits
}

BOOST_AUTO_TEST_SUITE(ex03_1_sigmoid)

BOOST_AUTO_TEST_CASE(sigma_of_9_5_is_ibm1s_value_to_16_digits) {
    BOOST_TEST(nn::matches(sigmoid(slide::z), slide::sigma_of_9_5));
}

BOOST_AUTO_TEST_CASE(known_values) {
    BOOST_TEST(sigmoid(0) == 0.5);
    BOOST_TEST(std::abs(sigmoid(1) - 0.7310585786300049) < 1e-15);
    BOOST_TEST(std::abs(sigmoid(-2) - 0.11920292202211755) < 1e-15);
    BOOST_TEST(std::abs(sigmoid(3) + sigmoid(-3) - 1) < 1e-15);  // σ(−z) = 1 − σ(z)
}

BOOST_AUTO_TEST_CASE(large_negative_z_keeps_its_digits) {
    BOOST_TEST(std::abs(sigmoid(-40) / e_minus_40 - 1) < 1e-13);
}

BOOST_AUTO_TEST_CASE(plus_and_minus_800_give_exactly_1_and_0_without_overflow) {
    std::feclearexcept(FE_OVERFLOW | FE_INVALID);
    const double hi = sigmoid(800), lo = sigmoid(-800);
    BOOST_TEST(hi == 1.0);
    BOOST_TEST(lo == 0.0);
    BOOST_TEST(!std::fetestexcept(FE_INVALID), "a NaN was made on the way");
    BOOST_TEST(!std::fetestexcept(FE_OVERFLOW), "e^800 overflowed on the way");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex03_2_sigmoid_prime)

BOOST_AUTO_TEST_CASE(matches_central_differences) {
    for (double z : {-6.0, -2.0, -0.5, 0.0, 0.3, 1.5, 5.0}) {
        const double h = 1e-5;
        const double s_up = 1 / (1 + std::exp(-(z + h))), s_down = 1 / (1 + std::exp(-(z - h)));
        const double numeric = (s_up - s_down) / (2 * h);
        BOOST_TEST_CONTEXT("z = " << z) {
            BOOST_TEST(std::abs(sigmoid_prime(z) - numeric) <= 1e-9 * std::abs(numeric));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_slope_at_0_is_a_quarter) { BOOST_TEST(sigmoid_prime(0) == 0.25); }

BOOST_AUTO_TEST_CASE(large_z_keeps_its_digits) {
    BOOST_TEST(std::abs(sigmoid_prime(40) / e_minus_40 - 1) < 1e-13);
    BOOST_TEST(std::abs(sigmoid_prime(-40) / e_minus_40 - 1) < 1e-13);
    BOOST_TEST(sigmoid_prime(800) == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
