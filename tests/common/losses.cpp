#define BOOST_TEST_MODULE nn losses
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "nn/activations.hpp"
#include "nn/losses.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

namespace {
template <class Loss>
void check_gradient(Loss loss, nn::Matrix input, const nn::Matrix& Y) {
    const nn::Matrix analytic = loss(input, Y).grad;
    const nn::Matrix numeric = nn_test::central_gradient([&] { return loss(input, Y).loss; }, input);
    BOOST_TEST(nn_test::rel_error(analytic, numeric) < 1e-7);
}
}  // namespace

BOOST_AUTO_TEST_CASE(mse_value_and_gradient) {
    nn::Matrix P(2, 2), Y(2, 2);
    P << 0.5, 1, 2, 0;
    Y << 0, 1, 1, 1;
    // (0.25 + 0 + 1 + 1) / 2 samples
    BOOST_TEST(std::abs(nn::mse(P, Y).loss - 1.125) < 1e-15);
    check_gradient(nn::mse, P, Y);
    check_gradient(nn::half_squared_error, P, Y);
}

BOOST_AUTO_TEST_CASE(binary_cross_entropy_value_and_gradient) {
    nn::Matrix P(1, 3), Y(1, 3);
    P << 0.9, 0.2, 0.6;
    Y << 1, 0, 1;
    const double expected = -(std::log(0.9) + std::log(0.8) + std::log(0.6)) / 3;
    BOOST_TEST(std::abs(nn::binary_cross_entropy(P, Y).loss - expected) < 1e-15);
    check_gradient(nn::binary_cross_entropy, P, Y);
}

BOOST_AUTO_TEST_CASE(softmax_cross_entropy_is_minus_log_p_and_its_gradient_is_p_minus_y_over_n) {
    nn::Rng rng(2);
    const nn::Matrix Z = rng.normal_matrix(5, 4, 0, 2);
    nn::Matrix Y = nn::Matrix::Zero(5, 4);
    Y(3, 0) = Y(0, 1) = Y(4, 2) = Y(3, 3) = 1;
    const nn::Matrix P = nn::softmax(Z);
    const double expected =
        -(std::log(P(3, 0)) + std::log(P(0, 1)) + std::log(P(4, 2)) + std::log(P(3, 3))) / 4;
    BOOST_TEST(std::abs(nn::softmax_cross_entropy(Z, Y).loss - expected) < 1e-14);
    nn_test::check_matrix(nn::softmax_cross_entropy(Z, Y).grad, (P - Y) / 4, 1e-15);
    check_gradient(nn::softmax_cross_entropy, Z, Y);
}

BOOST_AUTO_TEST_CASE(softmax_cross_entropy_survives_huge_logits) {
    nn::Matrix Z(3, 1), Y(3, 1);
    Z << 1000, 0, -1000;
    Y << 0, 1, 0;
    const auto r = nn::softmax_cross_entropy(Z, Y);
    BOOST_TEST(std::abs(r.loss - 1000) < 1e-9);  // −log softmax = 1000 − 0 (+ e^−1000)
    BOOST_TEST(r.grad.allFinite());
}

BOOST_AUTO_TEST_CASE(mismatched_shapes_throw) {
    BOOST_CHECK_THROW(nn::mse(nn::Matrix::Zero(2, 1), nn::Matrix::Zero(1, 2)), std::invalid_argument);
}
