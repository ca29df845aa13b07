// wrong 05.1: one sample per ROW, a (N, classes) matrix, the slides' layout instead of ours.
#include <cmath>
#include <stdexcept>

#include "exercise.hpp"
#define one_hot one_hot_reference
#include "../solution.cpp"
#undef one_hot

namespace lesson05 {
nn::Matrix one_hot(const std::vector<int>& labels, int classes) {
    nn::Matrix Y = nn::Matrix::Zero(nn::Index(labels.size()), classes);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || labels[i] >= classes) throw std::invalid_argument("label out of range");
        Y(nn::Index(i), labels[i]) = 1;
    }
    return Y;
}
}  // namespace lesson05
