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
