// Lesson 13 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// Every expected value is hand arithmetic (in a comment) or the contract's formula written out
// here with plain loops over scalars, never the reference.
#define BOOST_TEST_MODULE lesson 13 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <stdexcept>
#include <string>

#include "exercise.hpp"
#include "nn_test.hpp"

using namespace lesson13;

namespace {
nn::Matrix m22(double a, double b, double c, double d) { return (nn::Matrix(2, 2) << a, b, c, d).finished(); }
nn::Matrix m23(double a, double b, double c, double d, double e, double f) {
    return (nn::Matrix(2, 3) << a, b, c, d, e, f).finished();
}
nn::Vector vec(std::initializer_list<double> xs) {
    nn::Vector v(std::ssize(xs));
    nn::Index i = 0;
    for (double x : xs) v(i++) = x;
    return v;
}
std::string step_name(int s) { return "after step " + std::to_string(s) + ": "; }

// Adam for one scalar, the contract's formulas written out: m, v and w are updated in place.
void adam_scalar(double& w, double& m, double& v, double g, long t, double lr, double b1, double b2,
                 double eps) {
    m = b1 * m + (1 - b1) * g;
    v = b2 * v + (1 - b2) * g * g;
    const double mhat = m / (1 - std::pow(b1, double(t)));
    const double vhat = v / (1 - std::pow(b2, double(t)));
    w = w - lr * mhat / (std::sqrt(vhat) + eps);
}

// Batch normalization written out with loops: Y for Z (units, N), with the given mean and variance.
nn::Matrix bn_expected(const nn::Matrix& Z, const nn::Vector& mean, const nn::Vector& var,
                       const nn::Vector& gamma, const nn::Vector& beta, double eps) {
    nn::Matrix Y(Z.rows(), Z.cols());
    for (nn::Index i = 0; i < Z.rows(); ++i)
        for (nn::Index j = 0; j < Z.cols(); ++j)
            Y(i, j) = gamma(i) * (Z(i, j) - mean(i)) / std::sqrt(var(i) + eps) + beta(i);
    return Y;
}
// Each row's mean and its variance dividing by N (not N − 1).
void row_stats(const nn::Matrix& Z, nn::Vector& mean, nn::Vector& var) {
    mean.resize(Z.rows());
    var.resize(Z.rows());
    for (nn::Index i = 0; i < Z.rows(); ++i) {
        double s = 0;
        for (nn::Index j = 0; j < Z.cols(); ++j) s += Z(i, j);
        mean(i) = s / double(Z.cols());
        double q = 0;
        for (nn::Index j = 0; j < Z.cols(); ++j) q += (Z(i, j) - mean(i)) * (Z(i, j) - mean(i));
        var(i) = q / double(Z.cols());
    }
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex13_1_momentum_update)

BOOST_AUTO_TEST_CASE(two_steps_by_hand) {
    nn::Matrix W = m22(1, 2, 3, 4), v = nn::Matrix::Zero(2, 2);
    const nn::Matrix g = m22(1, -1, 0.5, 0);
    momentum_update(W, v, g, 0.1, 0.9);  // v = g; W − 0.1·g
    nn_test::check_matrix(v, g, 1e-15, "step 1 (v starts at zero): the velocity v = β·0 + dW = dW");
    nn_test::check_matrix(W, m22(0.9, 2.1, 2.95, 4), 1e-15, "step 1: W − lr·v with lr = 0.1");
    momentum_update(W, v, g, 0.1, 0.9);  // v = 1.9·g; W − 0.19·g
    nn_test::check_matrix(v, 1.9 * g, 1e-15, "step 2: the velocity v = 0.9·dW + dW = 1.9·dW");
    nn_test::check_matrix(W, m22(0.71, 2.29, 2.855, 4), 1e-14, "step 2: W − 0.1·(1.9·dW)");
}

BOOST_AUTO_TEST_CASE(three_steps_with_different_gradients_and_a_velocity_already_moving) {
    // 2x3 parameters, v not zero at first, a new gradient every step, lr = 0.5, β = 0.8.
    nn::Matrix W = m23(1, -2, 0.5, 4, 0, -1), v = m23(0.5, 0, -1, 2, 1, 0);
    const nn::Matrix g1 = m23(1, 2, 3, -1, 0, 0.5), g2 = m23(-2, 0, 1, 1, 4, -0.5),
                     g3 = m23(0, 1, 0, 0, -2, 1);
    nn::Matrix Wx = W, vx = v;  // the contract written out entry by entry
    const nn::Matrix gs[3] = {g1, g2, g3};
    for (int s = 0; s < 3; ++s) {
        momentum_update(W, v, gs[s], 0.5, 0.8);
        for (nn::Index k = 0; k < vx.size(); ++k) {
            vx(k) = 0.8 * vx(k) + gs[s](k);
            Wx(k) = Wx(k) - 0.5 * vx(k);
        }
        BOOST_TEST_CONTEXT("dW = " << nn_test::show(gs[s]) << ", lr = 0.5, beta = 0.8") {
            nn_test::check_matrix(v, vx, 1e-13,
                                  step_name(s + 1) + "the velocity v ← β·v + dW (no lr, no 1 − β in v)");
            nn_test::check_matrix(W, Wx, 1e-13, step_name(s + 1) + "W ← W − lr·v with the NEW v");
        }
    }
    // By hand, entry (0, 0): v = 0.8·0.5 + 1 = 1.4, W = 1 − 0.7 = 0.3; v = 1.12 − 2 = −0.88, W = 0.74;
    // v = −0.704 + 0 = −0.704, W = 0.74 + 0.352 = 1.092.
    nn_test::check_near(v(0, 0), -0.704, 1e-13, "entry (0,0) of v after three steps, by hand");
    nn_test::check_near(W(0, 0), 1.092, 1e-13, "entry (0,0) of W after three steps, by hand");
}

BOOST_AUTO_TEST_CASE(beta_zero_is_plain_gradient_descent_and_lr_is_applied_once) {
    nn::Matrix W = m23(1, 1, 1, 1, 1, 1), v = m23(9, 9, 9, 9, 9, 9);
    const nn::Matrix g = m23(2, -4, 6, 0, 1, -1);
    momentum_update(W, v, g, 0.25, 0.0);  // v = dW (the old v is forgotten); W − 0.25·dW
    nn_test::check_matrix(v, g, 1e-15, "with beta = 0 the velocity is the gradient itself");
    nn_test::check_matrix(W, m23(0.5, 2, -0.5, 1, 0.75, 1.25), 1e-15, "with beta = 0, W − lr·dW, lr = 0.25");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex13_2_adam_update)

BOOST_AUTO_TEST_CASE(the_first_step_is_lr_times_the_sign) {
    nn::Matrix W = m22(1, 1, 1, 1), m = nn::Matrix::Zero(2, 2), v = nn::Matrix::Zero(2, 2);
    adam_update(W, m, v, m22(300, -0.002, 5, 1), 1, 0.01, 0.9, 0.999, 1e-8);
    // m̂ = g and v̂ = g², so the step is lr·g/|g| whatever the gradient's scale
    nn_test::check_matrix(W, m22(0.99, 1.01, 0.99, 0.99), 1e-7,
                          "W after Adam's first step (t = 1): W − lr·sign(dW), lr = 0.01");
    nn_test::check_matrix(m, m22(30, -0.0002, 0.5, 0.1), 1e-12,
                          "m after the first step: (1 − β1)·dW, stored WITHOUT the bias correction");
    nn_test::check_matrix(v, m22(90, 4e-9, 0.025, 0.001), 1e-12,
                          "v after the first step: (1 − β2)·dW², stored WITHOUT the bias correction");
}

BOOST_AUTO_TEST_CASE(the_second_step_by_hand) {
    nn::Matrix W = nn::Matrix::Constant(1, 1, 1), m = nn::Matrix::Zero(1, 1), v = nn::Matrix::Zero(1, 1);
    adam_update(W, m, v, nn::Matrix::Constant(1, 1, 2), 1, 0.1, 0.9, 0.999, 1e-8);
    adam_update(W, m, v, nn::Matrix::Constant(1, 1, -1), 2, 0.1, 0.9, 0.999, 1e-8);
    const double m2 = 0.9 * 0.2 - 0.1, v2 = 0.999 * 0.004 + 0.001;  // m and v after two steps
    const double w1 = 1 - 0.1 * 2 / (2 + 1e-8);                     // the first step: m̂ = 2, v̂ = 4
    const double expected = w1 - 0.1 * (m2 / 0.19) / (std::sqrt(v2 / (1 - 0.999 * 0.999)) + 1e-8);
    nn_test::check_near(W(0, 0), expected, 1e-12, "W after steps t = 1 (dW = 2) and t = 2 (dW = −1)");
    nn_test::check_near(m(0, 0), m2, 1e-15, "m after two steps: 0.9·0.2 + 0.1·(−1)");
    nn_test::check_near(v(0, 0), v2, 1e-15, "v after two steps: 0.999·0.004 + 0.001·1");
}

BOOST_AUTO_TEST_CASE(four_steps_with_distinct_betas_every_output_checked) {
    // 2x3, a gradient per step, β1 = 0.8, β2 = 0.6 (different, so swapping them shows), lr = 0.3,
    // ε = 0.05 (large, so where it goes shows: outside the square root of v̂).
    const double lr = 0.3, b1 = 0.8, b2 = 0.6, eps = 0.05;
    nn::Matrix W = m23(1, -1, 0.5, 2, 0, -3), m = nn::Matrix::Zero(2, 3), v = nn::Matrix::Zero(2, 3);
    const nn::Matrix gs[4] = {m23(0.5, -2, 3, 0.1, 1, -0.7), m23(1, 1, -1, 0.3, 0, 2),
                              m23(-0.4, 2, 0.5, 0.2, -1, 1), m23(2, -0.5, 0, 0.1, 3, -2)};
    nn::Matrix Wx = W, mx = m, vx = v;
    for (long t = 1; t <= 4; ++t) {
        const nn::Matrix& g = gs[t - 1];
        adam_update(W, m, v, g, t, lr, b1, b2, eps);
        for (nn::Index k = 0; k < W.size(); ++k) adam_scalar(Wx(k), mx(k), vx(k), g(k), t, lr, b1, b2, eps);
        BOOST_TEST_CONTEXT("step t = " << t << ", dW = " << nn_test::show(g)
                                       << ", lr = 0.3, beta1 = 0.8, beta2 = 0.6, eps = 0.05") {
            nn_test::check_matrix(m, mx, 1e-12, step_name(int(t)) + "m ← β1·m + (1 − β1)·dW (uncorrected)");
            nn_test::check_matrix(v, vx, 1e-12, step_name(int(t)) + "v ← β2·v + (1 − β2)·dW² (uncorrected)");
            nn_test::check_matrix(
                W, Wx, 1e-12,
                step_name(int(t)) + "W ← W − lr·m̂/(√v̂ + ε), m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t)");
        }
    }
    // By hand, entry (0,0) at t = 1: m = 0.1, v = 0.1, m̂ = 0.5, v̂ = 0.25, W = 1 − 0.3·0.5/0.55.
}

BOOST_AUTO_TEST_CASE(epsilon_is_added_outside_the_square_root) {
    // t = 1, dW = 1: m̂ = 1, v̂ = 1, so W = 1 − lr/(√1 + ε) = 1 − 0.5/1.5 = 2/3 (not 1 − 0.5/√1.5).
    nn::Matrix W = nn::Matrix::Constant(1, 2, 1), m = nn::Matrix::Zero(1, 2), v = nn::Matrix::Zero(1, 2);
    adam_update(W, m, v, (nn::Matrix(1, 2) << 1, -1).finished(), 1, 0.5, 0.9, 0.99, 0.5);
    nn_test::check_near(W(0, 0), 2.0 / 3.0, 1e-12, "W(0,0) = 1 − 0.5/(√v̂ + ε) with v̂ = 1, ε = 0.5, dW = 1");
    nn_test::check_near(W(0, 1), 4.0 / 3.0, 1e-12, "W(0,1) = 1 + 0.5/(√v̂ + ε) with v̂ = 1, ε = 0.5, dW = −1");
}

BOOST_AUTO_TEST_CASE(a_late_step_number_uses_its_own_bias_correction) {
    // Starting from m = 0.5, v = 0.25 at t = 3 with dW = 0.5, β1 = 0.5, β2 = 0.5:
    // m = 0.5, v = 0.25 (unchanged), m̂ = 0.5/(1 − 1/8) = 4/7, v̂ = 0.25/(7/8) = 2/7,
    // W = 0 − 1·(4/7)/√(2/7) = −(4/7)·√(7/2) ≈ −1.069044967649698.
    nn::Matrix W = nn::Matrix::Zero(1, 1), m = nn::Matrix::Constant(1, 1, 0.5),
               v = nn::Matrix::Constant(1, 1, 0.25);
    adam_update(W, m, v, nn::Matrix::Constant(1, 1, 0.5), 3, 1.0, 0.5, 0.5, 0.0);
    nn_test::check_near(m(0, 0), 0.5, 1e-15, "m at t = 3: 0.5·0.5 + 0.5·0.5");
    nn_test::check_near(v(0, 0), 0.25, 1e-15, "v at t = 3: 0.5·0.25 + 0.5·0.25");
    nn_test::check_near(W(0, 0), -(4.0 / 7.0) * std::sqrt(3.5), 1e-12,
                        "W at t = 3 with bias corrections 1 − 0.5³ = 7/8 for both m and v");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex13_3_dropout)

BOOST_AUTO_TEST_CASE(training_drops_with_probability_p_and_scales_the_rest) {
    nn::Rng rng(4), same(4);
    nn::Matrix A(50, 40);  // different values, not square, so a row-by-row walk shows
    for (nn::Index k = 0; k < A.size(); ++k) A(k) = 1.0 + 0.01 * double(k);
    nn::Matrix mask;
    const nn::Matrix out = dropout_forward(A, 0.25, true, rng, mask);
    BOOST_TEST_REQUIRE(mask.rows() == 50,
                       "the mask must have A's shape, 50x40: got " << mask.rows() << " rows");
    BOOST_TEST_REQUIRE(mask.cols() == 40,
                       "the mask must have A's shape, 50x40: got " << mask.cols() << " columns");
    BOOST_TEST_REQUIRE(out.rows() == 50,
                       "the output must have A's shape, 50x40: got " << out.rows() << " rows");
    BOOST_TEST_REQUIRE(out.cols() == 40,
                       "the output must have A's shape, 50x40: got " << out.cols() << " columns");
    int dropped = 0, wrong_mask = 0, wrong_out = 0;
    for (nn::Index k = 0; k < A.size(); ++k) {
        const bool drop = same.uniform() < 0.25;  // one draw per entry, column by column; p = drop
        const double factor = drop ? 0.0 : 1.0 / 0.75;
        if (std::abs(mask(k) - factor) > 1e-14 && ++wrong_mask <= 3)
            BOOST_TEST(false, "mask entry (" << k % 50 << ", " << k / 50 << ") with p = 0.25: expected "
                                             << factor << " (0 if dropped, else 1/(1 − p)), got " << mask(k));
        if (std::abs(out(k) - A(k) * factor) > 1e-12 && ++wrong_out <= 3)
            BOOST_TEST(false, "output entry (" << k % 50 << ", " << k / 50 << ") with p = 0.25, A = " << A(k)
                                               << ": expected " << A(k) * factor << ", got " << out(k));
        dropped += drop;
    }
    BOOST_TEST(wrong_mask == 0, wrong_mask << " of 2000 mask entries are wrong (drop when rng.uniform() < p, "
                                              "one draw per entry, column by column)");
    BOOST_TEST(wrong_out == 0, wrong_out << " of 2000 output entries are wrong (A times the mask)");
    BOOST_TEST(dropped > 400, "about a quarter of 2000 entries should be dropped with p = 0.25");
    nn_test::check_equal(rng.next(), same.next(),
                         "the next random number after the call (exactly one draw per entry)");
}

BOOST_AUTO_TEST_CASE(a_draw_equal_to_p_keeps_the_entry) {
    // p is set to exactly the first number rng.uniform() gives: "drop when uniform() < p" keeps it.
    const double p = nn::Rng(11).uniform();
    nn::Rng rng(11), same(11);
    const nn::Matrix A = m23(1, 2, 3, 4, 5, 6);
    nn::Matrix mask;
    const nn::Matrix out = dropout_forward(A, p, true, rng, mask);
    BOOST_TEST_REQUIRE((mask.rows() == 2 && mask.cols() == 3),
                       "the mask must be 2x3, got " << nn_test::show(mask));
    nn_test::check_near(mask(0, 0), 1.0 / (1.0 - p), 1e-12,
                        "mask(0,0) when the draw equals p exactly (strictly below p drops; this keeps)");
    nn_test::check_near(out(0, 0), 1.0 / (1.0 - p), 1e-12,
                        "output(0,0) = A(0,0)/(1 − p) when kept, A(0,0) = 1");
    for (nn::Index k = 0; k < A.size(); ++k) {
        const double factor = same.uniform() < p ? 0.0 : 1.0 / (1.0 - p);
        nn_test::check_near(mask(k), factor, 1e-12,
                            "mask entry " + std::to_string(k) + " (column by column)");
        nn_test::check_near(out(k), A(k) * factor, 1e-12,
                            "output entry " + std::to_string(k) + " (column by column)");
    }
}

BOOST_AUTO_TEST_CASE(evaluation_keeps_everything) {
    const nn::Matrix A = m23(1, -2, 3, 4, 0.5, -6);
    nn::Matrix mask;
    for (double p : {0.0, 0.5, 0.9}) {
        nn::Rng rng(4);
        BOOST_TEST_CONTEXT("evaluation, p = " << p << ", A = " << nn_test::show(A)) {
            nn_test::check_matrix(dropout_forward(A, p, false, rng, mask), A, 0,
                                  "the output in evaluation is A itself (not scaled by 1 − p)");
            nn_test::check_matrix(mask, nn::Matrix::Ones(2, 3), 0, "the mask in evaluation is all ones");
        }
    }
    // and training, on the same A, does drop: p = 0.5 over 2000 entries drops some
    nn::Rng rng(5);
    const nn::Matrix big = nn::Matrix::Constant(40, 50, 3.0);
    const nn::Matrix out = dropout_forward(big, 0.5, true, rng, mask);
    BOOST_TEST(((out.array() == 0).count() > 800 && (out.array() == 0).count() < 1200),
               "training with p = 0.5 must drop about half of 2000 entries: " << (out.array() == 0).count()
                                                                              << " dropped");
    nn_test::check_near(out.maxCoeff(), 6.0, 1e-12, "a kept entry in training with p = 0.5 is 3/(1 − 0.5)");
}

BOOST_AUTO_TEST_CASE(p_outside_0_to_1_throws_and_p_zero_keeps_all) {
    const nn::Matrix A = m23(1, 2, 3, 4, 5, 6);
    nn::Matrix mask;
    nn::Rng rng(4);
    BOOST_CHECK_THROW(dropout_forward(A, 1.0, true, rng, mask), std::invalid_argument);
    BOOST_CHECK_THROW(dropout_forward(A, 1.0, false, rng, mask), std::invalid_argument);
    BOOST_CHECK_THROW(dropout_forward(A, -0.1, true, rng, mask), std::invalid_argument);
    BOOST_CHECK_THROW(dropout_forward(A, 1.5, false, rng, mask), std::invalid_argument);
    nn::Matrix out;
    BOOST_CHECK_NO_THROW(out = dropout_forward(A, 0.0, true, rng, mask));  // p = 0 is allowed
    nn_test::check_matrix(out, A, 0, "training with p = 0 drops nothing and scales by 1/(1 − 0) = 1");
    nn_test::check_matrix(mask, nn::Matrix::Ones(2, 3), 0, "the mask in training with p = 0");
    // p = 0.75 over many entries: a kept entry is multiplied by 1/(1 − 0.75) = 4 (not 1/p)
    const nn::Matrix big = nn::Matrix::Constant(30, 20, 1.0);
    const nn::Matrix o = dropout_forward(big, 0.75, true, rng, mask);
    nn_test::check_near(o.maxCoeff(), 4.0, 1e-12, "a kept entry of ones with p = 0.75 is 1/(1 − 0.75) = 4");
    const auto kept = (o.array() != 0).count();
    BOOST_TEST((kept > 90 && kept < 210),
               "with p = 0.75 (the DROP probability) about 150 of 600 entries are kept: " << kept << " kept");
}

BOOST_AUTO_TEST_CASE(backward_uses_the_same_mask) {
    const nn::Matrix mask = m23(0, 4, 4, 0, 0, 4);
    nn_test::check_matrix(dropout_backward(m23(1, 1, 3, 3, -2, 0.5), mask), m23(0, 4, 12, 0, 0, 2), 0,
                          "the backward: dOut ⊙ mask, entry by entry (mask 0 or 1/(1 − p) = 4)");
    // chained: the forward's mask routes the gradient
    nn::Rng rng(8);
    nn::Matrix fmask;
    const nn::Matrix A = nn::Matrix::Constant(6, 5, 1.0);
    const nn::Matrix out = dropout_forward(A, 0.4, true, rng, fmask);
    nn::Matrix dOut(6, 5);
    for (nn::Index k = 0; k < dOut.size(); ++k) dOut(k) = double(k) - 7;
    const nn::Matrix dA = dropout_backward(dOut, fmask);
    nn::Matrix expected(6, 5);
    for (nn::Index k = 0; k < A.size(); ++k) expected(k) = out(k) == 0 ? 0.0 : dOut(k) / 0.6;
    nn_test::check_matrix(dA, expected, 1e-12,
                          "the backward of a forward with p = 0.4: 0 where dropped, dOut/(1 − p) where kept");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex13_4_batchnorm_forward)

BOOST_AUTO_TEST_CASE(training_normalizes_each_unit_over_the_batch) {
    const nn::Matrix Z = (nn::Matrix(2, 4) << 1, 2, 3, 4, 10, 10, 10, 10).finished();
    const nn::Vector gamma = vec({2, 1}), beta = vec({0.5, -1});
    nn::Vector rm = nn::Vector::Zero(2), rv = nn::Vector::Ones(2);
    const nn::Matrix Y = batchnorm_forward(Z, gamma, beta, 1e-5, true, rm, rv, 0.9);
    BOOST_TEST_REQUIRE((Y.rows() == 2 && Y.cols() == 4),
                       "Y must have Z's shape 2x4, got " << nn_test::show(Y));
    // row 0: mean 2.5, variance 1.25 (divide by N = 4) -> (z − 2.5)/√1.25001, times 2, plus 0.5
    for (int j = 0; j < 4; ++j)
        nn_test::check_near(
            Y(0, j), 2 * (j + 1 - 2.5) / std::sqrt(1.25 + 1e-5) + 0.5, 1e-12,
            "Y(0," + std::to_string(j) + "), row 1 2 3 4: mean 2.5, variance 1.25 (÷N), γ = 2, β = 0.5");
    for (int j = 0; j < 4; ++j)
        nn_test::check_near(Y(1, j), -1, 1e-12,
                            "Y(1," + std::to_string(j) + "): a constant row gives just β = −1");
    nn_test::check_near(rm(0), 0.25, 1e-15, "running_mean(0) = 0.9·0 + 0.1·2.5");
    nn_test::check_near(rm(1), 1.0, 1e-15, "running_mean(1) = 0.9·0 + 0.1·10");
    nn_test::check_near(rv(0), 0.9 + 0.125, 1e-15,
                        "running_var(0) = 0.9·1 + 0.1·1.25 (the variance divided by N)");
    nn_test::check_near(rv(1), 0.9, 1e-15, "running_var(1) = 0.9·1 + 0.1·0");
}

BOOST_AUTO_TEST_CASE(training_every_output_with_a_large_epsilon_and_three_units) {
    // 3 units x 4 samples, every row different; ε = 0.25 is large, so it must sit inside √(σ² + ε).
    const nn::Matrix Z = (nn::Matrix(3, 4) << 1, 3, 5, 7, -2, 0, 0, 6, 0.5, 0.5, 2, -1).finished();
    const nn::Vector gamma = vec({2, -1, 0.5}), beta = vec({0.5, -1, 3});
    nn::Vector rm = vec({1, -1, 2}), rv = vec({2, 0.5, 1});
    // By hand, row 0: mean 4, variance (9 + 1 + 1 + 9)/4 = 5 (not 20/3), √5.25;
    // row 1: mean 1, variance (9 + 1 + 1 + 25)/4 = 9; row 2: mean 0.5, variance (0 + 0 + 2.25 + 2.25)/4 = 1.125.
    nn::Vector mean, var;
    row_stats(Z, mean, var);
    nn_test::check_near(var(0), 5.0, 1e-15, "the test's own variance of row 0");
    const nn::Matrix Y = batchnorm_forward(Z, gamma, beta, 0.25, true, rm, rv, 0.8);
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(Z)
                              << ", γ = (2, −1, 0.5), β = (0.5, −1, 3), ε = 0.25, momentum = 0.8") {
        nn_test::check_matrix(Y, bn_expected(Z, mean, var, gamma, beta, 0.25), 1e-12,
                              "Y = γ·(z − μ)/√(σ² + ε) + β per row, σ² dividing by N");
        nn_test::check_near(Y(0, 0), 2 * (1 - 4) / std::sqrt(5.25) + 0.5, 1e-12,
                            "Y(0,0) by hand: 2·(1 − 4)/√5.25 + 0.5");
        nn_test::check_matrix(rm, vec({0.8 * 1 + 0.2 * 4, 0.8 * -1 + 0.2 * 1, 0.8 * 2 + 0.2 * 0.5}), 1e-14,
                              "running_mean ← 0.8·running_mean + 0.2·μ");
        nn_test::check_matrix(rv, vec({0.8 * 2 + 0.2 * 5, 0.8 * 0.5 + 0.2 * 9, 0.8 * 1 + 0.2 * 1.125}), 1e-14,
                              "running_var ← 0.8·running_var + 0.2·σ² (σ² dividing by N)");
    }
}

