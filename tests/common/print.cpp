#define BOOST_TEST_MODULE nn print
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <string>

#include "nn/print.hpp"

namespace {
// What f() prints on stdout (fmt::print writes there), caught in a temporary file.
std::string printed(const std::function<void()>& f) {
    std::fflush(stdout);
    std::FILE* file = std::tmpfile();
    const int saved = dup(fileno(stdout));
    dup2(fileno(file), fileno(stdout));
    f();
    std::fflush(stdout);
    dup2(saved, fileno(stdout));
    close(saved);
    std::rewind(file);
    std::string text;
    char buffer[512];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
    std::fclose(file);
    return text;
}
}  // namespace

BOOST_AUTO_TEST_CASE(matches_within_half_a_unit_of_the_last_digit) {
    BOOST_TEST(nn::matches(0.191, {0.191, 3}));
    BOOST_TEST(nn::matches(0.19149, {0.191, 3}));
    BOOST_TEST(!nn::matches(0.1916, {0.191, 3}));
    BOOST_TEST(nn::matches(0.17235, {0.17, 2}));  // the slide rounds to two decimals
    BOOST_TEST(!nn::matches(126.375, {84.25, 2}));
    BOOST_TEST(nn::matches(140, {140, 0}));
    BOOST_TEST(!nn::matches(141, {140, 0}));
}

BOOST_AUTO_TEST_CASE(numbers_drop_trailing_zeros_down_to_the_minimum) {
    BOOST_TEST(nn::format_number(0.191, 6) == "0.191");
    BOOST_TEST(nn::format_number(0.191, 6, 4) == "0.1910");
    BOOST_TEST(nn::format_number(140, 3) == "140");
    BOOST_TEST(nn::format_number(-0.0000001, 3) == "0");
    BOOST_TEST(nn::format_number(2.0 / 3, 4) == "0.6667");
    BOOST_TEST(nn::format_number(0.9999251537724895, 16, 16) == "0.9999251537724895");
}

BOOST_AUTO_TEST_CASE(matrices_print_as_aligned_nested_brackets) {
    nn::Matrix C(2, 2);
    C << 140, 146, 320, 335;
    BOOST_TEST(nn::format_matrix(C, 0) == "[[140, 146],\n [320, 335]]");
    nn::Matrix v(1, 3);
    v << 0.5, -2, 10;
    BOOST_TEST(nn::format_matrix(v, 2) == "[[0.5,  -2,  10]]");
}

BOOST_AUTO_TEST_CASE(a_row_that_differs_without_a_reason_is_a_mismatch) {
    nn::SlideTable t;
    t.row("ok row", 0.191, {0.191, 3});
    BOOST_TEST(t.all_match());
    t.row("explained", 126.375, {84.25, 2}, "the slide averages");
    BOOST_TEST(t.all_match());
    t.row("unexplained", 1.5, {84.25, 2});
    BOOST_TEST(!t.all_match());
}

BOOST_AUTO_TEST_CASE(a_near_row_matches_within_an_absolute_tolerance) {
    nn::SlideTable t("pre-activation");
    t.near_row("-10", 1 / (1 + std::exp(10.0)), 0, 0.005, 6);  // σ(−10) = 0.0000454 ≈ 0
    t.near_row("10", 1 / (1 + std::exp(-10.0)), 1, 0.005, 6, "σ saturates");
    BOOST_TEST(t.all_match());
    BOOST_TEST(printed([&] { t.print(); }) ==
               "pre-activation  computed  slide  check\n"
               "--------------------------------------------------------------\n"
               "-10             0.000045    ≈ 0  ok: within 0.005\n"
               "10              0.999955    ≈ 1  ok: within 0.005; σ saturates\n");
    t.near_row("0", 0.5, 1, 0.005, 6, "explained");  // outside the tolerance, with a reason
    BOOST_TEST(t.all_match());
    t.near_row("nan", std::nan(""), 0, 0.005, 6);  // NaN is near nothing
    BOOST_TEST(!t.all_match());
    nn::SlideTable u;
    u.near_row("just outside", 0.0051, 0, 0.005, 4);
    BOOST_TEST(!u.all_match());
    BOOST_TEST(printed([&] { u.print(); }).find("just outside    0.0051    ≈ 0  MISMATCH\n") !=
               std::string::npos);
}
