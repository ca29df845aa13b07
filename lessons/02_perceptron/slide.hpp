// The numbers of decks Intro-ANN and FruitPunch that lesson 02 reproduces, defined once for the
// printout and the tests.
#pragma once

#include <array>

namespace lesson02::slide {

// Intro-ANN, "AND, OR Logic with Perceptron": y1 = u((2 2)·(x1 x2) − 3), y2 = u((2 2)·(x1 x2) − 1)
// as weights (w0, w1, w2) with w0 = −θ.
constexpr std::array<double, 3> and_weights = {-3, 2, 2};
constexpr std::array<double, 3> or_weights = {-1, 2, 2};
// Rows (x1, x2) = (0,0), (0,1), (1,0), (1,1).
constexpr std::array<std::array<int, 2>, 4> inputs = {{{0, 0}, {0, 1}, {1, 0}, {1, 1}}};
constexpr std::array<int, 4> AND = {0, 0, 0, 1};
constexpr std::array<int, 4> OR = {0, 1, 1, 1};
constexpr std::array<int, 4> XOR = {0, 1, 1, 0};

// FruitPunch, "Perceptron unit": Quarantine, Alican is presenting, Interesting topic -> w·x + b
// -> Attend, with f(x) = 1 if w·x + b > 0.
struct AttendRow {
    int quarantine, presenting, interesting;
    double wx_plus_b;
    int attend;
};
constexpr std::array<AttendRow, 6> attend = {{
    {1, 1, 1, 3, 1},
    {0, 1, 1, -2, 0},
    {1, 1, 0, -2, 0},
    {0, 1, 0, -7, 0},
    {0, 0, 0, 1, 1},
    {1, 0, 1, 11, 1},
}};

}  // namespace lesson02::slide
