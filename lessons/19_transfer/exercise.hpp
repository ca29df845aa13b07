// Lesson 19 exercises: transfer learning. A network trained on one task (MNIST's digits 0-4) gives its
// hidden layers to a second task (digits 5-9) that has only a few labelled images: the three pieces
// that takes are drawing the few labels fairly, building the new network from the old one, and
// training it with some layers held still (frozen).
//
// Write your answers in exercises/19_transfer.cpp; check them with ./nn check 19.
#pragma once

#include <vector>

#include "nn/dense.hpp"
#include "nn/mlp.hpp"
#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace lesson19 {

// The few labelled samples drawn for the target task: positions in the labelled set, and their labels
// counted from 0 (the network's outputs are 0 .. classes − 1).
struct FewLabels {
    std::vector<nn::Index> idx;
    std::vector<int> labels;
};

// Exercise 19.1 — n labelled samples of each of the classes first, first + 1, ..., first + classes − 1
// of `labels` (the labels of a TRAINING set: the test set is never drawn from).
// For each class c in that order: list the positions i with labels[i] == c in increasing order,
// shuffle that list with rng.shuffle (nn::Rng's Fisher-Yates, which draws from rng), and take its first
// n entries. idx holds the n positions of class `first` (in shuffled order), then the n of the next
// class, and so on: classes·n positions in all. labels[k] = labels-of-the-set[idx[k]] − first, so the
// digits 5..9 become the outputs 0..4. The same generator state gives the same draw; rng moves on.
// Throws std::invalid_argument when classes < 1, n < 1, or a class has fewer than n samples (the
// message names the class and how many it has): silently taking fewer would unbalance the classes.
FewLabels few_labels(const std::vector<int>& labels, int first, int classes, nn::Index n, nn::Rng& rng);

// Exercise 19.2 — the target network built from the source network: every layer of `source` but
// the last, copied (W, b and activation), and a NEW last layer (the head) for `classes` outputs:
// W = nn::init_weights(init, classes, in, rng), where in is the number of outputs of the last copied
// layer (so rng draws exactly that one matrix), b = 0, activation identity (the logits). The source's
// own head answered the source's question (which of 0-4?); it is not reused, even when its shape fits.
// The source is not changed. Throws std::invalid_argument when source has fewer than 2 layers or
// classes < 1.
nn::Mlp transferred(const nn::Mlp& source, int classes, nn::Init init, nn::Rng& rng);

// Exercise 19.3 — one gradient step with a learning rate per layer: for every layer l with
// rates[l] > 0, W ← W − rates[l]·dW and b ← b − rates[l]·db (grads[l] as nn::Mlp::backward gives
// them). A layer with rates[l] == 0 is FROZEN: it is left bit for bit as it was, and its gradients are
// not read at all (whatever they hold, NaN included: nobody needs a frozen layer's gradient).
// One function for the lesson's three ways: from scratch (every rate lr), frozen (0 for the copied
// layers, lr for the head), fine-tuned (a smaller rate for the copied layers, lr for the head).
// Throws std::invalid_argument when grads or rates do not have one entry per layer, or a rate is
// negative.
void step_layers(nn::Mlp& model, const std::vector<nn::DenseGrads>& grads, const std::vector<double>& rates);

}  // namespace lesson19
