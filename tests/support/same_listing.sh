#!/usr/bin/env bash
# same_listing.sh PROGRAM EXPECTED: the exercise test program lists exactly the suites and cases
# that CMake read from its source (cmake/NnLesson.cmake) and registered one by one with CTest. A
# case that is disabled, decorated, generated or otherwise invisible to CMake fails this check.
set -u
actual=$("$1" --list_content 2>&1) || { echo "$1 --list_content failed:"; echo "$actual"; exit 1; }
if [[ -z $actual ]]; then echo "empty listing from $1"; exit 1; fi
if ! diff <(printf '%s\n' "$actual") "$2"; then
    echo "the test program's cases differ from the ones registered with CTest (< program, > CMake)"
    exit 1
fi
echo "$(grep -c '^    ' "$2") cases in $(grep -vc '^    ' "$2") exercise suites, all registered"
