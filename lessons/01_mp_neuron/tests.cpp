// Lesson 01 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 01 exercises
#include <boost/test/unit_test.hpp>

#include <exception>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson01;

namespace {

std::string show(const std::vector<int>& x) {
    std::ostringstream o;
    o << "(";
    for (std::size_t i = 0; i < x.size(); ++i) o << (i ? ", " : "") << x[i];
    return o.str() + ")";
}

std::string show(const MpUnit& u) {
    std::ostringstream o;
    o << "theta = " << u.theta << ", inhibitory = (";
    for (std::size_t i = 0; i < u.inhibitory.size(); ++i) o << (i ? ", " : "") << u.inhibitory[i];
    return o.str() + ")";
}

// mp_output(unit, x) must be `expected`.
void check_output(const MpUnit& unit, const std::vector<int>& x, int expected, const std::string& why) {
    BOOST_TEST_CONTEXT("unit " << show(unit) << ", x = " << show(x)) {
        nn_test::check_equal(mp_output(unit, x), expected, "mp_output (" + why + ")");
    }
}

// mp_output(unit, x) must throw std::invalid_argument; anything else is a failed check.
void check_throws(const MpUnit& unit, const std::vector<int>& x, const std::string& why) {
    BOOST_TEST_CONTEXT("unit " << show(unit) << ", x = " << show(x)) {
        try {
            const int y = mp_output(unit, x);
            BOOST_TEST(false,
                       "mp_output must throw std::invalid_argument (" << why << "), it returned " << y);
        } catch (const std::invalid_argument&) {
        } catch (const std::exception& e) {
            BOOST_TEST(false, "mp_output must throw std::invalid_argument ("
                                  << why << "), it threw another exception: " << e.what());
        }
    }
}

// The MP rule written out here, independently of the exercise, to judge the units of 01.2 on
// their own (a unit is right when it computes the right function, whatever mp_output does).
// A unit of the wrong size gives -1 (never a valid output).
int mp_rule(const MpUnit& u, const std::vector<int>& x) {
    if (u.inhibitory.size() != x.size()) return -1;
    int g = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (u.inhibitory[i] && x[i] == 1) return 0;
        g += x[i];
    }
    return g >= u.theta ? 1 : 0;
}

// Every input of n bits, in order 0...0, 0...01, ..., 1...1 (x1 the most significant).
std::vector<std::vector<int>> all_inputs(int n) {
    std::vector<std::vector<int>> rows;
    for (int r = 0; r < (1 << n); ++r) {
        std::vector<int> x(std::size_t(n), 0);
        for (int i = 0; i < n; ++i) x[std::size_t(i)] = (r >> (n - 1 - i)) & 1;
        rows.push_back(x);
    }
    return rows;
}

// The unit has n inputs and computes `truth` on every input of n bits.
void check_unit(const MpUnit& unit, int n, const std::function<int(const std::vector<int>&)>& truth,
                const std::string& name) {
    BOOST_TEST_CONTEXT(name << ", unit " << show(unit)) {
        BOOST_TEST_REQUIRE(unit.inhibitory.size() == std::size_t(n),
                           name << " must have one inhibitory flag per input: expected " << n << ", got "
                                << unit.inhibitory.size());
        for (const auto& x : all_inputs(n)) {
            const int expected = truth(x), got = mp_rule(unit, x);
            BOOST_TEST(got == expected, name << " on x = " << show(x) << ": expected " << expected
                                             << ", the unit gives " << got);
        }
    }
}

int count(const std::vector<int>& x) {
    int c = 0;
    for (int v : x) c += v;
    return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex01_1_mp_output)

BOOST_AUTO_TEST_CASE(fires_when_the_sum_reaches_theta) {
    const MpUnit unit{2, {false, false, false}};
    check_output(unit, {1, 1, 0}, 1, "g = 2 >= theta = 2: equality fires");
    check_output(unit, {0, 1, 1}, 1, "g = 2 >= theta = 2: equality fires");
    check_output(unit, {1, 1, 1}, 1, "g = 3 >= 2");
    check_output(unit, {0, 1, 0}, 0, "g = 1 < 2");
    check_output(unit, {0, 0, 1}, 0, "g = 1 < 2");
    check_output(unit, {0, 0, 0}, 0, "g = 0 < 2");
}

