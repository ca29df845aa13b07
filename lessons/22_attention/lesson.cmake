# Lesson 22's own build steps (nn_add_lesson includes this file; NN, dir and the targets are set).
# The LSTM it measures the transformer against is lesson 21's: its exercises (the reference in this
# build, the learner's own lesson-21 answers in ./nn try's checked build) and its lesson code (the
# sequence loops and the model), compiled into lesson 22's code as lesson 21 does with lesson 20;
# lesson 21's code needs lesson 20's in the same way.
if(TARGET lesson21_reference)
  target_link_libraries(lesson22_core PUBLIC lesson21_reference lesson20_reference)
else()
  target_link_libraries(lesson22_core PUBLIC lesson21_learner lesson20_learner)
endif()
target_sources(lesson22_core PRIVATE "${PROJECT_SOURCE_DIR}/lessons/21_lstm_gru/lesson.cpp"
                                     "${PROJECT_SOURCE_DIR}/lessons/20_rnn/lesson.cpp")
