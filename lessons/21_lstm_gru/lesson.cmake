# Lesson 21's own build steps (nn_add_lesson includes this file; NN, dir and the targets are set).
# The plain RNN it compares the LSTM and GRU with is lesson 20's: its exercises (the reference in
# this build, the learner's own lesson-20 answers in ./nn try's checked build) and its lesson code
# (scaled_rnn, reach). Lesson 20's code is compiled once, in lesson20_core: its object files go on
# the link line of everything that links lesson 21's code (before lesson 20's exercises, whose
# functions they call).
if(TARGET lesson20_reference)
  set(lesson20_exercises lesson20_reference)
else()
  set(lesson20_exercises lesson20_learner)
endif()
target_link_libraries(lesson21_core PUBLIC lesson20_core $<TARGET_OBJECTS:lesson20_core>
                                           ${lesson20_exercises})
