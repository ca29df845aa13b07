// What every training loop needs around the model: splitting and standardizing data, seeded
// mini-batches, and measuring the result.
#pragma once

#include <string>
#include <vector>

#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace nn {

// The columns of X listed in idx, in that order.
Matrix gather_columns(const Matrix& X, const std::vector<Index>& idx);
std::vector<int> gather(const std::vector<int>& v, const std::vector<Index>& idx);

// One epoch's mini-batches: a seeded shuffle of 0 .. n−1 cut into runs of `batch` (the last may
// be shorter). Every sample appears exactly once.
std::vector<std::vector<Index>> minibatches(Index n, Index batch, Rng& rng);

// A stratified split: from each class, round(test_fraction × its count) samples, chosen by a
// seeded shuffle, go to test; the rest to train. Both lists are sorted.
struct Split {
    std::vector<Index> train, test;
};
Split stratified_split(const std::vector<int>& labels, int classes, double test_fraction, Rng& rng);

// Standardizing features (rows of X) to mean 0 and standard deviation 1, with statistics taken
// from the training data only (fit) and applied to any data (apply).
struct Standardizer {
    Vector mean, stddev;
    static Standardizer fit(const Matrix& X);
    Matrix apply(const Matrix& X) const;
};

double accuracy(const std::vector<int>& predicted, const std::vector<int>& labels);
// counts(i, j): samples of true class i predicted as j.
Eigen::MatrixXi confusion_matrix(const std::vector<int>& predicted, const std::vector<int>& labels, int classes);
void print_confusion_matrix(const Eigen::MatrixXi& counts, const std::vector<std::string>& class_names);

}  // namespace nn
