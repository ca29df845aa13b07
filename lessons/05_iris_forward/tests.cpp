// Lesson 05 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 05 exercises
#include <boost/test/unit_test.hpp>

#include <exception>
#include <functional>
#include <stdexcept>
#include <string>

#include "exercise.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson05;

namespace {
nn::Matrix slide_x() {
    const auto& f = slide::flowers[0].x;
    return (nn::Matrix(4, 1) << f[0], f[1], f[2], f[3]).finished();
}
nn::Matrix slide_target() { return (nn::Matrix(3, 1) << 1, 0, 0).finished(); }
nn::Matrix nine_and_a_half() { return nn::Matrix::Constant(3, 1, 9.5); }
// Three classes, four samples (one per column), every entry different from its target.
nn::Matrix batch_target() { return (nn::Matrix(3, 4) << 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0).finished(); }
nn::Matrix batch_output() {
    return (nn::Matrix(3, 4) << 0.9, 0.2, -0.1, 0.3, 0.05, 0.6, 0.4, 1.5, 0.0, 0.1, 0.7, -0.2).finished();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex05_1_one_hot)

BOOST_AUTO_TEST_CASE(the_slides_labels_become_its_one_hot_rows) {
    // IBM-1: labels 1, 3, 2, 2, 1, 3 -> rows 100, 001, 010, 010, 100, 001 (0-based labels here);
    // ours are the columns of a (classes, N) = (3, 6) matrix.
    const nn::Matrix Y = one_hot({0, 2, 1, 1, 0, 2}, 3);
    nn::Matrix expected(3, 6);
    expected << 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1;
    nn_test::check_matrix(Y, expected, 0, "one_hot({0, 2, 1, 1, 0, 2}, 3), one column per label");
}

BOOST_AUTO_TEST_CASE(ten_classes_like_mnist) {
    const nn::Matrix Y = one_hot({7, 0, 9}, 10);
    nn::Matrix expected = nn::Matrix::Zero(10, 3);
    expected(7, 0) = expected(0, 1) = expected(9, 2) = 1;
    nn_test::check_matrix(Y, expected, 0, "one_hot({7, 0, 9}, 10): a 10x3 matrix with a 1 in rows 7, 0, 9");
}

BOOST_AUTO_TEST_CASE(more_classes_than_labels_and_a_single_label) {
    // 4 classes, 2 labels: (4, 2), not (2, 4); one label: a single column.
    nn::Matrix expected = nn::Matrix::Zero(4, 2);
    expected(3, 0) = expected(1, 1) = 1;
    nn_test::check_matrix(one_hot({3, 1}, 4), expected, 0, "one_hot({3, 1}, 4)");
    nn_test::check_matrix(one_hot({0}, 1), nn::Matrix::Ones(1, 1), 0, "one_hot({0}, 1), one class");
    // no labels: no columns, but still one row per class
    const nn::Matrix none = one_hot({}, 4);
    nn_test::check_equal(none.rows(), nn::Index{4}, "rows of one_hot({}, 4)");
    nn_test::check_equal(none.cols(), nn::Index{0}, "columns of one_hot({}, 4)");
}

BOOST_AUTO_TEST_CASE(labels_out_of_range_throw) {
    BOOST_CHECK_THROW(one_hot({0, 3}, 3), std::invalid_argument);  // 3 is not in 0..2
    BOOST_CHECK_THROW(one_hot({-1}, 3), std::invalid_argument);
    BOOST_CHECK_THROW(one_hot({1, 7, 0}, 3), std::invalid_argument);
    BOOST_CHECK_THROW(one_hot({1}, 0), std::invalid_argument);  // no class at all
    // the last class, classes − 1, is in range: no throw, a 1 in the last row
    nn::Matrix expected = nn::Matrix::Zero(3, 2);
    expected(2, 0) = expected(0, 1) = 1;
    nn::Matrix Y;
    BOOST_CHECK_NO_THROW(Y = one_hot({2, 0}, 3));
    nn_test::check_matrix(Y, expected, 0, "one_hot({2, 0}, 3), label 2 is the last class");
}

BOOST_AUTO_TEST_CASE(the_message_names_the_label_and_the_range_0_to_classes_minus_1) {
    // 3 classes are the labels 0, 1 and 2: the range is 0..2 (not 0..3, 0..1 or 0..4).
    std::string m = nn_test::invalid_argument_message([] { (void)one_hot({0, 3}, 3); }, "one_hot({0, 3}, 3)");
    nn_test::check_names(m, "label 3", "one_hot({0, 3}, 3)");
    nn_test::check_names(m, "0..2", "one_hot({0, 3}, 3)");
    m = nn_test::invalid_argument_message([] { (void)one_hot({-1}, 3); }, "one_hot({-1}, 3)");
    nn_test::check_names(m, "label -1", "one_hot({-1}, 3)");
    nn_test::check_names(m, "0..2", "one_hot({-1}, 3)");
    // 10 classes like MNIST: the digits 0..9.
    m = nn_test::invalid_argument_message([] { (void)one_hot({4, 10}, 10); }, "one_hot({4, 10}, 10)");
    nn_test::check_names(m, "0..9", "one_hot({4, 10}, 10)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex05_2_pre_activation)

BOOST_AUTO_TEST_CASE(the_slides_ones_give_9_5_three_times) {
    // x = [4.9, 3.0, 1.4, 0.2], W all ones (3, 4), b = 0: each output 4.9 + 3 + 1.4 + 0.2 = 9.5
    const nn::Matrix z = pre_activation(nn::Matrix::Ones(3, 4), nn::Vector::Zero(3), slide_x());
    nn_test::check_matrix(z, nn::Matrix::Constant(3, 1, 9.5), 1e-12,
                          "W = ones(3, 4), b = 0, the slide's flower");
    for (int k = 0; k < 3; ++k)
        BOOST_TEST(nn::matches(z(k, 0), slide::z),
                   "output " << k << " must match the slide's 9.5, got " << z(k, 0));
}

BOOST_AUTO_TEST_CASE(the_bias_is_added_to_every_sample) {
    nn::Matrix W(2, 3);
    W << 1, 2, 3, -1, 0, 1;
    const nn::Vector b = (nn::Vector(2) << 10, -10).finished();
    nn::Matrix X(3, 2);
    X << 1, 0, 1, 1, 1, 2;
    nn::Matrix expected(2, 2);  // W·X = [[6, 8], [0, 2]], plus 10 and −10 on each column
    expected << 16, 18, -10, -8;
    nn_test::check_matrix(pre_activation(W, b, X), expected, 1e-12,
                          "Z = W·X + b for W = " + nn_test::show(W) + ", X = " + nn_test::show(X));
}

BOOST_AUTO_TEST_CASE(four_samples_two_outputs_three_inputs) {
    // W (2, 3), X (3, 4): Z (2, 4). Row 0 of W·X: 0.5·x0 − x1 + 2·x2 = 4.5, −3, 3, −2.5, plus 1;
    // row 1: 1.5·x0 + 0.25·x1 − 0.5·x2 = 0.5, 3.75, 0.25, −1.25, plus −2.
    nn::Matrix W(2, 3);
    W << 0.5, -1, 2, 1.5, 0.25, -0.5;
    const nn::Vector b = (nn::Vector(2) << 1, -2).finished();
    nn::Matrix X(3, 4);
    X << 1, 2, 0, -1, 0, 1, 3, 2, 2, -1, 1, 0.5;
    nn::Matrix expected(2, 4);
    expected << 5.5, -1.0, 0.0, -0.5, -1.5, 1.75, -1.75, -3.25;
    nn_test::check_matrix(pre_activation(W, b, X), expected, 1e-12,
                          "Z = W·X + b, one sample per column, for W (2x3), X (3x4)");
}

BOOST_AUTO_TEST_CASE(a_square_weight_matrix_is_not_transposed) {
    // W is square but not symmetric: W·X and Wᵀ·X differ ([[1.5, 11.5], [3, −3], [8, 5]] for Wᵀ).
    nn::Matrix W(3, 3);
    W << 1, 2, 0, 0, 1, 3, 4, 0, 1;
    const nn::Vector b = (nn::Vector(3) << 0.5, -1, 2).finished();
    nn::Matrix X(3, 2);
    X << 1, -1, 2, 0, 0, 3;
    nn::Matrix expected(3, 2);  // W·X = [[5, −1], [2, 9], [4, −1]], plus 0.5, −1, 2 by row
    expected << 5.5, -0.5, 1, 8, 6, 1;
    nn_test::check_matrix(pre_activation(W, b, X), expected, 1e-12,
                          "Z = W·X + b (not Wᵀ·X) for W = " + nn_test::show(W));
}

BOOST_AUTO_TEST_CASE(bias_entry_i_goes_to_output_row_i) {
    // As many samples as outputs (3), so a bias added along the wrong axis still fits the shape:
    // W·X = [[3, −2, 0], [2.5, 0.5, 6.5], [−1, 1, 1]]; row i gets b_i = 10, 20, 30 in every column.
    nn::Matrix W(3, 2);
    W << 1, -2, 3, 0.5, 0, 1;
    const nn::Vector b = (nn::Vector(3) << 10, 20, 30).finished();
    nn::Matrix X(2, 3);
    X << 1, 0, 2, -1, 1, 1;
    nn::Matrix expected(3, 3);
    expected << 13, 8, 10, 22.5, 20.5, 26.5, 29, 31, 31;
    nn_test::check_matrix(pre_activation(W, b, X), expected, 1e-12,
                          "Z = W·X + b with b = [10, 20, 30] added to row i (output i) of every column");
}

BOOST_AUTO_TEST_CASE(shapes_that_do_not_fit_throw) {
    // X has 3 rows but W 4 columns
    BOOST_CHECK_THROW(pre_activation(nn::Matrix::Ones(3, 4), nn::Vector::Zero(3), nn::Matrix::Ones(3, 1)),
                      std::invalid_argument);
    // b has 2 entries but W 3 rows
    BOOST_CHECK_THROW(pre_activation(nn::Matrix::Ones(3, 4), nn::Vector::Zero(2), nn::Matrix::Ones(4, 1)),
                      std::invalid_argument);
    // W (2, 3) with b of 3 entries and X of 2 rows fits only the transposed layout Wᵀ·X
    BOOST_CHECK_THROW(pre_activation(nn::Matrix::Ones(2, 3), nn::Vector::Zero(3), nn::Matrix::Ones(2, 5)),
                      std::invalid_argument);
    // shapes that fit do not throw: W (1, 2), b (1), X (2, 3): [1 2]·X + 0.5
    nn::Matrix X(2, 3);
    X << 1, 0, -1, 2, 1, 0.5;
    nn::Matrix Z;
    BOOST_CHECK_NO_THROW(
        Z = pre_activation((nn::Matrix(1, 2) << 1, 2).finished(), (nn::Vector(1) << 0.5).finished(), X));
    nn_test::check_matrix(Z, (nn::Matrix(1, 3) << 5.5, 2.5, 0.5).finished(), 1e-12,
                          "Z = [1 2]·X + 0.5 for X = " + nn_test::show(X));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex05_3_squared_error)

BOOST_AUTO_TEST_CASE(the_slides_error_is_126_375_not_84_25) {
    // ½ [(1 − 9.5)² + 9.5² + 9.5²] = ½ [72.25 + 90.25 + 90.25] = 126.375
    const double E = squared_error(slide_target(), nine_and_a_half());
    nn_test::check_near(E, 126.375, 1e-12,
                        "E = Σ ½(t − o)² for the slide's target [1, 0, 0] and output 9.5 x3");
    BOOST_TEST(!nn::matches(E, slide::E_total), "the error must not be the slide's 84.25, got " << E);
}

BOOST_AUTO_TEST_CASE(summed_over_every_sample_and_output_with_one_half) {
    // (t − o)² over the 12 entries: .01 .04 .01 .09 / .0025 .16 .16 .25 / 0 .01 .09 .04, sum 0.8625;
    // E = ½·0.8625 = 0.43125 (a mean over the 4 samples would give 0.1078125, over the 3 outputs
    // 0.14375, without the ½ 0.8625).
    nn_test::check_near(squared_error(batch_target(), batch_output()), 0.43125, 1e-12,
                        "E = Σ ½(t − o)² summed over all 3x4 entries, target " +
                            nn_test::show(batch_target()) + ", output " + nn_test::show(batch_output()));
    // a perfect output has zero error; one off by 2 in a single entry has ½·2² = 2
    nn_test::check_near(squared_error(batch_target(), batch_target()), 0, 0, "E when output == target");
    nn::Matrix off = batch_target();
    off(1, 2) += 2;
    nn_test::check_near(squared_error(batch_target(), off), 2, 1e-12, "E with one entry off by 2 (½·2²)");
    // a single row of several samples
    nn_test::check_near(
        squared_error((nn::Matrix(1, 3) << 1, 2, 3).finished(), (nn::Matrix(1, 3) << 0, 4, 3).finished()),
        2.5, 1e-12, "E for target [1 2 3], output [0 4 3]: ½(1 + 4 + 0)");
}

BOOST_AUTO_TEST_CASE(the_gradient_is_output_minus_target) {
    nn::Matrix expected(3, 1);
    expected << 8.5, 9.5, 9.5;  // −(1 − 9.5), −(0 − 9.5), −(0 − 9.5)
    nn_test::check_matrix(squared_error_grad(slide_target(), nine_and_a_half()), expected, 1e-12,
                          "∂E/∂output for the slide's target and output");
}

BOOST_AUTO_TEST_CASE(the_gradient_of_a_batch_entry_by_entry) {
    // output − target, no 1/N, no factor 2, same (3, 4) shape
    nn::Matrix expected(3, 4);
    expected << -0.1, 0.2, -0.1, 0.3, 0.05, -0.4, 0.4, 0.5, 0.0, 0.1, -0.3, -0.2;
    nn_test::check_matrix(squared_error_grad(batch_target(), batch_output()), expected, 1e-12,
                          "∂E/∂output = output − target for a 3x4 batch");
}

BOOST_AUTO_TEST_CASE(the_gradient_matches_central_differences) {
    nn::Matrix out(2, 3);
    out << 0.3, -1.2, 2.0, 0.7, 0.1, -0.4;
    nn::Matrix t(2, 3);
    t << 1, 0, 0, 0, 1, 0;
    nn::Matrix O = out;
    // the error itself, written out: ½ Σ (t − o)², so the check holds the pair to the contract
    const nn::Matrix numeric = nn_test::central_gradient([&] { return 0.5 * (t - O).squaredNorm(); }, O);
    nn_test::check_gradient(squared_error_grad(t, out), numeric, 1e-7, "∂E/∂output for a 2x3 output");
    // and the error and its gradient agree with each other
    const nn::Matrix own = nn_test::central_gradient([&] { return squared_error(t, O); }, O);
    nn_test::check_gradient(squared_error_grad(t, out), own, 1e-7,
                            "squared_error_grad against central differences of your squared_error");
}

BOOST_AUTO_TEST_CASE(shapes_must_agree) {
    BOOST_CHECK_THROW(squared_error(nn::Matrix::Zero(3, 1), nn::Matrix::Zero(1, 3)), std::invalid_argument);
    BOOST_CHECK_THROW(squared_error(nn::Matrix::Zero(3, 2), nn::Matrix::Zero(3, 1)), std::invalid_argument);
    BOOST_CHECK_THROW(squared_error_grad(nn::Matrix::Zero(3, 1), nn::Matrix::Zero(2, 1)),
                      std::invalid_argument);
    BOOST_CHECK_THROW(squared_error_grad(nn::Matrix::Zero(2, 3), nn::Matrix::Zero(3, 2)),
                      std::invalid_argument);
    // equal shapes do not throw
    double E = 0;
    nn::Matrix G;
    const nn::Matrix t = (nn::Matrix(2, 1) << 1, 0).finished(), o = (nn::Matrix(2, 1) << 0.5, 3).finished();
    BOOST_CHECK_NO_THROW(E = squared_error(t, o));
    BOOST_CHECK_NO_THROW(G = squared_error_grad(t, o));
    nn_test::check_near(E, 4.625, 1e-12, "E for target [1, 0], output [0.5, 3]: ½(0.25 + 9)");
    nn_test::check_matrix(G, (nn::Matrix(2, 1) << -0.5, 3).finished(), 1e-12,
                          "∂E/∂output for target [1, 0], output [0.5, 3]");
}

BOOST_AUTO_TEST_CASE(the_message_names_the_shape_of_target_and_of_output) {
    // target 3x1, output 1x3: the message must say which is which.
    const nn::Matrix t = nn::Matrix::Zero(3, 1), o = nn::Matrix::Zero(1, 3);
    std::string m = nn_test::invalid_argument_message([&] { (void)squared_error(t, o); },
                                                      "squared_error(3x1 target, 1x3 output)");
    nn_test::check_names(m, "target is 3x1", "squared_error(3x1 target, 1x3 output)");
    nn_test::check_names(m, "output is 1x3", "squared_error(3x1 target, 1x3 output)");
    m = nn_test::invalid_argument_message([&] { (void)squared_error_grad(t, o); },
                                          "squared_error_grad(3x1 target, 1x3 output)");
    nn_test::check_names(m, "target is 3x1", "squared_error_grad(3x1 target, 1x3 output)");
    nn_test::check_names(m, "output is 1x3", "squared_error_grad(3x1 target, 1x3 output)");
}

BOOST_AUTO_TEST_SUITE_END()
