// Lesson 03 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 03 exercises
#include <boost/test/unit_test.hpp>

#include <cfenv>
#include <cmath>
#include <string>

#include "exercise.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson03;

namespace {

// Values to 20 digits, worked with 40-digit arithmetic (mpmath): σ(z) = 1/(1 + e^−z) and
// σ′(z) = σ(z)·σ(−z).
struct Known {
    double z, sigma, sigma_prime;
};
constexpr Known known[] = {
    {1.0, 0.73105857863000487925, 0.19661193324148185254},
    {-1.0, 0.26894142136999512075, 0.19661193324148185254},
    {-2.0, 0.11920292202211755594, 0.10499358540350651735},
    {0.5, 0.62245933120185456464, 0.23500371220159448907},
    {2.5, 0.92414181997875644881, 0.070103716545108156932},
    {5.0, 0.99330714907571514444, 0.006648056670790154914},
    {-5.0, 0.0066928509242848555594, 0.006648056670790154914},
    {10.0, 0.99995460213129756561, 0.000045395807735951671032},
    {-10.0, 0.000045397868702434394505, 0.000045395807735951671032},
    {20.0, 0.99999999793884638181, 2.0611536139418493437e-9},
    {-20.0, 2.0611536181902035814e-9, 2.0611536139418493437e-9},
    {30.0, 0.99999999999990642377, 9.3576229688384233028e-14},
    {-30.0, 9.3576229688392989538e-14, 9.3576229688384233028e-14},
    {36.0, 0.99999999999999976805, 2.3195228302435683123e-16},
    {40.0, 0.99999999999999999575, 4.2483542552915889592e-18},
    {-40.0, 4.2483542552915889773e-18, 4.2483542552915889592e-18},
    {-50.0, 1.928749847963917783e-22, 1.928749847963917783e-22},
    {50.0, 1.0, 1.928749847963917783e-22},
    {-100.0, 3.720075976020835963e-44, 3.720075976020835963e-44},
    {100.0, 1.0, 3.720075976020835963e-44},
    {-300.0, 5.1482002224120137812e-131, 5.1482002224120137812e-131},
    {300.0, 1.0, 5.1482002224120137812e-131},
    {-700.0, 9.8596765437597708567e-305, 9.8596765437597708567e-305},
    {700.0, 1.0, 9.8596765437597708567e-305},
};

// Relative precision asked for: a few units in the last place of a double.
constexpr double rel = 1e-13;

void check_relative(double actual, double expected, const std::string& what) {
    nn_test::check_near(actual, expected, rel * std::abs(expected), what + " (to 13 digits)");
}

std::string at(const char* f, double z) {
    std::ostringstream o;
    o << f << "(" << z << ")";
    return o.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex03_1_sigmoid)

BOOST_AUTO_TEST_CASE(sigma_of_9_5_is_ibm1s_value_to_16_digits) {
    const double s = sigmoid(slide::z);
    BOOST_TEST(
        nn::matches(s, slide::sigma_of_9_5),
        "sigmoid(9.5) must be IBM-1's 0.9999251537724895 to 16 digits, got " << std::setprecision(17) << s);
}

BOOST_AUTO_TEST_CASE(known_values) {
    nn_test::check_equal(sigmoid(0), 0.5, "sigmoid(0)");
    for (const Known& k : known)
        if (std::abs(k.z) <= 10) check_relative(sigmoid(k.z), k.sigma, at("sigmoid", k.z));
    for (double z : {0.1, 1.0, 3.0, 7.5, 15.0})
        nn_test::check_near(sigmoid(z) + sigmoid(-z), 1.0, 1e-15,
                            "sigmoid(z) + sigmoid(-z) = 1 at z = " + std::to_string(z));
}

BOOST_AUTO_TEST_CASE(large_negative_z_keeps_its_digits) {
    // σ(z) ≈ e^z for z ≪ 0: tiny, but a double holds it to full precision down to about −708.
    for (const Known& k : known)
        if (std::abs(k.z) > 10) check_relative(sigmoid(k.z), k.sigma, at("sigmoid", k.z));
    // Below −708 σ(z) is a subnormal number: e^−720 ≈ 2.0322308024e−313, still not 0.
    nn_test::check_near(sigmoid(-720), 2.0322308024242931529e-313, 2e-323, "sigmoid(-720)");
    nn_test::check_near(sigmoid(40), 1.0, 1e-16, "sigmoid(40) (1 - 4e-18 rounds to 1)");
}

BOOST_AUTO_TEST_CASE(plus_and_minus_800_give_exactly_1_and_0_without_overflow) {
    for (double z : {800.0, 1000.0, 1e300, -800.0, -1000.0, -1e300}) {
        std::feclearexcept(FE_OVERFLOW | FE_INVALID);
        const double s = sigmoid(z);
        const bool overflow = std::fetestexcept(FE_OVERFLOW) != 0;
        const bool invalid = std::fetestexcept(FE_INVALID) != 0;
        BOOST_TEST_CONTEXT("z = " << z) {
            BOOST_TEST(!std::isnan(s), "sigmoid(" << z << ") is NaN: inf/inf or 0·inf on the way");
            nn_test::check_equal(s, z > 0 ? 1.0 : 0.0, at("sigmoid", z) + " (exactly)");
            BOOST_TEST(!invalid, "a NaN was made on the way to sigmoid(" << z << ")");
            BOOST_TEST(!overflow, "e^" << std::abs(z) << " overflowed to inf on the way to sigmoid(" << z
                                       << "): use the formula that only takes e^-|z|");
        }
    }
}

BOOST_AUTO_TEST_CASE(sigma_is_between_0_and_1_and_increasing) {
    double last = -1;
    for (double z = -60; z <= 60; z += 0.75) {
        const double s = sigmoid(z);
        BOOST_TEST((s >= 0 && s <= 1), at("sigmoid", z) << " must be in [0, 1], got " << s);
        BOOST_TEST(s >= last,
                   "sigmoid must not decrease: " << at("sigmoid", z) << " = " << s << " after " << last);
        last = s;
    }
    BOOST_TEST(last == 1.0, "sigmoid(60) must be 1 to double precision, got " << last);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex03_2_sigmoid_prime)

BOOST_AUTO_TEST_CASE(matches_central_differences) {
    for (double z : {-6.0, -2.0, -0.5, 0.0, 0.3, 1.5, 5.0}) {
        double x = z;  // σ written out here, not the learner's sigmoid
        const double numeric = nn_test::central_gradient([&] { return 1 / (1 + std::exp(-x)); }, x, 1e-5);
        nn_test::check_near(sigmoid_prime(z), numeric, 1e-9 * std::abs(numeric),
                            at("sigmoid_prime", z) + " against the central difference of sigma");
    }
}

BOOST_AUTO_TEST_CASE(the_slope_at_0_is_a_quarter) {
    nn_test::check_equal(sigmoid_prime(0), 0.25, "sigmoid_prime(0) = 0.5 * 0.5");
    check_relative(sigmoid_prime(1), 0.19661193324148185254, "sigmoid_prime(1)");
}

BOOST_AUTO_TEST_CASE(known_values) {
    for (const Known& k : known)
        if (std::abs(k.z) <= 10) check_relative(sigmoid_prime(k.z), k.sigma_prime, at("sigmoid_prime", k.z));
}

BOOST_AUTO_TEST_CASE(large_z_keeps_its_digits) {
    // σ′(z) ≈ e^−|z| on both sides: 1 − σ(z) for large z must not be computed as a difference of
    // two numbers near 1, and e^|z| must not overflow for large negative z.
    for (const Known& k : known)
        if (std::abs(k.z) > 10) check_relative(sigmoid_prime(k.z), k.sigma_prime, at("sigmoid_prime", k.z));
    // Past ±709, e^|z| overflows: σ′(±720) ≈ 2.03e−313 is subnormal; 0 is accepted there, NaN is not.
    for (double z : {-720.0, 720.0}) {
        const double d = sigmoid_prime(z);
        BOOST_TEST((d >= 0 && d <= 2.1e-313), at("sigmoid_prime", z)
                                                  << " must be e^-720 = 2.03e-313 (or 0), got " << d);
    }
}

BOOST_AUTO_TEST_CASE(plus_and_minus_800_give_0_not_nan) {
    for (double z : {800.0, -800.0, 1000.0, -1000.0, 1e300, -1e300}) {
        const double d = sigmoid_prime(z);
        BOOST_TEST(!std::isnan(d), at("sigmoid_prime", z) << " is NaN: inf/inf or 0·inf on the way");
        nn_test::check_equal(d, 0.0, at("sigmoid_prime", z) + " (e^-|z| is below the smallest double)");
    }
    // ...while just inside the range of doubles it is not yet 0.
    check_relative(sigmoid_prime(-700), 9.8596765437597708567e-305, "sigmoid_prime(-700)");
}

BOOST_AUTO_TEST_SUITE_END()
