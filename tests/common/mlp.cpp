#define BOOST_TEST_MODULE nn::Mlp
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "nn/losses.hpp"
#include "nn/mlp.hpp"
#include "nn_test.hpp"

using nn::Activation;

BOOST_AUTO_TEST_CASE(backward_matches_central_differences_for_every_activation) {
    for (Activation a :
         {Activation::sigmoid, Activation::tanh, Activation::relu, Activation::leaky_relu, Activation::elu}) {
        nn::Rng rng(21);
        nn::Mlp m({4, 6, 5, 3}, {a, a, Activation::identity}, nn::Init::glorot_uniform, rng);
        for (auto& layer : m.layers) layer.b = rng.normal_matrix(layer.b.size(), 1, 0, 0.3).col(0);
        const nn::Matrix X = rng.normal_matrix(4, 7, 0, 1);
        nn::Matrix Y = nn::Matrix::Zero(3, 7);
        for (int n = 0; n < 7; ++n) Y(n % 3, n) = 1;
        const auto loss = [&] { return nn::softmax_cross_entropy(m.forward(X), Y).loss; };
        const auto grads = m.backward(nn::softmax_cross_entropy(m.forward(X), Y).grad);
        for (std::size_t l = 0; l < m.layers.size(); ++l) BOOST_TEST_CONTEXT(nn::name(a) << ", layer " << l) {
                BOOST_TEST(nn_test::rel_error(grads[l].dW, nn_test::central_gradient(loss, m.layers[l].W)) <
                           1e-7);
                nn::Matrix b = m.layers[l].b;
                const nn::Matrix nb = nn_test::central_gradient(
                    [&] {
                        m.layers[l].b = b.col(0);
                        return loss();
                    },
                    b);
                m.layers[l].b = b.col(0);
                BOOST_TEST(nn_test::rel_error(grads[l].db, nb) < 1e-7);
            }
    }
}

BOOST_AUTO_TEST_CASE(parameter_counts_of_the_slides) {
    BOOST_TEST(nn::dense_parameter_count({784, 30, 30, 10}) == 24790u);  // FruitPunch
    BOOST_TEST(nn::dense_parameter_count({4, 3, 2}) == 23u);             // IBM-2
    BOOST_TEST(nn::dense_parameter_count({8, 4, 2, 1}) == 49u);          // Matrix-view
    BOOST_TEST(nn::thousands(24790) == "24,790");
    BOOST_TEST(nn::thousands(999) == "999");
    BOOST_TEST(nn::thousands(1000000) == "1,000,000");
}

BOOST_AUTO_TEST_CASE(initializers_have_their_spread) {
    nn::Rng rng(5);
    const nn::Matrix G = nn::init_weights(nn::Init::glorot_uniform, 200, 300, rng);
    const double r = std::sqrt(6.0 / 500);
    BOOST_TEST(G.maxCoeff() <= r);
    BOOST_TEST(G.minCoeff() >= -r);
    BOOST_TEST(std::abs(G.array().square().mean() - r * r / 3) < 0.02 * r * r);  // var of U(−r, r)
    const nn::Matrix H = nn::init_weights(nn::Init::he_normal, 200, 300, rng);
    BOOST_TEST(std::abs(H.array().square().mean() - 2.0 / 300) < 0.05 * 2.0 / 300);
}

BOOST_AUTO_TEST_CASE(sgd_steps_lower_the_loss) {
    nn::Rng rng(9);
    nn::Mlp m({2, 8, 2}, {Activation::tanh, Activation::identity}, nn::Init::glorot_uniform, rng);
    const nn::Matrix X = rng.normal_matrix(2, 20, 0, 1);
    nn::Matrix Y = nn::Matrix::Zero(2, 20);
    for (int n = 0; n < 20; ++n) Y(X(0, n) > 0 ? 1 : 0, n) = 1;
    const double before = nn::softmax_cross_entropy(m.forward(X), Y).loss;
    for (int s = 0; s < 200; ++s)
        m.sgd_step(m.backward(nn::softmax_cross_entropy(m.forward(X), Y).grad), 0.5);
    BOOST_TEST(nn::softmax_cross_entropy(m.forward(X), Y).loss < 0.5 * before);
    nn_test::check_matrix(m.predict(X), m.forward(X), 0);
}

BOOST_AUTO_TEST_CASE(backward_before_forward_is_an_error) {
    nn::Rng rng(1);
    const nn::Mlp m({2, 2}, {Activation::identity}, nn::Init::normal, rng);
    BOOST_CHECK_THROW(m.backward(nn::Matrix::Zero(2, 1)), std::logic_error);
}

BOOST_AUTO_TEST_CASE(backward_of_another_batch_than_the_last_forward_is_an_error) {
    nn::Rng rng(1);
    nn::Mlp m({2, 3}, {Activation::sigmoid}, nn::Init::normal, rng);
    m.forward(nn::Matrix::Ones(2, 4));
    BOOST_CHECK_THROW(m.backward(nn::Matrix::Zero(3, 5)), std::logic_error);  // 5 samples, not 4
    BOOST_CHECK_THROW(m.backward(nn::Matrix::Zero(2, 4)), std::logic_error);  // 2 outputs, not 3
    BOOST_CHECK_NO_THROW(m.backward(nn::Matrix::Zero(3, 4)));
}