BOOST_AUTO_TEST_CASE(theta_is_used_as_given) {
    // The same inputs against every theta: the unit fires exactly when g(x) >= theta.
    const std::vector<int> x{1, 0, 1, 1, 0};  // g = 3
    for (int theta = -1; theta <= 6; ++theta)
        check_output({theta, std::vector<bool>(5, false)}, x, 3 >= theta ? 1 : 0,
                     "g = 3 against theta = " + std::to_string(theta));
    check_output({1, {false}}, {1}, 1, "g = 1 >= theta = 1");
    check_output({1, {false}}, {0}, 0, "g = 0 < theta = 1");
    check_output({4, std::vector<bool>(4, false)}, {1, 1, 1, 1}, 1, "g = 4 >= theta = 4");
    check_output({4, std::vector<bool>(4, false)}, {1, 1, 1, 0}, 0, "g = 3 < theta = 4");
}

BOOST_AUTO_TEST_CASE(theta_zero_fires_on_all_zeros) {
    check_output({0, {false, false}}, {0, 0}, 1, "g = 0 >= theta = 0");
    check_output({0, {false, false, false}}, {0, 0, 0}, 1, "g = 0 >= theta = 0");
    check_output({0, {true, true}}, {0, 0}, 1, "no inhibitory input is on, g = 0 >= theta = 0");
    check_output({0, {}}, {}, 1, "no inputs at all: g = 0 >= theta = 0");
    check_output({1, {}}, {}, 0, "no inputs at all: g = 0 < theta = 1");
}

BOOST_AUTO_TEST_CASE(an_active_inhibitory_input_vetoes) {
    const MpUnit unit{1, {false, true}};
    check_output(unit, {1, 1}, 0, "g would be 2 >= 1, but the inhibitory x2 is on: veto");
    check_output(unit, {1, 0}, 1, "inhibitory input off: no veto, g = 1 >= 1");
    check_output(unit, {0, 0}, 0, "g = 0 < 1");
    // A veto is absolute, not a subtraction: 1 + 1 + 1 − 1 = 2 would still reach theta = 1.
    check_output({1, {false, false, true}}, {1, 1, 1}, 0, "the inhibitory x3 is on: veto");
    check_output({1, {true, false, false}}, {1, 1, 1}, 0, "the inhibitory x1 is on: veto");
    check_output({0, {false, true, false}}, {0, 1, 0}, 0, "theta = 0, but the inhibitory x2 is on: veto");
    check_output({2, {false, false, true}}, {1, 1, 0}, 1, "inhibitory x3 off: g = 2 >= 2");
}

BOOST_AUTO_TEST_CASE(every_inhibitory_input_can_veto) {
    // Several inhibitory inputs: any ONE of them on is enough, whichever it is.
    const MpUnit unit{1, {true, false, true, false, true}};
    check_output(unit, {0, 1, 0, 1, 0}, 1, "no inhibitory input on, g = 2 >= 1");
    check_output(unit, {1, 1, 0, 1, 0}, 0, "the inhibitory x1 is on");
    check_output(unit, {0, 1, 1, 1, 0}, 0, "the inhibitory x3 is on");
    check_output(unit, {0, 1, 0, 1, 1}, 0, "the inhibitory x5 is on");
    check_output(unit, {0, 0, 0, 1, 1}, 0, "the inhibitory x5 is on");
    check_output(unit, {1, 1, 1, 1, 1}, 0, "all inhibitory inputs are on");
    check_output(unit, {0, 0, 0, 0, 0}, 0, "g = 0 < 1");
}

BOOST_AUTO_TEST_CASE(the_output_is_exactly_0_or_1) {
    // y = f(g(x)) is a bit, not g(x) itself.
    check_output({1, std::vector<bool>(4, false)}, {1, 1, 1, 1}, 1, "g = 4 >= 1 gives y = 1, not 4");
    check_output({-2, {false, false}}, {1, 1}, 1, "g = 2 >= -2 gives y = 1");
}

BOOST_AUTO_TEST_CASE(bad_inputs_throw_invalid_argument) {
    const MpUnit unit{1, {false, false}};
    check_throws(unit, {1}, "too few inputs");
    check_throws(unit, {}, "no inputs for a 2-input unit");
    check_throws(unit, {1, 0, 1}, "too many inputs");
    check_throws(unit, {0, 0, 0}, "too many inputs");
    check_throws(unit, {2, 0}, "an input of 2, not boolean");
    check_throws(unit, {0, 2}, "an input of 2, not boolean");
    check_throws(unit, {-1, 1}, "an input of -1, not boolean");
    check_throws(unit, {1, -1}, "an input of -1, not boolean");
    check_throws({0, {true, false}}, {0, 5}, "an input of 5, not boolean");
    // Good inputs must not throw, and give their value.
    check_output(unit, {0, 1}, 1, "valid inputs: g = 1 >= 1");
}

