// Lesson 13 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 13 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "exercise.hpp"
#include "nn_test.hpp"

using namespace lesson13;

namespace {
nn::Matrix m22(double a, double b, double c, double d) { return (nn::Matrix(2, 2) << a, b, c, d).finished(); }
}  // namespace

BOOST_AUTO_TEST_SUITE(ex13_1_momentum_update)

BOOST_AUTO_TEST_CASE(two_steps_by_hand) {
    nn::Matrix W = m22(1, 2, 3, 4), v = nn::Matrix::Zero(2, 2);
    const nn::Matrix g = m22(1, -1, 0.5, 0);
    momentum_update(W, v, g, 0.1, 0.9);  // v = g; W − 0.1·g
    nn_test::check_matrix(v, g, 1e-15);
    nn_test::check_matrix(W, m22(0.9, 2.1, 2.95, 4), 1e-15);
    momentum_update(W, v, g, 0.1, 0.9);  // v = 1.9·g; W − 0.19·g
    nn_test::check_matrix(W, m22(0.71, 2.29, 2.855, 4), 1e-14);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex13_2_adam_update)

BOOST_AUTO_TEST_CASE(the_first_step_is_lr_times_the_sign) {
    nn::Matrix W = m22(1, 1, 1, 1), m = nn::Matrix::Zero(2, 2), v = nn::Matrix::Zero(2, 2);
    adam_update(W, m, v, m22(300, -0.002, 5, 1), 1, 0.01, 0.9, 0.999, 1e-8);
    // m̂ = g and v̂ = g², so the step is lr·g/|g| whatever the gradient's scale
    nn_test::check_matrix(W, m22(0.99, 1.01, 0.99, 0.99), 1e-7);
}

BOOST_AUTO_TEST_CASE(the_second_step_by_hand) {
    nn::Matrix W = nn::Matrix::Constant(1, 1, 1), m = nn::Matrix::Zero(1, 1), v = nn::Matrix::Zero(1, 1);
    adam_update(W, m, v, nn::Matrix::Constant(1, 1, 2), 1, 0.1, 0.9, 0.999, 1e-8);
    adam_update(W, m, v, nn::Matrix::Constant(1, 1, -1), 2, 0.1, 0.9, 0.999, 1e-8);
    const double m2 = 0.9 * 0.2 - 0.1, v2 = 0.999 * 0.004 + 0.001;  // m and v after two steps
    const double w1 = 1 - 0.1 * 2 / (2 + 1e-8);  // the first step: m̂ = 2, v̂ = 4
    const double expected = w1 - 0.1 * (m2 / 0.19) / (std::sqrt(v2 / (1 - 0.999 * 0.999)) + 1e-8);
    BOOST_TEST(std::abs(W(0, 0) - expected) < 1e-12);
    BOOST_TEST(std::abs(m(0, 0) - m2) < 1e-15);
    BOOST_TEST(std::abs(v(0, 0) - v2) < 1e-15);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex13_3_dropout)

BOOST_AUTO_TEST_CASE(training_drops_with_probability_p_and_scales_the_rest) {
    nn::Rng rng(4), same(4);
    const nn::Matrix A = nn::Matrix::Constant(50, 40, 2.0);
    nn::Matrix mask;
    const nn::Matrix out = dropout_forward(A, 0.25, true, rng, mask);
    BOOST_TEST_REQUIRE(mask.rows() == 50);
    BOOST_TEST_REQUIRE(mask.cols() == 40);
    int dropped = 0;
    for (nn::Index k = 0; k < A.size(); ++k) {
        const bool drop = same.uniform() < 0.25;  // one draw per entry, column by column
        BOOST_TEST_CONTEXT("entry " << k) {
            BOOST_TEST(mask(k) == (drop ? 0.0 : 1.0 / 0.75));
            BOOST_TEST(out(k) == (drop ? 0.0 : 2.0 / 0.75));
        }
        dropped += drop;
    }
    BOOST_TEST(std::abs(out.mean() - 2.0) < 0.1);  // inverted: the mean is kept
    BOOST_TEST(dropped > 400);
}

BOOST_AUTO_TEST_CASE(evaluation_keeps_everything) {
    nn::Rng rng(4);
    const nn::Matrix A = m22(1, 2, 3, 4);
    nn::Matrix mask;
    nn_test::check_matrix(dropout_forward(A, 0.5, false, rng, mask), A, 0);
    nn_test::check_matrix(mask, nn::Matrix::Ones(2, 2), 0);
    BOOST_CHECK_THROW(dropout_forward(A, 1.0, true, rng, mask), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(backward_uses_the_same_mask) {
    const nn::Matrix mask = m22(0, 2, 2, 0);
    nn_test::check_matrix(dropout_backward(m22(1, 1, 3, 3), mask), m22(0, 2, 6, 0), 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex13_4_batchnorm_forward)

BOOST_AUTO_TEST_CASE(training_normalizes_each_unit_over_the_batch) {
    const nn::Matrix Z = (nn::Matrix(2, 4) << 1, 2, 3, 4, 10, 10, 10, 10).finished();
    const nn::Vector gamma = (nn::Vector(2) << 2, 1).finished(), beta = (nn::Vector(2) << 0.5, -1).finished();
    nn::Vector rm = nn::Vector::Zero(2), rv = nn::Vector::Ones(2);
    const nn::Matrix Y = batchnorm_forward(Z, gamma, beta, 1e-5, true, rm, rv, 0.9);
    // row 0: mean 2.5, variance 1.25 -> (z − 2.5)/√1.25000001, times 2, plus 0.5
    for (int j = 0; j < 4; ++j) BOOST_TEST(std::abs(Y(0, j) - (2 * (j + 1 - 2.5) / std::sqrt(1.25 + 1e-5) + 0.5)) < 1e-12);
    for (int j = 0; j < 4; ++j) BOOST_TEST(std::abs(Y(1, j) + 1) < 1e-12);  // a constant row is just β
    BOOST_TEST(std::abs(rm(0) - 0.25) < 1e-15);          // 0.9·0 + 0.1·2.5
    BOOST_TEST(std::abs(rv(0) - (0.9 + 0.125)) < 1e-15);  // 0.9·1 + 0.1·1.25
}

BOOST_AUTO_TEST_CASE(evaluation_uses_the_running_statistics_and_keeps_them) {
    const nn::Matrix Z = (nn::Matrix(1, 2) << 3, 5).finished();
    nn::Vector rm = nn::Vector::Constant(1, 1.0), rv = nn::Vector::Constant(1, 4.0);
    const nn::Matrix Y = batchnorm_forward(Z, nn::Vector::Ones(1), nn::Vector::Zero(1), 0, false, rm, rv, 0.9);
    BOOST_TEST(std::abs(Y(0, 0) - 1.0) < 1e-15);  // (3 − 1)/2
    BOOST_TEST(std::abs(Y(0, 1) - 2.0) < 1e-15);  // (5 − 1)/2
    BOOST_TEST(rm(0) == 1.0);
    BOOST_TEST(rv(0) == 4.0);
}

BOOST_AUTO_TEST_SUITE_END()
