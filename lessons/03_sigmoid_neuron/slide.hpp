// The numbers lesson 03 reproduces, defined once for the printout and the tests.
#pragma once

#include "nn/print.hpp"

namespace lesson03::slide {

// IBM-1, "Activations": the pre-activation 9.5 through 1/(1+e^−x) gives 0.9999251537724895.
constexpr double z = 9.5;
constexpr nn::SlideValue sigma_of_9_5{0.9999251537724895, 16};

}  // namespace lesson03::slide
