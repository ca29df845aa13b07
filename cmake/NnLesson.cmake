# nn_add_course(<manifest>): one nn_add_lesson per line of lessons/lessons.txt (its header says
# what the fields mean). A folder lessons/NN_* without a line, or a line without its folder, is a
# configure error.
#
# nn_add_lesson(<NN> <slug> TITLE <title> DECKS <decks> SUMMARY <sentence> [NEEDS <tier>...]
#               [QUICK <arg>...])
#
# For lessons/<NN>_<slug>/ it finds the parts by their presence and builds:
#   lesson<NN>            the lesson program on the reference solution      (./nn run NN)
#   lesson<NN>_try        the same program on the learner's exercises (checked build; ./nn try NN)
# The program's title, decks and summary (nn::this_lesson) are compiled in from the manifest.
# Every other .cpp of the folder (not main, solution, stub, trivial, tests, lesson_tests) is lesson
# code beyond the exercises, in lesson<NN>_core. NEEDS http links the web server's libraries.
# A file lesson.cmake in the folder, if there is one, is included last (lesson 14 compiles its page
# in and adds its browser test there). It also builds the exercise library in several builds of the same header (exercise.hpp):
#   lesson<NN>_reference  solution.cpp           the worked answers
#   lesson<NN>_stub       stub.cpp               the pristine stubs: every function throws
#                                                "not implemented", as a learner first sees them
#   lesson<NN>_trivial    trivial.cpp            the stub's second flavour: every function returns
#                                                a plausible non-answer of the right shape (zeros,
#                                                the input unchanged), which only a check can catch
#   lesson<NN>_learner    exercises/<NN>_<slug>.cpp   the learner's copy (git-ignored; checked build)
#   lesson<NN>_mutant     build/<preset>/mutants/<NN>_<slug>.cpp   every mutant of solution.cpp in
#                                                one file, chosen at run time by NN_MUTANT=k, written
#                                                by ./nn mutants (not built by default)
#   lesson<NN>_wrong_<v>  wrong/<v>.cpp          known-wrong answers, found by globbing wrong/; each
#                                                names its exercise in a line "// wrong NN.k: why"
# lessons/<NN>_<slug>/tests.cpp holds one Boost.Test suite per exercise, exNN_k_<name>, each a list
# of plain BOOST_AUTO_TEST_CASEs (or BOOST_FIXTURE_TEST_CASE(name, Fixture)). They are read here, at configure time, and each is registered with
# CTest (no parsing of Boost.Test's output at run time):
#   lesson<NN>.exercises.listing         the program lists exactly the suites and cases read here
#                                        (a disabled, decorated or unparsed case fails this)
#   lesson<NN>.exercises.coverage        trivial.cpp exists; every exercise has >= 2 wrong variants
#   lesson<NN>.exercises.reference       the reference passes every case
#   lesson<NN>.stub.<suite>/<case>       each case, run alone, fails on the untouched stub
#   lesson<NN>.trivial.<suite>/<case>    each case, run alone, fails BY A CHECK on trivial.cpp
#   lesson<NN>.wrong.<v>                 the variant's own exercise suite fails BY A CHECK
#   lesson<NN>.output                    the lesson's output against its expected.txt
#   lesson<NN>.lesson                    lessons/<NN>_<slug>/lesson_tests.cpp (if there is one):
#                                        the lesson's own code beyond the exercises
# The stub, trivial, wrong and mutant builds and their tests check the test suite itself; with
# NN_META_CHECKS OFF (the sanitizer preset, whose other tests cover the same code) they are left out.
# With NN_LEARNER_CHECK (the "checked" preset that ./nn check and ./nn try use) it builds only the
# learner's side: lesson<NN>_try, test<NN>_learner and one CTest test per exercise,
#   lesson<NN>.check.<suite>             labels lesson<NN>;learner, with a time limit,
# so a learner's first check compiles one lesson, not every variant of every lesson.
# QUICK arguments are given to the lesson in its output test (e.g. --quick for one that trains long).
set(NN_EXERCISES_DIR "${PROJECT_SOURCE_DIR}/exercises" CACHE PATH
    "Where the learner's exercise files are (./nn check builds them)")
set(NN_CHECK_TIMEOUT 30 CACHE STRING "Seconds an exercise's tests may run in ./nn check")

