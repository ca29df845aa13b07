// Lesson 19's own code (beyond the exercises): the digits of a range of classes, the network of both
// tasks, the three ways to train on the target task and the number of steps they are given.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nn/data.hpp"
#include "nn/mlp.hpp"
#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace lesson19 {

// The images of classes first .. first + classes − 1 of an MNIST set, at most `limit` of them (0: all),
// in the set's order, with labels counted from 0 (digit first is 0).
struct Digits {
    nn::Matrix X;             // (784, N)
    std::vector<int> labels;  // 0 .. classes − 1
};
std::vector<nn::Index> positions_of(const std::vector<int>& labels, int first, int classes);
Digits digits(const nn::Mnist& set, int first, int classes, nn::Index limit = 0);

// The network of both tasks: 784-128-64-5, ReLU, He-normal weights (for ReLU), the last layer's
// logits for softmax cross-entropy. The two hidden layers are what the target task reuses.
inline const std::vector<int> kSizes = {784, 128, 64, 5};
nn::Mlp make_network(std::uint64_t seed);

// The ways to train on the target task's few labels: three with the plain images, and from scratch
// on images moved at random (data augmentation, the deck's other answer to scarce data).
enum class Way { scratch, frozen, fine_tuned, augmented };
std::string name(Way way);
// One learning rate per layer for exercise 19.3: from scratch (and augmented) every layer at lr;
// frozen the copied layers at 0 and the head at lr; fine-tuned the copied layers at lr·fine and the
// head at lr.
std::vector<double> layer_rates(Way way, nn::Index layers, double lr, double fine);

struct TargetTraining {
    double lr = 0.05;   // plain SGD, the same for the three ways
    double fine = 0.1;  // the copied layers' share of lr when fine-tuned
    nn::Index batch = 32;
    nn::Index steps = 300;    // the budget: about this many updates whatever the number of labels
    std::uint64_t seed = 0;   // the batches' order (and, with max_shift, the moves)
    nn::Index max_shift = 0;  // > 0: every image of every batch moved by −max_shift .. max_shift
                              // pixels down and right, drawn afresh (nn::moved)
};
// Each column of X (a 28x28 image) moved by its own dr, dc drawn uniformly from −m .. m, in that order.
nn::Matrix randomly_moved(const nn::Matrix& X, nn::Index m, nn::Rng& rng);
// Epochs that give about `steps` updates on N samples in batches of min(batch, N), at least 1.
int epochs_for(nn::Index N, nn::Index batch, nn::Index steps);
// Mini-batch SGD with exercise 19.3's step at `rates` (one per layer) on (X, labels) for
// epochs_for(...) epochs, softmax cross-entropy; returns the last epoch's mean loss.
double train_target(nn::Mlp& model, const nn::Matrix& X, const std::vector<int>& labels,
                    const std::vector<double>& rates, const TargetTraining& t);

double test_accuracy(const nn::Mlp& model, const Digits& test);

}  // namespace lesson19
