// wrong 12.2: the accuracy in percent (60 for 3 right of 5) where the contract asks for the
// fraction in [0, 1].
#include "exercise.hpp"
#define evaluate evaluate_reference
#include "../solution.cpp"
#undef evaluate

namespace lesson12 {
Evaluation evaluate(const nn::Matrix& scores, const std::vector<int>& labels, int classes) {
    Evaluation e = evaluate_reference(scores, labels, classes);
    e.accuracy *= 100;
    return e;
}
}  // namespace lesson12
