// Lesson 13's network: its backward pass (batch norm, dropout, L2 included) against central
// differences.
#define BOOST_TEST_MODULE lesson 13 network
#include <boost/test/unit_test.hpp>

#include "nn/losses.hpp"
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

BOOST_AUTO_TEST_CASE(plain_network_with_l2) { check({{5, 7, 4}, nn::Activation::tanh, false, 0, 0.01}); }

BOOST_AUTO_TEST_CASE(with_dropout) { check({{5, 7, 6, 4}, nn::Activation::sigmoid, false, 0.3, 0}); }

BOOST_AUTO_TEST_CASE(with_batch_norm) { check({{5, 7, 6, 4}, nn::Activation::tanh, true, 0, 0}); }
