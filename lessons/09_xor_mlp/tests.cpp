// Lesson 09 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 09 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson09;

namespace {
nn::Matrix inputs() { return (nn::Matrix(2, 4) << 0, 1, 0, 1, 0, 1, 1, 0).finished(); }  // deck's order
nn::Matrix targets() { return (nn::Matrix(1, 4) << 0, 0, 1, 1).finished(); }
// σ without overflow for large |z|
double sig(double z) { return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); }
XorNet small_net() {
    nn::Rng rng(3);
    return {rng.uniform_matrix(3, 2, -1, 1), rng.uniform_matrix(3, 1, -1, 1).col(0),
            rng.uniform_matrix(1, 3, -1, 1), rng.uniform_matrix(1, 1, -1, 1).col(0)};
}
std::string show_net(const XorNet& n) {
    return "W1 = " + nn_test::show(n.W1) + ", b1 = " + nn_test::show(n.b1) + ", W2 = " + nn_test::show(n.W2) +
           ", b2 = " + nn_test::show(n.b2);
}
// The forward pass written out entry by entry: H(i, n) = σ(Σ_j W1(i, j)·X(j, n) + b1(i)),
// out(0, n) = σ(Σ_i W2(0, i)·H(i, n) + b2(0)).
XorForward forward_by_hand(const XorNet& net, const nn::Matrix& X) {
    XorForward f{nn::Matrix(net.W1.rows(), X.cols()), nn::Matrix(1, X.cols())};
    for (nn::Index n = 0; n < X.cols(); ++n) {
        double o = net.b2(0);
        for (nn::Index i = 0; i < net.W1.rows(); ++i) {
            double z = net.b1(i);
            for (nn::Index j = 0; j < X.rows(); ++j) z += net.W1(i, j) * X(j, n);
            f.H(i, n) = sig(z);
            o += net.W2(0, i) * f.H(i, n);
        }
        f.out(0, n) = sig(o);
    }
    return f;
}
double loss_of(const XorNet& n, const nn::Matrix& X, const nn::Matrix& Y) {
    const XorForward f = forward_by_hand(n, X);
    double l = 0;
    for (nn::Index k = 0; k < X.cols(); ++k) l += 0.5 * (f.out(0, k) - Y(0, k)) * (f.out(0, k) - Y(0, k));
    return l;
}
double loss_of(const XorNet& n) { return loss_of(n, inputs(), targets()); }
}  // namespace

BOOST_AUTO_TEST_SUITE(ex09_1_xor_forward)

BOOST_AUTO_TEST_CASE(the_decks_network_computes_xor) {
    const XorForward f = xor_forward(slide::network(), inputs());
    BOOST_TEST_CONTEXT("the deck's network on X = " << nn_test::show(inputs())) {
        BOOST_TEST_REQUIRE(
            (f.H.rows() == 2 && f.H.cols() == 4),
            "H must be (hidden units, samples) = 2x4, got " << f.H.rows() << "x" << f.H.cols());
        BOOST_TEST_REQUIRE((f.out.rows() == 1 && f.out.cols() == 4),
                           "out must be (1, samples) = 1x4, got " << f.out.rows() << "x" << f.out.cols());
        for (int n = 0; n < 4; ++n)
            BOOST_TEST_CONTEXT("sample " << n << ", (x1, x2) = (" << inputs()(0, n) << ", " << inputs()(1, n)
                                         << ")") {
                nn_test::check_near(f.H(0, n), slide::h1[std::size_t(n)], 0.005, "h1, the deck's ≈ value");
                nn_test::check_near(f.H(1, n), slide::h2[std::size_t(n)], 0.005, "h2, the deck's ≈ value");
                nn_test::check_near(f.out(0, n), slide::out[std::size_t(n)], 0.005,
                                    "out, the deck's ≈ value (XOR)");
            }
    }
}

BOOST_AUTO_TEST_CASE(exact_values_of_the_first_row) {
    const XorForward f = xor_forward(slide::network(), inputs());
    BOOST_TEST_REQUIRE((f.H.rows() == 2 && f.H.cols() == 4 && f.out.rows() == 1 && f.out.cols() == 4),
                       "H must be 2x4 and out 1x4, got " << f.H.rows() << "x" << f.H.cols() << " and "
                                                         << f.out.rows() << "x" << f.out.cols());
    nn_test::check_near(f.H(0, 0), sig(-10), 1e-15, "h1 at (0, 0) = σ(20·0 + 20·0 − 10)");
    nn_test::check_near(f.H(1, 0), sig(30), 1e-15, "h2 at (0, 0) = σ(−20·0 − 20·0 + 30)");
    nn_test::check_near(f.out(0, 0), sig(20 * sig(-10) + 20 * sig(30) - 30), 1e-15,
                        "out at (0, 0) = σ(20·h1 + 20·h2 − 30)");
}