BOOST_AUTO_TEST_CASE(the_message_names_the_bad_input_counted_from_1) {
    // The slides number the inputs x_1 ... x_n: the second of three is input 2, not input 1 or 3.
    const MpUnit unit{1, {false, false, false}};
    for (int bad = 1; bad <= 3; ++bad) {
        std::vector<int> x{0, 1, 0};
        x[std::size_t(bad - 1)] = 5;
        const std::string name = "input " + std::to_string(bad) + " ";
        BOOST_TEST_CONTEXT("unit " << show(unit) << ", x = " << show(x)) {
            std::string message;
            try {
                const int y = mp_output(unit, x);
                BOOST_TEST(false, "mp_output must throw std::invalid_argument (x_"
                                      << bad << " = 5), it returned " << y);
                continue;
            } catch (const std::invalid_argument& e) {
                message = e.what();
            } catch (const std::exception& e) {
                BOOST_TEST(false, "mp_output must throw std::invalid_argument (x_"
                                      << bad << " = 5), it threw another exception: " << e.what());
                continue;
            }
            BOOST_TEST(message.find(name) != std::string::npos,
                       "the message must name '" << name << "'(counted from 1), got '" << message << "'");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex01_2_units)

BOOST_AUTO_TEST_CASE(and_unit_gives_the_and_table) {
    const auto AND = [](const std::vector<int>& x) { return count(x) == int(x.size()) ? 1 : 0; };
    check_unit(and_unit(2), 2, AND, "and_unit(2)");
    for (std::size_t r = 0; r < 4; ++r)
        nn_test::check_equal(mp_rule(and_unit(2), {slide::inputs[r][0], slide::inputs[r][1]}), slide::AND[r],
                             "and_unit(2) against the slide's AND table, row " + std::to_string(r));
    for (int n : {1, 3, 4, 5}) check_unit(and_unit(n), n, AND, "and_unit(" + std::to_string(n) + ")");
}

BOOST_AUTO_TEST_CASE(or_unit_gives_the_or_table) {
    const auto OR = [](const std::vector<int>& x) { return count(x) >= 1 ? 1 : 0; };
    check_unit(or_unit(2), 2, OR, "or_unit(2)");
    for (std::size_t r = 0; r < 4; ++r)
        nn_test::check_equal(mp_rule(or_unit(2), {slide::inputs[r][0], slide::inputs[r][1]}), slide::OR[r],
                             "or_unit(2) against the slide's OR table, row " + std::to_string(r));
    for (int n : {1, 3, 4, 5}) check_unit(or_unit(n), n, OR, "or_unit(" + std::to_string(n) + ")");
}

BOOST_AUTO_TEST_CASE(nor_unit_gives_the_nor_table) {
    const auto NOR = [](const std::vector<int>& x) { return count(x) == 0 ? 1 : 0; };
    check_unit(nor_unit(2), 2, NOR, "nor_unit(2)");
    for (std::size_t r = 0; r < 4; ++r)
        nn_test::check_equal(mp_rule(nor_unit(2), {slide::inputs[r][0], slide::inputs[r][1]}), slide::NOR[r],
                             "nor_unit(2) against the slide's NOR table, row " + std::to_string(r));
    for (int n : {1, 3, 4, 5}) check_unit(nor_unit(n), n, NOR, "nor_unit(" + std::to_string(n) + ")");
}

BOOST_AUTO_TEST_CASE(not_unit_inverts) {
    const auto NOT = [](const std::vector<int>& x) { return x[0] == 0 ? 1 : 0; };
    check_unit(not_unit(), 1, NOT, "not_unit()");
    nn_test::check_equal(mp_rule(not_unit(), {0}), slide::NOT[0], "not_unit() on x = 0");
}

BOOST_AUTO_TEST_CASE(and_not_unit_gives_x1_and_not_x2) {
    const auto AND_NOT = [](const std::vector<int>& x) { return x[0] == 1 && x[1] == 0 ? 1 : 0; };
    check_unit(and_not_unit(), 2, AND_NOT, "and_not_unit()");
    for (std::size_t r = 0; r < 4; ++r)
        nn_test::check_equal(mp_rule(and_not_unit(), {slide::inputs[r][0], slide::inputs[r][1]}),
                             slide::AND_NOT[r],
                             "and_not_unit() against the slide's table, row " + std::to_string(r));
}

BOOST_AUTO_TEST_SUITE_END()
