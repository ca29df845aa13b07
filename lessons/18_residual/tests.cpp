// Lesson 18 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// The blocks have h ≠ d (a transposed weight cannot fit by accident), batches of several columns
// (so a mean is not a sum) and pre-activations of both signs (so the ReLU's mask matters). The
// forward is checked against numbers worked by hand and against the block written sample by sample
// with explicit loops; the backward against central differences of a loss through the forward,
// written here again (not the learner's 18.1), and against the hand-worked numbers.
#define BOOST_TEST_MODULE lesson 18 exercises
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "exercise.hpp"
#include "nn/gradcheck.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson18;

namespace {

// The block of section 1: d = 2, h = 3.
Block hand_block() {
    Block p;
    p.W1.resize(3, 2);
    p.W1 << 1, -1, 0.5, 2, -1, 0.5;
    p.b1.resize(3);
    p.b1 << 0, -1, 0.5;
    p.W2.resize(2, 3);
    p.W2 << 1, 2, -1, 0.5, -1, 1;
    p.b2.resize(2);
    p.b2 << 0.1, -0.2;
    return p;
}
// Two samples: the first x = (2, 1), the second x = (−1, 1).
nn::Matrix hand_X() {
    nn::Matrix X(2, 2);
    X << 2, -1, 1, 1;
    return X;
}

Block random_block(nn::Rng& rng, nn::Index d, nn::Index h) {
    return {.W1 = rng.normal_matrix(h, d, 0, 1),
            .b1 = rng.normal_matrix(h, 1, 0, 0.5),
            .W2 = rng.normal_matrix(d, h, 0, 1),
            .b2 = rng.normal_matrix(d, 1, 0, 0.5)};
}

// The block by its definition, one sample and one entry at a time.
nn::Matrix loop_forward(const Block& p, const nn::Matrix& X) {
    const nn::Index d = X.rows(), h = p.W1.rows();
    nn::Matrix Y(d, X.cols());
    for (nn::Index n = 0; n < X.cols(); ++n) {
        std::vector<double> a(std::size_t(h), 0.0);
        for (nn::Index j = 0; j < h; ++j) {
            double z = p.b1(j);
            for (nn::Index i = 0; i < d; ++i) z += p.W1(j, i) * X(i, n);
            a[std::size_t(j)] = z > 0 ? z : 0;
        }
        for (nn::Index i = 0; i < d; ++i) {
            double f = p.b2(i);
            for (nn::Index j = 0; j < h; ++j) f += p.W2(i, j) * a[std::size_t(j)];
            Y(i, n) = X(i, n) + f;
        }
    }
    return Y;
}

// L = Σ G ⊙ Y for a fixed G: its ∂L/∂Y is G, so the backward's answers for dY = G are ∂L/∂(each).
double loss_of(const Block& p, const nn::Matrix& X, const nn::Matrix& G) {
    return loop_forward(p, X).cwiseProduct(G).sum();
}

void check_forward(const Block& p, const nn::Matrix& X, const std::string& what) {
    BOOST_TEST_CONTEXT(what) {
        const nn::Matrix copy = X;
        nn_test::check_matrix(residual_forward(p, X), loop_forward(p, X), 1e-12,
                              "Y = X + W2·relu(W1·X + b1) + b2, column by column");
        nn_test::check_matrix(X, copy, 0, "X after residual_forward (it must not be changed)");
    }
}

void check_backward(const Block& p, const nn::Matrix& X, const nn::Matrix& G, const std::string& what) {
    BOOST_TEST_CONTEXT(what) {
        const BlockGrads g = residual_backward(p, X, G);
        Block q = p;
        nn::Matrix Xq = X;
        const auto L = [&] { return loss_of(q, Xq, G); };
        nn_test::check_gradient(g.dX, nn::central_gradient(L, Xq), 1e-7,
                                "dX (the identity path's dY plus W1ᵀ·dZ)");
        nn_test::check_gradient(g.dW1, nn::central_gradient(L, q.W1), 1e-7, "dW1 = dZ·Xᵀ");
        nn_test::check_gradient(g.db1, nn::central_gradient(L, q.b1), 1e-7, "db1 = Σ_n dZ");
        nn_test::check_gradient(g.dW2, nn::central_gradient(L, q.W2), 1e-7, "dW2 = dY·Aᵀ");
        nn_test::check_gradient(g.db2, nn::central_gradient(L, q.b2), 1e-7, "db2 = Σ_n dY");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex18_1_residual_forward)

BOOST_AUTO_TEST_CASE(the_hand_worked_block_gives_section_1s_numbers) {
    // Sample 1, x = (2, 1): Z = (1, 2, −1)... worked in the lesson's section 1:
    //   Z = W1·x + b1 = (2 − 1 + 0, 1 + 2 − 1, −2 + 0.5 + 0.5) = (1, 2, −1), A = (1, 2, 0)
    //   F = W2·A + b2 = (1 + 4 − 0 + 0.1, 0.5 − 2 + 0 − 0.2) = (5.1, −1.7), Y = x + F = (7.1, −0.7)
    // Sample 2, x = (−1, 1): Z = (−2, −0.5 + 2 − 1, 1 + 0.5 + 0.5) = (−2, 0.5, 2), A = (0, 0.5, 2)
    //   F = (0 + 1 − 2 + 0.1, 0 − 0.5 + 2 − 0.2) = (−0.9, 1.3), Y = (−1.9, 2.3)
    nn::Matrix expected(2, 2);
    expected << 7.1, -1.9, -0.7, 2.3;
    nn_test::check_matrix(residual_forward(hand_block(), hand_X()), expected, 1e-12,
                          "section 1's block on x = (2, 1) and (−1, 1): Y = X + W2·relu(W1·X + b1) + b2");
}

BOOST_AUTO_TEST_CASE(random_blocks_match_the_definition_sample_by_sample) {
    nn::Rng rng(1801);
    for (const auto& [d, h, N] : {std::tuple<nn::Index, nn::Index, nn::Index>{3, 5, 4}, {4, 2, 7}, {5, 5, 1}})
        check_forward(random_block(rng, d, h), rng.normal_matrix(d, N, 0, 1),
                      "a block with d = " + std::to_string(d) + ", h = " + std::to_string(h) + ", " +
                          std::to_string(N) + " samples");
}

BOOST_AUTO_TEST_CASE(a_branch_of_zeros_gives_the_input_back) {
    // W2 = 0, b2 = 0: F = 0 whatever the ReLU does, so Y = X: the block can be the identity.
    // W2 = 0, b2 ≠ 0: F = b2 in every column, so Y = X + b2.
    nn::Rng rng(1802);
    Block p = random_block(rng, 3, 4);
    p.W2.setZero();
    p.b2.setZero();
    const nn::Matrix X = rng.normal_matrix(3, 5, 0, 1);
    nn_test::check_matrix(residual_forward(p, X), X, 1e-15,
                          "with W2 = 0 and b2 = 0 the branch F is 0: Y must be X (the skip adds X once)");
    p.b2 << 1, -2, 3;
    nn_test::check_matrix(
        residual_forward(p, X), X.colwise() + p.b2, 1e-15,
        "with W2 = 0 and b2 = (1, −2, 3) the branch F is b2: Y must be X + b2 in every column");
}

BOOST_AUTO_TEST_CASE(the_output_has_no_relu_after_the_sum) {
    // A branch that pushes every output negative: Y keeps its negative entries.
    nn::Rng rng(1803);
    Block p = random_block(rng, 2, 3);
    p.b2 << -10, -20;
    const nn::Matrix X = rng.normal_matrix(2, 3, 0, 1);
    const nn::Matrix Y = residual_forward(p, X);
    BOOST_TEST_REQUIRE((Y.rows() == 2 && Y.cols() == 3),
                       "expected a 2x3 result, got " << Y.rows() << "x" << Y.cols());
    BOOST_TEST(Y.maxCoeff() < 0, "b2 = (−10, −20): Y = X + F must be negative (no ReLU after the sum), got "
                                     << nn_test::show(Y));
    nn_test::check_matrix(Y, loop_forward(p, X), 1e-12, "Y = X + F with negative entries kept");
}

BOOST_AUTO_TEST_CASE(refuses_shapes_that_do_not_fit) {
    nn::Rng rng(1804);
    const Block p = random_block(rng, 3, 4);
    const nn::Matrix X = rng.normal_matrix(3, 2, 0, 1);
    const auto refuses = [&](Block q, const nn::Matrix& Xq, const std::string& what) {
        nn_test::invalid_argument_message([&] { residual_forward(q, Xq); }, "residual_forward with " + what);
    };
    refuses(p, rng.normal_matrix(4, 2, 0, 1), "X of 4 rows for W1 of 3 columns");
    Block q = p;
    q.b1.resize(3);
    refuses(q, X, "b1 of 3 entries for W1 of 4 rows");
    q = p;
    q.W2.resize(3, 5);
    refuses(q, X, "W2 of 5 columns after a W1 of 4 rows");
    q = p;
    q.W2.resize(4, 4);
    refuses(q, X, "W2 of 4 rows for a 3-row X (the sum X + F needs equal heights)");
    q = p;
    q.b2.resize(4);
    refuses(q, X, "b2 of 4 entries for a 3-row X");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex18_2_residual_backward)

BOOST_AUTO_TEST_CASE(the_hand_worked_block_gives_section_1s_gradients) {
    // dY = (1, 0) for sample 1 and (0, 1) for sample 2 (section 1):
    //   sample 1: dA = W2ᵀ·(1, 0) = (1, 2, −1), Z = (1, 2, −1) -> dZ = (1, 2, 0)
    //             dX = (1, 0) + W1ᵀ·dZ = (1, 0) + (1 + 1, −1 + 4) = (3, 3)
    //   sample 2: dA = W2ᵀ·(0, 1) = (0.5, −1, 1), Z = (−2, 0.5, 2) -> dZ = (0, −1, 1)
    //             dX = (0, 1) + W1ᵀ·dZ = (0, 1) + (−0.5 − 1, −2 + 0.5) = (−1.5, −0.5)
    //   db2 = (1, 1); db1 = (1, 1, 1); dW2 = dY·Aᵀ = [[1, 2, 0], [0, 0.5, 2]]
    //   dW1 = dZ·Xᵀ = [[2, 1], [4 + 1, 2 − 1], [0 − 1, 0 + 1]] = [[2, 1], [5, 1], [−1, 1]]
    nn::Matrix dY(2, 2);
    dY << 1, 0, 0, 1;
    const BlockGrads g = residual_backward(hand_block(), hand_X(), dY);
    nn::Matrix dX(2, 2), dW1(3, 2), db1(3, 1), dW2(2, 3), db2(2, 1);
    dX << 3, -1.5, 3, -0.5;
    dW1 << 2, 1, 5, 1, -1, 1;
    db1 << 1, 1, 1;
    dW2 << 1, 2, 0, 0, 0.5, 2;
    db2 << 1, 1;
    nn_test::check_matrix(g.dX, dX, 1e-12, "dX = dY + W1ᵀ·dZ (section 1: (3, 3) and (−1.5, −0.5))");
    nn_test::check_matrix(g.dW1, dW1, 1e-12, "dW1 = dZ·Xᵀ, summed over both samples");
    nn_test::check_matrix(g.db1, db1, 1e-12, "db1 = Σ_n dZ (a sum over the samples, not a mean)");
    nn_test::check_matrix(g.dW2, dW2, 1e-12, "dW2 = dY·Aᵀ with A = relu(Z)");
    nn_test::check_matrix(g.db2, db2, 1e-12, "db2 = Σ_n dY (a sum over the samples, not a mean)");
}

BOOST_AUTO_TEST_CASE(every_gradient_matches_central_differences) {
    nn::Rng rng(1811);
    for (const auto& [d, h, N] :
         {std::tuple<nn::Index, nn::Index, nn::Index>{3, 5, 4}, {4, 2, 6}, {2, 3, 1}}) {
        const Block p = random_block(rng, d, h);
        check_backward(p, rng.normal_matrix(d, N, 0, 1), rng.normal_matrix(d, N, 0, 1),
                       "a block with d = " + std::to_string(d) + ", h = " + std::to_string(h) + ", " +
                           std::to_string(N) + " samples, dY random");
    }
}

BOOST_AUTO_TEST_CASE(a_dead_branch_still_passes_dy_through_the_skip) {
    // b1 so negative that every ReLU is off: the branch gives nothing back, dX must be dY exactly and
    // dW1, db1, dW2 zero; db2 is still Σ_n dY.
    nn::Rng rng(1812);
    Block p = random_block(rng, 3, 4);
    p.b1.setConstant(-100);
    const nn::Matrix X = rng.normal_matrix(3, 5, 0, 1), dY = rng.normal_matrix(3, 5, 0, 1);
    const BlockGrads g = residual_backward(p, X, dY);
    nn_test::check_matrix(g.dX, dY, 1e-12,
                          "every ReLU off: dX must be dY itself, carried by the identity path");
    nn_test::check_matrix(g.dW1, nn::Matrix::Zero(4, 3), 1e-12, "dW1 with every ReLU off");
    nn_test::check_matrix(g.db1, nn::Matrix::Zero(4, 1), 1e-12, "db1 with every ReLU off");
    nn_test::check_matrix(g.dW2, nn::Matrix::Zero(3, 4), 1e-12, "dW2 with A = 0");
    nn_test::check_matrix(g.db2, dY.rowwise().sum(), 1e-12, "db2 = Σ_n dY");
}

BOOST_AUTO_TEST_CASE(a_pre_activation_of_exactly_zero_passes_no_gradient) {
    // W1's first row (1, −1) on x = (0.5, 0.5) with b1 = 0 gives z₁ = 0 exactly: relu is flat there by
    // the convention of exercise.hpp ([Z > 0]), so unit 1 passes nothing back; unit 2 (z₂ = 1) does.
    Block p{
        .W1 = nn::Matrix(2, 2), .b1 = nn::Vector::Zero(2), .W2 = nn::Matrix(2, 2), .b2 = nn::Vector::Zero(2)};
    p.W1 << 1, -1, 1, 1;
    p.W2 << 1, 2, 3, 4;
    nn::Matrix X(2, 1), dY(2, 1);
    X << 0.5, 0.5;
    dY << 1, 1;
    const BlockGrads g = residual_backward(p, X, dY);
    // dA = W2ᵀ·dY = (4, 6); dZ = (0, 6); dX = dY + W1ᵀ·dZ = (1 + 6, 1 + 6).
    nn::Matrix db1(2, 1), dX(2, 1), dW1(2, 2);
    db1 << 0, 6;
    dX << 7, 7;
    dW1 << 0, 0, 3, 3;
    nn_test::check_matrix(g.db1, db1, 1e-12,
                          "db1 with z₁ = 0 exactly: the ReLU's mask is [z > 0], so unit 1 gets 0");
    nn_test::check_matrix(g.dW1, dW1, 1e-12, "dW1 with z₁ = 0 exactly (its row must be 0)");
    nn_test::check_matrix(g.dX, dX, 1e-12, "dX with z₁ = 0 exactly: only unit 2 sends a gradient back");
}

BOOST_AUTO_TEST_CASE(the_inputs_are_not_changed_and_shapes_are_refused) {
    nn::Rng rng(1813);
    const Block p = random_block(rng, 3, 4);
    const nn::Matrix X = rng.normal_matrix(3, 2, 0, 1), dY = rng.normal_matrix(3, 2, 0, 1);
    const nn::Matrix Xc = X, dYc = dY;
    residual_backward(p, X, dY);
    nn_test::check_matrix(X, Xc, 0, "X after residual_backward (it must not be changed)");
    nn_test::check_matrix(dY, dYc, 0, "dY after residual_backward (it must not be changed)");
    nn_test::invalid_argument_message([&] { residual_backward(p, X, rng.normal_matrix(3, 3, 0, 1)); },
                                      "residual_backward with dY 3x3 for X 3x2");
    nn_test::invalid_argument_message([&] { residual_backward(p, X, rng.normal_matrix(2, 2, 0, 1)); },
                                      "residual_backward with dY 2x2 for X 3x2");
    Block q = p;
    q.W2.resize(3, 5);
    nn_test::invalid_argument_message([&] { residual_backward(q, X, dY); },
                                      "residual_backward with W2 of 5 columns after a W1 of 4 rows");
    q = p;
    q.W1.resize(4, 2);
    nn_test::invalid_argument_message([&] { residual_backward(q, X, dY); },
                                      "residual_backward with W1 of 2 columns for a 3-row X");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {
// Layer normalization by its definition, column by column with explicit loops.
nn::Matrix loop_normalize(const nn::Matrix& Z, nn::Vector& inv) {
    const nn::Index m = Z.rows();
    nn::Matrix U(m, Z.cols());
    inv.resize(Z.cols());
    for (nn::Index n = 0; n < Z.cols(); ++n) {
        double mu = 0, var = 0;
        for (nn::Index i = 0; i < m; ++i) mu += Z(i, n);
        mu /= double(m);
        for (nn::Index i = 0; i < m; ++i) var += (Z(i, n) - mu) * (Z(i, n) - mu);
        var /= double(m);
        inv(n) = 1 / std::sqrt(var + kNormEps);
        for (nn::Index i = 0; i < m; ++i) U(i, n) = (Z(i, n) - mu) * inv(n);
    }
    return U;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex18_3_normalize_columns)

BOOST_AUTO_TEST_CASE(a_column_worked_by_hand) {
    // z = (1, 2, 3, 6): μ = 3, σ² = (4 + 1 + 0 + 9)/4 = 3.5, s = 1/√3.50001, u = (−2, −1, 0, 3)·s.
    nn::Matrix Z(4, 1);
    Z << 1, 2, 3, 6;
    nn::Vector inv;
    const nn::Matrix U = normalize_columns(Z, inv);
    const double s = 1 / std::sqrt(3.5 + kNormEps);
    nn::Matrix expected(4, 1);
    expected << -2 * s, -s, 0, 3 * s;
    nn_test::check_matrix(
        U, expected, 1e-12,
        "z = (1, 2, 3, 6): mean 3, variance 3.5 (divided by m = 4), u = (z − 3)/√(3.5 + eps)");
    nn_test::check_matrix(inv, nn::Matrix::Constant(1, 1, s), 1e-12,
                          "inv_std = 1/√(σ² + eps), eps inside the root");
}

BOOST_AUTO_TEST_CASE(every_column_on_its_own_matches_the_definition) {
    nn::Rng rng(1831);
    // 3 rows and 5 columns, each column with its own offset and spread; one column of small spread,
    // where eps matters.
    nn::Matrix Z = rng.normal_matrix(3, 5, 0, 1);
    for (nn::Index n = 0; n < 5; ++n)
        Z.col(n) = Z.col(n) * double(n + 1) + nn::Vector::Constant(3, 2.0 * double(n));
    Z.col(4) *= 1e-3;
    const nn::Matrix copy = Z;
    nn::Vector inv, inv_expected;
    const nn::Matrix expected = loop_normalize(Z, inv_expected);
    const nn::Matrix U = normalize_columns(Z, inv);
    nn_test::check_matrix(U, expected, 1e-9,
                          "each column normalized over its own 3 entries (a sample, not a unit)");
    nn_test::check_matrix(inv, inv_expected, 1e-9 * inv_expected.maxCoeff(),
                          "inv_std: one 1/√(σ² + eps) per column");
    nn_test::check_matrix(Z, copy, 0, "Z after normalize_columns (it must not be changed)");
}

BOOST_AUTO_TEST_CASE(a_constant_column_becomes_zeros_and_empty_columns_are_refused) {
    nn::Matrix Z(3, 2);
    Z << 4, 1, 4, 2, 4, 4;
    nn::Vector inv;
    const nn::Matrix U = normalize_columns(Z, inv);
    BOOST_TEST_REQUIRE((U.rows() == 3 && U.cols() == 2),
                       "expected a 3x2 result, got " << U.rows() << "x" << U.cols());
    nn_test::check_matrix(U.col(0), nn::Matrix::Zero(3, 1), 1e-12, "a constant column (4, 4, 4): z − μ = 0");
    nn_test::check_near(inv(0), 1 / std::sqrt(kNormEps), 1e-6, "inv_std of a constant column: 1/√eps");
    nn_test::invalid_argument_message(
        [&] {
            nn::Vector v;
            normalize_columns(nn::Matrix(0, 3), v);
        },
        "normalize_columns of a 0x3 matrix");
    // One row is a layer of one unit: every column is its own mean, so U = 0 and s = 1/√eps.
    nn::Matrix one(1, 3);
    one << 2, -1, 5;
    nn::Vector s1;
    nn_test::check_matrix(normalize_columns(one, s1), nn::Matrix::Zero(1, 3), 1e-12,
                          "a 1x3 Z (one unit; valid): each column minus its mean is 0");
    nn_test::check_matrix(s1, nn::Matrix::Constant(3, 1, 1 / std::sqrt(kNormEps)), 1e-6,
                          "inv_std of a 1x3 Z: 1/√eps per column");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex18_4_normalize_columns_backward)

BOOST_AUTO_TEST_CASE(matches_central_differences) {
    nn::Rng rng(1841);
    for (const auto& [m, N] : {std::pair<nn::Index, nn::Index>{4, 3}, {6, 1}, {3, 5}}) {
        nn::Matrix Z = rng.normal_matrix(m, N, 1, 2);
        const nn::Matrix G = rng.normal_matrix(m, N, 0, 1);
        nn::Vector inv, unused;
        const nn::Matrix U = loop_normalize(Z, inv);
        const auto L = [&] { return loop_normalize(Z, unused).cwiseProduct(G).sum(); };
        nn_test::check_gradient(
            normalize_columns_backward(G, U, inv), nn::central_gradient(L, Z), 1e-6,
            "∂L/∂Z for " + std::to_string(m) + "x" + std::to_string(N) +
                " (L = Σ G ⊙ normalize_columns(Z)): s·(dU − mean(dU) − U·mean(dU ⊙ U)) per column");
    }
}

BOOST_AUTO_TEST_CASE(a_shift_or_scale_of_the_column_gets_no_gradient) {
    // dU = U·c + constant: the loss changes only if the column's mean or spread changes, which N removes;
    // so ∂L/∂Z = 0 for dU = 1 (every entry) and for dU = U (there up to eps/(σ² + eps), as eps keeps
    // the variance of U just below 1).
    nn::Rng rng(1842);
    const nn::Matrix Z = rng.normal_matrix(5, 3, 0, 3);
    nn::Vector inv;
    const nn::Matrix U = loop_normalize(Z, inv);
    nn_test::check_matrix(normalize_columns_backward(nn::Matrix::Ones(5, 3), U, inv), nn::Matrix::Zero(5, 3),
                          1e-12, "dU = 1 everywhere (moving the whole column): ∂L/∂Z must be 0");
    nn_test::check_matrix(normalize_columns_backward(U, U, inv), nn::Matrix::Zero(5, 3), 1e-4,
                          "dU = U (scaling the column): ∂L/∂Z must be 0 (up to eps's share, about 1e-5)");
}

BOOST_AUTO_TEST_CASE(the_scale_of_each_column_is_used_and_shapes_are_refused) {
    // The same U and dU with inv_std (1, 2, 4): the gradient of column n is scaled by s_n exactly.
    nn::Rng rng(1843);
    nn::Vector inv;
    const nn::Matrix U = loop_normalize(rng.normal_matrix(4, 3, 0, 1), inv);
    const nn::Matrix dU = rng.normal_matrix(4, 3, 0, 1);
    nn::Vector ones = nn::Vector::Ones(3), s(3);
    s << 1, 2, 4;
    const nn::Matrix base = normalize_columns_backward(dU, U, ones);
    nn_test::check_matrix(normalize_columns_backward(dU, U, s), base * s.asDiagonal(), 1e-12,
                          "column n of ∂L/∂Z is s_n times the bracket (inv_std (1, 2, 4))");
    nn_test::invalid_argument_message([&] { normalize_columns_backward(dU.leftCols(2), U, inv); },
                                      "normalize_columns_backward with dU 4x2 for U 4x3");
    nn_test::invalid_argument_message([&] { normalize_columns_backward(dU.topRows(3), U, inv); },
                                      "normalize_columns_backward with dU 3x3 for U 4x3");
    nn_test::invalid_argument_message([&] { normalize_columns_backward(dU, U, nn::Vector::Ones(4)); },
                                      "normalize_columns_backward with inv_std of 4 entries for 3 columns");
}

BOOST_AUTO_TEST_SUITE_END()
