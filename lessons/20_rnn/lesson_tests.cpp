// Lesson 20's own code (beyond the exercises): the loss, the orthogonal matrices, and reach.
#define BOOST_TEST_MODULE lesson 20 lesson code
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "lesson.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson20;

BOOST_AUTO_TEST_CASE(spectral_norm_and_radius) {
    // [[0, 2], [0.5, 0]]: eigenvalues ±1, singular values 2 and 0.5.
    const nn::Matrix M = (nn::Matrix(2, 2) << 0, 2, 0.5, 0).finished();
    nn_test::check_near(spectral_radius(M), 1.0, 1e-12, "ρ([[0, 2], [0.5, 0]])");
    nn_test::check_near(spectral_norm(M), 2.0, 1e-12, "‖[[0, 2], [0.5, 0]]‖₂");
    // A rotation by 90 degrees: eigenvalues ±i, |±i| = 1.
    nn_test::check_near(spectral_radius((nn::Matrix(2, 2) << 0, -3, 3, 0).finished()), 3.0, 1e-12,
                        "ρ of 3 times a quarter turn");
    nn::Rng rng(201);
    for (const nn::Index n : {1, 3, 8}) {
        const Rnn p = scaled_rnn(2, n, 1, 1.5, 0.5, rng);
        nn_test::check_near(spectral_radius(p.W_hh), 1.5, 1e-12, "ρ(W_hh) of a cell scaled to 1.5");
        BOOST_TEST((p.W_xh.rows() == n && p.W_xh.cols() == 2 && p.W_hy.rows() == 1 && p.b_h.size() == n));
    }
}

BOOST_AUTO_TEST_CASE(sequence_loss_gradient_matches_differences) {
    nn::Rng rng(202);
    Rnn p = scaled_rnn(2, 4, 2, 0.9, 0.7, rng);
    const nn::Matrix X = rng.normal_matrix(2, 6, 0, 1), T = rng.normal_matrix(2, 6, 0, 1);
    const nn::Vector h0 = rng.normal_matrix(4, 1, 0, 0.3).col(0);
    const Forward f = rnn_forward(p, X, h0);
    const Grads g = rnn_backward(p, X, f.H, sequence_loss(p, X, h0, T).grad);
    const auto L = [&] { return sequence_loss(p, X, h0, T).loss; };
    nn_test::check_gradient(g.dW_hh, nn::central_gradient(L, p.W_hh), 1e-6, "dW_hh of the sequence loss");
}

BOOST_AUTO_TEST_CASE(reach_is_the_norm_of_the_jacobian_by_differences) {
    // ∂h_T/∂h_{T−k} by central differences: run the steps T − k + 1 .. T from a nudged h_{T−k}.
    nn::Rng rng(203);
    const Rnn p = scaled_rnn(2, 5, 1, 1.3, 0.5, rng);
    const nn::Matrix X = rng.normal_matrix(2, 6, 0, 1);
    const Forward f = rnn_forward(p, X, nn::Vector::Zero(5));
    const std::vector<double> r = reach(p, f.H);
    BOOST_TEST_REQUIRE(r.size() == 7u);
    nn_test::check_near(r[0], 1.0, 0, "reach[0]");
    for (const nn::Index k : {1, 3, 6}) {
        nn::Matrix J(5, 5);
        for (nn::Index j = 0; j < 5; ++j) {
            nn::Vector h = f.H.col(6 - k);
            const auto last = [&](double d) {
                nn::Vector s = h;
                s(j) += d;
                return rnn_forward(p, X.rightCols(k), s).H.col(k).eval();
            };
            J.col(j) = (last(1e-6) - last(-1e-6)) / 2e-6;
        }
        nn_test::check_near(r[std::size_t(k)], spectral_norm(J), 1e-6 * spectral_norm(J),
                            "reach[" + std::to_string(k) + "]");
    }
}
