#define BOOST_TEST_MODULE nn activations
#include <boost/test/unit_test.hpp>

#include <cfenv>
#include <cmath>

#include "nn/activations.hpp"

BOOST_AUTO_TEST_CASE(sigmoid_of_9_5_is_ibm1s_value) {
    // IBM-1, "Activations": 1/(1+e^-9.5) = 0.9999251537724895
    BOOST_TEST(std::abs(nn::sigmoid(9.5) - 0.9999251537724895) < 1e-16);
    BOOST_TEST(nn::sigmoid(0) == 0.5);
}

BOOST_AUTO_TEST_CASE(sigmoid_keeps_its_digits_and_never_overflows) {
    std::feclearexcept(FE_OVERFLOW | FE_INVALID);
    BOOST_TEST(std::abs(nn::sigmoid(-40) / 4.248354255291589e-18 - 1) < 1e-14);
    BOOST_TEST(nn::sigmoid(40) == 1.0);
    BOOST_TEST(nn::sigmoid(-800) == 0.0);
    BOOST_TEST(nn::sigmoid(800) == 1.0);
    BOOST_TEST(!std::fetestexcept(FE_OVERFLOW | FE_INVALID));
}

BOOST_AUTO_TEST_CASE(sigmoid_prime_matches_central_differences) {
    for (double z : {-5.0, -1.0, -0.3, 0.0, 0.7, 2.0, 6.0}) {
        const double h = 1e-5;
        const double numeric = (nn::sigmoid(z + h) - nn::sigmoid(z - h)) / (2 * h);
        BOOST_TEST_CONTEXT("z = " << z) { BOOST_TEST(std::abs(nn::sigmoid_prime(z) - numeric) < 1e-10); }
    }
    // At z = 40, σ(1 − σ) would round to 0; σ(z)σ(−z) keeps e^-40.
    BOOST_TEST(std::abs(nn::sigmoid_prime(40) / 4.248354255291589e-18 - 1) < 1e-14);
}

BOOST_AUTO_TEST_CASE(matrices_are_element_wise) {
    nn::Matrix Z(2, 2);
    Z << 0, 9.5, -40, 2;
    const nn::Matrix A = nn::sigmoid(Z), D = nn::sigmoid_prime(Z);
    for (nn::Index k = 0; k < Z.size(); ++k) {
        BOOST_TEST(A(k) == nn::sigmoid(Z(k)));
        BOOST_TEST(D(k) == nn::sigmoid_prime(Z(k)));
    }
}

BOOST_AUTO_TEST_CASE(softmax_columns_sum_to_one_and_survive_large_inputs) {
    nn::Matrix Z(3, 2);
    Z << 1, 1000, 2, 1001, 3, 1002;
    const nn::Matrix P = nn::softmax(Z);
    // exp(1), exp(2), exp(3) normalised: 0.09003057, 0.24472847, 0.66524096
    BOOST_TEST(std::abs(P(0, 0) - 0.09003057317038046) < 1e-15);
    BOOST_TEST(std::abs(P(2, 0) - 0.6652409557748219) < 1e-15);
    for (int k = 0; k < 3; ++k) BOOST_TEST(std::abs(P(k, 1) - P(k, 0)) < 1e-15);  // shift-invariant
    BOOST_TEST(std::abs(P.col(1).sum() - 1) < 1e-15);
}

BOOST_AUTO_TEST_CASE(every_activation_derivative_matches_central_differences) {
    using nn::Activation;
    // Points away from 0, where ReLU and its kin have a kink.
    nn::Matrix Z(1, 8);
    Z << -3.1, -1.2, -0.4, -0.05, 0.07, 0.6, 1.9, 4.2;
    for (Activation a : {Activation::identity, Activation::sigmoid, Activation::tanh, Activation::relu,
                         Activation::leaky_relu, Activation::elu}) {
        const nn::Matrix d = nn::activate_prime(a, Z, nn::activate(a, Z));
        for (nn::Index k = 0; k < Z.size(); ++k) {
            nn::Matrix up = Z, down = Z;
            up(k) += 1e-6;
            down(k) -= 1e-6;
            const double numeric = (nn::activate(a, up)(k) - nn::activate(a, down)(k)) / 2e-6;
            BOOST_TEST_CONTEXT(nn::name(a) << " at z = " << Z(k)) {
                BOOST_TEST(std::abs(d(k) - numeric) <= 1e-7 * std::max(1.0, std::abs(numeric)));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(activation_values) {
    nn::Matrix Z(1, 3);
    Z << -2, 0, 3;
    BOOST_TEST((nn::activate(nn::Activation::relu, Z) == (nn::Matrix(1, 3) << 0, 0, 3).finished()));
    BOOST_TEST(std::abs(nn::activate(nn::Activation::leaky_relu, Z)(0) + 0.02) < 1e-15);
    BOOST_TEST(std::abs(nn::activate(nn::Activation::elu, Z)(0) - std::expm1(-2.0)) < 1e-15);
    BOOST_TEST(std::abs(nn::activate(nn::Activation::tanh, Z)(2) - std::tanh(3.0)) < 1e-15);
}
