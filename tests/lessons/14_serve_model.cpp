// Lesson 14 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 14 exercises
#include <boost/test/unit_test.hpp>

#include <string>

#include "exercise.hpp"

using namespace lesson14;

namespace {
// {"pixels": [first, fill, fill, ...]} with n values.
std::string body(int n, const std::string& fill = "0", const std::string& first = "") {
    std::string s = "{\"pixels\": [";
    for (int i = 0; i < n; ++i) s += (i ? "," : "") + (i == 0 && !first.empty() ? first : fill);
    return s + "]}";
}
int status_of(const std::string& request) {
    try {
        parse_pixels(request);
    } catch (const BadRequest& e) {
        return e.status;
    }
    return 200;
}
std::string message_of(const std::string& request) {
    try {
        parse_pixels(request);
    } catch (const BadRequest& e) {
        return e.what();
    }
    return "";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex14_1_parse_pixels)

BOOST_AUTO_TEST_CASE(reads_784_values_in_order) {
    std::string s = "{\"pixels\": [";
    for (int i = 0; i < 784; ++i) s += (i ? "," : "") + std::to_string(i / 783.0);
    const nn::Vector v = parse_pixels(s + "], \"other\": true}");
    BOOST_TEST_REQUIRE(v.size() == 784);
    BOOST_TEST(v(0) == 0.0);
    BOOST_TEST(std::abs(v(391) - 391 / 783.0) < 1e-6);
    BOOST_TEST(v(783) == 1.0);
    BOOST_TEST(parse_pixels(body(784, "1")).sum() == 784.0);  // integers are numbers too
}

BOOST_AUTO_TEST_CASE(malformed_json_is_400) {
    BOOST_TEST(status_of("{\"pixels\": [0, 0") == 400);
    BOOST_TEST(status_of("pixels=0,0,0") == 400);
    BOOST_TEST(status_of("") == 400);
    BOOST_TEST(message_of("{").rfind("malformed JSON", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(json_without_a_pixels_array_is_422) {
    BOOST_TEST(status_of("[0, 0, 0]") == 422);
    BOOST_TEST(status_of("{\"pixel\": []}") == 422);
    BOOST_TEST(status_of("{\"pixels\": \"0,0\"}") == 422);
    BOOST_TEST(status_of("42") == 422);
}

BOOST_AUTO_TEST_CASE(wrong_lengths_are_422_and_say_so) {
    BOOST_TEST(status_of(body(783)) == 422);
    BOOST_TEST(status_of(body(785)) == 422);
    BOOST_TEST(status_of(body(0)) == 422);
    BOOST_TEST(message_of(body(783)) == "expected 784 pixels, got 783");
}

BOOST_AUTO_TEST_CASE(values_that_are_not_numbers_are_422) {
    BOOST_TEST(status_of(body(784, "0", "\"0.5\"")) == 422);
    BOOST_TEST(status_of(body(784, "0", "null")) == 422);
    BOOST_TEST(status_of(body(784, "0", "true")) == 422);
    BOOST_TEST(status_of(body(784, "0", "[0]")) == 422);
    BOOST_TEST(message_of(body(784, "0", "null")) == "pixel 0 is not a number");
}

BOOST_AUTO_TEST_CASE(values_outside_0_1_are_422) {
    BOOST_TEST(status_of(body(784, "0", "1.0001")) == 422);
    BOOST_TEST(status_of(body(784, "0", "-0.01")) == 422);
    BOOST_TEST(status_of(body(784, "0", "255")) == 422);
    BOOST_TEST(status_of(body(784, "0", "1e308")) == 422);
    BOOST_TEST(message_of(body(784, "0", "2")) == "pixel 0 is 2, outside [0, 1]");
    BOOST_TEST(status_of(body(784, "0", "1")) == 200);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex14_2_center_by_mass)

nn::Vector square(int r0, int c0, int h, int w, double v = 1.0) {
    nn::Vector img = nn::Vector::Zero(784);
    for (int r = r0; r < r0 + h; ++r)
        for (int c = c0; c < c0 + w; ++c) img(r * 28 + c) = v;
    return img;
}

BOOST_AUTO_TEST_CASE(a_block_in_a_corner_moves_to_the_middle) {
    // a 4×4 block at rows 0-3, columns 0-3: centre (1.5, 1.5), shift round(12.5) = 13 -> rows 13-16
    BOOST_TEST((center_by_mass(square(0, 0, 4, 4)) == square(13, 13, 4, 4)));
}

BOOST_AUTO_TEST_CASE(rows_and_columns_move_separately) {
    // a 6 tall, 2 wide bar at rows 20-25, columns 3-4: centre (22.5, 3.5), shift (−9, 11)
    BOOST_TEST((center_by_mass(square(20, 3, 6, 2)) == square(11, 14, 6, 2)));
}

BOOST_AUTO_TEST_CASE(the_shift_is_rounded_halves_away_from_zero) {
    // two pixels at (2, 24) and (2, 25): centre (2, 24.5); 14 − 24.5 = −10.5 -> −11: columns 13-14
    BOOST_TEST((center_by_mass(square(2, 24, 1, 2)) == square(14, 13, 1, 2)));
    // centre (3.8, 17.8): shifts round(10.2) = 10 and round(−3.8) = −4 (truncation: 10 and −3)
    nn::Vector img = nn::Vector::Zero(784);
    img(3 * 28 + 17) = 0.2;
    img(4 * 28 + 18) = 0.8;
    nn::Vector expected = nn::Vector::Zero(784);
    expected(13 * 28 + 13) = 0.2;
    expected(14 * 28 + 14) = 0.8;
    BOOST_TEST((center_by_mass(img) == expected));
}

BOOST_AUTO_TEST_CASE(weights_count_not_just_ink) {
    // faint pixels weigh less: 0.1 at (0, 0) and 0.9 at (10, 10): centre (9, 9), shift (5, 5)
    nn::Vector img = nn::Vector::Zero(784), expected = nn::Vector::Zero(784);
    img(0) = 0.1;
    img(10 * 28 + 10) = 0.9;
    expected(5 * 28 + 5) = 0.1;
    expected(15 * 28 + 15) = 0.9;
    BOOST_TEST((center_by_mass(img) == expected));
}

BOOST_AUTO_TEST_CASE(what_moves_out_is_lost_and_empty_stays_empty) {
    // 3 at (0, 0) and 1 at (27, 27): centre (6.75, 6.75), shift (7, 7): the first lands at (7, 7),
    // the second would land at (34, 34) and is gone
    nn::Vector img = nn::Vector::Zero(784), expected = nn::Vector::Zero(784);
    img(0) = 3.0;
    img(27 * 28 + 27) = 1.0;
    expected(7 * 28 + 7) = 3.0;
    BOOST_TEST((center_by_mass(img) == expected));
    BOOST_TEST((center_by_mass(nn::Vector::Zero(784)) == nn::Vector::Zero(784)));
    BOOST_CHECK_THROW(center_by_mass(nn::Vector::Zero(783)), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
