// The numbers lesson 11 reproduces, defined once for the printout and the tests.
#pragma once

#include <vector>

#include "nn/print.hpp"

namespace lesson11::slide {

// IBM-2, "Fully Connected Layer": a 4-3-2 network, ((4×3) + 3) + ((3×2) + 2) = 23 parameters.
inline const std::vector<int> ibm2_sizes = {4, 3, 2};
constexpr nn::SlideValue ibm2_parameters{23, 0};
// Matrix-view, "Fully Connected Network": Dense(units=4, activation="relu", input_shape=(8,)),
// Dense(units=2, activation="relu"), Dense(units=1). The slide shows no count.
inline const std::vector<int> matrix_view_sizes = {8, 4, 2, 1};

}  // namespace lesson11::slide
