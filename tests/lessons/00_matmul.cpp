// Lesson 00 exercises. Built against the reference (must pass), the pristine stubs (each case must
// fail), the known-wrong variants (must fail) and the learner's file (./nn check 00).
// One suite per exercise; ./nn check counts an exercise done when its suite passes.
#define BOOST_TEST_MODULE lesson 00 exercises
#include <boost/test/unit_test.hpp>

#include <string>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson00;

BOOST_AUTO_TEST_SUITE(ex00_1_product_shape)

BOOST_AUTO_TEST_CASE(the_inner_dimensions_cancel) {
    const Shape s = product_shape({2, 3}, {3, 2});  // the slide's (2x3)·(3x2)
    BOOST_TEST(s.rows == 2);
    BOOST_TEST(s.cols == 2);
    const Shape t = product_shape({1, 4}, {4, 3});  // IBM-1's x (1x4) · W (4x3)
    BOOST_TEST(t.rows == 1);
    BOOST_TEST(t.cols == 3);
    const Shape u = product_shape({5, 1}, {1, 7});  // an outer product
    BOOST_TEST(u.rows == 5);
    BOOST_TEST(u.cols == 7);
}

BOOST_AUTO_TEST_CASE(mismatched_inner_dimensions_throw_invalid_argument) {
    BOOST_CHECK_THROW(product_shape({2, 3}, {2, 2}), std::invalid_argument);
    BOOST_CHECK_THROW(product_shape({3, 2}, {3, 2}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(the_error_names_both_shapes) {
    std::string message;
    try {
        product_shape({2, 3}, {4, 5});
    } catch (const std::invalid_argument& e) {
        message = e.what();
    }
    BOOST_TEST(message.find("2x3") != std::string::npos, "message: '" << message << "'");
    BOOST_TEST(message.find("4x5") != std::string::npos, "message: '" << message << "'");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex00_2_naive_matmul)

BOOST_AUTO_TEST_CASE(the_slide_example_gives_140_146_320_335) {
    const nn::Matrix C = naive_matmul(slide::A(), slide::B());
    BOOST_TEST_REQUIRE(C.rows() == 2);
    BOOST_TEST_REQUIRE(C.cols() == 2);
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
            BOOST_TEST_CONTEXT("C(" << i << "," << j << ")") {
                BOOST_TEST(C(i, j) == slide::C[i][j].value);  // integers: exact
            }
}

BOOST_AUTO_TEST_CASE(agrees_with_eigen_on_random_shapes) {
    nn::Rng rng(7);
    for (int trial = 0; trial < 20; ++trial) {
        const auto x = static_cast<nn::Index>(1 + rng.below(6));
        const auto m = static_cast<nn::Index>(1 + rng.below(6));
        const auto y = static_cast<nn::Index>(1 + rng.below(6));
        const nn::Matrix A = rng.uniform_matrix(x, m, -2, 2), B = rng.uniform_matrix(m, y, -2, 2);
        BOOST_TEST_CONTEXT("trial " << trial << ": " << x << "x" << m << " by " << m << "x" << y) {
            nn_test::check_matrix(naive_matmul(A, B), A * B, 1e-12);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_row_times_a_column_is_one_number) {
    nn::Matrix r(1, 3), c(3, 1);
    r << 4.9, 3.0, 1.4;
    c << 1, 1, 1;
    const nn::Matrix p = naive_matmul(r, c);
    BOOST_TEST_REQUIRE(p.size() == 1);
    BOOST_TEST(std::abs(p(0, 0) - 9.3) < 1e-12);  // 4.9 + 3.0 + 1.4
}

BOOST_AUTO_TEST_CASE(mismatched_shapes_throw_before_any_loop) {
    BOOST_CHECK_THROW(naive_matmul(nn::Matrix::Ones(2, 3), nn::Matrix::Ones(4, 2)),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
