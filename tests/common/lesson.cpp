#define BOOST_TEST_MODULE nn::Lesson
#include <boost/test/unit_test.hpp>

#include <vector>

#include "nn/lesson.hpp"
#include "nn/types.hpp"

namespace {
int run(std::vector<std::string> args, const std::function<void(const nn::LessonOptions&)>& body) {
    nn::Lesson lesson({"99", "Test lesson", "none", "for the tests"});
    args.insert(args.begin(), "lesson99");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    return lesson.run(int(argv.size()), argv.data(), body);
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_normal_run_exits_0) {
    bool ran = false;
    BOOST_TEST(run({}, [&](const nn::LessonOptions&) { ran = true; }) == 0);
    BOOST_TEST(ran);
}

BOOST_AUTO_TEST_CASE(help_exits_0_without_running_the_body) {
    bool ran = false;
    BOOST_TEST(run({"--help"}, [&](const nn::LessonOptions&) { ran = true; }) == 0);
    BOOST_TEST(!ran);
}

BOOST_AUTO_TEST_CASE(an_unknown_option_is_a_command_line_error) {
    bool ran = false;
    BOOST_TEST(run({"--frobnicate"}, [&](const nn::LessonOptions&) { ran = true; }) == 2);
    BOOST_TEST(!ran);
}

BOOST_AUTO_TEST_CASE(options_reach_the_body) {
    nn::LessonOptions seen;
    run({"--no-plots", "--plots", "elsewhere", "--data", "/tmp/d"},
        [&](const nn::LessonOptions& o) { seen = o; });
    BOOST_TEST(!seen.plots);
    BOOST_TEST(seen.plot_dir.string() == "elsewhere");
    BOOST_TEST(seen.data_dir.string() == "/tmp/d");
}

BOOST_AUTO_TEST_CASE(bad_input_exits_1_and_a_missing_exercise_3) {
    BOOST_TEST(run({}, [](const nn::LessonOptions&) { throw nn::Error("data/x.csv: no such file"); }) == 1);
    BOOST_TEST(run({}, [](const nn::LessonOptions&) { nn::not_implemented("99.1"); }) == 3);
}

BOOST_AUTO_TEST_CASE(not_implemented_names_the_exercise_and_the_hint) {
    try {
        nn::not_implemented("04.2");
        BOOST_FAIL("not_implemented returned");
    } catch (const nn::NotImplemented& e) {
        BOOST_TEST(std::string(e.what()) == "not implemented yet: exercise 04.2 — run ./nn hint 04");
    }
}

// A lesson's own numeric options: typed garbage is a command-line error (exit 2), never a value.
namespace {
// Runs lesson 99 with one option of its own, `name text`, checked by `check`; the body only notes
// that it ran. Returns the exit code.
template <class T>
int run_option(const std::string& name, T& value, const CLI::Validator& check, const std::string& text,
               bool* ran = nullptr) {
    nn::Lesson lesson({"99", "Test lesson", "none", "for the tests"});
    lesson.cli().add_option(name, value)->check(check);
    std::string a0 = "lesson99", a1 = name, a2 = text;
    char* argv[] = {a0.data(), a1.data(), a2.data()};
    return lesson.run(3, argv, [&](const nn::LessonOptions&) {
        if (ran) *ran = true;
    });
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_number_option_refuses_what_is_not_a_finite_number_in_range) {
    for (const std::string bad : {"nan", "NaN", "inf", "-inf", "1e400", "0.5x", "", "abc", "1.5", "-0.1"}) {
        bool ran = false;
        double rate = 0.5;
        BOOST_TEST(run_option("--rate", rate, nn::finite_range(0.0, 1.0), bad, &ran) == 2, "--rate " << bad);
        BOOST_TEST(!ran, "--rate " << bad);
    }
    for (const auto& [text, want] : std::vector<std::pair<std::string, double>>{
             {"0", 0.0}, {"1", 1.0}, {"0.25", 0.25}, {"2.5e-1", 0.25}}) {
        double rate = -1;
        BOOST_TEST(run_option("--rate", rate, nn::finite_range(0.0, 1.0), text) == 0, "--rate " << text);
        BOOST_TEST(rate == want, "--rate " << text);
    }
}

BOOST_AUTO_TEST_CASE(a_seed_is_digits_that_fit_in_64_bits) {
    for (const std::string bad :
         {"-1", "18446744073709551616", "99999999999999999999", "1e3", "0x10", "", "+5", "7 "}) {
        std::uint64_t seed = 0;
        BOOST_TEST(run_option("--seed", seed, nn::seed_value(), bad) == 2, "--seed '" << bad << "'");
    }
    for (const auto& [text, want] : std::vector<std::pair<std::string, std::uint64_t>>{
             {"0", 0}, {"11", 11}, {"18446744073709551615", 18446744073709551615ULL}}) {
        std::uint64_t seed = 1;
        BOOST_TEST(run_option("--seed", seed, nn::seed_value(), text) == 0, "--seed " << text);
        BOOST_TEST(seed == want, "--seed " << text);
    }
}
