#define BOOST_TEST_MODULE nn dense layer
#include <boost/test/unit_test.hpp>

#include "nn/dense.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

BOOST_AUTO_TEST_CASE(forward_adds_the_bias_to_every_column) {
    nn::Matrix W(2, 3), X(3, 2);
    W << 1, 2, 3, 4, 5, 6;
    X << 1, 0, 0, 1, 1, 0;
    const nn::Vector b = (nn::Vector(2) << 0.5, -1).finished();
    nn::Matrix expected(2, 2);
    expected << 4.5, 2.5, 9, 4;  // W·X = [[4, 2], [10, 5]] plus the bias
    nn_test::check_matrix(nn::dense_forward(W, b, X), expected);
}

BOOST_AUTO_TEST_CASE(backward_matches_central_differences) {
    nn::Rng rng(17);
    nn::Matrix W = rng.normal_matrix(4, 3, 0, 1), X = rng.normal_matrix(3, 5, 0, 1);
    nn::Matrix B = rng.normal_matrix(4, 1, 0, 1);
    const nn::Matrix G = rng.normal_matrix(4, 5, 0, 1);  // L = Σ G ⊙ Z, so dZ = G
    auto loss = [&] { return (G.array() * nn::dense_forward(W, B.col(0), X).array()).sum(); };
    const nn::DenseGrads g = nn::dense_backward(W, X, G);
    BOOST_TEST(nn_test::rel_error(g.dW, nn_test::central_gradient(loss, W)) < 1e-7);
    BOOST_TEST(nn_test::rel_error(g.dX, nn_test::central_gradient(loss, X)) < 1e-7);
    BOOST_TEST(nn_test::rel_error(g.db, nn_test::central_gradient(loss, B)) < 1e-7);
}
