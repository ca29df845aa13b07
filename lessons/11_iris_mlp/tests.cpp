// Lesson 11 exercise (see lessons/00_matmul/tests.cpp for the pattern). The loss and its gradient
// are written out here (a forward pass and a log-softmax by hand, central differences), never
// taken from the reference.
#define BOOST_TEST_MODULE lesson 11 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

#include "exercise.hpp"
#include "nn/losses.hpp"
#include "nn_test.hpp"

using namespace lesson11;

namespace {
// The mean softmax cross-entropy of the model's logits on (X, Y), by hand.
double loss_by_hand(const nn::Mlp& m, const nn::Matrix& X, const nn::Matrix& Y) {
    nn::Matrix A = X;
    for (const auto& layer : m.layers) {
        nn::Matrix Z = layer.W * A;
        Z.colwise() += layer.b;
        A = nn::activate(layer.act, Z);
    }
    double l = 0;
    for (nn::Index j = 0; j < A.cols(); ++j) {
        const double top = A.col(j).maxCoeff();
        const double lse = top + std::log((A.col(j).array() - top).exp().sum());
        for (nn::Index k = 0; k < A.rows(); ++k) l -= Y(k, j) * (A(k, j) - lse);
    }
    return l / double(A.cols());
}

// Every W and b of `after` must be `before`'s minus lr times the gradient of the mean loss at
// `before` (central differences), layer by layer.
void check_one_step(const nn::Mlp& before, const nn::Mlp& after, const nn::Matrix& X, const nn::Matrix& Y,
                    double lr) {
    BOOST_TEST_REQUIRE(
        after.layers.size() == before.layers.size(),
        "the step must keep the model's " << before.layers.size() << " layers, got " << after.layers.size());
    nn::Mlp probe = before;
    for (std::size_t l = 0; l < before.layers.size(); ++l) {
        const std::string layer =
            "layer " + std::to_string(l + 1) + " of " + std::to_string(before.layers.size());
        const nn::Matrix dW =
            nn_test::central_gradient([&] { return loss_by_hand(probe, X, Y); }, probe.layers[l].W);
        const nn::Matrix db =
            nn_test::central_gradient([&] { return loss_by_hand(probe, X, Y); }, probe.layers[l].b);
        nn_test::check_matrix(after.layers[l].W, before.layers[l].W - lr * dW, 1e-8,
                              "W of " + layer + " after the step (W − lr·∂L/∂W, L the MEAN loss)");
        nn_test::check_matrix(after.layers[l].b, nn::Matrix(before.layers[l].b) - lr * db, 1e-8,
                              "b of " + layer + " after the step (b − lr·∂L/∂b, L the MEAN loss)");
        nn_test::check_equal(static_cast<int>(after.layers[l].act), static_cast<int>(before.layers[l].act),
                             "the activation of " + layer + " (unchanged)");
    }
}

// Three layers (a version that updates two, or only the last, fails), tanh, sigmoid and identity.
struct Fixture {
    nn::Rng rng{6};
    nn::Mlp model{{3, 5, 4, 4},
                  {nn::Activation::tanh, nn::Activation::sigmoid, nn::Activation::identity},
                  nn::Init::glorot_uniform,
                  rng};
    nn::Matrix X = rng.normal_matrix(3, 6, 0, 1);
    nn::Matrix Y = nn::Matrix::Zero(4, 6);
    Fixture() {
        for (int n = 0; n < 6; ++n) Y((n * 3) % 4, n) = 1;
        // biases that are not 0, so a step that resets or ignores them shows
        for (auto& layer : model.layers) layer.b = rng.normal_matrix(layer.b.size(), 1, 0, 0.5);
        // an earlier forward pass on other inputs: the step must run its own forward, not reuse this
        model.forward(rng.normal_matrix(3, 6, 0, 1));
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(ex11_1_train_step)

BOOST_FIXTURE_TEST_CASE(returns_the_loss_before_the_step, Fixture) {
    const double before = loss_by_hand(model, X, Y);
    nn_test::check_near(train_step(model, X, Y, 0.1), before, 1e-12,
                        "the returned loss: the MEAN cross-entropy of the batch BEFORE the update");
    // a second step returns the loss at the parameters the first left
    const double second = loss_by_hand(model, X, Y);
    nn_test::check_near(train_step(model, X, Y, 0.1), second, 1e-12,
                        "the loss returned by a second step (at the updated model)");
}

BOOST_FIXTURE_TEST_CASE(moves_every_weight_and_bias_by_minus_lr_times_its_gradient, Fixture) {
    const nn::Mlp before = model;
    train_step(model, X, Y, 0.37);
    BOOST_TEST_CONTEXT("one step with lr = 0.37 on a 3-5-4-4 model, a batch of 6") {
        check_one_step(before, model, X, Y, 0.37);
    }
}

BOOST_FIXTURE_TEST_CASE(the_learning_rate_scales_the_step_and_0_changes_nothing, Fixture) {
    const nn::Mlp before = model;
    const double loss = train_step(model, X, Y, 0.0);
    nn_test::check_near(loss, loss_by_hand(before, X, Y), 1e-12, "the loss returned by a step with lr = 0");
    for (std::size_t l = 0; l < before.layers.size(); ++l) {
        nn_test::check_matrix(model.layers[l].W, before.layers[l].W, 0.0,
                              "W of layer " + std::to_string(l + 1) + " after lr = 0");
        nn_test::check_matrix(model.layers[l].b, before.layers[l].b, 0.0,
                              "b of layer " + std::to_string(l + 1) + " after lr = 0");
    }
    train_step(model, X, Y, 2.5);
    BOOST_TEST_CONTEXT("one step with lr = 2.5") { check_one_step(before, model, X, Y, 2.5); }
}

BOOST_FIXTURE_TEST_CASE(a_second_step_starts_from_the_first, Fixture) {
    train_step(model, X, Y, 0.2);
    const nn::Mlp middle = model;
    // a second batch, of one sample: the mean over N = 1 is the sample's own loss
    const nn::Matrix x1 = X.col(2), y1 = Y.col(2);
    const double loss = train_step(model, x1, y1, 0.2);
    nn_test::check_near(loss, loss_by_hand(middle, x1, y1), 1e-12,
                        "the loss of the second step, on a batch of 1");
    BOOST_TEST_CONTEXT("the second step, lr = 0.2, on the batch of 1 (column 2)") {
        check_one_step(middle, model, x1, y1, 0.2);
    }
}

BOOST_FIXTURE_TEST_CASE(the_same_batch_twice_over_takes_the_same_step, Fixture) {
    // X twice side by side: the MEAN loss and its gradient are those of X, so the step is too
    nn::Matrix X2(X.rows(), 12), Y2(Y.rows(), 12);
    X2 << X, X;
    Y2 << Y, Y;
    const nn::Mlp model_before = model;
    nn::Mlp once = model;
    const double l1 = train_step(once, X, Y, 0.3);
    const double l2 = train_step(model, X2, Y2, 0.3);
    nn_test::check_near(l1, loss_by_hand(model_before, X, Y), 1e-12, "the loss of the batch before the step");
    nn_test::check_near(l2, l1, 1e-12, "the loss of a batch repeated twice (a mean, not a sum)");
    for (std::size_t l = 0; l < model.layers.size(); ++l) {
        nn_test::check_matrix(
            model.layers[l].W, once.layers[l].W, 1e-12,
            "W of layer " + std::to_string(l + 1) + " after a step on the batch repeated twice");
        nn_test::check_matrix(
            model.layers[l].b, once.layers[l].b, 1e-12,
            "b of layer " + std::to_string(l + 1) + " after a step on the batch repeated twice");
    }
}

BOOST_FIXTURE_TEST_CASE(repeated_steps_fit_the_batch, Fixture) {
    const double start = loss_by_hand(model, X, Y);
    double last = 0;
    for (int s = 0; s < 400; ++s) last = train_step(model, X, Y, 0.5);
    BOOST_TEST(last < 0.2 * start,
               "400 steps of lr 0.5 must fit 6 samples (the loss below a fifth of where it started): "
               "the loss went from "
                   << start << " to " << last);
    nn_test::check_near(loss_by_hand(model, X, Y), last, 0.05,
                        "the loss after 400 steps, about the last one returned");
}

BOOST_AUTO_TEST_SUITE_END()
