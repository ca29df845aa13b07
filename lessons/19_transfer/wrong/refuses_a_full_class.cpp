// wrong 19.1: refuses n equal to a class's count (>= for >): every image of the smallest class is a fair draw.
#include <algorithm>
#include <stdexcept>

#include "exercise.hpp"
#define few_labels few_labels_reference
#include "../solution.cpp"
#undef few_labels

namespace lesson19 {
FewLabels few_labels(const std::vector<int>& labels, int first, int classes, nn::Index n, nn::Rng& rng) {
    for (int c = first; c < first + classes; ++c)
        if (std::count(labels.begin(), labels.end(), c) <= n)
            throw std::invalid_argument("few_labels: class " + std::to_string(c) + " too small");
    return few_labels_reference(labels, first, classes, n, rng);
}
}  // namespace lesson19
