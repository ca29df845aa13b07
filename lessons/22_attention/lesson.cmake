# Lesson 22's own build steps (nn_add_lesson includes this file; NN, dir and the targets are set).
# The LSTM it measures the transformer against is lesson 21's: its exercises (the reference in this
# build, the learner's own lesson-21 answers in ./nn try's checked build) and its lesson code (the
# sequence loops and the model). Lesson 21's code is compiled once, in lesson21_core, and linked
# here as lesson 21 links lesson 20's (lessons/21_lstm_gru/lesson.cmake), which comes along.
if(TARGET lesson21_reference)
  set(lesson21_exercises lesson21_reference)
else()
  set(lesson21_exercises lesson21_learner)
endif()
target_link_libraries(lesson22_core PUBLIC lesson21_core $<TARGET_OBJECTS:lesson21_core>
                                           ${lesson21_exercises})
