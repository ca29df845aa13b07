// Lesson 12 exercises: the two pieces of a training run around the model — the mini-batches of
// an epoch, and the evaluation (deck Matrix-view, "Gradient Descent": batch against mini-batch;
// deck FruitPunch, "An informed look into first example": metrics=['accuracy']).
//
// Write your answers in exercises/12_mnist_mlp.cpp; check them with ./nn check 12.
#pragma once

#include <vector>

#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace lesson12 {

// Exercise 12.1 — one epoch's mini-batches: the sample numbers 0 .. n−1 in a seeded random order
// (put them in a std::vector<nn::Index> and call rng.shuffle on it, once), cut into consecutive
// runs of `batch`; the last run may be shorter. Every sample lands in exactly one batch.
// Throws std::invalid_argument if batch < 1.
std::vector<std::vector<nn::Index>> minibatch_indices(nn::Index n, nn::Index batch, nn::Rng& rng);

// Exercise 12.2 — how good the predictions are. `scores` is (classes, N), one column per sample
// (logits or probabilities: the largest entry is the prediction; on a tie, the lowest class, as
// Eigen's maxCoeff gives). Returns the accuracy (the fraction right, in [0, 1]; 0 when there are no
// samples) and the confusion matrix (classes x classes),
// confusion(i, j) = the number of samples of true class i predicted as j.
// Throws std::invalid_argument if scores has not one column per label.
struct Evaluation {
    double accuracy;
    Eigen::MatrixXi confusion;
};
Evaluation evaluate(const nn::Matrix& scores, const std::vector<int>& labels, int classes);

}  // namespace lesson12
