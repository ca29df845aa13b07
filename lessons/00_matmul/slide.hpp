// The numbers of deck Matrix-view that lesson 00 reproduces, defined once for the lesson's
// printout and its tests.
#pragma once

#include "nn/print.hpp"
#include "nn/types.hpp"

namespace lesson00::slide {

// "Matrix Multiplication": [[1, 2, 3], [4, 5, 6]] × [[10, 11], [20, 21], [30, 31]]
inline nn::Matrix A() { return (nn::Matrix(2, 3) << 1, 2, 3, 4, 5, 6).finished(); }
inline nn::Matrix B() { return (nn::Matrix(3, 2) << 10, 11, 20, 21, 30, 31).finished(); }
// ... = [[140, 146], [320, 335]]
constexpr nn::SlideValue C[2][2] = {{{140, 0}, {146, 0}}, {{320, 0}, {335, 0}}};
// The middle step: [[10 + 40 + 90, 11 + 42 + 93], [40 + 100 + 180, 44 + 105 + 186]]
constexpr double products[2][2][3] = {{{10, 40, 90}, {11, 42, 93}}, {{40, 100, 180}, {44, 105, 186}}};

// "Why deep learning frameworks": a 3x3 product "50,000 times faster" in a framework than in
// pure Python.
constexpr int claimed_size = 3;
constexpr double claimed_speedup = 50000;

}  // namespace lesson00::slide
