# Lesson 14's own build steps (nn_add_lesson includes this file; NN, dir and the targets are set).
# The page is compiled in, so the program serves it from anywhere.
file(READ "${dir}/page.html" NN_PAGE_HTML)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${dir}/page.html")
configure_file("${dir}/page.cpp.in" "${PROJECT_BINARY_DIR}/lessons/page14.cpp" @ONLY)
target_sources(lesson14_core PRIVATE "${PROJECT_BINARY_DIR}/lessons/page14.cpp")
# The browser test: headless Chromium draws digits on the page (tests/browser/). ./nn test installs
# Chromium and playwright-core first; the screenshot goes to the docs.
if(BUILD_TESTING AND NOT NN_LEARNER_CHECK)
  add_test(NAME lesson14.browser
           COMMAND node "${PROJECT_SOURCE_DIR}/tests/browser/draw_digit.mjs" $<TARGET_FILE:lesson14>
                   "${PROJECT_BINARY_DIR}/plots/14-page.png"
           WORKING_DIRECTORY "${PROJECT_BINARY_DIR}")
  set_tests_properties(lesson14.browser PROPERTIES LABELS "output;browser")
endif()
# The load test: POST /predict's latency at 1, 8 and 64 keep-alive clients on loopback (p50, p99;
# the figures in docs/14-serve-model.md). It fails on wrong answers, not on speed; RUN_SERIAL so
# that other tests do not share the CPU with it.
if(BUILD_TESTING AND NOT NN_LEARNER_CHECK)
  add_executable(test14_load "${dir}/load/load_test.cpp")
  target_link_libraries(test14_load PRIVATE lesson14_core lesson14_reference nn_warnings)
  set_target_properties(test14_load PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/tests")
  add_test(NAME lesson14.load COMMAND test14_load)
  set_tests_properties(lesson14.load PROPERTIES LABELS load RUN_SERIAL TRUE TIMEOUT 120)
endif()