BOOST_AUTO_TEST_CASE(three_hidden_units_every_entry) {
    // Non-square W1 (3x2), different values in every column, weights that are not symmetric.
    XorNet net;
    net.W1 = (nn::Matrix(3, 2) << 0.5, -1.0, 1.5, 0.25, -0.75, 2.0).finished();
    net.b1 = (nn::Vector(3) << 0.1, -0.4, 0.3).finished();
    net.W2 = (nn::Matrix(1, 3) << 1.2, -0.8, 0.6).finished();
    net.b2 = (nn::Vector(1) << -0.2).finished();
    const nn::Matrix X = (nn::Matrix(2, 5) << 0, 1, -2, 0.5, 3, 1, 0, 1.5, -1, 0.25).finished();
    const XorForward e = forward_by_hand(net, X);
    const XorForward f = xor_forward(net, X);
    BOOST_TEST_CONTEXT(show_net(net) << ", X = " << nn_test::show(X)) {
        nn_test::check_matrix(f.H, e.H, 1e-14, "H = σ(W1·X + b1), b1 added to every column");
        nn_test::check_matrix(f.out, e.out, 1e-14, "out = σ(W2·H + b2)");
    }
}

BOOST_AUTO_TEST_CASE(one_sample_and_large_inputs_saturate) {
    // One sample: z = ±800 in the hidden layer, where exp(800) overflows a naive formula to inf
    // (and inf/inf is NaN); σ must give 1 and 0. Then out = σ(2·1 − 3·0 + 0.5) = σ(2.5).
    XorNet net;
    net.W1 = (nn::Matrix(2, 2) << 400, 400, -400, -400).finished();
    net.b1 = (nn::Vector(2) << 0, 0).finished();
    net.W2 = (nn::Matrix(1, 2) << 2, -3).finished();
    net.b2 = (nn::Vector(1) << 0.5).finished();
    const nn::Matrix X = (nn::Matrix(2, 1) << 1, 1).finished();
    const XorForward f = xor_forward(net, X);
    BOOST_TEST_CONTEXT(show_net(net) << ", X = " << nn_test::show(X) << " (z = 800 and −800)") {
        nn_test::check_matrix(f.H, (nn::Matrix(2, 1) << 1, 0).finished(), 1e-15, "H = σ(±800) = 1 and 0");
        nn_test::check_matrix(f.out, (nn::Matrix(1, 1) << sig(2.5)).finished(), 1e-15,
                              "out = σ(2·1 − 3·0 + 0.5)");
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex09_2_train_step)

namespace {
// One full-batch step written out: every gradient from the OLD parameters, then all four moved.
//   r = out − y, δ2 = r·out(1 − out), ∂W2 = Σ_n δ2·Hᵀ, ∂b2 = Σ_n δ2,
//   δ1 = W2ᵀ·δ2 ⊙ H(1 − H), ∂W1 = Σ_n δ1·xᵀ, ∂b1 = Σ_n δ1.
XorNet step_by_hand(const XorNet& n, const nn::Matrix& X, const nn::Matrix& Y, double lr) {
    const XorForward f = forward_by_hand(n, X);
    const nn::Index Hn = n.W1.rows();
    XorNet g{nn::Matrix::Zero(Hn, 2), nn::Vector::Zero(Hn), nn::Matrix::Zero(1, Hn), nn::Vector::Zero(1)};
    for (nn::Index s = 0; s < X.cols(); ++s) {
        const double o = f.out(0, s), d2 = (o - Y(0, s)) * o * (1 - o);
        g.b2(0) += d2;
        for (nn::Index i = 0; i < Hn; ++i) {
            const double h = f.H(i, s);
            g.W2(0, i) += d2 * h;
            const double d1 = n.W2(0, i) * d2 * h * (1 - h);
            g.b1(i) += d1;
            for (nn::Index j = 0; j < 2; ++j) g.W1(i, j) += d1 * X(j, s);
        }
    }
    return {n.W1 - lr * g.W1, n.b1 - lr * g.b1, n.W2 - lr * g.W2, n.b2 - lr * g.b2};
}
void check_step(const XorNet& n0, const nn::Matrix& X, const nn::Matrix& Y, double lr) {
    XorNet n1 = n0;
    const double got = train_step(n1, X, Y, lr);
    const XorNet e = step_by_hand(n0, X, Y, lr);
    BOOST_TEST_CONTEXT("one step with lr = " << lr << " from " << show_net(n0) << " on X = "
                                             << nn_test::show(X) << ", Y = " << nn_test::show(Y)) {
        nn_test::check_near(got, loss_of(n0, X, Y), 1e-12,
                            "the returned loss ½ Σ_n (out_n − y_n)², of the network BEFORE the step");
        nn_test::check_matrix(n1.W2, e.W2, 1e-12,
                              "W2 after the step: W2 − lr·Σ_n δ2·Hᵀ, δ2 = (out − y)·out(1 − out)");
        nn_test::check_matrix(n1.b2, e.b2, 1e-12, "b2 after the step: b2 − lr·Σ_n δ2 (summed, not averaged)");
        nn_test::check_matrix(n1.W1, e.W1, 1e-12,
                              "W1 after the step: W1 − lr·Σ_n δ1·xᵀ, δ1 = W2ᵀ·δ2 ⊙ H(1 − H) (old W2)");
        nn_test::check_matrix(n1.b1, e.b1, 1e-12, "b1 after the step: b1 − lr·Σ_n δ1 (summed, not averaged)");
    }
}
}  // namespace

BOOST_AUTO_TEST_CASE(returns_the_loss_before_the_step) {
    XorNet n = small_net();
    const double before = loss_of(n);
    const double got = train_step(n, inputs(), targets(), 0.5);
    BOOST_TEST_CONTEXT("a 2-3-1 network " << show_net(small_net()) << " on the XOR data, lr = 0.5") {
        nn_test::check_near(got, before, 1e-12, "the returned loss ½ Σ_n (out_n − y_n)² BEFORE the step");
        BOOST_TEST(loss_of(n) < before - 1e-4,
                   "the step must lower the loss: before " << before << ", after " << loss_of(n));
    }
    // A second step returns the loss of the network the first step left.
    const double middle = loss_of(n);
    nn_test::check_near(train_step(n, inputs(), targets(), 0.5), middle, 1e-12,
                        "the loss returned by a SECOND step (that of the network after the first step)");
}

BOOST_AUTO_TEST_CASE(every_parameter_after_one_step_on_xor) {
    check_step(small_net(), inputs(), targets(), 0.3);
}

BOOST_AUTO_TEST_CASE(every_parameter_after_one_step_on_other_data) {
    // Four hidden units, three samples with different values, targets that are not 0 or 1, and
    // large enough weights that each bias gradient differs from its mean.
    nn::Rng rng(11);
    const XorNet n{rng.uniform_matrix(4, 2, -2, 2), rng.uniform_matrix(4, 1, -2, 2).col(0),
                   rng.uniform_matrix(1, 4, -2, 2), rng.uniform_matrix(1, 1, -1, 1).col(0)};
    const nn::Matrix X = (nn::Matrix(2, 3) << 0.5, -1.0, 2.0, 1.5, 0.25, -0.75).finished();
    const nn::Matrix Y = (nn::Matrix(1, 3) << 0.9, 0.1, 0.6).finished();
    check_step(n, X, Y, 0.7);
    // A single sample.
    check_step(n, X.col(1), Y.col(1), 1.5);
}

BOOST_AUTO_TEST_CASE(the_step_is_minus_lr_times_the_gradient) {
    const XorNet n0 = small_net();
    XorNet n1 = n0;
    train_step(n1, inputs(), targets(), 0.1);
    XorNet p = n0;
    const nn::Matrix gW1 = nn_test::central_gradient([&] { return loss_of(p); }, p.W1);
    const nn::Matrix gW2 = nn_test::central_gradient([&] { return loss_of(p); }, p.W2);
    nn::Matrix b1 = p.b1, b2 = p.b2;
    const nn::Matrix gb1 = nn_test::central_gradient(
        [&] {
            p.b1 = b1.col(0);
            return loss_of(p);
        },
        b1);
    p.b1 = n0.b1;
    const nn::Matrix gb2 = nn_test::central_gradient(
        [&] {
            p.b2 = b2.col(0);
            return loss_of(p);
        },
        b2);
    BOOST_TEST_CONTEXT("a 2-3-1 network " << show_net(n0) << " on the XOR data, lr = 0.1") {
        nn_test::check_gradient((n0.W1 - n1.W1) / 0.1, gW1, 1e-7,
                                "(W1 before − W1 after)/lr, the gradient for W1,");
        nn_test::check_gradient((n0.W2 - n1.W2) / 0.1, gW2, 1e-7,
                                "(W2 before − W2 after)/lr, the gradient for W2,");
        nn_test::check_gradient(nn::Matrix((n0.b1 - n1.b1) / 0.1), gb1, 1e-7,
                                "(b1 before − b1 after)/lr, the gradient for b1,");
        nn_test::check_gradient(nn::Matrix((n0.b2 - n1.b2) / 0.1), gb2, 1e-7,
                                "(b2 before − b2 after)/lr, the gradient for b2,");
    }
}

BOOST_AUTO_TEST_CASE(many_steps_learn_xor) {
    XorNet n = small_net();
    for (int e = 0; e < 5000; ++e) train_step(n, inputs(), targets(), 2.0);
    BOOST_TEST(loss_of(n) < 0.01,
               "5000 steps with lr = 2 from a 2-3-1 network must learn XOR: loss ½ Σ (out − y)² "
               "expected below 0.01, got "
                   << loss_of(n));
}

BOOST_AUTO_TEST_SUITE_END()
