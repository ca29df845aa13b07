// wrong 19.1: draws from a copy of rng, so the caller's generator never moves on.
#include <algorithm>
#include <stdexcept>

#include "exercise.hpp"
#define few_labels few_labels_reference
#include "../solution.cpp"
#undef few_labels

namespace lesson19 {
FewLabels few_labels(const std::vector<int>& labels, int first, int classes, nn::Index n, nn::Rng& rng) {
    nn::Rng copy = rng;
    return few_labels_reference(labels, first, classes, n, copy);
}
}  // namespace lesson19
