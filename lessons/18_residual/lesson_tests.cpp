// Lesson 18's own code: the deep network's backward pass (plain and residual, with and without
// normalization) against central differences, its residual blocks against exercise 18.1's reference,
// and the normalization on its own.
#define BOOST_TEST_MODULE lesson 18 network
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "lesson.hpp"
#include "nn/losses.hpp"
#include "nn_test.hpp"

using namespace lesson18;

namespace {
DeepConfig small(bool residual, bool norm) {
    return {.inputs = 5,
            .width = 4,
            .hidden = 4,
            .classes = 3,
            .residual = residual,
            .norm = norm,
            .init = nn::Init::he_normal};
}
nn::Matrix labels(nn::Index classes, nn::Index N) {
    nn::Matrix Y = nn::Matrix::Zero(classes, N);
    for (nn::Index n = 0; n < N; ++n) Y(n % classes, n) = 1;
    return Y;
}
}  // namespace

BOOST_AUTO_TEST_CASE(every_gradient_matches_central_differences) {
    for (const bool residual : {false, true})
        for (const bool norm : {false, true}) {
            const DeepConfig c = small(residual, norm);
            nn::Rng rng(1820);
            DeepNet net(c, rng);
            for (auto& b : net.b) b = rng.normal_matrix(b.rows(), 1, 0, 0.3);  // biases of both signs
            const nn::Matrix X = rng.normal_matrix(c.inputs, 6, 0, 1), Y = labels(c.classes, 6);
            const auto grads = net.backward(nn::softmax_cross_entropy(net.forward(X), Y).grad);
            const auto L = [&] { return nn::softmax_cross_entropy(net.forward(X), Y).loss; };
            const auto params = net.params();
            BOOST_TEST_REQUIRE(grads.size() == params.size());
            for (std::size_t k = 0; k < params.size(); ++k)
                nn_test::check_gradient(grads[k], nn::central_gradient(L, *params[k]), 1e-6,
                                        describe(c) + ": parameter " + std::to_string(k));
        }
}

BOOST_AUTO_TEST_CASE(the_residual_network_is_exercise_18_1s_blocks_stacked) {
    const DeepConfig c = small(true, false);
    nn::Rng rng(1821);
    DeepNet net(c, rng);
    for (auto& b : net.b) b = rng.normal_matrix(b.rows(), 1, 0, 0.3);
    const nn::Matrix X = rng.normal_matrix(c.inputs, 7, 0, 1);
    nn::Matrix h = ((net.W[0] * X).colwise() + net.b[0].col(0)).cwiseMax(0.0);
    for (std::size_t l = 1; l + 1 < net.W.size(); l += 2)
        h = residual_forward(
            {.W1 = net.W[l], .b1 = net.b[l].col(0), .W2 = net.W[l + 1], .b2 = net.b[l + 1].col(0)}, h);
    const nn::Matrix expected = (net.W.back() * h).colwise() + net.b.back().col(0);
    nn_test::check_matrix(net.forward(X), expected, 1e-12, "the residual network's logits");
    nn_test::check_matrix(net.predict(X), expected, 1e-12, "predict");
}

BOOST_AUTO_TEST_CASE(normalization_gives_mean_0_variance_1_and_its_backward_is_right) {
    nn::Rng rng(1822);
    nn::Matrix Z = rng.normal_matrix(6, 4, 2, 3);
    nn::Vector inv;
    const nn::Matrix U = normalize_columns(Z, inv);
    for (nn::Index n = 0; n < U.cols(); ++n) {
        nn_test::check_near(U.col(n).mean(), 0, 1e-12, "a normalized column's mean");
        nn_test::check_near(U.col(n).squaredNorm() / 6, 1, 1e-5, "a normalized column's variance");
    }
    const nn::Matrix G = rng.normal_matrix(6, 4, 0, 1);
    nn::Vector unused;
    const auto L = [&] { return normalize_columns(Z, unused).cwiseProduct(G).sum(); };
    nn_test::check_gradient(normalize_columns_backward(G, U, inv), nn::central_gradient(L, Z), 1e-6,
                            "normalize_columns_backward");
}

BOOST_AUTO_TEST_CASE(plain_and_residual_start_from_the_same_weights_and_bad_sizes_are_refused) {
    nn::Rng a(7), b(7);
    const DeepNet plain(small(false, false), a), residual(small(true, true), b);
    for (std::size_t l = 0; l < plain.W.size(); ++l)
        nn_test::check_matrix(plain.W[l], residual.W[l], 0,
                              "layer " + std::to_string(l) + "'s first weights");
    nn::Rng rng(1);
    DeepConfig odd = small(true, false);
    odd.hidden = 3;
    nn_test::invalid_argument_message([&] { DeepNet net(odd, rng); },
                                      "a residual network of 3 hidden layers");
    DeepNet net(small(false, false), rng);
    nn_test::invalid_argument_message([&] { net.forward(nn::Matrix::Zero(4, 2)); },
                                      "forward with 4 inputs for 5");
}

BOOST_AUTO_TEST_CASE(relu_spread_is_each_units_standard_deviation_over_the_samples_averaged) {
    const DeepConfig c = small(false, true);
    nn::Rng rng(1823);
    DeepNet net(c, rng);
    for (auto& b : net.b) b = rng.normal_matrix(b.rows(), 1, 0, 0.3);
    const nn::Matrix X = rng.normal_matrix(c.inputs, 5, 0, 1);
    // The plain network's ReLU outputs layer by layer, and their spread unit by unit.
    nn::Matrix h = X;
    std::vector<double> expected;
    for (std::size_t l = 0; l + 1 < net.W.size(); ++l) {
        nn::Vector inv;
        h = normalize_columns((net.W[l] * h).colwise() + net.b[l].col(0), inv).cwiseMax(0.0);
        double sum = 0;
        for (nn::Index i = 0; i < h.rows(); ++i)
            sum += std::sqrt((h.row(i).array() - h.row(i).mean()).square().mean());
        expected.push_back(sum / double(h.rows()));
    }
    const std::vector<double> spread = net.relu_spread(X);
    BOOST_TEST_REQUIRE(spread.size() == expected.size());
    for (std::size_t l = 0; l < spread.size(); ++l)
        nn_test::check_near(spread[l], expected[l], 1e-12, "layer " + std::to_string(l) + "'s spread");
    for (const double v : net.relu_spread(X.col(0).replicate(1, 4)))
        nn_test::check_near(v, 0, 1e-12, "the spread of one sample repeated");
    DeepNet residual(small(true, false), rng);  // the input layer and each block's first layer
    BOOST_TEST(residual.relu_spread(X).size() == 3u);
}
