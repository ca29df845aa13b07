// Lesson 02 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 02 exercises
#include <boost/test/unit_test.hpp>

#include "exercise.hpp"
#include "slide.hpp"

using namespace lesson02;

namespace {
nn::Vector v3(double a, double b, double c) { return (nn::Vector(3) << a, b, c).finished(); }
nn::Vector weights_of(const std::array<double, 3>& w) { return v3(w[0], w[1], w[2]); }
}  // namespace

BOOST_AUTO_TEST_SUITE(ex02_1_predict)

BOOST_AUTO_TEST_CASE(the_slides_and_and_or_weights_give_their_truth_tables) {
    for (std::size_t r = 0; r < 4; ++r) {
        const auto [x1, x2] = slide::inputs[r];
        BOOST_TEST_CONTEXT("x = (" << x1 << ", " << x2 << ")") {
            BOOST_TEST(predict(weights_of(slide::and_weights), v3(1, x1, x2)) == slide::AND[r]);
            BOOST_TEST(predict(weights_of(slide::or_weights), v3(1, x1, x2)) == slide::OR[r]);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_point_on_the_line_fires) {
    // w·x = −2 + 2 = 0: Intro-ANN's convention says y = 1 when w·x ≥ 0.
    BOOST_TEST(predict(v3(-2, 2, 0), v3(1, 1, 0)) == 1);
    BOOST_TEST(predict(v3(-2, 2, 0), v3(1, 0.999, 0)) == 0);
}

BOOST_AUTO_TEST_CASE(weights_and_input_of_different_lengths_throw) {
    BOOST_CHECK_THROW(predict(v3(1, 1, 1), (nn::Vector(2) << 1, 0).finished()), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex02_2_learn_step)

BOOST_AUTO_TEST_CASE(a_misclassified_positive_is_added) {
    nn::Vector w = v3(-1, 0.5, 0.25);
    const nn::Vector x = v3(1, 1, 0);  // w·x = −0.5 < 0 but the label is 1
    BOOST_TEST(learn_step(w, x, 1));
    BOOST_TEST((w == v3(0, 1.5, 0.25)));
}

BOOST_AUTO_TEST_CASE(a_misclassified_negative_is_subtracted) {
    nn::Vector w = v3(0.5, 0.5, 0.5);
    const nn::Vector x = v3(1, 0, 1);  // w·x = 1 ≥ 0 but the label is 0
    BOOST_TEST(learn_step(w, x, 0));
    BOOST_TEST((w == v3(-0.5, 0.5, -0.5)));
}

BOOST_AUTO_TEST_CASE(a_correctly_classified_input_changes_nothing) {
    nn::Vector w = v3(-3, 2, 2);
    BOOST_TEST(!learn_step(w, v3(1, 1, 1), 1));  // w·x = 1 ≥ 0, label 1
    BOOST_TEST(!learn_step(w, v3(1, 0, 1), 0));  // w·x = −1 < 0, label 0
    BOOST_TEST((w == v3(-3, 2, 2)));
}

BOOST_AUTO_TEST_CASE(a_negative_on_the_line_counts_as_misclassified) {
    nn::Vector w = v3(-1, 1, 0);
    BOOST_TEST(learn_step(w, v3(1, 1, 0), 0));  // w·x = 0 ≥ 0 fires, but the label is 0
    BOOST_TEST((w == v3(-2, 0, 0)));
}

BOOST_AUTO_TEST_CASE(cycling_through_and_converges) {
    nn::Vector w = v3(0.3, -0.2, 0.1);
    for (int sweep = 0; sweep < 50; ++sweep)
        for (std::size_t r = 0; r < 4; ++r)
            learn_step(w, v3(1, slide::inputs[r][0], slide::inputs[r][1]), slide::AND[r]);
    for (std::size_t r = 0; r < 4; ++r)
        BOOST_TEST(predict(w, v3(1, slide::inputs[r][0], slide::inputs[r][1])) == slide::AND[r]);
}

BOOST_AUTO_TEST_SUITE_END()
