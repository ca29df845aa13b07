// Lesson 21's code beyond the exercises: the cells run over whole sequences (forward, and backward
// through time, with the exercises' steps), the long-memory task, and training lesson 20's tanh
// RNN, the LSTM and the GRU on it side by side.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../20_rnn/exercise.hpp"
#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace lesson21 {

// A batch of sequences: xs[t − 1] is step t, (D, N), one sample per column.
using Sequence = std::vector<nn::Matrix>;

// Backpropagation through time for a whole sequence: the sums over the steps, what reaches the
// inputs and the start state, and the gradient that reached every state on the way:
// dh[t] = ∂L/∂h_t and dc[t] = ∂L/∂c_t, t = 0 .. T (the whole gradient, from every step after t).
struct LstmSequenceGrads {
    nn::Matrix dW_x, dW_h;
    nn::Vector db;
    std::vector<nn::Matrix> dxs, dh, dc;
};
struct GruSequenceGrads {
    nn::Matrix dW_x, dW_h;
    nn::Vector db;
    std::vector<nn::Matrix> dxs, dh;
};

// The LSTM over the sequence from h_0 and c_0 (H, N): the cache of every step (exercise 21.1).
// Throws std::invalid_argument, naming the sizes, when the weights, the steps or the states do not
// fit together.
std::vector<LstmCache> lstm_forward(const Lstm& p, const Sequence& xs, const nn::Matrix& h0,
                                    const nn::Matrix& c0);
// BPTT (exercise 21.2 at every step, T down to 1): dh_out[t − 1] is what the loss gives h_t directly
// (its output's gradient, (H, N)); to that each step adds what comes back from step t + 1, and the
// cell's gradient dc is carried from step to step.
LstmSequenceGrads lstm_backward(const Lstm& p, const std::vector<LstmCache>& steps,
                                const std::vector<nn::Matrix>& dh_out);
// The same for the GRU (exercises 21.3 and 21.4).
std::vector<GruCache> gru_forward(const Gru& p, const Sequence& xs, const nn::Matrix& h0);
GruSequenceGrads gru_backward(const Gru& p, const std::vector<GruCache>& steps,
                              const std::vector<nn::Matrix>& dh_out);

// Cells with weights uniform in ±1/√H (PyTorch's initialisation); the LSTM's forget-gate bias set to
// forget_bias, the GRU's update-gate bias to update_bias (the other biases 0).
Lstm random_lstm(nn::Index D, nn::Index H, double forget_bias, nn::Rng& rng);
Gru random_gru(nn::Index D, nn::Index H, double update_bias, nn::Rng& rng);

// reach[k] = ‖∂h_T/∂s_{T−k}‖₂, k = 0 .. T, for one sequence (N = 1): how strongly a change of the
// state k steps back still moves the last h (lesson 20's reach, for the gated cells). The state s
// is h for the GRU and (h, c) for the LSTM. Computed by backpropagating each unit of h_T.
std::vector<double> lstm_reach(const Lstm& p, const Sequence& xs);
std::vector<double> gru_reach(const Gru& p, const Sequence& xs);
double spectral_norm(const nn::Matrix& M);

// The long-memory task, "recall the first symbol": T steps, each a one-hot symbol out of K with a
// (K + 1)-th input, the marker, which is 1 at step 1 only. Steps 2 .. T are random symbols that do
// not matter; after step T the network must name the symbol of step 1 (chance 1/K).
struct Recall {
    Sequence xs;              // T steps of (K + 1, N)
    std::vector<int> labels;  // the first symbol of each sequence
};
Recall make_recall(nn::Index T, nn::Index K, nn::Index N, nn::Rng& rng);

enum class Cell { rnn, lstm, gru };
std::string name(Cell c);

// A cell and a linear read-out of its last state: logits = W_y·h_T + b_y (K, N). The RNN is lesson
// 20's scaled_rnn with W_hh of spectral radius 1 (its own W_hy and b_y are the read-out; its outputs
// before the last step are not used); the LSTM and GRU are random_lstm and random_gru with gate_bias
// as the forget (update) gate's bias, and a read-out uniform in ±1/√H.
struct Model {
    Cell cell;
    lesson20::Rnn rnn;
    Lstm lstm;
    Gru gru;
    nn::Matrix W_y;
    nn::Vector b_y;
};
Model make_model(Cell cell, nn::Index D, nn::Index H, nn::Index K, double gate_bias, nn::Rng& rng);
nn::Index parameter_count(const Model& m);
// The logits of the last step, (K, N).
nn::Matrix logits(const Model& m, const Sequence& xs);
// Softmax cross-entropy of the logits against the labels, and the gradient of every parameter (in
// the order of parameters()).
struct LossAndGrads {
    double loss;
    std::vector<nn::Matrix> grads;
};
LossAndGrads loss_and_grads(const Model& m, const Recall& batch);
std::vector<nn::Matrix> parameters(const Model& m);
void set_parameters(Model& m, const std::vector<nn::Matrix>& P);
double accuracy(const Model& m, const Recall& data);

// Trains with nn::Adam on fresh batches of the task (a stream: no sequence is seen twice), the
// gradient clipped to clip by lesson 20's clip_by_global_norm. Returns the test accuracy every
// `every` steps and at the end.
struct TrainSettings {
    nn::Index steps, batch;
    double lr, clip;
    nn::Index every;
};
struct TrainResult {
    std::vector<double> at_step, test_accuracy;
    double final_loss;
};
TrainResult train(Model& m, nn::Index T, nn::Index K, const TrainSettings& s, const Recall& test,
                  std::uint64_t seed, const std::string& label);

}  // namespace lesson21
