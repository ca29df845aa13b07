// Lesson 02 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 02 exercises
#include <boost/test/unit_test.hpp>

#include <array>
#include <exception>
#include <stdexcept>
#include <string>

#include "exercise.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson02;

namespace {
nn::Vector v3(double a, double b, double c) { return (nn::Vector(3) << a, b, c).finished(); }
nn::Vector weights_of(const std::array<double, 3>& w) { return v3(w[0], w[1], w[2]); }
std::string show(const nn::Vector& v) { return nn_test::show(v.transpose()); }

// predict(w, x) must be `expected` (exactly 0 or 1).
void check_predict(const nn::Vector& w, const nn::Vector& x, int expected, const std::string& why) {
    BOOST_TEST_CONTEXT("w = " << show(w) << ", x = " << show(x)) {
        nn_test::check_equal(predict(w, x), expected, "predict (" + why + ")");
    }
}

// predict(w, x) must throw std::invalid_argument; anything else is a failed check.
void check_predict_throws(const nn::Vector& w, const nn::Vector& x) {
    BOOST_TEST_CONTEXT("w = " << show(w) << ", x = " << show(x)) {
        try {
            const int y = predict(w, x);
            BOOST_TEST(false, "predict must throw std::invalid_argument for "
                                  << w.size() << " weights and " << x.size() << " inputs, it returned " << y);
        } catch (const std::invalid_argument&) {
        } catch (const std::exception& e) {
            BOOST_TEST(false,
                       "predict must throw std::invalid_argument, it threw another exception: " << e.what());
        }
    }
}

// One learn_step from w with (x, label): it must return `changed` and leave w equal to `after`
// (exactly: every number here is a sum of halves and quarters).
void check_step(nn::Vector w, const nn::Vector& x, int label, bool changed, const nn::Vector& after,
                const std::string& why) {
    BOOST_TEST_CONTEXT("learn_step from w = " << show(w) << " with x = " << show(x) << ", label " << label
                                              << " (" << why << ")") {
        const bool got = learn_step(w, x, label);
        BOOST_TEST(got == changed,
                   "the returned flag (did w change?): expected " << changed << ", got " << got);
        nn_test::check_matrix(w, after, 0, "w after the step (w0, the bias, included)");
    }
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex02_1_predict)

BOOST_AUTO_TEST_CASE(the_slides_and_and_or_weights_give_their_truth_tables) {
    for (std::size_t r = 0; r < 4; ++r) {
        const auto [x1, x2] = slide::inputs[r];
        check_predict(weights_of(slide::and_weights), v3(1, x1, x2), slide::AND[r], "AND weights (-3, 2, 2)");
        check_predict(weights_of(slide::or_weights), v3(1, x1, x2), slide::OR[r], "OR weights (-1, 2, 2)");
    }
}

BOOST_AUTO_TEST_CASE(a_point_on_the_line_fires) {
    // Intro-ANN's convention says y = 1 when w·x ≥ 0, so w·x = 0 exactly gives 1.
    check_predict(v3(-2, 2, 0), v3(1, 1, 0), 1, "w·x = -2 + 2 = 0 >= 0");
    check_predict(v3(0, 0, 0), v3(1, 1, 1), 1, "zero weights: w·x = 0 >= 0");
    check_predict(v3(-1, 0.5, 0.5), v3(1, 1, 1), 1, "w·x = -1 + 0.5 + 0.5 = 0 >= 0");
    check_predict(v3(-2, 2, 0), v3(1, 0.999, 0), 0, "w·x = -0.002 < 0");
}

BOOST_AUTO_TEST_CASE(the_sign_of_w_dot_x_decides_not_its_size) {
    check_predict(v3(-0.75, 0.5, 0), v3(1, 1, 0), 0, "w·x = -0.25 < 0");
    check_predict(v3(-0.25, 0.5, 0), v3(1, 1, 0), 1, "w·x = 0.25 >= 0");
    check_predict(v3(-1e-9, 0, 0), v3(1, 0, 0), 0, "w·x = -1e-9 < 0");
    check_predict(v3(5, -2, -2), v3(1, 1, 1), 1, "w·x = 5 - 4 = 1 >= 0");
    check_predict(v3(3, -2, -2), v3(1, 1, 1), 0, "w·x = 3 - 4 = -1 < 0");
    check_predict(v3(100, 1, 1), v3(1, 0, 0), 1, "w·x = 100: the output is 1, not w·x");
}

BOOST_AUTO_TEST_CASE(the_bias_w0_and_every_input_count) {
    // w0 multiplies x0 = 1: dropping it turns these answers around.
    check_predict(v3(-3, 2, 2), v3(1, 1, 0), 0, "w·x = -3 + 2 = -1 < 0 (without w0 it would be 2)");
    check_predict(v3(1, -2, 0.5), v3(1, 0, 1), 1, "w·x = 1 + 0.5 = 1.5 >= 0 (without w0 it would be 0.5)");
    check_predict(v3(1, -2, 0), v3(1, 1, 1), 0, "w·x = 1 - 2 = -1 < 0");
    // Five inputs (six weights): every term counts, not only the first three.
    const nn::Vector w = (nn::Vector(6) << -1, 0.5, -2, 1, 3, -0.5).finished();
    check_predict(w, (nn::Vector(6) << 1, 1, 0, 1, 0, 1).finished(), 1, "w·x = -1 + 0.5 + 1 - 0.5 = 0 >= 0");
    check_predict(w, (nn::Vector(6) << 1, 1, 1, 1, 0, 1).finished(), 0,
                  "w·x = -1 + 0.5 - 2 + 1 - 0.5 = -2 < 0");
    check_predict(w, (nn::Vector(6) << 1, 0, 0, 0, 1, 0).finished(), 1, "w·x = -1 + 3 = 2 >= 0");
    check_predict(w, (nn::Vector(6) << 1, 0, 0, 0, 0, 1).finished(), 0, "w·x = -1 - 0.5 = -1.5 < 0");
    check_predict((nn::Vector(1) << -0.5).finished(), (nn::Vector(1) << 1).finished(), 0,
                  "no inputs but x0: w·x = -0.5 < 0");
}

BOOST_AUTO_TEST_CASE(weights_and_input_of_different_lengths_throw) {
    check_predict_throws(v3(1, 1, 1), (nn::Vector(2) << 1, 0).finished());
    check_predict_throws((nn::Vector(2) << 1, 1).finished(), v3(1, 0, 1));
    check_predict_throws((nn::Vector(4) << 1, 1, 1, 1).finished(), v3(1, 0, 1));
    // The same lengths do not throw, and give their value.
    check_predict(v3(-1, 2, 0), v3(1, 1, 0), 1, "w·x = 1 >= 0 with matching lengths");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex02_2_learn_step)

BOOST_AUTO_TEST_CASE(a_misclassified_positive_is_added) {
    // w·x = −1 + 0.5 = −0.5 < 0 but the label is 1: w + x, with step size 1 and w0 included.
    check_step(v3(-1, 0.5, 0.25), v3(1, 1, 0), 1, true, v3(0, 1.5, 0.25), "w·x = -0.5, label 1");
    // w·x = −0.25: a small negative is still on the wrong side.
    check_step(v3(-0.75, 0.5, 2), v3(1, 1, 0), 1, true, v3(0.25, 1.5, 2), "w·x = -0.25, label 1");
    check_step(v3(-3, 2, 2), v3(1, 0, 1), 1, true, v3(-2, 2, 3), "w·x = -1, label 1");
}

BOOST_AUTO_TEST_CASE(a_misclassified_negative_is_subtracted) {
    // w·x = 0.5 + 0.5 = 1 ≥ 0 but the label is 0: w − x.
    check_step(v3(0.5, 0.5, 0.5), v3(1, 0, 1), 0, true, v3(-0.5, 0.5, -0.5), "w·x = 1, label 0");
    check_step(v3(-1, 2, 2), v3(1, 1, 1), 0, true, v3(-2, 1, 1), "w·x = 3, label 0");
}

BOOST_AUTO_TEST_CASE(a_correctly_classified_input_changes_nothing) {
    check_step(v3(-3, 2, 2), v3(1, 1, 1), 1, false, v3(-3, 2, 2), "w·x = 1 >= 0, label 1: right");
    check_step(v3(-3, 2, 2), v3(1, 0, 1), 0, false, v3(-3, 2, 2), "w·x = -1 < 0, label 0: right");
    check_step(v3(-3, 2, 2), v3(1, 0, 0), 0, false, v3(-3, 2, 2), "w·x = -3 < 0, label 0: right");
    check_step(v3(1, 0.5, 0.5), v3(1, 1, 0), 1, false, v3(1, 0.5, 0.5), "w·x = 1.5, label 1: right");
    // ...while a wrong one from the same w does change it.
    check_step(v3(-3, 2, 2), v3(1, 1, 0), 1, true, v3(-2, 3, 2), "w·x = -1 < 0, label 1: wrong");
}

BOOST_AUTO_TEST_CASE(a_point_on_the_line_is_classified_1) {
    // w·x = 0 counts as y = 1: a negative there is wrong and moves, a positive is right and stays.
    check_step(v3(-1, 1, 0), v3(1, 1, 0), 0, true, v3(-2, 0, 0), "w·x = 0, label 0: wrong");
    check_step(v3(-1, 1, 0), v3(1, 1, 0), 1, false, v3(-1, 1, 0), "w·x = 0, label 1: right");
    check_step(v3(0, 0, 0), v3(1, 1, 1), 1, false, v3(0, 0, 0), "zero weights, label 1: right");
    check_step(v3(0, 0, 0), v3(1, 1, 1), 0, true, v3(-1, -1, -1), "zero weights, label 0: wrong");
}

BOOST_AUTO_TEST_CASE(longer_inputs_update_every_weight) {
    const nn::Vector w = (nn::Vector(5) << 0.5, -1, 2, 0.25, -0.5).finished();
    const nn::Vector x = (nn::Vector(5) << 1, 1, 0, 1, 1).finished();  // w·x = 0.5 − 1 + 0.25 − 0.5 = −0.75
    check_step(w, x, 1, true, (nn::Vector(5) << 1.5, 0, 2, 1.25, 0.5).finished(),
               "4 inputs, w·x = -0.75, label 1");
    const nn::Vector x2 = (nn::Vector(5) << 1, 0, 1, 0, 1).finished();  // w·x = 0.5 + 2 − 0.5 = 2
    check_step(w, x2, 0, true, (nn::Vector(5) << -0.5, -1, 1, 0.25, -1.5).finished(),
               "4 inputs, w·x = 2, label 0");
}

BOOST_AUTO_TEST_CASE(twenty_steps_through_and_follow_the_algorithm) {
    // From w = (0.5, −0.25, 0.25), five sweeps over the AND rows in order, w after each step
    // (worked by hand with the two rules; every value is exact in binary).
    struct Step {
        double w0, w1, w2;
        bool changed;
    };
    const std::array<Step, 20> expected = {{
        {-0.5, -0.25, 0.25, true}, {-0.5, -0.25, 0.25, false}, {-0.5, -0.25, 0.25, false},
        {0.5, 0.75, 1.25, true},   {-0.5, 0.75, 1.25, true},   {-1.5, 0.75, 0.25, true},
        {-1.5, 0.75, 0.25, false}, {-0.5, 1.75, 1.25, true},   {-0.5, 1.75, 1.25, false},
        {-1.5, 1.75, 0.25, true},  {-2.5, 0.75, 0.25, true},   {-1.5, 1.75, 1.25, true},
        {-1.5, 1.75, 1.25, false}, {-1.5, 1.75, 1.25, false},  {-2.5, 0.75, 1.25, true},
        {-1.5, 1.75, 2.25, true},  {-1.5, 1.75, 2.25, false},  {-2.5, 1.75, 1.25, true},
        {-2.5, 1.75, 1.25, false}, {-2.5, 1.75, 1.25, false},
    }};
    nn::Vector w = v3(0.5, -0.25, 0.25);
    for (std::size_t s = 0; s < expected.size(); ++s) {
        const std::size_t r = s % 4;
        const nn::Vector x = v3(1, slide::inputs[r][0], slide::inputs[r][1]);
        BOOST_TEST_CONTEXT("step " << s + 1 << ": x = " << show(x) << ", label " << slide::AND[r]) {
            const bool changed = learn_step(w, x, slide::AND[r]);
            BOOST_TEST(changed == expected[s].changed,
                       "the returned flag: expected " << expected[s].changed << ", got " << changed);
            nn_test::check_matrix(w, v3(expected[s].w0, expected[s].w1, expected[s].w2), 0,
                                  "w after this step");
        }
    }
}

BOOST_AUTO_TEST_CASE(cycling_through_and_converges) {
    nn::Vector w = v3(0.3, -0.2, 0.1);
    for (int sweep = 0; sweep < 50; ++sweep)
        for (std::size_t r = 0; r < 4; ++r)
            learn_step(w, v3(1, slide::inputs[r][0], slide::inputs[r][1]), slide::AND[r]);
    for (std::size_t r = 0; r < 4; ++r) {
        const nn::Vector x = v3(1, slide::inputs[r][0], slide::inputs[r][1]);
        const int y = w.dot(x) >= 0 ? 1 : 0;  // the rule written out, not your predict
        BOOST_TEST(y == slide::AND[r],
                   "after 50 sweeps, w = " << show(w) << " must separate AND: on x = " << show(x)
                                           << " expected " << slide::AND[r] << ", w·x = " << w.dot(x));
    }
}

BOOST_AUTO_TEST_SUITE_END()
