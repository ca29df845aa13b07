// Lesson 13's network: its backward pass (batch norm, dropout, L2 included) against central
// differences.
#define BOOST_TEST_MODULE lesson 13 network
#include <boost/test/unit_test.hpp>

#include "nn/losses.hpp"
#include "nn/optim.hpp"
#include "nn_test.hpp"
#include "regnet.hpp"

using namespace lesson13;

namespace {
void check(const RegNetConfig& c) {
    nn::Rng rng(5);
    RegNet net(c, rng);
    for (auto& L : net.layers) {
        L.gamma = rng.uniform_matrix(L.gamma.rows(), 1, 0.5, 1.5);
        L.beta = rng.normal_matrix(L.beta.rows(), 1, 0, 0.3);
    }
    const nn::Matrix X = rng.normal_matrix(c.sizes.front(), 6, 0, 1);
    nn::Matrix Y = nn::Matrix::Zero(c.sizes.back(), 6);
    for (int n = 0; n < 6; ++n) Y(n % c.sizes.back(), n) = 1;
    // The same dropout mask on every call: a fresh generator with the same seed each time.
    auto loss = [&] {
        nn::Rng r(9);
        return nn::softmax_cross_entropy(net.forward(X, true, r), Y).loss + net.l2_penalty();
    };
    nn::Rng r(9);
    net.backward(nn::softmax_cross_entropy(net.forward(X, true, r), Y).grad);
    for (std::size_t l = 0; l < net.layers.size(); ++l) {
        auto& L = net.layers[l];
        const nn::Matrix dW = L.dW, db = L.db, dg = L.dgamma, dbeta = L.dbeta;
        BOOST_TEST_CONTEXT("layer " << l) {
            BOOST_TEST(nn_test::rel_error(dW, nn_test::central_gradient(loss, L.W)) < 1e-7);
            if (c.batchnorm && l + 1 < net.layers.size()) {
                BOOST_TEST(nn_test::rel_error(dg, nn_test::central_gradient(loss, L.gamma)) < 1e-7);
                BOOST_TEST(nn_test::rel_error(dbeta, nn_test::central_gradient(loss, L.beta)) < 1e-7);
            } else {
                BOOST_TEST(nn_test::rel_error(db, nn_test::central_gradient(loss, L.b)) < 1e-7);
            }
        }
    }
}
}  // namespace

BOOST_AUTO_TEST_CASE(plain_network_with_l2) {
    check({.sizes = {5, 7, 4}, .act = nn::Activation::tanh, .l2 = 0.01});
}

BOOST_AUTO_TEST_CASE(with_dropout) {
    check({.sizes = {5, 7, 6, 4}, .act = nn::Activation::sigmoid, .dropout = 0.3});
}

BOOST_AUTO_TEST_CASE(with_batch_norm) {
    check({.sizes = {5, 7, 6, 4}, .act = nn::Activation::tanh, .batchnorm = true});
}

// batchnorm_backward against central differences of L = Σ R ⊙ batchnorm_forward(Z) (training mode),
// R fixed and random, so that dL/dY = R.
BOOST_AUTO_TEST_CASE(batchnorm_backward_matches_central_differences) {
    nn::Rng rng(17);
    nn::Matrix Z = rng.normal_matrix(4, 5, 0.5, 2);
    nn::Matrix gamma = rng.uniform_matrix(4, 1, 0.5, 1.5), beta = rng.normal_matrix(4, 1, 0, 0.3);
    const nn::Matrix R = rng.normal_matrix(4, 5, 0, 1);
    const double eps = 1e-5;
    auto loss = [&] {
        nn::Vector mean = nn::Vector::Zero(4), var = nn::Vector::Ones(4);  // running statistics, unused here
        return (batchnorm_forward(Z, gamma.col(0), beta.col(0), eps, true, mean, var, 0.9).array() *
                R.array())
            .sum();
    };
    const BatchNormGrads g = batchnorm_backward(R, Z, gamma.col(0), eps);
    BOOST_TEST(nn_test::rel_error(g.dZ, nn_test::central_gradient(loss, Z)) < 1e-7);
    BOOST_TEST(nn_test::rel_error(nn::Matrix(g.dgamma), nn_test::central_gradient(loss, gamma)) < 1e-7);
    BOOST_TEST(nn_test::rel_error(nn::Matrix(g.dbeta), nn_test::central_gradient(loss, beta)) < 1e-7);
}

// The library's nn::Adam (lesson 12, the bench) is exercise 13.2's update on every matrix of an Mlp.
BOOST_AUTO_TEST_CASE(the_library_adam_is_exercise_13_2) {
    nn::Rng rng(3);
    nn::Mlp model({3, 4, 2}, {nn::Activation::tanh, nn::Activation::identity}, nn::Init::glorot_uniform, rng);
    nn::Matrix W = model.layers[0].W, m = nn::Matrix::Zero(4, 3), v = nn::Matrix::Zero(4, 3);
    nn::Adam adam{.lr = 0.01};
    for (long t = 1; t <= 3; ++t) {
        std::vector<nn::DenseGrads> grads;
        for (const auto& L : model.layers)
            grads.push_back({nn::Matrix(), rng.normal_matrix(L.W.rows(), L.W.cols(), 0, 1),
                             rng.normal_matrix(L.b.size(), 1, 0, 1).col(0)});
        adam_update(W, m, v, grads[0].dW, t, adam.lr, nn::adam_beta1, nn::adam_beta2, nn::adam_eps);
        adam.step(model, grads);
        BOOST_TEST(nn_test::rel_error(model.layers[0].W, W) < 1e-14);
    }
}
