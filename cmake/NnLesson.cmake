# nn_add_lesson(<NN> <slug> TITLE <title> DECKS <decks> [WRONG <variant>...] [SOURCES <file>...]
#               [LESSON_TESTS] [ARGS <arg>...] [LIBS <target>...])
#
# One line per lesson in lessons/CMakeLists.txt. For lessons/<NN>_<slug>/ it builds:
#   lesson<NN>            the lesson program on the reference solution      (./nn run NN)
#   lesson<NN>_try        the same program on the learner's exercises      (./nn try NN)
# and the exercise library in several builds of the same header (exercise.hpp):
#   lesson<NN>_reference  solution.cpp           the worked answers
#   lesson<NN>_stub       stub.cpp               the pristine stubs, as a learner first sees them
#   lesson<NN>_learner    exercises/<NN>_<slug>.cpp   the learner's copy (git-ignored)
#   lesson<NN>_wrong_<v>  wrong/<v>.cpp          known-wrong answers that the tests must catch
# With BUILD_TESTING, tests/lessons/<NN>_<slug>.cpp (which includes only exercise.hpp) is linked
# against each build and registered with CTest:
#   lesson<NN>.exercises.reference       must pass
#   lesson<NN>.exercises.stub_must_fail  every test case, run alone, must fail on the stubs
#   lesson<NN>.exercises.wrong.<v>       must fail on each known-wrong variant
#   lesson<NN>.output                    the lesson's output against its expected.txt
#   lesson<NN>.lesson                    tests/lessons/<NN>_<slug>_lesson.cpp (LESSON_TESTS):
#                                        the lesson's own code beyond the exercises
# ARGS are given to the lesson in its output test (e.g. --quick for a lesson that trains long).
# SOURCES are lesson code beyond the exercises (compiled into lesson<NN>_core, which the program
# and the tests use; it may call the exercise functions).
set(NN_LESSON_INDEX "${PROJECT_BINARY_DIR}/lessons.tsv")
file(WRITE "${NN_LESSON_INDEX}" "")

