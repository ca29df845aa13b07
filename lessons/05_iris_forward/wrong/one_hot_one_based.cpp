// wrong 05.1: labels taken as the slides' 1..classes, so label k lights row k − 1 and 0 is refused.
#include <cmath>
#include <stdexcept>

#include "exercise.hpp"
#define one_hot one_hot_reference
#include "../solution.cpp"
#undef one_hot

namespace lesson05 {
nn::Matrix one_hot(const std::vector<int>& labels, int classes) {
    nn::Matrix Y = nn::Matrix::Zero(classes, nn::Index(labels.size()));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 1 || labels[i] > classes) throw std::invalid_argument("label out of range");
        Y(labels[i] - 1, nn::Index(i)) = 1;
    }
    return Y;
}
}  // namespace lesson05
