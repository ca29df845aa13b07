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
// be shorter). Every sample appears exactly once. Exercise 12.1 (minibatch_indices) is the same
// function written by the learner; lesson 12 passes that one to train_epoch, so ./nn try 12
// trains with the learner's code. Lessons 11, 13 and 14 pass this one.
using Batches = std::vector<std::vector<Index>>;
Batches minibatches(Index n, Index batch, Rng& rng);
using BatchFunction = Batches (*)(Index n, Index batch, Rng& rng);

// Throws nn::Error when `loss`, the mean loss of batch `batch` (1-based) of `batches`, is NaN or
// infinite: the training has diverged (too large a learning rate) or the data are not finite.
void check_loss(double loss, std::size_t batch, std::size_t batches);

// One mini-batch: inputs X (features, B) and targets Y (outputs, B), one sample per column.
struct Batch {
    Matrix X, Y;
};

// Called after every batch with the samples seen so far and their mean loss (e.g. to draw a
// ProgressBar); the default does nothing.
struct NoProgress {
    void operator()(Index /*seen*/, double /*mean_loss*/) const {}
};

// One epoch of mini-batch training: the inner loop of Nielsen's SGD (network.py). What differs
// between lessons is passed in:
//   batches(n, batch, rng)  cuts a seeded shuffle of 0 .. n−1 into batches; it is called once, at
//                           the start, so it draws from rng before any step does
//   get(idx) -> Batch       the X and Y of the samples idx
//   step(X, Y) -> double    trains on one batch and returns its mean loss
//   progress(seen, loss)    after each batch (optional)
// Returns the epoch's mean loss: each batch's mean weighted by its size. The epochs loop, the
// evaluation after an epoch and the report stay with the caller, one line each.
// A batch whose loss is NaN or infinite stops training: check_loss throws nn::Error.
template <class Get, class Step, class Progress = NoProgress>
double train_epoch(BatchFunction batches, Index n, Index batch, Rng& rng, Get&& get, Step&& step,
                   Progress&& progress = {}) {
    double total = 0;
    Index seen = 0;
    const Batches all = batches(n, batch, rng);
    for (std::size_t k = 0; k < all.size(); ++k) {
        const auto& idx = all[k];
        const Batch b = get(idx);
        const double loss = step(b.X, b.Y);
        check_loss(loss, k + 1, all.size());
        total += loss * double(idx.size());
        seen += std::ssize(idx);
        progress(seen, total / double(seen));
    }
    return seen ? total / double(seen) : 0.0;
}

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
Eigen::MatrixXi confusion_matrix(const std::vector<int>& predicted, const std::vector<int>& labels,
                                 int classes);
void print_confusion_matrix(const Eigen::MatrixXi& counts, const std::vector<std::string>& class_names);

}  // namespace nn
