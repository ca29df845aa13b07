// Lesson 05 — reference solutions. (./nn solution 05 shows this once your own answers pass.)
#include <fmt/core.h>

#include <stdexcept>

#include "exercise.hpp"

namespace lesson05 {

nn::Matrix one_hot(const std::vector<int>& labels, int classes) {
    nn::Matrix Y = nn::Matrix::Zero(classes, nn::Index(labels.size()));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || labels[i] >= classes)
            throw std::invalid_argument(fmt::format("label {} is not in 0..{}", labels[i], classes - 1));
        Y(labels[i], nn::Index(i)) = 1;
    }
    return Y;
}

nn::Matrix pre_activation(const nn::Matrix& W, const nn::Vector& b, const nn::Matrix& X) {
    if (W.cols() != X.rows() || W.rows() != b.size())
        throw std::invalid_argument(fmt::format("W is {}x{}, b has {} entries, X is {}x{}", W.rows(),
                                                W.cols(), b.size(), X.rows(), X.cols()));
    nn::Matrix Z = W * X;  // (out, in)·(in, N) = (out, N)
    Z.colwise() += b;      // one bias per output, the same for every sample
    return Z;
}

namespace {
void check_same_shape(const nn::Matrix& target, const nn::Matrix& output) {
    if (target.rows() != output.rows() || target.cols() != output.cols())
        throw std::invalid_argument(fmt::format("target is {}x{} but output is {}x{}", target.rows(),
                                                target.cols(), output.rows(), output.cols()));
}
}  // namespace

double squared_error(const nn::Matrix& target, const nn::Matrix& output) {
    check_same_shape(target, output);
    return 0.5 * (target - output).squaredNorm();  // Σ ½ (t − o)²
}

nn::Matrix squared_error_grad(const nn::Matrix& target, const nn::Matrix& output) {
    check_same_shape(target, output);
    // d/do ½ (t − o)² = 2·½ (t − o)·(−1) = −(t − o): IBM-1's line, entry by entry.
    return -(target - output);
}

}  // namespace lesson05
