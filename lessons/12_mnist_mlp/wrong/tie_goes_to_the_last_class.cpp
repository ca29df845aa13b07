// wrong 12.2: the argmax is written with >=, so a tie goes to the LAST of the largest scores
// (the contract, like Eigen's maxCoeff, gives it to the lowest class).
#include <stdexcept>

#include "exercise.hpp"
#define evaluate evaluate_reference
#include "../solution.cpp"
#undef evaluate

namespace lesson12 {
Evaluation evaluate(const nn::Matrix& scores, const std::vector<int>& labels, int classes) {
    if (scores.cols() != std::ssize(labels)) throw std::invalid_argument("one column per label");
    Evaluation e{0, Eigen::MatrixXi::Zero(classes, classes)};
    int right = 0;
    for (nn::Index j = 0; j < scores.cols(); ++j) {
        nn::Index predicted = 0;
        for (nn::Index i = 1; i < scores.rows(); ++i)
            if (scores(i, j) >= scores(predicted, j)) predicted = i;
        const int truth = labels[std::size_t(j)];
        ++e.confusion(truth, predicted);
        right += truth == predicted;
    }
    e.accuracy = labels.empty() ? 0 : double(right) / double(labels.size());
    return e;
}
}  // namespace lesson12
