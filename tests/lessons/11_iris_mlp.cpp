// Lesson 11 exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 11 exercises
#include <boost/test/unit_test.hpp>

#include "exercise.hpp"
#include "nn/losses.hpp"
#include "nn_test.hpp"

using namespace lesson11;

namespace {
struct Fixture {
    nn::Rng rng{6};
    nn::Mlp model{{3, 5, 4}, {nn::Activation::tanh, nn::Activation::identity}, nn::Init::glorot_uniform, rng};
    nn::Matrix X = rng.normal_matrix(3, 6, 0, 1);
    nn::Matrix Y = nn::Matrix::Zero(4, 6);
    Fixture() {
        for (int n = 0; n < 6; ++n) Y(n % 4, n) = 1;
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(ex11_1_train_step)

BOOST_FIXTURE_TEST_CASE(returns_the_loss_before_the_step, Fixture) {
    const double before = nn::softmax_cross_entropy(model.predict(X), Y).loss;
    BOOST_TEST(std::abs(train_step(model, X, Y, 0.1) - before) < 1e-14);
}

BOOST_FIXTURE_TEST_CASE(moves_every_weight_by_minus_lr_times_its_gradient, Fixture) {
    const nn::Mlp before = model;
    train_step(model, X, Y, 0.05);
    nn::Mlp probe = before;
    for (std::size_t l = 0; l < before.layers.size(); ++l) {
        const nn::Matrix numeric = nn_test::central_gradient(
            [&] { return nn::softmax_cross_entropy(probe.predict(X), Y).loss; }, probe.layers[l].W);
        BOOST_TEST_CONTEXT("layer " << l) {
            BOOST_TEST(nn_test::rel_error((before.layers[l].W - model.layers[l].W) / 0.05, numeric) < 1e-7);
        }
    }
    BOOST_TEST((model.layers[1].b - before.layers[1].b).norm() > 0);  // biases move too
}

BOOST_FIXTURE_TEST_CASE(repeated_steps_fit_the_batch, Fixture) {
    double last = 0;
    for (int s = 0; s < 300; ++s) last = train_step(model, X, Y, 0.3);
    BOOST_TEST(last < 0.05);
}

BOOST_AUTO_TEST_SUITE_END()