# _nn_read_exercise_suites(<test source> <NN> <out suites var>): the exercise suites of a test
# file, and for each suite S the variable _nn_cases_<S> with its cases. Anything it cannot read
# with certainty is a configure error, never a silently skipped test.
function(_nn_read_exercise_suites source NN out)
  file(STRINGS "${source}" lines
       REGEX "^[ \t]*BOOST_(AUTO_TEST|FIXTURE_TEST|DATA_TEST|PARAM_TEST|TEST_CASE|TEST_DECORATOR|TEST_GLOBAL)")
  # Brackets would stop CMake from splitting the list at the lines' ends; the names have none.
  string(REPLACE "[" "<" lines "${lines}")
  string(REPLACE "]" ">" lines "${lines}")
  set(suites "")
  set(current "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^BOOST_AUTO_TEST_SUITE\\((ex${NN}_([0-9]+)_[a-z0-9_]+)\\)[ \t]*$")
      if(current)
        message(FATAL_ERROR "${source}: suite ${CMAKE_MATCH_1} opened inside ${current}")
      endif()
      set(current "${CMAKE_MATCH_1}")
      list(APPEND suites "${current}")
      set(_nn_cases_${current} "")
    elseif(line MATCHES "^BOOST_AUTO_TEST_SUITE_END\\(\\)")
      if(NOT current)
        message(FATAL_ERROR "${source}: BOOST_AUTO_TEST_SUITE_END without a suite")
      endif()
      if(NOT _nn_cases_${current})
        message(FATAL_ERROR "${source}: exercise suite ${current} has no test case")
      endif()
      set(_nn_cases_${current} "${_nn_cases_${current}}" PARENT_SCOPE)
      set(current "")
    elseif(line MATCHES "^BOOST_(AUTO_TEST_CASE\\(|FIXTURE_TEST_CASE\\()([A-Za-z0-9_]+)(, *[A-Za-z0-9_:]+)?\\)([ \t]*{.*)?$")
      if(NOT current)
        message(FATAL_ERROR "${source}: test case ${CMAKE_MATCH_2} outside an exercise suite")
      endif()
      if(CMAKE_MATCH_1 STREQUAL "AUTO_TEST_CASE(" AND CMAKE_MATCH_3)
        message(FATAL_ERROR "${source}: a decorated test case cannot be registered:\n  ${line}")
      endif()
      list(APPEND _nn_cases_${current} "${CMAKE_MATCH_2}")
    elseif(line MATCHES "^[ \t]*BOOST_")
      message(FATAL_ERROR "${source}: cannot register this line with CTest (one plain "
              "BOOST_AUTO_TEST_CASE(name) per line, no decorators, no nested suites):\n  ${line}")
    endif()
  endforeach()
  if(current)
    message(FATAL_ERROR "${source}: suite ${current} is not closed")
  endif()
  if(NOT suites)
    message(FATAL_ERROR "${source}: no exercise suite BOOST_AUTO_TEST_SUITE(ex${NN}_k_name)")
  endif()
  set(${out} "${suites}" PARENT_SCOPE)
endfunction()

# One exercise library: <target> built from <source>, with the lesson's include folder and libs.
function(_nn_exercise_lib target source dir libs)
  add_library(${target} STATIC ${ARGN} "${source}")
  target_include_directories(${target} PUBLIC "${dir}")
  target_link_libraries(${target} PUBLIC nn::common ${libs} PRIVATE nn_warnings)
endfunction()
# The builds that only the meta-checks run (stub, trivial, wrong variants, mutants): there are many
# of them and their tests are small, so they are compiled for speed of building (-O1, little debug
# information), and they share one precompiled header of the standard library, fmt and Eigen:
# each is a copy of solution.cpp, and parsing Eigen was most of its compile time (a wrong variant
# of lesson 12: 3.3 s without, 1.0 s with). The header is built once, by a holder target with the
# same flags (GCC uses a precompiled header only if the options that define macros are the same;
# -pthread defines _REENTRANT, so a lesson that links Threads has a holder of its own). A variant
# stays correct without it: GCC falls back to the header's text.
set(NN_META_PCH_HEADERS <array> <cmath> <functional> <numeric> <stdexcept> <string> <vector>
    <fmt/core.h> <Eigen/Dense>)
