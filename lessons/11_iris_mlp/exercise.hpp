// Lesson 11 exercise: one training step of an MLP, with common/'s building blocks (deck IBM-1,
// "Summary": the five steps of training; IBM-2, "Training Process").
//
// Write your answer in exercises/11_iris_mlp.cpp; check it with ./nn check 11.
#pragma once

#include "nn/mlp.hpp"

namespace lesson11 {

// Exercise 11.1 — one step of mini-batch gradient descent on the batch (X, Y), Y one-hot:
//   forward   the model's outputs (logits) for X                       model.forward
//   loss      softmax cross-entropy, a mean over the batch             nn::softmax_cross_entropy
//   backward  every layer's gradient from the loss's gradient          model.backward
//   update    W ← W − lr·∂L/∂W, b ← b − lr·∂L/∂b                        model.sgd_step
// Returns the loss before the update.
double train_step(nn::Mlp& model, const nn::Matrix& X, const nn::Matrix& Y, double lr);

}  // namespace lesson11
