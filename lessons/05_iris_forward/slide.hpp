// The numbers of decks IBM-1 and IBM-2 that lesson 05 reproduces, defined once for the printout
// and the tests.
#pragma once

#include <array>

#include "nn/print.hpp"

namespace lesson05::slide {

// IBM-1, "Looking at Data": six flowers and their labels 1, 3, 2, 2, 1, 3.
struct Flower {
    std::array<double, 4> x;
    int label;  // 1 setosa, 2 versicolor, 3 virginica
};
constexpr std::array<Flower, 6> flowers = {{
    {{4.9, 3.0, 1.4, 0.2}, 1},
    {{6.3, 2.5, 5.0, 1.9}, 3},
    {{5.7, 2.8, 4.5, 1.3}, 2},
    {{6.3, 3.3, 4.7, 1.6}, 2},
    {{4.7, 3.2, 1.3, 0.2}, 1},
    {{6.5, 3.0, 5.2, 2.0}, 3},
}};

// Matrix-view, "One Hot encoding": five colours, the classes in the order Red, Yellow, Green, and a
// one-hot table of 4 rows.
constexpr std::array<const char*, 5> colours = {"Red", "Red", "Yellow", "Green", "Yellow"};
constexpr std::array<const char*, 3> colour_classes = {"Red", "Yellow", "Green"};
constexpr std::array<std::array<int, 3>, 4> colour_table = {{{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};

// "Training Process": x = [4.9, 3.0, 1.4, 0.2] (1×4) times W (4×3, all ones) = [9.5, 9.5, 9.5].
constexpr nn::SlideValue z{9.5, 1};
// "Activations": 1/(1 + e^−9.5) = 0.9999251537724895 for each of the three.
constexpr nn::SlideValue a{0.9999251537724895, 16};
// Label [1, 0, 0]; "E_total = Σ ½ (target − output)² = 84.25".
constexpr std::array<double, 3> target = {1, 0, 0};
constexpr nn::SlideValue E_total{84.25, 2};
// IBM-1, "Bias": the line y = 2x through the origin, and y = 2x + 10, whose bias c = 10 shifts it.
constexpr double line_m = 2, line_c = 10;
// IBM-2, "Fully Connected Layer": "Input: 4", "Output: 3" beside the count below.
constexpr int slide_inputs = 4, slide_outputs = 3;
// IBM-2, "Fully Connected Layer": a 4-3-2 network has ((4×3) + 3) + ((3×2) + 2) = 23 parameters.
constexpr std::array<int, 3> sizes_4_3_2 = {4, 3, 2};
constexpr nn::SlideValue parameters_4_3_2{23, 0};

}  // namespace lesson05::slide
