// The inputs of deck Intro-ANN's "Implementing Gradient Descent" that lesson 04 runs, defined
// once for the printout and the tests.
#pragma once

#include <vector>

namespace lesson04::slide {

inline const std::vector<double> X = {0.5, 2.5};
inline const std::vector<double> Y = {0.2, 0.9};
constexpr double w0 = -2, b0 = -2, eta = 1.0;
constexpr int max_epochs = 1000;

}  // namespace lesson04::slide
