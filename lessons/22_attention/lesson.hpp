// Lesson 22's code beyond the exercises: a one-layer transformer encoder (token embedding plus
// positional encoding, multi-head self-attention, a position-wise feed-forward layer, residual
// connections, a linear read-out per position), its backward pass, and the digit-reversal task.
#pragma once

#include <vector>

#include "../21_lstm_gru/lesson.hpp"
#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace lesson22 {

// Multi-head attention by splitting: Q = X·Wq (T, d) is cut into `heads` blocks of d/heads columns,
// head h attends with its block of Q, K and V (exercise 22.1), the heads' outputs are put side by
// side again (T, d) and projected by Wo.
struct Transformer {
    nn::Index vocab = 0, d = 0, heads = 0, ff = 0;
    nn::Matrix E;           // (vocab, d): token embeddings, one row per token
    nn::Matrix Wq, Wk, Wv;  // (d, d)
    nn::Matrix Wo, bo;      // (d, d), (1, d)
    nn::Matrix W1, b1;      // (d, ff), (1, ff)
    nn::Matrix W2, b2;      // (ff, d), (1, d)
    nn::Matrix Wout, bout;  // (d, vocab), (1, vocab)
    std::vector<nn::Matrix*> params();
};

// Weights N(0, 1/fan_in), biases 0, embeddings N(0, 1).
Transformer make_transformer(nn::Index vocab, nn::Index d, nn::Index heads, nn::Index ff, nn::Rng& rng);
nn::Index parameter_count(Transformer& m);

// Everything the forward pass of one sequence keeps for the backward pass.
struct TransformerPass {
    std::vector<int> tokens;
    nn::Matrix X;                 // (T, d): E's rows of the tokens + positional encoding
    nn::Matrix Q, K, V;           // (T, d)
    std::vector<Attention> head;  // per head
    nn::Matrix C;                 // (T, d): the heads side by side
    nn::Matrix X1;                // X + C·Wo + bo
    nn::Matrix U;                 // X1·W1 + b1 (before ReLU)
    nn::Matrix X2;                // X1 + relu(U)·W2 + b2
    nn::Matrix Z;                 // (T, vocab): the logits, one row per position
};
TransformerPass transformer_forward(const Transformer& m, const std::vector<int>& tokens);
// The gradients of the loss with respect to params() (same order), given dZ = ∂L/∂Z.
std::vector<nn::Matrix> transformer_backward(const Transformer& m, const TransformerPass& f,
                                             const nn::Matrix& dZ);

// The mean over the T positions of the cross-entropy of softmax(Z's row) against the target token,
// and its gradient dZ.
struct SeqLoss {
    double loss;
    nn::Matrix dZ;
};
SeqLoss sequence_cross_entropy(const nn::Matrix& Z, const std::vector<int>& targets);

// The task: a sequence of `length` digits 0-9, and its reversal.
std::vector<int> random_digits(nn::Index length, nn::Rng& rng);
std::vector<int> reversed(std::vector<int> s);
// The predicted token at each position (the largest logit of each row of Z).
std::vector<int> predict(const Transformer& m, const std::vector<int>& tokens);

// The LSTM it is measured against is lesson 21's: its cell (lesson21::Lstm, exercise 21.1's step run
// over the sequence by lesson21::lstm_forward, exercise 21.2's backward step by lesson21::lstm_backward)
// and a linear read-out, W_y and b_y of a lesson21::Model. One LSTM layer reads the T digits one-hot,
// then T more steps of a blank token (index 10 of 11 inputs), and writes the reversal at those T steps:
// z_t = W_y·h_t + b_y (10 logits). A batch of B sequences runs side by side, one per column.
// Weights N(0, 1/(11 + H)) (W_x and W_h drawn as one (4H, 11 + H) matrix [W_x W_h]) and W_y N(0, 1/H);
// biases 0 but the forget gate's, 1.
lesson21::Model make_lstm(nn::Index H, nn::Rng& rng);
// The 2T steps the LSTM reads for B sequences of the same length T, (11, B) each.
lesson21::Sequence lstm_inputs(const std::vector<std::vector<int>>& seqs);
// The mean over the T output steps of the mean cross-entropy over the batch, and the gradients of
// lesson21::parameters(m) (same order: W_x, W_h, b, W_y, b_y).
lesson21::LossAndGrads lstm_loss_and_grads(const lesson21::Model& m,
                                           const std::vector<std::vector<int>>& seqs,
                                           const std::vector<std::vector<int>>& targets);
std::vector<std::vector<int>> lstm_predict(const lesson21::Model& m,
                                           const std::vector<std::vector<int>>& seqs);

}  // namespace lesson22
