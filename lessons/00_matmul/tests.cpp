// Lesson 00 exercises. Built against the reference (must pass), the pristine stubs (each case must
// fail), the trivial non-answers and the known-wrong variants (must fail by a check) and the
// learner's file (./nn check 00). One suite per exercise; ./nn check counts an exercise done when
// its suite passes.
#define BOOST_TEST_MODULE lesson 00 exercises
#include <boost/test/unit_test.hpp>

#include <exception>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson00;

namespace {

std::string text(Shape s) {
    std::ostringstream o;
    o << s.rows << "x" << s.cols;
    return o.str();
}

// product_shape(a, b) must be exactly `expected`: rows and columns, each named.
void check_shape(Shape a, Shape b, Shape expected) {
    BOOST_TEST_CONTEXT("product_shape(" << text(a) << ", " << text(b) << ")") {
        Shape s{-1, -1};
        try {
            s = product_shape(a, b);
        } catch (const std::invalid_argument& e) {
            BOOST_TEST(false, "the inner dimensions agree ("
                                  << a.cols << " = " << b.rows
                                  << "), so there must be no exception; got: " << e.what());
            return;
        }
        nn_test::check_equal(s.rows, expected.rows, "rows of the product (the rows of the first matrix)");
        nn_test::check_equal(s.cols, expected.cols,
                             "columns of the product (the columns of the second matrix)");
    }
}

// The product written out as the slide does, independently of the exercise.
nn::Matrix by_hand(const nn::Matrix& A, const nn::Matrix& B) {
    nn::Matrix C = nn::Matrix::Zero(A.rows(), B.cols());
    for (nn::Index i = 0; i < A.rows(); ++i)
        for (nn::Index j = 0; j < B.cols(); ++j)
            for (nn::Index k = 0; k < A.cols(); ++k) C(i, j) += A(i, k) * B(k, j);
    return C;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex00_1_product_shape)

BOOST_AUTO_TEST_CASE(the_inner_dimensions_cancel) {
    check_shape({2, 3}, {3, 2}, {2, 2});  // the slide's (2x3)·(3x2)
    check_shape({1, 4}, {4, 3}, {1, 3});  // IBM-1's x (1x4) · W (4x3)
    check_shape({5, 1}, {1, 7}, {5, 7});  // an outer product
    check_shape({2, 3}, {3, 4}, {2, 4});  // all three dimensions different
    check_shape({4, 3}, {3, 2}, {4, 2});
    check_shape({3, 5}, {5, 1}, {3, 1});  // a matrix times a column
    check_shape({1, 6}, {6, 1}, {1, 1});  // a row times a column: one number
}

BOOST_AUTO_TEST_CASE(square_and_empty_shapes) {
    check_shape({3, 3}, {3, 3}, {3, 3});
    check_shape({1, 1}, {1, 5}, {1, 5});
    check_shape({2, 0}, {0, 3}, {2, 3});  // M = 0: a product of empty sums, still 2x3
    check_shape({0, 4}, {4, 2}, {0, 2});
}

BOOST_AUTO_TEST_CASE(mismatched_inner_dimensions_throw_invalid_argument) {
    // A mismatch is told only by the inner dimensions: a.cols against b.rows.
    nn_test::invalid_argument_message([] { product_shape({2, 3}, {2, 2}); }, "product_shape(2x3, 2x2)");
    nn_test::invalid_argument_message([] { product_shape({3, 2}, {3, 2}); }, "product_shape(3x2, 3x2)");
    nn_test::invalid_argument_message([] { product_shape({2, 3}, {4, 2}); }, "product_shape(2x3, 4x2)");
    nn_test::invalid_argument_message([] { product_shape({2, 3}, {2, 3}); }, "product_shape(2x3, 2x3)");
    nn_test::invalid_argument_message([] { product_shape({1, 4}, {3, 4}); }, "product_shape(1x4, 3x4)");
    // ...and only by them: matching inner dimensions with other sizes different must not throw.
    Shape s{0, 0};
    BOOST_CHECK_NO_THROW(s = product_shape({2, 3}, {3, 5}));
    nn_test::check_equal(s.cols, nn::Index{5}, "columns of product_shape(2x3, 3x5)");
}

BOOST_AUTO_TEST_CASE(the_error_names_both_shapes) {
    const std::string m1 = nn_test::invalid_argument_message(
        [] {
            product_shape({2, 3}, {4, 5});
        },
        "product_shape(2x3, 4x5)");
    nn_test::check_names(m1, "2x3", "product_shape(2x3, 4x5)");
    nn_test::check_names(m1, "4x5", "product_shape(2x3, 4x5)");
    const std::string m2 = nn_test::invalid_argument_message(
        [] {
            product_shape({7, 1}, {6, 9});
        },
        "product_shape(7x1, 6x9)");
    nn_test::check_names(m2, "7x1", "product_shape(7x1, 6x9)");
    nn_test::check_names(m2, "6x9", "product_shape(7x1, 6x9)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex00_2_naive_matmul)

BOOST_AUTO_TEST_CASE(the_slide_example_gives_140_146_320_335) {
    nn::Matrix expected(2, 2);
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j) expected(i, j) = slide::C[i][j].value;
    // e.g. C(0, 0) = 1·10 + 2·20 + 3·30 = 140: integers, so exact.
    nn_test::check_matrix(naive_matmul(slide::A(), slide::B()), expected, 0,
                          "the slide's [[1,2,3],[4,5,6]] x [[10,11],[20,21],[30,31]]");
}

BOOST_AUTO_TEST_CASE(non_square_shapes_give_x_by_y) {
    // A 2x3 by 3x4: a 2x4 result, each entry row i of A against column j of B.
    const nn::Matrix A = (nn::Matrix(2, 3) << 1, 2, 3, -1, 0, 2).finished();
    const nn::Matrix B = (nn::Matrix(3, 4) << 1, 0, 2, -1,  //
                          0, 1, 1, 3,                       //
                          2, -2, 0, 1)
                             .finished();
    // Row 0: (1·1+2·0+3·2, 1·0+2·1+3·(−2), 1·2+2·1+3·0, 1·(−1)+2·3+3·1) = (7, −4, 4, 8)
    // Row 1: (−1+0+4, 0+0−4, −2+0+0, 1+0+2) = (3, −4, −2, 3)
    const nn::Matrix expected = (nn::Matrix(2, 4) << 7, -4, 4, 8, 3, -4, -2, 3).finished();
    BOOST_TEST_CONTEXT("A = " << nn_test::show(A) << ", B = " << nn_test::show(B)) {
        nn_test::check_matrix(naive_matmul(A, B), expected, 0, "A·B (2x3 by 3x4)");
    }
    // A tall 4x2 by 2x3: a 4x3 result.
    const nn::Matrix T = (nn::Matrix(4, 2) << 1, 2, 3, 4, 5, 6, 7, 8).finished();
    const nn::Matrix U = (nn::Matrix(2, 3) << 1, 0, -1, 2, 1, 0).finished();
    // Row i of T = (a, b): (a + 2b, b, −a)
    const nn::Matrix TU = (nn::Matrix(4, 3) << 5, 2, -1, 11, 4, -3, 17, 6, -5, 23, 8, -7).finished();
    BOOST_TEST_CONTEXT("A = " << nn_test::show(T) << ", B = " << nn_test::show(U)) {
        nn_test::check_matrix(naive_matmul(T, U), TU, 0, "A·B (4x2 by 2x3)");
    }
}

BOOST_AUTO_TEST_CASE(agrees_with_the_written_out_sum_on_random_shapes) {
    nn::Rng rng(7);
    for (int trial = 0; trial < 30; ++trial) {
        const auto x = nn::Index(1 + rng.below(6));
        const auto m = nn::Index(1 + rng.below(6));
        const auto y = nn::Index(1 + rng.below(6));
        const nn::Matrix A = rng.uniform_matrix(x, m, -2, 2), B = rng.uniform_matrix(m, y, -2, 2);
        BOOST_TEST_CONTEXT("trial " << trial << ": A " << x << "x" << m << " = " << nn_test::show(A) << ", B "
                                    << m << "x" << y << " = " << nn_test::show(B)) {
            nn_test::check_matrix(naive_matmul(A, B), by_hand(A, B), 1e-12, "A·B");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_row_times_a_column_is_one_number) {
    nn::Matrix r(1, 3), c(3, 1);
    r << 4.9, 3.0, 1.4;
    c << 1, 2, -1;
    // 4.9·1 + 3.0·2 + 1.4·(−1) = 9.5
    nn_test::check_matrix(naive_matmul(r, c), nn::Matrix::Constant(1, 1, 9.5), 1e-12,
                          "(4.9, 3.0, 1.4) times the column (1, 2, -1)");
    // The other order: a column times a row is the 3x3 outer product.
    const nn::Matrix outer = (nn::Matrix(3, 3) << 4.9, 3.0, 1.4, 9.8, 6.0, 2.8, -4.9, -3.0, -1.4).finished();
    nn_test::check_matrix(naive_matmul(c, r), outer, 1e-12,
                          "the column (1, 2, -1) times the row (4.9, 3.0, 1.4)");
}

BOOST_AUTO_TEST_CASE(the_inputs_are_left_unchanged_and_identity_is_neutral) {
    const nn::Matrix A = (nn::Matrix(2, 3) << 1.5, -2, 0.25, 3, 4, -1).finished();
    const nn::Matrix A_before = A;
    const nn::Matrix I = nn::Matrix::Identity(3, 3);
    nn_test::check_matrix(naive_matmul(A, I), A_before, 0, "A·I (I the 3x3 identity)");
    nn_test::check_matrix(naive_matmul(nn::Matrix::Identity(2, 2), A), A_before, 0,
                          "I·A (I the 2x2 identity)");
    nn_test::check_matrix(A, A_before, 0, "A after the products (it must not change)");
}

BOOST_AUTO_TEST_CASE(mismatched_shapes_throw_before_any_loop) {
    const std::string m = nn_test::invalid_argument_message(
        [] { naive_matmul(nn::Matrix::Ones(2, 3), nn::Matrix::Ones(4, 2)); },
        "naive_matmul of a 2x3 by a 4x2");
    nn_test::check_names(m, "2x3", "naive_matmul of a 2x3 by a 4x2");
    nn_test::check_names(m, "4x2", "naive_matmul of a 2x3 by a 4x2");
    nn_test::invalid_argument_message([] { naive_matmul(nn::Matrix::Ones(3, 2), nn::Matrix::Ones(3, 2)); },
                                      "naive_matmul of a 3x2 by a 3x2");
    // Matching inner dimensions must not throw: a 3x2 by a 2x5 is a 3x5.
    nn::Matrix P;
    BOOST_CHECK_NO_THROW(P = naive_matmul(nn::Matrix::Ones(3, 2), nn::Matrix::Ones(2, 5)));
    nn_test::check_matrix(P, nn::Matrix::Constant(3, 5, 2.0), 0, "ones(3x2) times ones(2x5)");
}

BOOST_AUTO_TEST_SUITE_END()
