// Lesson 06's code beyond the exercises: a small data set, and the exact gradient of the deck's
// cost by backpropagation, to hold the finite differences against.
#pragma once

#include <cstdint>

#include "exercise.hpp"

namespace lesson06 {

// m points in two seeded Gaussian blobs (half around (−1, −1) labelled 0, half around (1, 1)
// labelled 1, spread 0.8), in the deck's layout: X (m, 2), y (m, 1).
struct DataSet {
    nn::Matrix X, y;
};
DataSet make_blobs(std::uint64_t seed, int m);

// ∂cost_function/∂w[l] and ∂/∂b[l], exactly, by one forward and one backward pass
// (lesson 07 derives the algorithm).
Grads backprop_gradient(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                        const std::vector<nn::Matrix>& b);

}  // namespace lesson06