BOOST_AUTO_TEST_CASE(two_training_batches_then_evaluation) {
    const nn::Vector gamma = vec({1.5, 0.5}), beta = vec({-2, 1});
    nn::Vector rm = vec({0, 0}), rv = vec({1, 1});
    const nn::Matrix Z1 = m23(0, 2, 4, 1, 1, 4), Z2 = m23(6, 6, 9, -3, 0, 3);
    // batch 1: μ = (2, 2), σ² = (8/3, 2); batch 2: μ = (7, 0), σ² = (2, 6)
    const nn::Matrix Y1 = batchnorm_forward(Z1, gamma, beta, 0.1, true, rm, rv, 0.5);
    nn_test::check_matrix(Y1, bn_expected(Z1, vec({2, 2}), vec({8.0 / 3, 2}), gamma, beta, 0.1), 1e-12,
                          "batch 1 in training (uses the batch's μ and σ², not the running ones)");
    nn_test::check_matrix(rm, vec({1, 1}), 1e-14, "running_mean after batch 1: 0.5·0 + 0.5·μ");
    nn_test::check_matrix(rv, vec({0.5 + 4.0 / 3, 1.5}), 1e-14, "running_var after batch 1: 0.5·1 + 0.5·σ²");
    const nn::Matrix Y2 = batchnorm_forward(Z2, gamma, beta, 0.1, true, rm, rv, 0.5);
    nn_test::check_matrix(Y2, bn_expected(Z2, vec({7, 0}), vec({2, 6}), gamma, beta, 0.1), 1e-12,
                          "batch 2 in training");
    nn_test::check_matrix(rm, vec({4, 0.5}), 1e-14, "running_mean after batch 2: 0.5·(1, 1) + 0.5·(7, 0)");
    nn_test::check_matrix(rv, vec({0.25 + 2.0 / 3 + 1, 3.75}), 1e-14,
                          "running_var after batch 2: 0.5·(1.8333, 1.5) + 0.5·(2, 6)");
    // evaluation: the running statistics (4, 0.5) and (1.9167, 3.75), γ and β, and no change to them
    const nn::Vector rm_before = rm, rv_before = rv;
    const nn::Matrix Zt = (nn::Matrix(2, 1) << 5, 2).finished();
    const nn::Matrix Yt = batchnorm_forward(Zt, gamma, beta, 0.1, false, rm, rv, 0.5);
    nn_test::check_matrix(Yt, bn_expected(Zt, rm_before, rv_before, gamma, beta, 0.1), 1e-12,
                          "one sample in evaluation: γ·(z − running_mean)/√(running_var + ε) + β");
    nn_test::check_matrix(rm, rm_before, 0, "running_mean is left alone in evaluation");
    nn_test::check_matrix(rv, rv_before, 0, "running_var is left alone in evaluation");
}

