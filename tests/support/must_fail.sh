#!/usr/bin/env bash
# Runs the exercise tests against a known-wrong variant: they must report a failure (Boost.Test
# exits 201 for failed checks, 200 for an exception in a test case). A crash does not count: a
# wrong answer must be caught by a check, not by luck.
set -u
"$1" --log_level=error --report_level=short
code=$?
case $code in
    0) echo "the tests PASS on this known-wrong variant: they cannot tell it from a right answer"; exit 1 ;;
    200|201) echo "the tests fail on this known-wrong variant, as they must"; exit 0 ;;
    *) echo "the tests crashed (exit $code) instead of failing a check"; exit 1 ;;
esac
