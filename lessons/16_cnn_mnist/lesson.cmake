# Lesson 16's own build steps (nn_add_lesson includes this file; NN, dir and the targets are set).
# Sections 2 and 3 compare the fast convolution with lesson 15's readable conv_forward: the
# reference answer in this build, the learner's own lesson-15 answer in ./nn try's checked build.
if(TARGET lesson15_reference)
  target_link_libraries(lesson16_core PUBLIC lesson15_reference)
else()
  target_link_libraries(lesson16_core PUBLIC lesson15_learner)
endif()
