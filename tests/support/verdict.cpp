// Linked into every exercise test program: counts HOW the tests failed and prints one line at the
// end of the run, which tests/support/expect_fail.sh and ./nn check read instead of Boost.Test's
// human-readable log:
//   nn-verdict: cases=3 checks_failed=2 exceptions=1 crashes=0
// cases: test cases run; checks_failed: failed BOOST_TEST/BOOST_CHECK/REQUIRE assertions;
// exceptions: C++ exceptions that escaped a case (a stub's "not implemented", a wrong throw);
// crashes: signals and other system errors that Boost.Test caught (segfault, abort, FPE).
// A run that prints no verdict line died before the end: a crash that could not be caught.
#include <boost/test/execution_monitor.hpp>
#include <boost/test/framework.hpp>
#include <boost/test/tree/observer.hpp>
#include <boost/test/unit_test_suite.hpp>
#include <cstdio>

namespace {

struct VerdictObserver final : boost::unit_test::test_observer {
    long cases = 0, checks_failed = 0, exceptions = 0, crashes = 0;

    void test_unit_start(const boost::unit_test::test_unit& tu) override {
        if (tu.p_type == boost::unit_test::TUT_CASE) ++cases;
    }
    void assertion_result(boost::unit_test::assertion_result ar) override {
        if (ar == boost::unit_test::AR_FAILED) ++checks_failed;
    }
    void exception_caught(const boost::execution_exception& e) override {
        using E = boost::execution_exception;
        const bool system =
            e.code() == E::system_error || e.code() == E::system_fatal_error || e.code() == E::timeout_error;
        ++(system ? crashes : exceptions);
    }
    void test_finish() override {
        std::fflush(stdout);
        std::fprintf(stderr, "nn-verdict: cases=%ld checks_failed=%ld exceptions=%ld crashes=%ld\n", cases,
                     checks_failed, exceptions, crashes);
        std::fflush(stderr);
    }
};

VerdictObserver observer;

// A global configuration lives from before the first test to after test_finish (a global fixture
// would be torn down before the end of the run, with the verdict still to print).
struct RegisterObserver {
    RegisterObserver() { boost::unit_test::framework::register_observer(observer); }
};

}  // namespace

BOOST_TEST_GLOBAL_CONFIGURATION(RegisterObserver);
