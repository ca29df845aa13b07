// Lesson 12 — reference solutions. (./nn solution 12 shows this once your own answers pass.)
#include <numeric>
#include <stdexcept>

#include "exercise.hpp"

namespace lesson12 {

std::vector<std::vector<nn::Index>> minibatch_indices(nn::Index n, nn::Index batch, nn::Rng& rng) {
    if (batch < 1) throw std::invalid_argument("the batch size must be at least 1");
    auto order = std::vector<nn::Index>(std::size_t(n));
    std::iota(order.begin(), order.end(), nn::Index{0});  // 0, 1, ..., n − 1
    rng.shuffle(order);                                   // a new order every epoch
    std::vector<std::vector<nn::Index>> batches;
    for (nn::Index start = 0; start < n; start += batch)
        batches.emplace_back(order.begin() + start, order.begin() + std::min(n, start + batch));
    return batches;
}

Evaluation evaluate(const nn::Matrix& scores, const std::vector<int>& labels, int classes) {
    if (scores.cols() != std::ssize(labels))
        throw std::invalid_argument("evaluate: one column of scores per label is needed");
    Evaluation e{0, Eigen::MatrixXi::Zero(classes, classes)};
    int right = 0;
    for (nn::Index j = 0; j < scores.cols(); ++j) {
        nn::Index predicted = 0;
        scores.col(j).maxCoeff(&predicted);  // the class with the largest score
        const int truth = labels[std::size_t(j)];
        ++e.confusion(truth, predicted);
        right += truth == predicted;
    }
    e.accuracy = labels.empty() ? 0 : double(right) / double(labels.size());
    return e;
}

}  // namespace lesson12
