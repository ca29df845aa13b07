// Lesson 20 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// The cells have a W_hh that is not symmetric, nonzero biases and h_0, and more hidden units than
// inputs and outputs, so a transposed weight, a missing bias, a state from the wrong step or a
// swapped shape changes the answer. The expected values come from the plain scalar loops below (no
// code shared with the exercises), from hand arithmetic, or from central differences.
#define BOOST_TEST_MODULE lesson 20 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson20;

namespace {

Rnn random_cell(nn::Rng& rng, nn::Index D, nn::Index H, nn::Index O) {
    return {.W_xh = rng.normal_matrix(H, D, 0, 0.7),
            .W_hh = rng.normal_matrix(H, H, 0, 0.6),
            .b_h = rng.normal_matrix(H, 1, 0, 0.3).col(0),
            .W_hy = rng.normal_matrix(O, H, 0, 0.8),
            .b_y = rng.normal_matrix(O, 1, 0, 0.5).col(0)};
}
// The forward pass written entry by entry: a_i = Σ_j W_xh(i, j)·x_j + Σ_j W_hh(i, j)·h_j + b_h(i).
Forward reference_forward(const Rnn& p, const nn::Matrix& X, const nn::Vector& h0) {
    const nn::Index H = p.W_xh.rows(), D = p.W_xh.cols(), O = p.W_hy.rows(), T = X.cols();
    Forward f{.H = nn::Matrix(H, T + 1), .Y = nn::Matrix(O, T)};
    for (nn::Index i = 0; i < H; ++i) f.H(i, 0) = h0(i);
    for (nn::Index t = 1; t <= T; ++t) {
        for (nn::Index i = 0; i < H; ++i) {
            double a = p.b_h(i);
            for (nn::Index j = 0; j < D; ++j) a += p.W_xh(i, j) * X(j, t - 1);
            for (nn::Index j = 0; j < H; ++j) a += p.W_hh(i, j) * f.H(j, t - 1);
            f.H(i, t) = std::tanh(a);
        }
        for (nn::Index o = 0; o < O; ++o) {
            double y = p.b_y(o);
            for (nn::Index j = 0; j < H; ++j) y += p.W_hy(o, j) * f.H(j, t);
            f.Y(o, t - 1) = y;
        }
    }
    return f;
}
void check_forward(const Rnn& p, const nn::Matrix& X, const nn::Vector& h0, const std::string& what) {
    BOOST_TEST_CONTEXT(what) {
        const Forward got = rnn_forward(p, X, h0), want = reference_forward(p, X, h0);
        nn_test::check_matrix(got.H, want.H, 1e-12,
                              "H (column 0 is h_0, column t is h_t = tanh(W_xh·x_t + W_hh·h_{t−1} + b_h))");
        nn_test::check_matrix(got.Y, want.Y, 1e-12, "Y (column t − 1 is y_t = W_hy·h_t + b_y)");
    }
}

// A loss whose gradient with respect to Y is exactly dY: L = Σ_ij dY(i, j)·Y(i, j), with Y from the
// reference forward pass, so that every gradient of rnn_backward can be checked by differences.
struct Problem {
    Rnn p;
    nn::Matrix X, dY;
    nn::Vector h0;
};
Problem random_problem(std::uint64_t seed, nn::Index D, nn::Index H, nn::Index O, nn::Index T) {
    nn::Rng rng(seed);
    Problem q{.p = random_cell(rng, D, H, O), .X = {}, .dY = {}, .h0 = {}};
    q.X = rng.normal_matrix(D, T, 0, 1);
    q.dY = rng.normal_matrix(O, T, 0, 1);
    q.h0 = rng.normal_matrix(H, 1, 0, 0.5).col(0);
    return q;
}
void check_all_gradients(Problem q, const std::string& what) {
    BOOST_TEST_CONTEXT(what << " (D = " << q.X.rows() << ", H = " << q.h0.size() << ", O = " << q.dY.rows()
                            << ", T = " << q.X.cols() << ")") {
        const Forward f = reference_forward(q.p, q.X, q.h0);
        const Grads g = rnn_backward(q.p, q.X, f.H, q.dY);
        const auto L = [&] { return (reference_forward(q.p, q.X, q.h0).Y.array() * q.dY.array()).sum(); };
        nn_test::check_gradient(g.dW_hy, nn::central_gradient(L, q.p.W_hy), 1e-6, "dW_hy = Σ_t dy_t·h_tᵀ");
        nn_test::check_gradient(g.db_y, nn::central_gradient(L, q.p.b_y), 1e-6, "db_y = Σ_t dy_t");
        nn_test::check_gradient(g.dW_xh, nn::central_gradient(L, q.p.W_xh), 1e-6, "dW_xh = Σ_t δ_t·x_tᵀ");
        nn_test::check_gradient(g.dW_hh, nn::central_gradient(L, q.p.W_hh), 1e-6, "dW_hh = Σ_t δ_t·h_{t−1}ᵀ");
        nn_test::check_gradient(g.db_h, nn::central_gradient(L, q.p.b_h), 1e-6, "db_h = Σ_t δ_t");
        nn_test::check_gradient(g.dh0, nn::central_gradient(L, q.h0), 1e-6, "dh0 = W_hhᵀ·δ_1");
        nn_test::check_gradient(g.dX, nn::central_gradient(L, q.X), 1e-6, "dX (column t − 1 is W_xhᵀ·δ_t)");
    }
}
double norm_of(const std::vector<nn::Matrix>& g) {
    double s = 0;
    for (const nn::Matrix& m : g) s += m.squaredNorm();
    return std::sqrt(s);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex20_1_rnn_forward)

BOOST_AUTO_TEST_CASE(the_lessons_cell_by_hand) {
    // W_xh = [[0.5, −0.3], [0.2, 0.4]], W_hh = [[0.1, −0.6], [0.7, 0.2]], b_h = [0.1, −0.1],
    // W_hy = [[1, −0.5]], b_y = 0.2, x_1 = [1, 0], x_2 = [0.5, −1], h_0 = 0.
    const Rnn p{.W_xh = (nn::Matrix(2, 2) << 0.5, -0.3, 0.2, 0.4).finished(),
                .W_hh = (nn::Matrix(2, 2) << 0.1, -0.6, 0.7, 0.2).finished(),
                .b_h = (nn::Vector(2) << 0.1, -0.1).finished(),
                .W_hy = (nn::Matrix(1, 2) << 1.0, -0.5).finished(),
                .b_y = (nn::Vector(1) << 0.2).finished()};
    const nn::Matrix X = (nn::Matrix(2, 2) << 1, 0.5, 0, -1).finished();
    const Forward f = rnn_forward(p, X, nn::Vector::Zero(2));
    // Step 1: a = [0.5 + 0.1, 0.2 − 0.1] = [0.6, 0.1].
    const double h11 = std::tanh(0.6), h12 = std::tanh(0.1);
    // Step 2: a = [0.25 + 0.3 + 0.1·h11 − 0.6·h12 + 0.1, 0.1 − 0.4 + 0.7·h11 + 0.2·h12 − 0.1].
    const double h21 = std::tanh(0.65 + 0.1 * h11 - 0.6 * h12), h22 = std::tanh(-0.4 + 0.7 * h11 + 0.2 * h12);
    const nn::Matrix H = (nn::Matrix(2, 3) << 0, h11, h21, 0, h12, h22).finished();
    nn_test::check_matrix(f.H, H, 1e-12, "H for the lesson's cell on x_1 = [1, 0], x_2 = [0.5, −1], h_0 = 0");
    const nn::Matrix Y = (nn::Matrix(1, 2) << h11 - 0.5 * h12 + 0.2, h21 - 0.5 * h22 + 0.2).finished();
    nn_test::check_matrix(f.Y, Y, 1e-12, "Y = W_hy·h_t + b_y for the lesson's cell");
}

BOOST_AUTO_TEST_CASE(every_state_and_output_on_random_cells) {
    nn::Rng rng(2001);
    for (const auto& [D, H, O, T] : {std::array<nn::Index, 4>{3, 4, 2, 5}, {1, 3, 1, 4}, {4, 2, 3, 3}}) {
        const Rnn p = random_cell(rng, D, H, O);
        const nn::Matrix X = rng.normal_matrix(D, T, 0, 1);
        const nn::Vector h0 = rng.normal_matrix(H, 1, 0, 0.5).col(0);
        check_forward(p, X, h0,
                      "D = " + std::to_string(D) + ", H = " + std::to_string(H) +
                          ", O = " + std::to_string(O) + ", T = " + std::to_string(T) + ", h_0 not 0");
    }
}

BOOST_AUTO_TEST_CASE(step_1_reads_the_given_h0) {
    nn::Rng rng(2002);
    const Rnn p = random_cell(rng, 2, 3, 2);
    const nn::Matrix X = nn::Matrix::Zero(2, 1);
    const nn::Vector h0 = (nn::Vector(3) << 0.9, -0.4, 0.3).finished();
    check_forward(p, X, h0, "one step with x_1 = 0: h_1 = tanh(W_hh·h_0 + b_h)");
}

BOOST_AUTO_TEST_CASE(no_steps_give_h0_alone_and_one_step_one_state) {
    nn::Rng rng(2003);
    const Rnn p = random_cell(rng, 2, 3, 2);
    const nn::Vector h0 = (nn::Vector(3) << 0.1, 0.2, -0.3).finished();
    const Forward f = rnn_forward(p, nn::Matrix(2, 0), h0);
    nn_test::check_matrix(f.H, nn::Matrix(h0), 0, "H for T = 0 (h_0 as its only column)");
    BOOST_TEST((f.Y.rows() == 2 && f.Y.cols() == 0),
               "Y for T = 0 must be 2x0 (O rows, no columns), got " << f.Y.rows() << "x" << f.Y.cols());
    check_forward(p, rng.normal_matrix(2, 1, 0, 1), h0, "T = 1");
}

BOOST_AUTO_TEST_CASE(shapes_that_do_not_fit_are_refused) {
    nn::Rng rng(2004);
    const Rnn p = random_cell(rng, 2, 3, 1);
    const nn::Matrix X = rng.normal_matrix(2, 4, 0, 1);
    const nn::Vector h0 = nn::Vector::Zero(3);
    std::string m = nn_test::invalid_argument_message([&] { rnn_forward(p, nn::Matrix::Zero(3, 4), h0); },
                                                      "X with 3 rows for W_xh of 3x2");
    nn_test::check_names(m, "3x4", "X with 3 rows for W_xh of 3x2");
    m = nn_test::invalid_argument_message([&] { rnn_forward(p, X, nn::Vector::Zero(2)); },
                                          "h0 of 2 entries for 3 hidden units");
    nn_test::check_names(m, "3x2", "h0 of 2 entries for 3 hidden units");
    Rnn bad = p;
    bad.W_hh = nn::Matrix::Zero(3, 2);
    nn_test::invalid_argument_message([&] { rnn_forward(bad, X, h0); }, "W_hh of 3x2 (must be 3x3)");
    bad.W_hh = nn::Matrix::Zero(2, 3);
    nn_test::invalid_argument_message([&] { rnn_forward(bad, X, h0); }, "W_hh of 2x3 (must be 3x3)");
    bad = p;
    bad.b_h = nn::Vector::Zero(2);
    nn_test::invalid_argument_message([&] { rnn_forward(bad, X, h0); }, "b_h of 2 entries (must be 3)");
    bad = p;
    bad.W_hy = nn::Matrix::Zero(1, 2);
    nn_test::invalid_argument_message([&] { rnn_forward(bad, X, h0); }, "W_hy of 1x2 (must have 3 columns)");
    bad = p;
    bad.b_y = nn::Vector::Zero(2);
    nn_test::invalid_argument_message([&] { rnn_forward(bad, X, h0); }, "b_y of 2 entries for 1 output");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex20_2_rnn_backward)

BOOST_AUTO_TEST_CASE(every_gradient_matches_central_differences) {
    check_all_gradients(random_problem(2011, 3, 4, 2, 5), "a random cell");
    check_all_gradients(random_problem(2012, 2, 3, 1, 7), "a longer sequence");
}

BOOST_AUTO_TEST_CASE(a_loss_at_the_first_step_only) {
    // Only y_1 has a gradient: everything comes from step 1, nothing from the steps after it.
    Problem q = random_problem(2013, 2, 3, 2, 4);
    q.dY.rightCols(3).setZero();
    check_all_gradients(q, "dY nonzero at step 1 only");
}

BOOST_AUTO_TEST_CASE(a_loss_at_the_last_step_only_reaches_every_step) {
    Problem q = random_problem(2014, 2, 3, 2, 4);
    q.dY.leftCols(3).setZero();
    check_all_gradients(q, "dY nonzero at step T only");
}

BOOST_AUTO_TEST_CASE(one_step) { check_all_gradients(random_problem(2015, 3, 2, 2, 1), "T = 1"); }

BOOST_AUTO_TEST_CASE(no_steps_give_zero_gradients_and_one_step_does_not) {
    nn::Rng rng(2016);
    const Rnn p = random_cell(rng, 2, 3, 2);
    const nn::Matrix H = rng.normal_matrix(3, 1, 0, 0.5);
    const Grads g = rnn_backward(p, nn::Matrix(2, 0), H, nn::Matrix(2, 0));
    nn_test::check_matrix(g.dW_xh, nn::Matrix::Zero(3, 2), 0, "dW_xh for T = 0");
    nn_test::check_matrix(g.dW_hh, nn::Matrix::Zero(3, 3), 0, "dW_hh for T = 0");
    nn_test::check_matrix(g.db_h, nn::Matrix::Zero(3, 1), 0, "db_h for T = 0");
    nn_test::check_matrix(g.dW_hy, nn::Matrix::Zero(2, 3), 0, "dW_hy for T = 0");
    nn_test::check_matrix(g.db_y, nn::Matrix::Zero(2, 1), 0, "db_y for T = 0");
    nn_test::check_matrix(g.dh0, nn::Matrix::Zero(3, 1), 0, "dh0 for T = 0 (nothing read h_0)");
    nn_test::check_matrix(g.dX, nn::Matrix::Zero(2, 0), 0, "dX for T = 0");
    check_all_gradients(random_problem(2018, 2, 3, 2, 1), "then T = 1");
}

BOOST_AUTO_TEST_CASE(shapes_that_do_not_fit_are_refused) {
    const Problem q = random_problem(2017, 2, 3, 2, 4);
    const Forward f = reference_forward(q.p, q.X, q.h0);
    std::string m = nn_test::invalid_argument_message([&] { rnn_backward(q.p, q.X, f.H.leftCols(4), q.dY); },
                                                      "H with T columns instead of T + 1");
    nn_test::check_names(m, "3x4", "H with T columns instead of T + 1");
    m = nn_test::invalid_argument_message([&] { rnn_backward(q.p, q.X, f.H, q.dY.leftCols(3)); },
                                          "dY with T − 1 columns");
    nn_test::check_names(m, "2x3", "dY with T − 1 columns");
    nn_test::invalid_argument_message([&] { rnn_backward(q.p, q.X, f.H, nn::Matrix::Zero(3, 4)); },
                                      "dY with 3 rows for 2 outputs");
    nn_test::invalid_argument_message([&] { rnn_backward(q.p, nn::Matrix::Zero(3, 4), f.H, q.dY); },
                                      "X with 3 rows for 2 inputs");
    nn_test::invalid_argument_message([&] { rnn_backward(q.p, q.X, nn::Matrix::Zero(2, 5), q.dY); },
                                      "H with 2 rows for 3 hidden units");
    Rnn bad = q.p;
    bad.W_hh = nn::Matrix::Zero(3, 2);
    nn_test::invalid_argument_message([&] { rnn_backward(bad, q.X, f.H, q.dY); }, "W_hh of 3x2");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex20_3_clip_by_global_norm)

BOOST_AUTO_TEST_CASE(a_large_gradient_is_scaled_to_max_norm) {
    // Norm sqrt(9 + 16 + 144) = 13; clipped to 2.6: every entry times 0.2.
    const std::vector<nn::Matrix> g{(nn::Matrix(1, 2) << 3, -4).finished(),
                                    (nn::Matrix(1, 1) << 12).finished()};
    const std::vector<nn::Matrix> c = clip_by_global_norm(g, 2.6);
    BOOST_TEST_REQUIRE(c.size() == 2u, "clipping 2 matrices must give 2, got " << c.size());
    nn_test::check_matrix(c[0], (nn::Matrix(1, 2) << 0.6, -0.8).finished(), 1e-12,
                          "[3, −4] and [12] (norm 13) clipped to 2.6: the first");
    nn_test::check_matrix(c[1], (nn::Matrix(1, 1) << 2.4).finished(), 1e-12,
                          "[3, −4] and [12] (norm 13) clipped to 2.6: the second");
}

BOOST_AUTO_TEST_CASE(one_factor_for_all_the_matrices) {
    nn::Rng rng(2031);
    const std::vector<nn::Matrix> g{rng.normal_matrix(3, 2, 0, 5), rng.normal_matrix(2, 2, 0, 0.1),
                                    rng.normal_matrix(4, 1, 0, 1)};
    const double n = norm_of(g);
    const std::vector<nn::Matrix> c = clip_by_global_norm(g, 0.5);
    BOOST_TEST_REQUIRE(c.size() == g.size(),
                       "clipping " << g.size() << " matrices must give as many, got " << c.size());
    for (std::size_t k = 0; k < g.size(); ++k)
        nn_test::check_matrix(
            c[k], g[k] * (0.5 / n), 1e-12,
            "matrix " + std::to_string(k) + " times max_norm / (the norm of ALL the matrices)");
    nn_test::check_near(norm_of(c), 0.5, 1e-12, "the global norm after clipping to 0.5");
}

BOOST_AUTO_TEST_CASE(the_threshold_decides_whether_to_scale) {
    const std::vector<nn::Matrix> g{(nn::Matrix(2, 1) << 0.3, -0.4).finished(),
                                    (nn::Matrix(1, 1) << 1.2).finished()};
    // Norm 1.3: below 2 and exactly at 1.3, nothing changes.
    for (const double max_norm : {2.0, 1.3, 100.0}) {
        const std::vector<nn::Matrix> c = clip_by_global_norm(g, max_norm);
        BOOST_TEST_REQUIRE(c.size() == 2u, "clipping 2 matrices must give 2, got " << c.size());
        nn_test::check_matrix(c[0], g[0], 1e-15,
                              "[0.3, −0.4] and [1.2] (norm 1.3) with max_norm " + std::to_string(max_norm) +
                                  ": the first, unchanged");
        nn_test::check_matrix(c[1], g[1], 1e-15,
                              "[0.3, −0.4] and [1.2] (norm 1.3) with max_norm " + std::to_string(max_norm) +
                                  ": the second, unchanged");
    }
    // Just above: norm 1.3 clipped to 1.2 scales by 12/13.
    const std::vector<nn::Matrix> c = clip_by_global_norm(g, 1.2);
    BOOST_TEST_REQUIRE(c.size() == 2u, "clipping 2 matrices must give 2, got " << c.size());
    nn_test::check_matrix(c[0], g[0] * (12.0 / 13.0), 1e-12,
                          "[0.3, −0.4] and [1.2] (norm 1.3) clipped to 1.2: the first, times 12/13");
    nn_test::check_matrix(c[1], g[1] * (12.0 / 13.0), 1e-12,
                          "[0.3, −0.4] and [1.2] (norm 1.3) clipped to 1.2: the second, times 12/13");
}

BOOST_AUTO_TEST_CASE(zeros_no_matrices_and_a_single_entry) {
    const std::vector<nn::Matrix> z{nn::Matrix::Zero(2, 3)};
    const std::vector<nn::Matrix> c = clip_by_global_norm(z, 1.0);
    BOOST_TEST_REQUIRE(c.size() == 1u, "clipping 1 matrix must give 1, got " << c.size());
    nn_test::check_matrix(c[0], z[0], 0, "a zero gradient (norm 0) stays 0, no division by 0");
    BOOST_TEST(clip_by_global_norm({}, 1.0).empty(), "no matrices in, none out");
    const std::vector<nn::Matrix> one = clip_by_global_norm({(nn::Matrix(1, 1) << -8).finished()}, 0.5);
    BOOST_TEST_REQUIRE(one.size() == 1u, "clipping 1 matrix must give 1, got " << one.size());
    nn_test::check_matrix(one[0], (nn::Matrix(1, 1) << -0.5).finished(), 1e-15,
                          "[−8] clipped to 0.5 (the sign kept)");
}

BOOST_AUTO_TEST_CASE(max_norm_must_be_positive) {
    const std::vector<nn::Matrix> g{nn::Matrix::Ones(2, 2)};
    for (const double bad : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN()})
        nn_test::invalid_argument_message([&] { clip_by_global_norm(g, bad); },
                                          "max_norm " + std::to_string(bad));
}

BOOST_AUTO_TEST_SUITE_END()
