// The worked example of deck Intro-ANN that lesson 07 reproduces, defined once for the printout
// and the tests.
#pragma once

#include "exercise.hpp"
#include "nn/print.hpp"

namespace lesson07::slide {

// "Our Single Sample: Inputs = [2, 3], Output = [1]"; "Our Initial Weights"
constexpr double i1 = 2, i2 = 3, actual = 1;
constexpr HandNet initial{0.11, 0.21, 0.12, 0.08, 0.14, 0.15};
// "2 × .11 + 3 × .21 = .85", "2 × .12 + 3 × .08 = .48", ".85 × .14 + .48 × .15 = .191"
constexpr nn::SlideValue h1{0.85, 2}, h2{0.48, 2}, prediction{0.191, 3};
// "Δ = 0.191 − 1 = −0.809", "a = 0.05": the learning rate, η here (a_k is a pre-activation in
// lesson 07's general algorithm).
constexpr nn::SlideValue delta{-0.809, 3};
constexpr double eta = 0.05;
// "[0.14, 0.15] − 0.05(−0.809)[0.85, 0.48] = [0.14, 0.15] − [−0.034, −0.019] = [0.17, 0.17]"
constexpr nn::SlideValue term_w5{-0.034, 3}, term_w6{-0.019, 3};
constexpr nn::SlideValue new_w5{0.17, 2}, new_w6{0.17, 2};
// "[[.11, .12], [.21, .08]] − 0.05(−0.809)[2, 3]·[0.14 0.15]
//   = [[.11, .12], [.21, .08]] − [[−0.011, −0.012], [−0.017, −0.018]] = [[.12, .13], [.23, .10]]"
constexpr nn::SlideValue term_w1{-0.011, 3}, term_w3{-0.012, 3}, term_w2{-0.017, 3}, term_w4{-0.018, 3};
constexpr nn::SlideValue new_w1{0.12, 2}, new_w3{0.13, 2}, new_w2{0.23, 2}, new_w4{0.10, 2};

}  // namespace lesson07::slide
