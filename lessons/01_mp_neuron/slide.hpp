// The truth tables of deck Intro-ANN ("Realizing Boolean Logics using MP Neuron", "Find the
// weights of Perceptron for XOR") that lesson 01 reproduces, defined once for the printout and
// the tests. The deck draws each unit with its θ in a figure; the text keeps only the rule
// y = 1 if g(x) ≥ θ, so the tables are the functions' own.
#pragma once

#include <array>

namespace lesson01::slide {

// Rows in the order (x1, x2) = (0,0), (0,1), (1,0), (1,1).
constexpr std::array<std::array<int, 2>, 4> inputs = {{{0, 0}, {0, 1}, {1, 0}, {1, 1}}};
constexpr std::array<int, 4> AND = {0, 0, 0, 1};
constexpr std::array<int, 4> OR = {0, 1, 1, 1};
constexpr std::array<int, 4> NOR = {1, 0, 0, 0};
constexpr std::array<int, 4> AND_NOT = {0, 0, 1, 0};  // x1 AND !x2
constexpr std::array<int, 2> NOT = {1, 0};            // for x = 0, 1
constexpr std::array<int, 4> XOR = {0, 1, 1, 0};

}  // namespace lesson01::slide
