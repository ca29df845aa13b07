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
