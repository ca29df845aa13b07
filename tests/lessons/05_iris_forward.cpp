// Lesson 05 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 05 exercises
#include <boost/test/unit_test.hpp>

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
}  // namespace

BOOST_AUTO_TEST_SUITE(ex05_1_one_hot)

BOOST_AUTO_TEST_CASE(the_slides_labels_become_its_one_hot_rows) {
    // IBM-1: labels 1, 3, 2, 2, 1, 3 -> rows 100, 001, 010, 010, 100, 001 (0-based labels here)
    const nn::Matrix Y = one_hot({0, 2, 1, 1, 0, 2}, 3);
    nn::Matrix expected(3, 6);
    expected << 1, 0, 0, 0, 1, 0,
                0, 0, 1, 1, 0, 0,
                0, 1, 0, 0, 0, 1;
    nn_test::check_matrix(Y, expected, 0);
}

BOOST_AUTO_TEST_CASE(ten_classes_like_mnist) {
    const nn::Matrix Y = one_hot({7, 0, 9}, 10);
    BOOST_TEST_REQUIRE(Y.rows() == 10);
    BOOST_TEST(Y.sum() == 3);
    BOOST_TEST(Y(7, 0) == 1);
    BOOST_TEST(Y(9, 2) == 1);
}

BOOST_AUTO_TEST_CASE(labels_out_of_range_throw) {
    BOOST_CHECK_THROW(one_hot({0, 3}, 3), std::invalid_argument);
    BOOST_CHECK_THROW(one_hot({-1}, 3), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex05_2_pre_activation)

BOOST_AUTO_TEST_CASE(the_slides_ones_give_9_5_three_times) {
    const nn::Matrix z = pre_activation(nn::Matrix::Ones(3, 4), nn::Vector::Zero(3), slide_x());
    BOOST_TEST_REQUIRE(z.rows() == 3);
    BOOST_TEST_REQUIRE(z.cols() == 1);
    for (int k = 0; k < 3; ++k) BOOST_TEST(nn::matches(z(k, 0), slide::z));
}

BOOST_AUTO_TEST_CASE(the_bias_is_added_to_every_sample) {
    nn::Matrix W(2, 3);
    W << 1, 2, 3, -1, 0, 1;
    const nn::Vector b = (nn::Vector(2) << 10, -10).finished();
    nn::Matrix X(3, 2);
    X << 1, 0, 1, 1, 1, 2;
    nn::Matrix expected(2, 2);  // W·X = [[6, 8], [0, 2]], plus 10 and −10 on each column
    expected << 16, 18, -10, -8;
    nn_test::check_matrix(pre_activation(W, b, X), expected, 1e-12);
}

BOOST_AUTO_TEST_CASE(shapes_that_do_not_fit_throw) {
    BOOST_CHECK_THROW(pre_activation(nn::Matrix::Ones(3, 4), nn::Vector::Zero(3), nn::Matrix::Ones(3, 1)),
                      std::invalid_argument);
    BOOST_CHECK_THROW(pre_activation(nn::Matrix::Ones(3, 4), nn::Vector::Zero(2), nn::Matrix::Ones(4, 1)),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex05_3_squared_error)

BOOST_AUTO_TEST_CASE(the_slides_error_is_126_375_not_84_25) {
    // ½ [(1 − 9.5)² + 9.5² + 9.5²] = ½ [72.25 + 90.25 + 90.25] = 126.375
    BOOST_TEST(std::abs(squared_error(slide_target(), nine_and_a_half()) - 126.375) < 1e-12);
    BOOST_TEST(!nn::matches(squared_error(slide_target(), nine_and_a_half()), slide::E_total));
}

BOOST_AUTO_TEST_CASE(the_gradient_is_output_minus_target) {
    nn::Matrix expected(3, 1);
    expected << 8.5, 9.5, 9.5;  // −(1 − 9.5), −(0 − 9.5), −(0 − 9.5)
    nn_test::check_matrix(squared_error_grad(slide_target(), nine_and_a_half()), expected, 1e-12);
}

BOOST_AUTO_TEST_CASE(the_gradient_matches_central_differences) {
    nn::Matrix out(2, 3);
    out << 0.3, -1.2, 2.0, 0.7, 0.1, -0.4;
    nn::Matrix t(2, 3);
    t << 1, 0, 0, 0, 1, 0;
    nn::Matrix O = out;
    const nn::Matrix numeric = nn_test::central_gradient([&] { return squared_error(t, O); }, O);
    BOOST_TEST(nn_test::rel_error(squared_error_grad(t, out), numeric) < 1e-7);
}

BOOST_AUTO_TEST_CASE(shapes_must_agree) {
    BOOST_CHECK_THROW(squared_error(nn::Matrix::Zero(3, 1), nn::Matrix::Zero(1, 3)), std::invalid_argument);
    BOOST_CHECK_THROW(squared_error_grad(nn::Matrix::Zero(3, 1), nn::Matrix::Zero(2, 1)), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
