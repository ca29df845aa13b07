#include "nn/training.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "nn/print.hpp"

namespace nn {

Matrix gather_columns(const Matrix& X, const std::vector<Index>& idx) {
    Matrix out(X.rows(), std::ssize(idx));
    Index k = 0;
    for (const Index i : idx) out.col(k++) = X.col(i);
    return out;
}

std::vector<int> gather(const std::vector<int>& v, const std::vector<Index>& idx) {
    std::vector<int> out;
    out.reserve(idx.size());
    for (Index i : idx) out.push_back(v[std::size_t(i)]);
    return out;
}

void check_loss(double loss, std::size_t batch, std::size_t batches) {
    if (std::isfinite(loss)) return;
    throw Error(
        fmt::format("the loss of mini-batch {} of {} is {}: training cannot go on (too large a "
                    "learning rate makes the weights diverge; NaN or infinite values in the "
                    "input data do the same)",
                    batch, batches,
                    std::isnan(loss) ? "NaN"
                    : loss > 0       ? "+inf"
                                     : "-inf"));
}

Batches minibatches(Index n, Index batch, Rng& rng) {
    if (batch < 1) throw std::invalid_argument("minibatches: the batch size must be at least 1");
    auto order = std::vector<Index>(std::size_t(n));
    std::iota(order.begin(), order.end(), Index{0});
    rng.shuffle(order);
    std::vector<std::vector<Index>> batches;
    for (Index start = 0; start < n; start += batch)
        batches.emplace_back(order.begin() + start, order.begin() + std::min(n, start + batch));
    return batches;
}

Split stratified_split(const std::vector<int>& labels, int classes, double test_fraction, Rng& rng) {
    Split s;
    for (int c = 0; c < classes; ++c) {
        std::vector<Index> members;
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (labels[i] == c) members.push_back(Index(i));
        rng.shuffle(members);
        const Index n_test = std::lround(test_fraction * double(members.size()));
        s.test.insert(s.test.end(), members.begin(), members.begin() + n_test);
        s.train.insert(s.train.end(), members.begin() + n_test, members.end());
    }
    std::sort(s.train.begin(), s.train.end());
    std::sort(s.test.begin(), s.test.end());
    return s;
}

Standardizer Standardizer::fit(const Matrix& X) {
    Standardizer s;
    s.mean = X.rowwise().mean();
    const Matrix centred = X.colwise() - s.mean;
    s.stddev = (centred.array().square().rowwise().sum() / double(X.cols())).sqrt().matrix();
    s.stddev = s.stddev.unaryExpr([](double v) { return v > 0 ? v : 1.0; });  // a constant feature stays put
    return s;
}

Matrix Standardizer::apply(const Matrix& X) const {
    return ((X.colwise() - mean).array().colwise() / stddev.array()).matrix();
}

double accuracy(const std::vector<int>& predicted, const std::vector<int>& labels) {
    if (predicted.size() != labels.size() || labels.empty())
        throw std::invalid_argument("accuracy: predictions and labels differ in number (or are none)");
    std::size_t right = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) right += predicted[i] == labels[i];
    return double(right) / double(labels.size());
}

Eigen::MatrixXi confusion_matrix(const std::vector<int>& predicted, const std::vector<int>& labels,
                                 int classes) {
    if (predicted.size() != labels.size()) throw std::invalid_argument("confusion_matrix: sizes differ");
    Eigen::MatrixXi counts = Eigen::MatrixXi::Zero(classes, classes);
    for (std::size_t i = 0; i < labels.size(); ++i) ++counts(labels[i], predicted[i]);
    return counts;
}

void print_confusion_matrix(const Eigen::MatrixXi& counts, const std::vector<std::string>& class_names) {
    std::vector<std::string> header{"true \\ predicted"};
    for (const auto& n : class_names) header.push_back(n);
    std::vector<std::vector<std::string>> rows;
    for (Index i = 0; i < counts.rows(); ++i) {
        std::vector<std::string> row{class_names[std::size_t(i)]};
        for (Index j = 0; j < counts.cols(); ++j) row.push_back(fmt::format("{}", counts(i, j)));
        rows.push_back(row);
    }
    print_table(header, rows);
}

}  // namespace nn
