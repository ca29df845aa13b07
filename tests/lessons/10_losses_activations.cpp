// Lesson 10 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 10 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson10;

namespace {
nn::Matrix column(const std::array<double, 5>& v) {
    nn::Matrix m(5, 1);
    for (int k = 0; k < 5; ++k) m(k, 0) = v[static_cast<std::size_t>(k)];
    return m;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex10_1_stable_softmax)

BOOST_AUTO_TEST_CASE(known_values_and_columns_summing_to_one) {
    const nn::Matrix P = stable_softmax((nn::Matrix(3, 2) << 1, 0, 2, 0, 3, 0).finished());
    BOOST_TEST_REQUIRE(P.rows() == 3);
    BOOST_TEST_REQUIRE(P.cols() == 2);
    BOOST_TEST(std::abs(P(0, 0) - 0.09003057317038046) < 1e-15);
    BOOST_TEST(std::abs(P(2, 0) - 0.6652409557748219) < 1e-15);
    BOOST_TEST(std::abs(P(1, 1) - 1.0 / 3) < 1e-15);  // equal logits, equal shares
}

BOOST_AUTO_TEST_CASE(a_logit_of_1000_gives_no_nan) {
    const nn::Matrix P = stable_softmax((nn::Matrix(3, 1) << 1000, 1001, 1002).finished());
    BOOST_TEST(P.allFinite());
    BOOST_TEST(std::abs(P(2, 0) - 0.6652409557748219) < 1e-15);  // the same as softmax(0, 1, 2)
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex10_2_cross_entropy)

BOOST_AUTO_TEST_CASE(matrix_views_example_is_minus_ln_0_6) {
    const double ce = cross_entropy(column(slide::softmax_output), column(slide::targets));
    BOOST_TEST(std::abs(ce - 0.5108256237659907) < 1e-15);  // −ln 0.6, not the deck's log10 0.22
}

BOOST_AUTO_TEST_CASE(averaged_over_the_columns) {
    nn::Matrix P(2, 2), Y(2, 2);
    P << 0.8, 0.3, 0.2, 0.7;
    Y << 1, 0, 0, 1;
    BOOST_TEST(std::abs(cross_entropy(P, Y) - (-(std::log(0.8) + std::log(0.7)) / 2)) < 1e-15);
}

BOOST_AUTO_TEST_CASE(a_zero_probability_where_the_target_is_zero_is_fine) {
    nn::Matrix P(2, 1), Y(2, 1);
    P << 1, 0;
    Y << 1, 0;
    BOOST_TEST(cross_entropy(P, Y) == 0.0);
    BOOST_CHECK_THROW(cross_entropy(P, nn::Matrix::Zero(3, 1)), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex10_3_softmax_cross_entropy_grad)

BOOST_AUTO_TEST_CASE(matches_central_differences_of_the_mean_loss) {
    nn::Rng rng(4);
    nn::Matrix Z = rng.normal_matrix(4, 3, 0, 1);
    nn::Matrix Y = nn::Matrix::Zero(4, 3);
    Y(1, 0) = Y(3, 1) = Y(0, 2) = 1;
    auto loss = [&] {  // written out here, independent of the exercises
        double l = 0;
        for (int j = 0; j < 3; ++j) {
            const nn::Vector e = Z.col(j).array().exp().matrix();
            l -= std::log((Y.col(j).array() * e.array()).sum() / e.sum());
        }
        return l / 3;
    };
    const nn::Matrix analytic = softmax_cross_entropy_grad(Z, Y);
    BOOST_TEST(nn_test::rel_error(analytic, nn_test::central_gradient(loss, Z)) < 1e-7);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex10_4_activation_prime)

BOOST_AUTO_TEST_CASE(every_activation_matches_central_differences) {
    using nn::Activation;
    for (Activation a : {Activation::identity, Activation::sigmoid, Activation::tanh, Activation::relu,
                         Activation::leaky_relu, Activation::elu})
        for (double z : {-2.5, -0.7, -0.01, 0.02, 0.9, 3.0}) {
            nn::Matrix up(1, 1), down(1, 1);
            up << z + 1e-6;
            down << z - 1e-6;
            const double numeric = (nn::activate(a, up)(0) - nn::activate(a, down)(0)) / 2e-6;
            BOOST_TEST_CONTEXT(nn::name(a) << " at " << z) { BOOST_TEST(std::abs(activation_prime(a, z) - numeric) < 1e-8); }
        }
}

BOOST_AUTO_TEST_CASE(values_at_the_kink_and_far_out) {
    BOOST_TEST(activation_prime(nn::Activation::relu, 0) == 0);
    BOOST_TEST(activation_prime(nn::Activation::leaky_relu, -5) == nn::leaky_relu_alpha);
    BOOST_TEST(activation_prime(nn::Activation::sigmoid, 0) == 0.25);
    BOOST_TEST(activation_prime(nn::Activation::tanh, 0) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
