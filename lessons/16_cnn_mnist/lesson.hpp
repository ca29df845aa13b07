// Lesson 16's code beyond the exercises: the network, training it on MNIST, and what lesson 15's
// readable convolution says about the fast one.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "../15_convolution/exercise.hpp"
#include "exercise.hpp"
#include "nn/cnn.hpp"
#include "nn/data.hpp"
#include "nn/mlp.hpp"

namespace lesson16 {

// The lesson's network, after LeNet-5 and Keras's MNIST example: two 5×5 convolutions with ReLU,
// each followed by 2×2 max pooling, then lesson 12's dense head (128 ReLU units, 10 logits).
std::vector<nn::LayerSpec> network();
// network() with He-normal weights from rng, its im2col and col2im the exercises' (16.2, 16.3).
nn::Cnn make_network(nn::Rng& rng);

struct Settings {
    int epochs = 6;
    int batch = 64;
    double lr = 1e-3;         // Adam's, for the first epochs
    double decay = 0.5;       // the rate is multiplied by this after every epoch from decay_from on
    int decay_from = 3;       // (1-based)
    std::size_t train_n = 0;  // 0: all 60,000
    std::size_t test_n = 0;   // 0: all 10,000
    std::uint64_t seed = 16;
};
// Adam's rate in epoch e (1-based).
double rate(const Settings& s, int epoch);

struct Curve {
    std::vector<double> loss, test_accuracy, seconds;  // per epoch
};
// Trains model on the first train_n training images with softmax cross-entropy and Adam, the rate
// of rate(); after each epoch scores the first test_n test images. Prints a line per epoch and
// draws a progress bar on a terminal.
Curve train(nn::Cnn& model, const nn::Mnist& train, const nn::Mnist& test, const Settings& s);
// Lesson 12's larger MLP (784-256-128-10, ReLU, Glorot-uniform) trained the same way, for
// comparison.
Curve train(nn::Mlp& model, const nn::Mnist& train, const nn::Mnist& test, const Settings& s);

// Image n of a channel-rows batch A (nn/cnn.hpp) as lesson 15's Image, and a conv layer's weights
// as lesson 15's Filters: the two layouts of the same numbers.
lesson15::Image to_image(const nn::Matrix& A, nn::Shape s, nn::Index n);
lesson15::Filters to_filters(const nn::CnnLayer& conv);

}  // namespace lesson16
