// wrong 19.1: takes all of a class that has fewer than n images instead of refusing.
#include <algorithm>
#include <stdexcept>

#include "exercise.hpp"
#define few_labels few_labels_reference
#include "../solution.cpp"
#undef few_labels

namespace lesson19 {
FewLabels few_labels(const std::vector<int>& labels, int first, int classes, nn::Index n, nn::Rng& rng) {
    if (classes < 1 || n < 1) throw std::invalid_argument("few_labels");
    FewLabels out;
    for (int c = first; c < first + classes; ++c) {
        std::vector<nn::Index> of;
        for (nn::Index i = 0; i < std::ssize(labels); ++i)
            if (labels[std::size_t(i)] == c) of.push_back(i);
        rng.shuffle(of);
        for (nn::Index k = 0; k < std::min<nn::Index>(n, std::ssize(of)); ++k) {
            out.idx.push_back(of[std::size_t(k)]);
            out.labels.push_back(c - first);
        }
    }
    return out;
}
}  // namespace lesson19