function(_nn_meta_pch target libs)
  if(NOT NN_PCH)
    return()
  endif()
  set(holder nn_meta_pch)
  if(libs)
    string(SHA1 key "${libs}")
    string(SUBSTRING "${key}" 0 8 key)
    set(holder nn_meta_pch_${key})
  endif()
  if(NOT TARGET ${holder})
    set(source "${PROJECT_BINARY_DIR}/pch/${holder}.cpp")
    file(CONFIGURE OUTPUT "${source}" CONTENT "// Holds the meta-checks' precompiled header (cmake/NnLesson.cmake).\n")
    add_library(${holder} OBJECT "${source}")
    target_link_libraries(${holder} PRIVATE nn::common ${libs} nn_warnings)
    target_compile_options(${holder} PRIVATE -O1 $<$<CONFIG:RelWithDebInfo>:-g1>)
    target_precompile_headers(${holder} PRIVATE ${NN_META_PCH_HEADERS})
  endif()
  target_precompile_headers(${target} REUSE_FROM ${holder})
  # Say so if GCC cannot use it (a flag that defines a macro differs from the holder's).
  target_compile_options(${target} PRIVATE -Winvalid-pch)
endfunction()
function(_nn_meta_lib target source dir libs)
  _nn_exercise_lib(${target} "${source}" "${dir}" "${libs}" ${ARGN})
  target_compile_options(${target} PRIVATE -O1 $<$<CONFIG:RelWithDebInfo>:-g1>)
  _nn_meta_pch(${target} "${libs}")
endfunction()