BOOST_AUTO_TEST_CASE(evaluation_uses_the_running_statistics_and_keeps_them) {
    const nn::Matrix Z = (nn::Matrix(1, 2) << 3, 5).finished();
    nn::Vector rm = nn::Vector::Constant(1, 1.0), rv = nn::Vector::Constant(1, 4.0);
    const nn::Matrix Y =
        batchnorm_forward(Z, nn::Vector::Ones(1), nn::Vector::Zero(1), 0, false, rm, rv, 0.9);
    BOOST_TEST_REQUIRE((Y.rows() == 1 && Y.cols() == 2),
                       "Y must have Z's shape 1x2, got " << nn_test::show(Y));
    nn_test::check_near(Y(0, 0), 1.0, 1e-15,
                        "evaluation, z = 3, running mean 1, running variance 4: (3 − 1)/2");
    nn_test::check_near(Y(0, 1), 2.0, 1e-15,
                        "evaluation, z = 5, running mean 1, running variance 4: (5 − 1)/2");
    nn_test::check_equal(rm(0), 1.0, "running_mean after evaluation (unchanged)");
    nn_test::check_equal(rv(0), 4.0, "running_var after evaluation (unchanged)");
}

BOOST_AUTO_TEST_CASE(evaluation_applies_gamma_beta_and_epsilon) {
    // 2 units x 3 samples, γ = (3, −0.5), β = (1, 2), running mean (1, −2), running variance (0.75, 3.5),
    // ε = 0.25: row 0 divides by √1 = 1, row 1 by √3.75.
    const nn::Matrix Z = m23(2, 0, 1.5, -2, 4, 1);
    const nn::Vector gamma = vec({3, -0.5}), beta = vec({1, 2});
    nn::Vector rm = vec({1, -2}), rv = vec({0.75, 3.5});
    const nn::Matrix Y = batchnorm_forward(Z, gamma, beta, 0.25, false, rm, rv, 0.9);
    const double s = std::sqrt(3.75);
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(Z) << ", γ = (3, −0.5), β = (1, 2), ε = 0.25") {
        nn_test::check_matrix(Y,
                              m23(3 * 1 + 1, 3 * -1 + 1, 3 * 0.5 + 1, 2, -0.5 * 6 / s + 2, -0.5 * 3 / s + 2),
                              1e-12, "evaluation: γ·(z − running_mean)/√(running_var + ε) + β");
        nn_test::check_matrix(rm, vec({1, -2}), 0, "running_mean is left alone in evaluation");
        nn_test::check_matrix(rv, vec({0.75, 3.5}), 0, "running_var is left alone in evaluation");
    }
    // a sample's output in evaluation does not depend on the other samples of its batch
    const nn::Matrix one = batchnorm_forward(Z.col(1), gamma, beta, 0.25, false, rm, rv, 0.9);
    nn_test::check_matrix(one, Y.col(1), 1e-12,
                          "evaluation of sample 1 alone equals its column in the batch");
}

BOOST_AUTO_TEST_SUITE_END()
