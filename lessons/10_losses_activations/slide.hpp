// The numbers lesson 10 reproduces, defined once for the printout and the tests.
#pragma once

#include <array>

#include "nn/print.hpp"

namespace lesson10::slide {

// Matrix-view, "Loss Function": −[0 0 0 1 0] × log [0.23 0.04 0.06 0.6 0.07] = 0.22
constexpr std::array<double, 5> targets = {0, 0, 0, 1, 0};
constexpr std::array<double, 5> softmax_output = {0.23, 0.04, 0.06, 0.6, 0.07};
constexpr nn::SlideValue cross_entropy{0.22, 2};

// IBM-2, "Improving Neural Networks": "Input 1; Output 0", two starting points, constant rate.
// (The starts and the rate are those of Nielsen's chapter 3, which the slide cites.)
constexpr double x = 1, y = 0;
constexpr double w_good = 0.6, b_good = 0.9, w_bad = 2, b_bad = 2;
constexpr double eta = 0.15;
constexpr int epochs = 300;

// Intro-ANN, "Activation Functions": leaky ReLU max(αx, x) and ELU α(e^x − 1) below 0, with
// "α = small const. (e.g. 0.1)" for both.
constexpr double alpha_example = 0.1;

// IBM-2, "Loss Function": cross-entropy is "Non-Negative (C > 0)" and "Tends towards 0, if the
// desired output is close to actual output". Targets to test that on, 0/1 and in between.
constexpr std::array<double, 5> ce_targets = {0, 0.1, 0.5, 0.9, 1};

}  // namespace lesson10::slide
