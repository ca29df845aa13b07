// Lesson 07 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 07 exercises
#include <boost/test/unit_test.hpp>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson07;

BOOST_AUTO_TEST_SUITE(ex07_1_hand_update)

BOOST_AUTO_TEST_CASE(the_decks_new_weights) {
    const HandNet n = hand_update(slide::initial, slide::i1, slide::i2, slide::actual, slide::a);
    // Exact values: w1 = .11 + .05·.809·2·.14 = .121326, w2 = .226989, w3 = .132135,
    // w4 = .0982025, w5 = .14 + .05·.809·.85 = .1743825, w6 = .169416
    BOOST_TEST(std::abs(n.w1 - 0.121326) < 1e-12);
    BOOST_TEST(std::abs(n.w2 - 0.226989) < 1e-12);
    BOOST_TEST(std::abs(n.w3 - 0.132135) < 1e-12);
    BOOST_TEST(std::abs(n.w4 - 0.0982025) < 1e-12);
    BOOST_TEST(std::abs(n.w5 - 0.1743825) < 1e-12);
    BOOST_TEST(std::abs(n.w6 - 0.169416) < 1e-12);
    // ... which the deck shows at two decimals
    BOOST_TEST(nn::matches(n.w1, slide::new_w1));
    BOOST_TEST(nn::matches(n.w4, slide::new_w4));
    BOOST_TEST(nn::matches(n.w5, slide::new_w5));
}

BOOST_AUTO_TEST_CASE(the_update_is_minus_a_times_the_gradient) {
    // On another point: compare with central differences of ½ (prediction − actual)².
    const HandNet n0{0.3, -0.2, 0.5, 0.1, -0.4, 0.7};
    const double i1 = -1.5, i2 = 0.5, actual = 2, a = 0.1;
    auto error = [&](const HandNet& n) {
        const double p = hand_forward(n, i1, i2).prediction;
        return 0.5 * (p - actual) * (p - actual);
    };
    const HandNet n1 = hand_update(n0, i1, i2, actual, a);
    double HandNet::*fields[] = {&HandNet::w1, &HandNet::w2, &HandNet::w3, &HandNet::w4, &HandNet::w5, &HandNet::w6};
    for (int k = 0; k < 6; ++k) {
        HandNet up = n0, down = n0;
        up.*fields[k] += 1e-6;
        down.*fields[k] -= 1e-6;
        const double grad = (error(up) - error(down)) / 2e-6;
        BOOST_TEST_CONTEXT("w" << k + 1) { BOOST_TEST(std::abs(n1.*fields[k] - (n0.*fields[k] - a * grad)) < 1e-9); }
    }
}

BOOST_AUTO_TEST_CASE(one_step_lowers_the_error) {
    auto error = [](const HandNet& n) {
        const double p = hand_forward(n, slide::i1, slide::i2).prediction;
        return 0.5 * (p - 1) * (p - 1);
    };
    const HandNet n = hand_update(slide::initial, slide::i1, slide::i2, slide::actual, slide::a);
    BOOST_TEST(error(n) < error(slide::initial));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex07_2_back_propagation)

namespace {
std::vector<Layer> network(const std::vector<int>& sizes, std::uint64_t seed) {
    nn::Rng rng(seed);
    std::vector<Layer> layers;
    for (std::size_t k = 0; k + 1 < sizes.size(); ++k)
        layers.push_back({rng.normal_matrix(sizes[k + 1], sizes[k], 0, 0.7), rng.normal_matrix(sizes[k + 1], 1, 0, 0.7).col(0)});
    return layers;
}
void check_against_central_differences(const std::vector<int>& sizes, int samples) {
    std::vector<Layer> layers = network(sizes, 3);
    nn::Rng rng(4);
    const nn::Matrix X = rng.normal_matrix(sizes.front(), samples, 0, 1);
    std::vector<int> labels;
    for (int n = 0; n < samples; ++n) labels.push_back(static_cast<int>(rng.below(static_cast<std::uint64_t>(sizes.back()))));
    nn::Matrix Y = nn::Matrix::Zero(sizes.back(), samples);
    for (int n = 0; n < samples; ++n) Y(labels[static_cast<std::size_t>(n)], n) = 1;
    const auto grads = back_propagation(layers, forward(layers, X), Y);
    BOOST_TEST_REQUIRE(grads.size() == layers.size());
    for (std::size_t k = 0; k < layers.size(); ++k) {
        BOOST_TEST_CONTEXT("layer " << k + 1) {
            BOOST_TEST_REQUIRE(grads[k].dW.rows() == layers[k].W.rows());
            BOOST_TEST_REQUIRE(grads[k].dW.cols() == layers[k].W.cols());
            BOOST_TEST_REQUIRE(grads[k].db.size() == layers[k].b.size());
            auto f = [&] { return loss(forward(layers, X), Y); };
            BOOST_TEST(nn_test::rel_error(grads[k].dW, nn_test::central_gradient(f, layers[k].W)) < 1e-7);
            nn::Matrix b = layers[k].b;
            const nn::Matrix nb = nn_test::central_gradient([&] {
                layers[k].b = b.col(0);
                return f();
            }, b);
            layers[k].b = b.col(0);
            BOOST_TEST(nn_test::rel_error(grads[k].db, nb) < 1e-7);
        }
    }
}
}  // namespace

BOOST_AUTO_TEST_CASE(one_layer_softmax_regression) { check_against_central_differences({3, 4}, 5); }

BOOST_AUTO_TEST_CASE(two_layers_one_sample) { check_against_central_differences({4, 3, 2}, 1); }

BOOST_AUTO_TEST_CASE(three_layers_a_batch) { check_against_central_differences({4, 6, 5, 3}, 8); }

BOOST_AUTO_TEST_SUITE_END()