# One test program: the lesson's exercise tests linked against one build of the exercises.
function(_nn_exercise_test NN build)
  add_executable(test${NN}_${build} ${ARGN} $<TARGET_OBJECTS:test${NN}_obj>
                 $<TARGET_OBJECTS:nn_test_verdict>)
  target_link_libraries(test${NN}_${build} PRIVATE lesson${NN}_core lesson${NN}_${build} nn_test_support)
  set_target_properties(test${NN}_${build} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/tests")
endfunction()

function(nn_add_course manifest)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${manifest}")
  file(READ "${manifest}" text)
  # Brackets and semicolons would stop CMake from splitting the text into lines: stand-ins for now.
  string(REPLACE "[" "<nn-open>" text "${text}")
  string(REPLACE "]" "<nn-close>" text "${text}")
  string(REPLACE ";" "<nn-semicolon>" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(listed "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^#" OR line STREQUAL "")
      continue()
    endif()
    set(field " *([^|]*[^ |]) *")
    if(NOT line MATCHES "^([0-9][0-9]) \\| ([a-z0-9_]+) \\|${field}\\|${field}\\|${field}\\|${field}\\|${field}\\|${field}$")
      message(FATAL_ERROR "${manifest}: cannot read this line (NN | slug | title | decks | needs | "
              "tour | quick | summary, \"-\" for an empty field):\n  ${line}")
    endif()
    set(nn "${CMAKE_MATCH_1}")
    set(slug "${CMAKE_MATCH_2}")
    set(title "${CMAKE_MATCH_3}")
    set(decks "${CMAKE_MATCH_4}")
    set(needs "${CMAKE_MATCH_5}")
    set(quick "${CMAKE_MATCH_7}")
    set(summary "${CMAKE_MATCH_8}")
    foreach(v title decks summary)
      if(${v} MATCHES "[\"\\]")
        message(FATAL_ERROR "${manifest}: lesson ${nn}'s ${v} holds a quote or a backslash")
      endif()
    endforeach()
    foreach(v needs quick)
      if(${v} STREQUAL "-")
        set(${v} "")
      endif()
      separate_arguments(${v} UNIX_COMMAND "${${v}}")
    endforeach()
    if(NOT IS_DIRECTORY "${PROJECT_SOURCE_DIR}/lessons/${nn}_${slug}")
      message(FATAL_ERROR "${manifest}: lesson ${nn} has no folder lessons/${nn}_${slug}")
    endif()
    list(APPEND listed "${nn}_${slug}")
    nn_add_lesson(${nn} ${slug} TITLE "${title}" DECKS "${decks}" SUMMARY "${summary}"
                  NEEDS ${needs} QUICK ${quick})
  endforeach()
  file(GLOB folders RELATIVE "${PROJECT_SOURCE_DIR}/lessons" CONFIGURE_DEPENDS
       "${PROJECT_SOURCE_DIR}/lessons/[0-9][0-9]_*")
  foreach(folder IN LISTS folders)
    if(NOT folder IN_LIST listed)
      message(FATAL_ERROR "lessons/${folder} has no line in ${manifest}")
    endif()
  endforeach()
endfunction()

function(nn_add_lesson NN slug)
  cmake_parse_arguments(PARSE_ARGV 2 L "" "TITLE;DECKS;SUMMARY" "NEEDS;QUICK")
  set(name "${NN}_${slug}")
  set(dir "${PROJECT_SOURCE_DIR}/lessons/${name}")
  set(learner_file "${NN_EXERCISES_DIR}/${name}.cpp")
  set(L_LIBS "")
  if("http" IN_LIST L_NEEDS)
    if(NOT TARGET PkgConfig::HTTPLIB OR NOT TARGET nlohmann_json::nlohmann_json)
      message(STATUS "lesson ${NN} is left out: it needs cpp-httplib and nlohmann-json "
                     "(./nn run ${NN} installs them)")
      return()
    endif()
    set(L_LIBS PkgConfig::HTTPLIB nlohmann_json::nlohmann_json Threads::Threads)
  endif()
  foreach(part main.cpp solution.cpp stub.cpp exercise.hpp tests.cpp expected.txt hints.md)
    if(NOT EXISTS "${dir}/${part}")
      message(FATAL_ERROR "lessons/${name}/${part} is missing (every lesson has one; see README.md)")
    endif()
  endforeach()

  # The program's facts, from the manifest: nn::this_lesson (the stand-ins of nn_add_course undone).
  foreach(v L_TITLE L_DECKS L_SUMMARY)
    string(REPLACE "<nn-open>" "[" ${v} "${${v}}")
    string(REPLACE "<nn-close>" "]" ${v} "${${v}}")
    string(REPLACE "<nn-semicolon>" ";" ${v} "${${v}}")
  endforeach()
  set(info "${PROJECT_BINARY_DIR}/lessons/lesson${NN}_info.cpp")
  file(CONFIGURE OUTPUT "${info}" CONTENT "// Written by CMake from lessons/lessons.txt: edit that, not this.
#include \"nn/lesson_info.hpp\"
const nn::LessonInfo nn::this_lesson{\"${NN}\", \"${L_TITLE}\", \"${L_DECKS}\", \"${L_SUMMARY}\"};
" @ONLY)

  # Lesson code beyond the exercises (may be empty): used by the program and its tests. It is an
  # OBJECT library because it may call the exercises: object files always come before the
  # exercise library on the link line, so those calls resolve against whichever build is linked.
  file(GLOB sources CONFIGURE_DEPENDS "${dir}/*.cpp")
  list(FILTER sources EXCLUDE REGEX "/(main|solution|stub|trivial|tests|lesson_tests)\\.cpp$")
  if(sources)
    add_library(lesson${NN}_core OBJECT ${sources})
    target_include_directories(lesson${NN}_core PUBLIC "${dir}")
    target_link_libraries(lesson${NN}_core PUBLIC nn::common ${L_LIBS} PRIVATE nn_warnings)
  else()
    add_library(lesson${NN}_core INTERFACE)
  endif()

  # The program, on the reference (lesson<NN>) or, in the checked build, on the learner's file
  # (lesson<NN>_try). The learner's side exists only in the checked build.
  if(NN_LEARNER_CHECK)
    # The learner's copy starts as the pristine stub (never overwritten here; ./nn reset does that).
    if(NOT EXISTS "${learner_file}")
      file(MAKE_DIRECTORY "${NN_EXERCISES_DIR}")
      file(COPY_FILE "${dir}/stub.cpp" "${learner_file}")
    endif()
    _nn_exercise_lib(lesson${NN}_learner "${learner_file}" "${dir}" "${L_LIBS}")
    # A stub names its parameters for the learner but does not use them yet.
    target_compile_options(lesson${NN}_learner PRIVATE -Wno-unused-parameter)
    set(program_lib lesson${NN}_learner)
    set(program lesson${NN}_try)
  else()
    _nn_exercise_lib(lesson${NN}_reference "${dir}/solution.cpp" "${dir}" "${L_LIBS}")
    set(program_lib lesson${NN}_reference)
    set(program lesson${NN})
  endif()
  add_executable(${program} "${dir}/main.cpp" "${info}")
  # Lesson code may call the exercises, so it comes first on the link line.
  target_link_libraries(${program} PRIVATE lesson${NN}_core ${program_lib} nn_warnings)
  set_target_properties(${program} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bin")
  set_property(GLOBAL APPEND PROPERTY NN_LESSON_PROGRAMS ${program})

  if(EXISTS "${dir}/lesson.cmake")
    include("${dir}/lesson.cmake")
  endif()

  if(NOT BUILD_TESTING)
    return()
  endif()
  set(test_source "${dir}/tests.cpp")
  _nn_read_exercise_suites("${test_source}" ${NN} suites)
  # The suites and cases are read from the test file: configure again whenever it changes.
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${test_source}")
  add_library(test${NN}_obj OBJECT "${test_source}")
  target_link_libraries(test${NN}_obj PUBLIC lesson${NN}_core ${program_lib} nn_test_support
                        PRIVATE nn_warnings)

  # The learner's side: one CTest test per exercise, for ./nn check.
  if(NN_LEARNER_CHECK)
    _nn_exercise_test(${NN} learner)
    foreach(suite IN LISTS suites)
      add_test(NAME lesson${NN}.check.${suite}
               COMMAND test${NN}_learner --run_test=${suite} --log_level=error --report_level=no
                       --color_output=no)
      set_tests_properties(lesson${NN}.check.${suite} PROPERTIES LABELS "lesson${NN};learner"
                           TIMEOUT ${NN_CHECK_TIMEOUT})
    endforeach()
    return()
  endif()

  _nn_exercise_test(${NN} reference)
  set(expect_fail bash "${PROJECT_SOURCE_DIR}/tests/support/expect_fail.sh")

  # What the program must list: the suites and cases read above, in Boost's --list_content form.
  set(listing "")
  foreach(suite IN LISTS suites)
    string(APPEND listing "${suite}*\n")
    foreach(case IN LISTS _nn_cases_${suite})
      string(APPEND listing "    ${case}*\n")
    endforeach()
  endforeach()
  file(WRITE "${PROJECT_BINARY_DIR}/tests/listing${NN}.txt" "${listing}")
  add_test(NAME lesson${NN}.exercises.listing
           COMMAND bash "${PROJECT_SOURCE_DIR}/tests/support/same_listing.sh"
                   $<TARGET_FILE:test${NN}_reference> "${PROJECT_BINARY_DIR}/tests/listing${NN}.txt")
  add_test(NAME lesson${NN}.exercises.reference COMMAND test${NN}_reference)

  # The lesson's output and its own tests, in every build.
  # Run from the build folder, so the plots it prints as plots/... land in build/<preset>/plots.
  add_test(NAME lesson${NN}.output
           COMMAND compare_output "${dir}/expected.txt" -- $<TARGET_FILE:lesson${NN}> ${L_QUICK}
           WORKING_DIRECTORY "${PROJECT_BINARY_DIR}")
  set_tests_properties(lesson${NN}.output PROPERTIES LABELS output)
  # ./nn bless NN: store the output, run as its test runs it, as the new expected.txt.
  add_custom_target(bless${NN}
                    COMMAND compare_output --write "${dir}/expected.txt" -- $<TARGET_FILE:lesson${NN}> ${L_QUICK}
                    WORKING_DIRECTORY "${PROJECT_BINARY_DIR}" DEPENDS lesson${NN} compare_output VERBATIM)
  if(EXISTS "${dir}/lesson_tests.cpp")
    add_executable(test${NN}_lesson "${dir}/lesson_tests.cpp")
    target_link_libraries(test${NN}_lesson PRIVATE lesson${NN}_core lesson${NN}_reference
                          nn_test_support nn_warnings)
    set_target_properties(test${NN}_lesson PROPERTIES
                          RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/tests")
    add_test(NAME lesson${NN}.lesson COMMAND test${NN}_lesson)
  endif()

  # The checks of the checks: stub, trivial, wrong variants, mutants. They test the test suite,
  # not the program, so the sanitizer build leaves them out (NN_META_CHECKS OFF in its preset).
  if(NOT NN_META_CHECKS)
    return()
  endif()
  _nn_meta_lib(lesson${NN}_stub "${dir}/stub.cpp" "${dir}" "${L_LIBS}")
  target_compile_options(lesson${NN}_stub PRIVATE -Wno-unused-parameter)
  _nn_exercise_test(${NN} stub)

  set(problems "")
  set(have_trivial OFF)
  if(EXISTS "${dir}/trivial.cpp")
    set(have_trivial ON)
    _nn_meta_lib(lesson${NN}_trivial "${dir}/trivial.cpp" "${dir}" "${L_LIBS}")
    target_compile_options(lesson${NN}_trivial PRIVATE -Wno-unused-parameter)
    _nn_exercise_test(${NN} trivial)
  else()
    list(APPEND problems "lessons/${name}/trivial.cpp is missing")
  endif()
  foreach(suite IN LISTS suites)
    foreach(case IN LISTS _nn_cases_${suite})
      add_test(NAME lesson${NN}.stub.${suite}/${case}
               COMMAND ${expect_fail} any $<TARGET_FILE:test${NN}_stub> --run_test=${suite}/${case})
      if(have_trivial)
        add_test(NAME lesson${NN}.trivial.${suite}/${case}
                 COMMAND ${expect_fail} check $<TARGET_FILE:test${NN}_trivial> --run_test=${suite}/${case})
      endif()
    endforeach()
    set(_nn_wrong_count_${suite} 0)
  endforeach()

  # ./nn mutants (tests/support/mutants.py) writes the lesson's mutants of solution.cpp here and
  # builds test<NN>_mutant against them; never part of the default build.
  set(mutant_file "${PROJECT_BINARY_DIR}/mutants/${name}.cpp")
  if(NOT EXISTS "${mutant_file}")
    file(MAKE_DIRECTORY "${PROJECT_BINARY_DIR}/mutants")
    file(COPY_FILE "${dir}/solution.cpp" "${mutant_file}")
  endif()
  _nn_exercise_lib(lesson${NN}_mutant "${mutant_file}" "${dir}" "${L_LIBS}" EXCLUDE_FROM_ALL)
  # All of a lesson's mutants are compiled at once (mutant schemata), so a quick compile matters more.
  target_compile_options(lesson${NN}_mutant PRIVATE -w -O1 $<$<CONFIG:RelWithDebInfo>:-g1>)
  _nn_meta_pch(lesson${NN}_mutant "${L_LIBS}")
  _nn_exercise_test(${NN} mutant EXCLUDE_FROM_ALL)

  # Known-wrong variants: every file in wrong/, each run against its own exercise's suite.
  file(GLOB wrong_files CONFIGURE_DEPENDS "${dir}/wrong/*.cpp")
  foreach(file IN LISTS wrong_files)
    get_filename_component(variant "${file}" NAME_WE)
    file(STRINGS "${file}" tag REGEX "^// wrong [0-9]+\\.[0-9]+: " LIMIT_COUNT 1)
    if(NOT tag MATCHES "^// wrong ([0-9]+)\\.([0-9]+): ")
      message(FATAL_ERROR "${file}: a wrong variant names its exercise on a line of its own, "
              "'// wrong ${NN}.k: the misconception' (k the exercise's number)")
    endif()
    set(tag_lesson "${CMAKE_MATCH_1}")
    set(tag_k "${CMAKE_MATCH_2}")
    if(NOT tag_lesson STREQUAL NN)
      message(FATAL_ERROR "${file}: names exercise ${tag_lesson}.${tag_k}, not one of lesson ${NN}")
    endif()
    set(suite "")
    foreach(s IN LISTS suites)
      if(s MATCHES "^ex${NN}_${tag_k}_")
        set(suite "${s}")
      endif()
    endforeach()
    if(NOT suite)
      message(FATAL_ERROR "${file}: there is no exercise ${NN}.${tag_k} in ${test_source}")
    endif()
    math(EXPR _nn_wrong_count_${suite} "${_nn_wrong_count_${suite}} + 1")
    _nn_meta_lib(lesson${NN}_wrong_${variant} "${file}" "${dir}" "${L_LIBS}")
    _nn_exercise_test(${NN} wrong_${variant})
    add_test(NAME lesson${NN}.wrong.${variant}
             COMMAND ${expect_fail} check $<TARGET_FILE:test${NN}_wrong_${variant}> --run_test=${suite})
  endforeach()
  foreach(suite IN LISTS suites)
    if(_nn_wrong_count_${suite} LESS 2)
      list(APPEND problems "${suite} has ${_nn_wrong_count_${suite}} known-wrong variants (at least 2)")
    endif()
  endforeach()
  if(problems)
    list(JOIN problems "; " text)
    add_test(NAME lesson${NN}.exercises.coverage COMMAND bash -c "echo 'lesson ${NN}: ${text}'; exit 1")
  else()
    add_test(NAME lesson${NN}.exercises.coverage COMMAND bash -c "echo 'lesson ${NN}: trivial.cpp and 2+ wrong variants per exercise'")
  endif()
endfunction()
