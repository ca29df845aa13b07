// What deck FruitPunch shows of Challenges 1-5, defined once for the printout and the tests.
#pragma once

#include <array>
#include <vector>

namespace lesson06::slide {

// "w, b = nn_parameter_maker([2, 3, 1])"
inline const std::vector<int> sizes = {2, 3, 1};
// "w[0].shape (3, 2)", "w[1].shape (1, 3)", "b[0].shape (3, 1)", "b[1].shape (1, 1)"
constexpr std::array<std::array<int, 2>, 2> w_shapes = {{{3, 2}, {1, 3}}};
constexpr std::array<std::array<int, 2>, 2> b_shapes = {{{3, 1}, {1, 1}}};
// "9 weights, 4 biases, 13 parameters", "13 forward pass"
constexpr int weights = 9, biases = 4, parameters = 13;
// "def gradient_estimator(X, y, w, b): eps = 1e-4"
constexpr double eps = 1e-4;
// "w, b = GD(X, y, w, b, epoch=1000, lr=0.01)"
constexpr int epochs = 1000;
constexpr double lr = 0.01;
// The deck's own w[0] from one run of NumPy (its seed is not shown, so ours differ):
constexpr std::array<double, 6> deck_w0 = {0.32576672, 0.63369041, 0.24036744,
                                           0.4580126,  1.25499253, 0.39859241};

}  // namespace lesson06::slide
