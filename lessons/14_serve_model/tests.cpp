// Lesson 14 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// Every expected image is drawn here by hand, never taken from the reference.
#define BOOST_TEST_MODULE lesson 14 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>

#include "exercise.hpp"
#include "nn_test.hpp"

using namespace lesson14;

namespace {
// {"pixels": [...]} with n values, all `fill` except pixel `at`, which is `odd`.
std::string body(int n, const std::string& fill = "0", const std::string& odd = "", int at = 0) {
    std::string s = "{\"pixels\": [";
    for (int i = 0; i < n; ++i) s += (i ? "," : "") + (i == at && !odd.empty() ? odd : fill);
    return s + "]}";
}

// What parse_pixels did with a request: 200 and the pixels, or the BadRequest's status and
// message; -1 for any other exception (which a server would turn into a 500).
struct Outcome {
    int status = 200;
    std::string message;
    nn::Vector pixels;
};
Outcome outcome_of(const std::string& request) {
    Outcome o;
    try {
        o.pixels = parse_pixels(request);
    } catch (const BadRequest& e) {
        o.status = e.status;
        o.message = e.what();
    } catch (const std::exception& e) {
        o.status = -1;
        o.message = std::string("another exception than BadRequest: ") + e.what();
    }
    return o;
}
std::string shorten(const std::string& request) {
    return request.size() <= 60 ? request
                                : request.substr(0, 40) + " ... " + request.substr(request.size() - 15);
}
// The request is refused with this status (and, if given, exactly this message).
void check_refused(const std::string& request, int status, const std::string& message = "") {
    const Outcome o = outcome_of(request);
    BOOST_TEST_CONTEXT("request body " << shorten(request)) {
        nn_test::check_equal(o.status, status,
                             "the status of a refused request (200: it was accepted; -1: another exception)");
        if (!message.empty()) nn_test::check_equal(o.message, message, "the error message");
    }
}
// The request is accepted: returns the pixels (size checked).
nn::Vector accepted(const std::string& request) {
    const Outcome o = outcome_of(request);
    BOOST_TEST_CONTEXT("request body " << shorten(request)) {
        BOOST_TEST(o.status == 200,
                   "a valid request must be accepted, got status " << o.status << ": " << o.message);
        if (o.status == 200)
            nn_test::check_equal(long(o.pixels.size()), 784L, "the number of pixels returned");
    }
    return o.status == 200 && o.pixels.size() == 784 ? o.pixels : nn::Vector(nn::Vector::Constant(784, -1.0));
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex14_1_parse_pixels)

BOOST_AUTO_TEST_CASE(reads_784_values_in_order) {
    // pixel i = (i mod 17)/16 written out with 17 digits, pixel 5 with 15 digits (a float keeps 7),
    // and an other key in the object, which is ignored
    std::string s = "{\"other\": true, \"pixels\": [";
    nn::Vector expected(784);
    for (int i = 0; i < 784; ++i) {
        expected(i) = (i % 17) / 16.0;
        if (i == 5) expected(i) = 0.123456789012345;
        char text[40];
        std::snprintf(text, sizeof text, "%.17g", expected(i));
        if (i) s += ",";
        s += text;
    }
    const nn::Vector v = accepted(s + "]}");
    nn_test::check_matrix(v, expected, 0.0,
                          "the pixels, in order (pixel i = (i mod 17)/16, pixel 5 = 0.123456789012345)");
}

BOOST_AUTO_TEST_CASE(integers_and_the_bounds_0_and_1_are_accepted) {
    // [0, 1] includes both ends, and a JSON integer is a number as much as 0.0 and 1.0 are
    nn_test::check_matrix(accepted(body(784, "1")), nn::Vector::Ones(784), 0.0, "784 integer 1s");
    nn_test::check_matrix(accepted(body(784, "1.0")), nn::Vector::Ones(784), 0.0, "784 times 1.0");
    nn_test::check_matrix(accepted(body(784, "0")), nn::Vector::Zero(784), 0.0, "784 integer 0s");
    nn::Vector mixed = nn::Vector::Zero(784);
    mixed(783) = 1.0;
    nn_test::check_matrix(accepted(body(784, "0.0", "1", 783)), mixed, 0.0,
                          "0.0 everywhere and an integer 1 last");
    mixed(783) = 0.0;
    mixed(0) = 1.0;
    nn_test::check_matrix(accepted(body(784, "0", "1e0", 0)), mixed, 0.0, "1e0 first and integer 0s");
    nn_test::check_matrix(accepted(body(784, "0", "-0.0", 7)), nn::Vector::Zero(784), 0.0,
                          "-0.0 (equal to 0, inside [0, 1])");
}

BOOST_AUTO_TEST_CASE(malformed_json_is_400) {
    for (const std::string& request :
         {std::string("{\"pixels\": [0, 0"), std::string("pixels=0,0,0"), std::string(""), std::string("{"),
          std::string("{\"pixels\": [NaN]}"), body(784, "0", "0.5.1", 3), body(784, "0", "1e400", 5)}) {
        const Outcome o = outcome_of(request);
        BOOST_TEST_CONTEXT("request body " << shorten(request)) {
            nn_test::check_equal(o.status, 400, "the status of a body that is not JSON");
            BOOST_TEST(o.message.rfind("malformed JSON: ", 0) == 0u,
                       "the message must start with \"malformed JSON: \", got \"" << o.message << "\"");
        }
    }
    nn_test::check_matrix(accepted(body(784, " 0.5 ")), nn::Vector::Constant(784, 0.5), 0.0,
                          "0.5 with spaces around it");
}

BOOST_AUTO_TEST_CASE(json_without_a_pixels_array_is_422) {
    const std::string expected = "expected {\"pixels\": [784 numbers]}";
    for (const std::string& request :
         {std::string("[0, 0, 0]"), std::string("{\"pixel\": []}"), std::string("{\"pixels\": \"0,0\"}"),
          std::string("42"), std::string("null"), std::string("true"), std::string("\"pixels\""),
          std::string("{}"), std::string("{\"pixels\": null}"), std::string("{\"pixels\": {\"0\": 0}}"),
          std::string("{\"pixels\": 0}"), std::string("{\"data\": ") + body(784) + "}"})
        check_refused(request, 422, expected);
    accepted(body(784));
}

BOOST_AUTO_TEST_CASE(wrong_lengths_are_422_and_say_so) {
    for (int n : {783, 785, 0, 1, 1568, 28})
        check_refused(body(n, "0.5"), 422, "expected 784 pixels, got " + std::to_string(n));
    accepted(body(784, "0.5"));
}

BOOST_AUTO_TEST_CASE(values_that_are_not_numbers_are_422) {
    for (const std::string odd : {"\"0.5\"", "null", "true", "false", "[0]", "{}", "\"\""})
        for (int at : {0, 391, 783})
            check_refused(body(784, "0", odd, at), 422, "pixel " + std::to_string(at) + " is not a number");
    accepted(body(784, "0", "0.25", 391));
}

BOOST_AUTO_TEST_CASE(values_outside_0_1_are_422) {
    check_refused(body(784, "0", "2"), 422, "pixel 0 is 2, outside [0, 1]");
    check_refused(body(784, "0", "1.5", 500), 422, "pixel 500 is 1.5, outside [0, 1]");
    check_refused(body(784, "0", "-0.25", 783), 422, "pixel 783 is -0.25, outside [0, 1]");
    check_refused(body(784, "0", "255", 100), 422, "pixel 100 is 255, outside [0, 1]");
    check_refused(body(784, "0", "-1", 1), 422, "pixel 1 is -1, outside [0, 1]");
    for (const std::string odd :
         {"1.0001", "-0.01", "1e308", "-1e308", "1.0000000000000002", "-1e-300", "256", "-0.5e-5"})
        for (int at : {0, 783}) check_refused(body(784, "0.5", odd, at), 422);
    accepted(body(784, "0.5", "1", 783));
}

BOOST_AUTO_TEST_CASE(the_first_problem_in_the_contracts_order_is_reported) {
    // the length before the values; then pixel by pixel from 0, each "not a number" before "outside"
    check_refused("{\"pixels\": [\"x\", 7, null]}", 422, "expected 784 pixels, got 3");
    std::string s = "{\"pixels\": [0, 0, 3";
    for (int i = 3; i < 784; ++i) s += i == 5 ? ",\"x\"" : ",0";
    check_refused(s + "]}", 422, "pixel 2 is 3, outside [0, 1]");
    std::string t = "{\"pixels\": [0, 0, null";
    for (int i = 3; i < 784; ++i) t += i == 5 ? ",3" : ",0";
    check_refused(t + "]}", 422, "pixel 2 is not a number");
    check_refused("{\"pixels\": [1, 2, 3]", 400);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {
nn::Vector square(int r0, int c0, int h, int w, double v = 1.0) {
    nn::Vector img = nn::Vector::Zero(784);
    for (int r = r0; r < r0 + h; ++r)
        for (int c = c0; c < c0 + w; ++c) img(r * 28 + c) = v;
    return img;
}
// The image's ink as "(r, c)=v" for a failure message (at most 12 pixels).
std::string ink(const nn::Vector& img) {
    std::ostringstream s;
    int n = 0;
    for (int k = 0; k < img.size(); ++k)
        if (img(k) != 0 && n++ < 12) s << " (" << k / 28 << ", " << k % 28 << ")=" << img(k);
    if (n > 12) s << " ... " << n << " pixels in all";
    return n ? s.str() : " no ink";
}
// The whole image, pixel by pixel, named (row, column).
void check_image(const nn::Vector& actual, const nn::Vector& expected, const std::string& what) {
    BOOST_TEST_REQUIRE(actual.size() == 784, what << ": expected 784 pixels, got " << actual.size());
    int wrong = 0;
    for (int k = 0; k < 784; ++k) {
        if (actual(k) == expected(k)) continue;
        if (++wrong <= 4)
            BOOST_TEST(false, what << ", pixel (row " << k / 28 << ", column " << k % 28 << "): expected "
                                   << expected(k) << ", got " << actual(k));
    }
    BOOST_TEST(wrong == 0, what << ": " << wrong << " pixels differ\n  expected ink:" << ink(expected)
                                << "\n  yours:       " << ink(actual));
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex14_2_center_by_mass)

BOOST_AUTO_TEST_CASE(a_block_in_a_corner_moves_to_the_middle) {
    // a 4×4 block at rows 0-3, columns 0-3: center (1.5, 1.5), shift round(12.5) = 13 -> rows 13-16
    check_image(center_by_mass(square(0, 0, 4, 4)), square(13, 13, 4, 4),
                "a 4x4 block at (0, 0), center (1.5, 1.5)");
    // a 3×3 block at rows 24-26, columns 23-25: center (25, 24), shift (−11, −10) -> rows 13-15, columns 13-15
    check_image(center_by_mass(square(24, 23, 3, 3, 0.5)), square(13, 13, 3, 3, 0.5),
                "a 3x3 block of 0.5 at (24, 23), center (25, 24)");
}

BOOST_AUTO_TEST_CASE(rows_and_columns_move_separately) {
    // a 6 tall, 2 wide bar at rows 20-25, columns 3-4: center (22.5, 3.5), shift (round(−8.5), round(10.5)) = (−9, 11)
    check_image(center_by_mass(square(20, 3, 6, 2)), square(11, 14, 6, 2),
                "a 6x2 bar at (20, 3), center (22.5, 3.5)");
    // a 1 tall, 5 wide bar at row 3, columns 20-24: center (3, 22), shift (11, −8)
    check_image(center_by_mass(square(3, 20, 1, 5)), square(14, 12, 1, 5),
                "a 1x5 bar at (3, 20), center (3, 22)");
}

BOOST_AUTO_TEST_CASE(the_shift_is_rounded_halves_away_from_zero) {
    // two pixels at (2, 24) and (2, 25): center (2, 24.5); 14 − 24.5 = −10.5 -> −11: columns 13-14
    check_image(center_by_mass(square(2, 24, 1, 2)), square(14, 13, 1, 2),
                "pixels at (2, 24) and (2, 25), center (2, 24.5)");
    // center (3.8, 17.8): shifts round(10.2) = 10 and round(−3.8) = −4 (truncation: 10 and −3)
    nn::Vector img = nn::Vector::Zero(784);
    img(3 * 28 + 17) = 0.2;
    img(4 * 28 + 18) = 0.8;
    nn::Vector expected = nn::Vector::Zero(784);
    expected(13 * 28 + 13) = 0.2;
    expected(14 * 28 + 14) = 0.8;
    check_image(center_by_mass(img), expected, "0.2 at (3, 17) and 0.8 at (4, 18), center (3.8, 17.8)");
    img = nn::Vector::Zero(784);
    img(3 * 28 + 18) = 0.7;
    img(4 * 28 + 19) = 0.3;
    expected = nn::Vector::Zero(784);
    // center: rows (0.7·3 + 0.3·4)/1 = 3.3, columns (0.7·18 + 0.3·19)/1 = 18.3 -> shifts round(10.7) = 11
    // (floor or truncation: 10) and round(−4.3) = −4 (floor: −5)
    expected(14 * 28 + 14) = 0.7;
    expected(15 * 28 + 15) = 0.3;
    check_image(center_by_mass(img), expected, "0.7 at (3, 18) and 0.3 at (4, 19), center (3.3, 18.3)");
    // a 2x2 block at rows 0-1 and columns 26-27: center (0.5, 26.5):
    // 13.5 -> 14 and −12.5 -> −13 (round half to even would give 14 and −12; floor(x + ½): 14 and −12)
    check_image(center_by_mass(square(0, 26, 2, 2)), square(14, 13, 2, 2),
                "a 2x2 block at (0, 26), center (0.5, 26.5)");
}

BOOST_AUTO_TEST_CASE(weights_count_not_just_ink) {
    // faint pixels weigh less: 0.1 at (0, 0) and 0.9 at (10, 10): center (9, 9), shift (5, 5)
    nn::Vector img = nn::Vector::Zero(784), expected = nn::Vector::Zero(784);
    img(0) = 0.1;
    img(10 * 28 + 10) = 0.9;
    expected(5 * 28 + 5) = 0.1;
    expected(15 * 28 + 15) = 0.9;
    check_image(center_by_mass(img), expected, "0.1 at (0, 0) and 0.9 at (10, 10), center (9, 9)");
    // 0.25 at (20, 2) and 0.75 at (24, 6): center (23, 5), shift (−9, 9)
    img = nn::Vector::Zero(784);
    expected = nn::Vector::Zero(784);
    img(20 * 28 + 2) = 0.25;
    img(24 * 28 + 6) = 0.75;
    expected(11 * 28 + 11) = 0.25;
    expected(15 * 28 + 15) = 0.75;
    check_image(center_by_mass(img), expected, "0.25 at (20, 2) and 0.75 at (24, 6), center (23, 5)");
}

BOOST_AUTO_TEST_CASE(what_moves_out_is_lost_and_what_is_uncovered_is_zero) {
    // 3 at (0, 0) and 1 at (27, 27): center (6.75, 6.75), shift (7, 7): the first lands at (7, 7),
    // the second would land at (34, 34) and is gone (not wrapped round to (6, 6))
    nn::Vector img = nn::Vector::Zero(784), expected = nn::Vector::Zero(784);
    img(0) = 3.0;
    img(27 * 28 + 27) = 1.0;
    expected(7 * 28 + 7) = 3.0;
    check_image(center_by_mass(img), expected, "3 at (0, 0) and 1 at (27, 27), center (6.75, 6.75)");
    // a full first row (center (0, 13.5)): shift (14, 1), so row 14 holds columns 1-27 and the last
    // pixel is gone; every other row, column 0 included, is 0
    check_image(center_by_mass(square(0, 0, 1, 28, 0.5)), square(14, 1, 1, 27, 0.5),
                "a full first row of 0.5");
}

BOOST_AUTO_TEST_CASE(pixels_can_land_in_row_0_and_column_0) {
    // 1 at rows 2, 20 and 26 of column 14: center (48/3, 14) = (16, 14), shift (−2, 0): rows 0, 18, 24
    nn::Vector img = nn::Vector::Zero(784), expected = nn::Vector::Zero(784);
    for (int r : {2, 20, 26}) img(r * 28 + 14) = 1;
    for (int r : {0, 18, 24}) expected(r * 28 + 14) = 1;
    check_image(center_by_mass(img), expected, "1 at (2, 14), (20, 14), (26, 14), center (16, 14)");
    // the same along a row: columns 2, 20, 26 of row 14, center (14, 16), shift (0, −2): columns 0, 18, 24
    img = nn::Vector::Zero(784);
    expected = nn::Vector::Zero(784);
    for (int c : {2, 20, 26}) img(14 * 28 + c) = 1;
    for (int c : {0, 18, 24}) expected(14 * 28 + c) = 1;
    check_image(center_by_mass(img), expected, "1 at (14, 2), (14, 20), (14, 26), center (14, 16)");
    // both at once: 1 at (2, 2), (20, 20), (26, 26), center (16, 16): the first lands in the corner (0, 0)
    img = nn::Vector::Zero(784);
    expected = nn::Vector::Zero(784);
    for (int k : {2, 20, 26}) img(k * 28 + k) = 1;
    for (int k : {0, 18, 24}) expected(k * 28 + k) = 1;
    check_image(center_by_mass(img), expected, "1 at (2, 2), (20, 20), (26, 26), center (16, 16)");
}

BOOST_AUTO_TEST_CASE(an_image_already_centered_comes_back_unchanged) {
    check_image(center_by_mass(square(14, 14, 1, 1, 0.6)), square(14, 14, 1, 1, 0.6),
                "one pixel at (14, 14)");
    check_image(center_by_mass(square(13, 12, 3, 5)), square(13, 12, 3, 5),
                "a 3x5 block at (13, 12), center (14, 14)");
    nn::Vector img = nn::Vector::Zero(784);
    img(13 * 28 + 14) = 0.4;
    img(14 * 28 + 15) = 0.6;
    img(14 * 28 + 14) = 0.0;
    // rows (0.4·13 + 0.6·14) = 13.6, columns (0.4·14 + 0.6·15) = 14.6 -> round(−0.6) = −1: columns move left
    nn::Vector expected = nn::Vector::Zero(784);
    expected(13 * 28 + 13) = 0.4;
    expected(14 * 28 + 14) = 0.6;
    check_image(center_by_mass(img), expected, "0.4 at (13, 14) and 0.6 at (14, 15), center (13.6, 14.6)");
    img(14 * 28 + 15) = 0.4;
    img(14 * 28 + 13) = 0.2;
    // now 0.4 at (13, 14), 0.2 at (14, 13), 0.4 at (14, 15): rows (5.2 + 2.8 + 5.6)/1 = 13.6,
    // columns (5.6 + 2.6 + 6)/1 = 14.2: shifts round(0.4) = 0 and round(−0.2) = 0, unchanged
    check_image(center_by_mass(img), img, "an image with center (13.6, 14.2), which rounds to no shift");
}

BOOST_AUTO_TEST_CASE(a_blank_image_comes_back_unchanged_and_the_size_is_checked) {
    check_image(center_by_mass(nn::Vector::Zero(784)), nn::Vector::Zero(784), "an image with no ink");
    // Σ v = 0 is what counts: 0.5 at (3, 3) and −0.5 at (20, 20) sum to 0, so there is no center
    // of mass to divide out (0/0) and the image comes back as it is
    nn::Vector cancel = nn::Vector::Zero(784);
    cancel(3 * 28 + 3) = 0.5;
    cancel(20 * 28 + 20) = -0.5;
    check_image(center_by_mass(cancel), cancel, "0.5 at (3, 3) and -0.5 at (20, 20), whose sum is 0");
    for (long n : {783L, 785L, 0L, 28L}) {
        bool threw = false;
        try {
            center_by_mass(nn::Vector::Constant(n, 0.5));
        } catch (const std::invalid_argument&) {
            threw = true;
        } catch (...) {}
        BOOST_TEST(threw, "an image of " << n << " values must throw std::invalid_argument");
    }
    // a real one beside them: one pixel at (27, 0) moves to (14, 14)
    check_image(center_by_mass(square(27, 0, 1, 1)), square(14, 14, 1, 1), "one pixel at (27, 0)");
}

BOOST_AUTO_TEST_SUITE_END()