function(nn_add_lesson NN slug)
  cmake_parse_arguments(PARSE_ARGV 2 L "LESSON_TESTS" "TITLE;DECKS" "WRONG;SOURCES;ARGS;LIBS")
  set(name "${NN}_${slug}")
  set(dir "${PROJECT_SOURCE_DIR}/lessons/${name}")
  set(learner_file "${PROJECT_SOURCE_DIR}/exercises/${name}.cpp")
  string(REPLACE ";" " " args_text "${L_ARGS}")
  file(APPEND "${NN_LESSON_INDEX}" "${NN}\t${name}\t${L_TITLE}\t${L_DECKS}\t${args_text}\n")

  # The learner's copy starts as the pristine stub; ./nn reset NN copies it again.
  if(NOT EXISTS "${learner_file}")
    file(COPY_FILE "${dir}/stub.cpp" "${learner_file}")
  endif()

  # Lesson code beyond the exercises (may be empty): used by the program and its tests. It is an
  # OBJECT library because it may call the exercises: object files always come before the
  # exercise library on the link line, so those calls resolve against whichever build is linked.
  if(L_SOURCES)
    list(TRANSFORM L_SOURCES PREPEND "${dir}/")
    add_library(lesson${NN}_core OBJECT ${L_SOURCES})
    target_include_directories(lesson${NN}_core PUBLIC "${dir}")
    target_link_libraries(lesson${NN}_core PUBLIC nn::common ${L_LIBS} PRIVATE nn_warnings)
  else()
    add_library(lesson${NN}_core INTERFACE)
  endif()

  # One exercise library per build of exercise.hpp.
  function(_nn_exercise_lib target source exclude)
    add_library(${target} STATIC ${exclude} "${source}")
    target_include_directories(${target} PUBLIC "${dir}")
    target_link_libraries(${target} PUBLIC nn::common ${L_LIBS} PRIVATE nn_warnings)
  endfunction()
  _nn_exercise_lib(lesson${NN}_reference "${dir}/solution.cpp" "")
  _nn_exercise_lib(lesson${NN}_stub "${dir}/stub.cpp" "")
  _nn_exercise_lib(lesson${NN}_learner "${learner_file}" EXCLUDE_FROM_ALL)
  # A stub names its parameters for the learner but does not use them yet.
  target_compile_options(lesson${NN}_stub PRIVATE -Wno-unused-parameter)
  target_compile_options(lesson${NN}_learner PRIVATE -Wno-unused-parameter)
  foreach(variant IN LISTS L_WRONG)
    _nn_exercise_lib(lesson${NN}_wrong_${variant} "${dir}/wrong/${variant}.cpp" "")
  endforeach()

  # The program, compiled once and linked against the reference and the learner's builds.
  add_library(lesson${NN}_main OBJECT "${dir}/main.cpp")
  target_link_libraries(lesson${NN}_main PUBLIC lesson${NN}_core lesson${NN}_reference
                        PRIVATE nn_warnings)
  add_executable(lesson${NN} $<TARGET_OBJECTS:lesson${NN}_main>)
  # Lesson code may call the exercises, so it comes first on the link line.
  target_link_libraries(lesson${NN} PRIVATE lesson${NN}_core lesson${NN}_reference)
  add_executable(lesson${NN}_try EXCLUDE_FROM_ALL $<TARGET_OBJECTS:lesson${NN}_main>)
  target_link_libraries(lesson${NN}_try PRIVATE lesson${NN}_core lesson${NN}_learner)
  set_target_properties(lesson${NN} lesson${NN}_try PROPERTIES
                        RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bin")

  if(NOT BUILD_TESTING)
    return()
  endif()
  set(test_source "${PROJECT_SOURCE_DIR}/tests/lessons/${name}.cpp")
  add_library(test${NN}_obj OBJECT "${test_source}")
  target_link_libraries(test${NN}_obj PUBLIC lesson${NN}_core lesson${NN}_reference nn_test_support
                        PRIVATE nn_warnings)
  function(_nn_exercise_test build exclude)
    add_executable(test${NN}_${build} ${exclude} $<TARGET_OBJECTS:test${NN}_obj>)
    target_link_libraries(test${NN}_${build} PRIVATE lesson${NN}_core lesson${NN}_${build} nn_test_support)
    set_target_properties(test${NN}_${build} PROPERTIES
                          RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/tests")
  endfunction()
  _nn_exercise_test(reference "")
  _nn_exercise_test(stub "")
  _nn_exercise_test(learner EXCLUDE_FROM_ALL)
  add_test(NAME lesson${NN}.exercises.reference COMMAND test${NN}_reference)
  add_test(NAME lesson${NN}.exercises.stub_must_fail
           COMMAND bash "${PROJECT_SOURCE_DIR}/tests/support/each_case_must_fail.sh"
                   $<TARGET_FILE:test${NN}_stub>)
  foreach(variant IN LISTS L_WRONG)
    _nn_exercise_test(wrong_${variant} "")
    add_test(NAME lesson${NN}.exercises.wrong.${variant}
             COMMAND bash "${PROJECT_SOURCE_DIR}/tests/support/must_fail.sh"
                     $<TARGET_FILE:test${NN}_wrong_${variant}>)
  endforeach()
  # Run from the build folder, so the plots it prints as plots/... land in build/<preset>/plots.
  add_test(NAME lesson${NN}.output
           COMMAND compare_output "${dir}/expected.txt" -- $<TARGET_FILE:lesson${NN}> ${L_ARGS}
           WORKING_DIRECTORY "${PROJECT_BINARY_DIR}")
  set_tests_properties(lesson${NN}.output PROPERTIES LABELS output)
  if(L_LESSON_TESTS)
    add_executable(test${NN}_lesson "${PROJECT_SOURCE_DIR}/tests/lessons/${name}_lesson.cpp")
    target_link_libraries(test${NN}_lesson PRIVATE lesson${NN}_core lesson${NN}_reference
                          nn_test_support nn_warnings)
    set_target_properties(test${NN}_lesson PROPERTIES
                          RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/tests")
    add_test(NAME lesson${NN}.lesson COMMAND test${NN}_lesson)
  endif()
endfunction()
