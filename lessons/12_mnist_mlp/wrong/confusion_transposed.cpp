// wrong 12.2: rows of the confusion matrix are the predicted
// class and columns the true one.
#include "exercise.hpp"
#define evaluate evaluate_reference
#include "../solution.cpp"
#undef evaluate

namespace lesson12 {
Evaluation evaluate(const nn::Matrix& scores, const std::vector<int>& labels, int classes) {
    Evaluation e = evaluate_reference(scores, labels, classes);
    e.confusion.transposeInPlace();
    return e;
}
}  // namespace lesson12
