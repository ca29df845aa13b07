// Lesson 01 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 01 exercises
#include <boost/test/unit_test.hpp>

#include "exercise.hpp"
#include "slide.hpp"

using namespace lesson01;

namespace {
// The unit's outputs on (0,0), (0,1), (1,0), (1,1).
std::array<int, 4> table_of(const MpUnit& unit) {
    std::array<int, 4> out{};
    for (std::size_t r = 0; r < 4; ++r) out[r] = mp_output(unit, {slide::inputs[r][0], slide::inputs[r][1]});
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex01_1_mp_output)

BOOST_AUTO_TEST_CASE(fires_when_the_sum_reaches_theta) {
    const MpUnit unit{2, {false, false, false}};
    BOOST_TEST(mp_output(unit, {1, 1, 0}) == 1);  // g = 2 ≥ 2: equality fires
    BOOST_TEST(mp_output(unit, {1, 1, 1}) == 1);  // g = 3
    BOOST_TEST(mp_output(unit, {0, 1, 0}) == 0);  // g = 1 < 2
    BOOST_TEST(mp_output(unit, {0, 0, 0}) == 0);
}

BOOST_AUTO_TEST_CASE(theta_zero_fires_on_all_zeros) {
    BOOST_TEST(mp_output({0, {false, false}}, {0, 0}) == 1);
}

BOOST_AUTO_TEST_CASE(an_active_inhibitory_input_vetoes) {
    const MpUnit unit{1, {false, true}};
    BOOST_TEST(mp_output(unit, {1, 1}) == 0);  // g would be 2 ≥ 1, but x2 vetoes
    BOOST_TEST(mp_output(unit, {1, 0}) == 1);  // inhibitory input off: no veto
}

BOOST_AUTO_TEST_CASE(bad_inputs_throw_invalid_argument) {
    const MpUnit unit{1, {false, false}};
    BOOST_CHECK_THROW(mp_output(unit, {1}), std::invalid_argument);        // too few
    BOOST_CHECK_THROW(mp_output(unit, {1, 0, 1}), std::invalid_argument);  // too many
    BOOST_CHECK_THROW(mp_output(unit, {2, 0}), std::invalid_argument);     // not boolean
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex01_2_units)

BOOST_AUTO_TEST_CASE(and_unit_gives_the_and_table) {
    BOOST_TEST(table_of(and_unit(2)) == slide::AND);
    BOOST_TEST(mp_output(and_unit(3), {1, 1, 1}) == 1);
    BOOST_TEST(mp_output(and_unit(3), {1, 1, 0}) == 0);
}

BOOST_AUTO_TEST_CASE(or_unit_gives_the_or_table) {
    BOOST_TEST(table_of(or_unit(2)) == slide::OR);
    BOOST_TEST(mp_output(or_unit(3), {0, 0, 1}) == 1);
    BOOST_TEST(mp_output(or_unit(3), {0, 0, 0}) == 0);
}

BOOST_AUTO_TEST_CASE(nor_unit_gives_the_nor_table) {
    BOOST_TEST(table_of(nor_unit(2)) == slide::NOR);
    BOOST_TEST(mp_output(nor_unit(3), {0, 0, 0}) == 1);
    BOOST_TEST(mp_output(nor_unit(3), {0, 1, 0}) == 0);
}

BOOST_AUTO_TEST_CASE(not_unit_inverts) {
    BOOST_TEST(mp_output(not_unit(), {0}) == slide::NOT[0]);
    BOOST_TEST(mp_output(not_unit(), {1}) == slide::NOT[1]);
}

BOOST_AUTO_TEST_CASE(and_not_unit_gives_x1_and_not_x2) {
    BOOST_TEST(table_of(and_not_unit()) == slide::AND_NOT);
}

BOOST_AUTO_TEST_SUITE_END()
