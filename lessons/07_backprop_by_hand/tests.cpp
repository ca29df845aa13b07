// Lesson 07 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 07 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson07;

namespace {
std::string show_net(const HandNet& n) {
    std::ostringstream s;
    s << "{w1 " << n.w1 << ", w2 " << n.w2 << ", w3 " << n.w3 << ", w4 " << n.w4 << ", w5 " << n.w5 << ", w6 "
      << n.w6 << "}";
    return s.str();
}
// Every field of the new HandNet against the six update formulas written out here, from the OLD
// weights only.
void check_hand_update(const HandNet& n, double i1, double i2, double actual, double eta) {
    const double h1 = i1 * n.w1 + i2 * n.w2, h2 = i1 * n.w3 + i2 * n.w4;
    const double d = h1 * n.w5 + h2 * n.w6 - actual;
    const HandNet got = hand_update(n, i1, i2, actual, eta);
    BOOST_TEST_CONTEXT("old weights " << show_net(n) << ", i1 = " << i1 << ", i2 = " << i2
                                      << ", actual = " << actual << ", η = " << eta
                                      << " (Δ = prediction − actual = " << d << ")") {
        nn_test::check_near(got.w1, n.w1 - eta * i1 * d * n.w5, 1e-12, "new w1 = w1 − η·i1·Δ·w5 (old w5)");
        nn_test::check_near(got.w2, n.w2 - eta * i2 * d * n.w5, 1e-12, "new w2 = w2 − η·i2·Δ·w5 (old w5)");
        nn_test::check_near(got.w3, n.w3 - eta * i1 * d * n.w6, 1e-12, "new w3 = w3 − η·i1·Δ·w6 (old w6)");
        nn_test::check_near(got.w4, n.w4 - eta * i2 * d * n.w6, 1e-12, "new w4 = w4 − η·i2·Δ·w6 (old w6)");
        nn_test::check_near(got.w5, n.w5 - eta * h1 * d, 1e-12, "new w5 = w5 − η·h1·Δ");
        nn_test::check_near(got.w6, n.w6 - eta * h2 * d, 1e-12, "new w6 = w6 − η·h2·Δ");
    }
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex07_1_hand_update)

BOOST_AUTO_TEST_CASE(the_decks_new_weights) {
    const HandNet n = hand_update(slide::initial, slide::i1, slide::i2, slide::actual, slide::eta);
    // Exact values: w1 = .11 + .05·.809·2·.14 = .121326, w2 = .226989, w3 = .132135,
    // w4 = .0982025, w5 = .14 + .05·.809·.85 = .1743825, w6 = .169416
    BOOST_TEST_CONTEXT("the deck's example: weights " << show_net(slide::initial)
                                                      << ", inputs [2, 3], actual 1, η = 0.05") {
        nn_test::check_near(n.w1, 0.121326, 1e-12, "new w1 (.11 + .05·.809·2·.14)");
        nn_test::check_near(n.w2, 0.226989, 1e-12, "new w2 (.21 + .05·.809·3·.14)");
        nn_test::check_near(n.w3, 0.132135, 1e-12, "new w3 (.12 + .05·.809·2·.15)");
        nn_test::check_near(n.w4, 0.0982025, 1e-12, "new w4 (.08 + .05·.809·3·.15)");
        nn_test::check_near(n.w5, 0.1743825, 1e-12, "new w5 (.14 + .05·.809·.85)");
        nn_test::check_near(n.w6, 0.169416, 1e-12, "new w6 (.15 + .05·.809·.48)");
        // ... which the deck shows at two decimals
        BOOST_TEST(nn::matches(n.w1, slide::new_w1), "new w1 must round to the deck's .12, got " << n.w1);
        BOOST_TEST(nn::matches(n.w4, slide::new_w4), "new w4 must round to the deck's .10, got " << n.w4);
        BOOST_TEST(nn::matches(n.w5, slide::new_w5), "new w5 must round to the deck's .17, got " << n.w5);
    }
}

BOOST_AUTO_TEST_CASE(every_weight_uses_the_old_weights_on_other_points) {
    // Inputs of different sizes and signs (so i1 and i2 cannot be swapped), a prediction above
    // and one below the target (so Δ's sign shows), w5 ≠ w6 and other learning rates.
    check_hand_update({0.3, -0.2, 0.5, 0.1, -0.4, 0.7}, -1.5, 0.5, 2, 0.1);
    check_hand_update({0.9, 0.4, -0.6, 1.3, 1.1, -0.8}, 2.5, -1.0, -3, 0.02);
    check_hand_update({-0.25, 0.75, 0.05, -1.2, 2.0, 0.35}, 0.4, 1.7, 0.5, 1.0);
}

BOOST_AUTO_TEST_CASE(the_update_is_minus_eta_times_the_gradient) {
    // On another point: compare with central differences of ½ (prediction − actual)².
    const HandNet n0{0.3, -0.2, 0.5, 0.1, -0.4, 0.7};
    const double i1 = -1.5, i2 = 0.5, actual = 2, eta = 0.1;
    auto error = [&](const HandNet& n) {
        const double p = hand_forward(n, i1, i2).prediction;
        return 0.5 * (p - actual) * (p - actual);
    };
    const HandNet n1 = hand_update(n0, i1, i2, actual, eta);
    double HandNet::*fields[] = {&HandNet::w1, &HandNet::w2, &HandNet::w3,
                                 &HandNet::w4, &HandNet::w5, &HandNet::w6};
    for (int k = 0; k < 6; ++k) {
        HandNet n = n0;
        const double grad = nn_test::central_gradient([&] { return error(n); }, n.*fields[k]);
        BOOST_TEST_CONTEXT("weights " << show_net(n0) << ", i1 = " << i1 << ", i2 = " << i2
                                      << ", actual = " << actual << ", η = " << eta) {
            nn_test::check_near(n1.*fields[k], n0.*fields[k] - eta * grad, 1e-9,
                                "new w" + std::to_string(k + 1) +
                                    " = old − η·∂Error/∂w (central differences of ½(prediction − actual)²)");
        }
    }
}

BOOST_AUTO_TEST_CASE(one_step_lowers_the_error) {
    auto error = [](const HandNet& n) {
        const double p = hand_forward(n, slide::i1, slide::i2).prediction;
        return 0.5 * (p - 1) * (p - 1);
    };
    const HandNet n = hand_update(slide::initial, slide::i1, slide::i2, slide::actual, slide::eta);
    BOOST_TEST(error(n) < error(slide::initial) - 0.01,
               "one step on the deck's example must lower the error ½(prediction − 1)² (from "
                   << error(slide::initial) << " to about 0.277); got " << error(n) << " with new weights "
                   << show_net(n));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex07_2_back_propagation)

namespace {
std::vector<Layer> network(const std::vector<int>& sizes, std::uint64_t seed) {
    nn::Rng rng(seed);
    std::vector<Layer> layers;
    for (std::size_t k = 0; k + 1 < sizes.size(); ++k)
        layers.push_back({rng.normal_matrix(sizes[k + 1], sizes[k], 0, 0.7),
                          rng.normal_matrix(sizes[k + 1], 1, 0, 0.7).col(0)});
    return layers;
}
std::string show_sizes(const std::vector<int>& sizes, int samples) {
    std::string s;
    for (int v : sizes) s += (s.empty() ? "" : "-") + std::to_string(v);
    return "a " + s + " network on " + std::to_string(samples) + " sample(s)";
}
nn::Matrix one_hot(const std::vector<int>& sizes, int samples, std::uint64_t seed) {
    nn::Rng rng(seed);
    nn::Matrix Y = nn::Matrix::Zero(sizes.back(), samples);
    for (int n = 0; n < samples; ++n) Y(nn::Index(rng.below(std::uint64_t(sizes.back()))), n) = 1;
    return Y;
}
void check_shapes(const std::vector<Layer>& layers, const std::vector<LayerGrads>& grads) {
    BOOST_TEST_REQUIRE(grads.size() == layers.size(),
                       "one LayerGrads per layer: expected " << layers.size() << ", got " << grads.size());
    for (std::size_t k = 0; k < layers.size(); ++k) {
        BOOST_TEST_REQUIRE(
            (grads[k].dW.rows() == layers[k].W.rows() && grads[k].dW.cols() == layers[k].W.cols()),
            "∇W of layer " << k + 1 << " must have the shape of W_" << k + 1 << ", " << layers[k].W.rows()
                           << "x" << layers[k].W.cols() << "; got " << grads[k].dW.rows() << "x"
                           << grads[k].dW.cols());
        BOOST_TEST_REQUIRE(grads[k].db.size() == layers[k].b.size(),
                           "∇b of layer " << k + 1 << " must have the size of b_" << k + 1 << ", "
                                          << layers[k].b.size() << "; got " << grads[k].db.size());
    }
}
void check_against_central_differences(const std::vector<int>& sizes, int samples) {
    std::vector<Layer> layers = network(sizes, 3);
    nn::Rng rng(4);
    const nn::Matrix X = rng.normal_matrix(sizes.front(), samples, 0, 1);
    const nn::Matrix Y = one_hot(sizes, samples, 5);
    const auto grads = back_propagation(layers, forward(layers, X), Y);
    BOOST_TEST_CONTEXT(show_sizes(sizes, samples) << ", loss −Σ log ŷ_y summed over the samples") {
        check_shapes(layers, grads);
        for (std::size_t k = 0; k < layers.size(); ++k) {
            auto f = [&] { return loss(forward(layers, X), Y); };
            const std::string layer =
                " of layer " + std::to_string(k + 1) + " of " + std::to_string(layers.size());
            nn_test::check_gradient(grads[k].dW, nn_test::central_gradient(f, layers[k].W), 1e-7,
                                    "∇W" + layer);
            nn::Matrix b = layers[k].b;
            const nn::Matrix nb = nn_test::central_gradient(
                [&] {
                    layers[k].b = b.col(0);
                    return f();
                },
                b);
            layers[k].b = b.col(0);
            nn_test::check_gradient(grads[k].db, nb, 1e-7, "∇b" + layer + " (summed over the samples)");
        }
    }
}
double sig(double z) { return 1 / (1 + std::exp(-z)); }
}  // namespace

BOOST_AUTO_TEST_CASE(one_layer_softmax_regression) { check_against_central_differences({3, 4}, 5); }

BOOST_AUTO_TEST_CASE(two_layers_one_sample) { check_against_central_differences({4, 3, 2}, 1); }

BOOST_AUTO_TEST_CASE(three_layers_a_batch) { check_against_central_differences({4, 6, 5, 3}, 8); }

BOOST_AUTO_TEST_CASE(four_layers_of_other_sizes_a_batch) {
    check_against_central_differences({2, 5, 3, 4, 6}, 3);
}

BOOST_AUTO_TEST_CASE(two_layers_by_hand_every_entry) {
    // A 3-2-2 network on 2 samples, every product written out entry by entry:
    //   a1 = W1·x + b1, h1 = σ(a1), a2 = W2·h1 + b2, ŷ = softmax(a2), δ2 = ŷ − y,
    //   ∇W2 = δ2·h1ᵀ, ∇b2 = Σ_n δ2, δ1 = (W2ᵀ·δ2) ⊙ h1(1 − h1), ∇W1 = δ1·xᵀ, ∇b1 = Σ_n δ1.
    std::vector<Layer> layers(2);
    layers[0].W = (nn::Matrix(2, 3) << 0.2, -0.5, 0.8, 0.6, 0.1, -0.3).finished();
    layers[0].b = (nn::Vector(2) << 0.1, -0.2).finished();
    layers[1].W = (nn::Matrix(2, 2) << 1.5, -0.7, -0.4, 0.9).finished();
    layers[1].b = (nn::Vector(2) << 0.05, 0.3).finished();
    const nn::Matrix X = (nn::Matrix(3, 2) << 1.0, -2.0, 0.5, 1.5, -1.0, 0.25).finished();
    const nn::Matrix Y = (nn::Matrix(2, 2) << 1, 0, 0, 1).finished();
    nn::Matrix dW1 = nn::Matrix::Zero(2, 3), dW2 = nn::Matrix::Zero(2, 2);
    nn::Matrix db1 = nn::Matrix::Zero(2, 1), db2 = nn::Matrix::Zero(2, 1);
    for (int n = 0; n < 2; ++n) {
        double h[2], a2[2], d2[2], d1[2];
        for (int i = 0; i < 2; ++i) {
            double s = layers[0].b(i);
            for (int j = 0; j < 3; ++j) s += layers[0].W(i, j) * X(j, n);
            h[i] = sig(s);
        }
        for (int i = 0; i < 2; ++i)
            a2[i] = layers[1].b(i) + layers[1].W(i, 0) * h[0] + layers[1].W(i, 1) * h[1];
        const double z = std::exp(a2[0]) + std::exp(a2[1]);
        for (int i = 0; i < 2; ++i) d2[i] = std::exp(a2[i]) / z - Y(i, n);
        for (int i = 0; i < 2; ++i) {
            db2(i, 0) += d2[i];
            for (int j = 0; j < 2; ++j) dW2(i, j) += d2[i] * h[j];
        }
        for (int j = 0; j < 2; ++j)
            d1[j] = (layers[1].W(0, j) * d2[0] + layers[1].W(1, j) * d2[1]) * h[j] * (1 - h[j]);
        for (int i = 0; i < 2; ++i) {
            db1(i, 0) += d1[i];
            for (int j = 0; j < 3; ++j) dW1(i, j) += d1[i] * X(j, n);
        }
    }
    const ForwardPass fp = forward(layers, X);
    const auto grads = back_propagation(layers, fp, Y);
    BOOST_TEST_CONTEXT("a 3-2-2 network, W1 = " << nn_test::show(layers[0].W) << ", W2 = "
                                                << nn_test::show(layers[1].W) << ", X = " << nn_test::show(X)
                                                << ", Y = " << nn_test::show(Y)) {
        check_shapes(layers, grads);
        nn_test::check_matrix(grads[1].dW, dW2, 1e-12,
                              "∇W of layer 2 (output) = (ŷ − y)·h1ᵀ summed over the samples");
        nn_test::check_matrix(grads[1].db, db2, 1e-12,
                              "∇b of layer 2 (output) = ŷ − y summed over the samples");
        nn_test::check_matrix(grads[0].dW, dW1, 1e-12,
                              "∇W of layer 1 (hidden) = δ1·xᵀ, δ1 = (W2ᵀ·δ2) ⊙ h(1 − h)");
        nn_test::check_matrix(grads[0].db, db1, 1e-12, "∇b of layer 1 (hidden) = δ1 summed over the samples");
    }
}

BOOST_AUTO_TEST_SUITE_END()
