// Lesson 09 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 09 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson09;

namespace {
nn::Matrix inputs() { return (nn::Matrix(2, 4) << 0, 1, 0, 1, 0, 1, 1, 0).finished(); }  // deck's order
nn::Matrix targets() { return (nn::Matrix(1, 4) << 0, 0, 1, 1).finished(); }
double sig(double z) { return 1 / (1 + std::exp(-z)); }
XorNet small_net() {
    nn::Rng rng(3);
    return {rng.uniform_matrix(3, 2, -1, 1), rng.uniform_matrix(3, 1, -1, 1).col(0), rng.uniform_matrix(1, 3, -1, 1),
            rng.uniform_matrix(1, 1, -1, 1).col(0)};
}
double loss_of(const XorNet& n) {
    const nn::Matrix X = inputs(), Y = targets();
    double l = 0;
    for (int k = 0; k < 4; ++k) {
        const nn::Vector h = ((n.W1 * X.col(k) + n.b1).array().unaryExpr([](double z) { return sig(z); })).matrix();
        const double o = sig((n.W2 * h)(0) + n.b2(0));
        l += 0.5 * (o - Y(0, k)) * (o - Y(0, k));
    }
    return l;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex09_1_xor_forward)

BOOST_AUTO_TEST_CASE(the_decks_network_computes_xor) {
    const XorForward f = xor_forward(slide::network(), inputs());
    BOOST_TEST_REQUIRE(f.out.cols() == 4);
    BOOST_TEST_REQUIRE(f.H.rows() == 2);
    for (int n = 0; n < 4; ++n)
        BOOST_TEST_CONTEXT("row " << n) {
            BOOST_TEST(std::abs(f.H(0, n) - slide::h1[static_cast<std::size_t>(n)]) < 0.005);
            BOOST_TEST(std::abs(f.H(1, n) - slide::h2[static_cast<std::size_t>(n)]) < 0.005);
            BOOST_TEST(std::abs(f.out(0, n) - slide::out[static_cast<std::size_t>(n)]) < 0.005);
        }
}

BOOST_AUTO_TEST_CASE(exact_values_of_the_first_row) {
    const XorForward f = xor_forward(slide::network(), inputs());
    BOOST_TEST(std::abs(f.H(0, 0) - sig(-10)) < 1e-15);  // σ(20·0 + 20·0 − 10)
    BOOST_TEST(std::abs(f.H(1, 0) - sig(30)) < 1e-15);
    BOOST_TEST(std::abs(f.out(0, 0) - sig(20 * sig(-10) + 20 * sig(30) - 30)) < 1e-15);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex09_2_train_step)

BOOST_AUTO_TEST_CASE(returns_the_loss_before_the_step) {
    XorNet n = small_net();
    const double before = loss_of(n);
    BOOST_TEST(std::abs(train_step(n, inputs(), targets(), 0.5) - before) < 1e-12);
}

BOOST_AUTO_TEST_CASE(the_step_is_minus_lr_times_the_gradient) {
    const XorNet n0 = small_net();
    XorNet n1 = n0;
    train_step(n1, inputs(), targets(), 0.1);
    XorNet p = n0;
    const nn::Matrix gW1 = nn_test::central_gradient([&] { return loss_of(p); }, p.W1);
    const nn::Matrix gW2 = nn_test::central_gradient([&] { return loss_of(p); }, p.W2);
    nn::Matrix b1 = p.b1, b2 = p.b2;
    const nn::Matrix gb1 = nn_test::central_gradient([&] { p.b1 = b1.col(0); return loss_of(p); }, b1);
    p.b1 = n0.b1;
    const nn::Matrix gb2 = nn_test::central_gradient([&] { p.b2 = b2.col(0); return loss_of(p); }, b2);
    BOOST_TEST(nn_test::rel_error((n0.W1 - n1.W1) / 0.1, gW1) < 1e-7);
    BOOST_TEST(nn_test::rel_error((n0.W2 - n1.W2) / 0.1, gW2) < 1e-7);
    BOOST_TEST(nn_test::rel_error(nn::Matrix((n0.b1 - n1.b1) / 0.1), gb1) < 1e-7);
    BOOST_TEST(nn_test::rel_error(nn::Matrix((n0.b2 - n1.b2) / 0.1), gb2) < 1e-7);
}

BOOST_AUTO_TEST_CASE(many_steps_learn_xor) {
    XorNet n = small_net();
    for (int e = 0; e < 5000; ++e) train_step(n, inputs(), targets(), 2.0);
    BOOST_TEST(loss_of(n) < 0.01);
}

BOOST_AUTO_TEST_SUITE_END()
