#define BOOST_TEST_MODULE nn::Rng
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "nn/rng.hpp"

BOOST_AUTO_TEST_CASE(the_engine_is_the_standards_mt19937_64) {
    // The C++ standard fixes this value: the 10000th output of a default-seeded mt19937_64.
    nn::Rng rng(5489);
    std::uint64_t x = 0;
    for (int i = 0; i < 10000; ++i) x = rng.next();
    BOOST_TEST(x == 9981545732273789042ULL);
}

BOOST_AUTO_TEST_CASE(uniform_is_the_top_53_bits_of_a_word) {
    nn::Rng rng(1);
    std::mt19937_64 engine(1);
    for (int i = 0; i < 100; ++i) {
        const double expected = double(engine() >> 11) / 9007199254740992.0;  // 2^53
        BOOST_TEST(rng.uniform() == expected);
    }
}

BOOST_AUTO_TEST_CASE(uniform_stays_in_its_interval_and_averages_its_middle) {
    nn::Rng rng(3);
    double sum = 0;
    for (int i = 0; i < 100000; ++i) {
        const double u = rng.uniform(-2, 6);
        BOOST_TEST_REQUIRE((u >= -2 && u < 6));
        sum += u;
    }
    BOOST_TEST(std::abs(sum / 100000 - 2.0) < 0.03);
}

BOOST_AUTO_TEST_CASE(normal_has_mean_0_and_variance_1) {
    nn::Rng rng(11);
    const int n = 200000;
    double sum = 0, sum2 = 0;
    for (int i = 0; i < n; ++i) {
        const double z = rng.normal();
        sum += z;
        sum2 += z * z;
    }
    BOOST_TEST(std::abs(sum / n) < 0.01);
    BOOST_TEST(std::abs(sum2 / n - 1) < 0.01);
}

BOOST_AUTO_TEST_CASE(normal_is_box_muller_on_our_uniforms) {
    // The first pair from seed 42, computed from the same formula by hand.
    nn::Rng reference(42);
    const double u1 = 1 - reference.uniform(), u2 = reference.uniform();
    const double r = std::sqrt(-2 * std::log(u1)), a = 2 * 3.141592653589793 * u2;
    nn::Rng rng(42);
    BOOST_TEST(std::abs(rng.normal() - r * std::cos(a)) < 1e-15);
    BOOST_TEST(std::abs(rng.normal() - r * std::sin(a)) < 1e-15);
}

BOOST_AUTO_TEST_CASE(the_same_seed_gives_the_same_numbers) {
    nn::Rng a(2026), b(2026), c(2027);
    const nn::Matrix A = a.normal_matrix(3, 4, 0, 1), B = b.normal_matrix(3, 4, 0, 1);
    BOOST_TEST((A == B));
    BOOST_TEST(!(A == c.normal_matrix(3, 4, 0, 1)));
}

BOOST_AUTO_TEST_CASE(below_covers_its_range_evenly) {
    nn::Rng rng(5);
    std::vector<int> counts(7, 0);
    for (int i = 0; i < 70000; ++i) {
        const auto k = rng.below(7);
        BOOST_TEST_REQUIRE(k < 7u);
        ++counts[k];
    }
    for (int c : counts) BOOST_TEST(std::abs(c - 10000) < 400);  // about 4 standard deviations
    BOOST_CHECK_THROW(rng.below(0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(shuffle_permutes_and_is_seeded) {
    std::vector<int> v(50);
    std::iota(v.begin(), v.end(), 0);
    auto w = v;
    nn::Rng a(9), b(9);
    a.shuffle(v);
    b.shuffle(w);
    BOOST_TEST(v == w);
    auto sorted = v;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> identity(50);
    std::iota(identity.begin(), identity.end(), 0);
    BOOST_TEST(sorted == identity);
    BOOST_TEST(v != identity);
}

BOOST_AUTO_TEST_CASE(matrices_are_filled_row_by_row) {
    nn::Rng a(4), b(4);
    const nn::Matrix M = a.uniform_matrix(2, 3, 0, 1);
    BOOST_TEST(M(0, 0) == b.uniform());
    BOOST_TEST(M(0, 1) == b.uniform());
    BOOST_TEST(M(0, 2) == b.uniform());
    BOOST_TEST(M(1, 0) == b.uniform());
}
