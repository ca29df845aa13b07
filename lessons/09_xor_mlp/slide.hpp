// The hand-set XOR network of deck Intro-ANN ("Learning XOR Problem"), defined once for the
// printout and the tests.
#pragma once

#include <array>

#include "exercise.hpp"

namespace lesson09::slide {

// "W1 = 20, W2 = −20, W3 = 20, W4 = −20, W5 = 20, W6 = 20; b1 = −10, b2 = 30, b3 = −30" with
// h1 = σ(20x1 + 20x2 − 10), h2 = σ(−20x1 − 20x2 + 30), out = σ(20h1 + 20h2 − 30). The formulas
// fix which connection each W is: W1 = x1→h1, W2 = x1→h2, W3 = x2→h1, W4 = x2→h2, W5 = h1→out,
// W6 = h2→out. The deck's scalar W1..W6 are w1..w6 here: XorNet's W1 and W2 are the matrices
// that hold them.
constexpr double w1 = 20, w2 = -20, w3 = 20, w4 = -20, w5 = 20, w6 = 20;
constexpr double b1 = -10, b2 = 30, b3 = -30;
inline XorNet network() {
    XorNet n;
    n.W1 = (nn::Matrix(2, 2) << w1, w3, w2, w4).finished();  // row k: the weights into h_k
    n.b1 = (nn::Vector(2) << b1, b2).finished();
    n.W2 = (nn::Matrix(1, 2) << w5, w6).finished();
    n.b2 = (nn::Vector(1) << b3).finished();
    return n;
}

// The deck's row order "(X1, X2) = {(0,0), (1,1), (0,1), (1,0)}, Y = {0, 0, 1, 1}", and the "≈"
// values of its three tables.
constexpr std::array<std::array<int, 2>, 4> inputs = {{{0, 0}, {1, 1}, {0, 1}, {1, 0}}};
constexpr std::array<int, 4> Y = {0, 0, 1, 1};
constexpr std::array<int, 4> h1 = {0, 1, 1, 1};
constexpr std::array<int, 4> h2 = {1, 0, 1, 1};
constexpr std::array<int, 4> out = {0, 0, 1, 1};

}  // namespace lesson09::slide
