# Lesson 21's own build steps (nn_add_lesson includes this file; NN, dir and the targets are set).
# The plain RNN it compares the LSTM and GRU with is lesson 20's: its exercises (the reference in
# this build, the learner's own lesson-20 answers in ./nn try's checked build) and its lesson code
# (scaled_rnn, reach), compiled into lesson 21's code as lesson 16 does with lesson 15.
if(TARGET lesson20_reference)
  target_link_libraries(lesson21_core PUBLIC lesson20_reference)
else()
  target_link_libraries(lesson21_core PUBLIC lesson20_learner)
endif()
target_sources(lesson21_core PRIVATE "${PROJECT_SOURCE_DIR}/lessons/20_rnn/lesson.cpp")
