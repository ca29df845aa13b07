// Lesson 12's code beyond the exercises: the data sets, training runs on them, and drawing digits.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "nn/data.hpp"
#include "nn/mlp.hpp"

namespace lesson12 {

struct DataSet {
    std::string name;
    nn::Mnist train, test;
    std::vector<std::string> class_names;
};
// "mnist": <data_dir>/mnist (./nn data fetches it). "fashion": Debian's dataset-fashion-mnist in
// /usr/share/datasets/fashion-mnist (or <data_dir>/fashion-mnist). Anything else is an error.
DataSet load_dataset(const std::filesystem::path& data_dir, const std::string& name);

// The model's scores for samples [first, first + n), computed 1000 at a time.
nn::Matrix scores(const nn::Mlp& model, const nn::Mnist& m, std::size_t first, std::size_t n);

// nn::Sgd or nn::Adam (common/include/nn/optim.hpp). Adam comes a lesson before lesson 13 explains
// it (exercise 13.2), as in the deck's Keras code: here it is only a choice in the configuration.
// Not lesson 13's Optimizer: that one adds momentum and steps lesson 13's own network with the
// learner's exercise functions; this one picks between the library's two for an nn::Mlp.
enum class Optimizer { sgd, adam };
struct RunConfig {
    std::string title;
    std::vector<int> sizes;
    nn::Activation hidden = nn::Activation::relu;
    Optimizer optimizer = Optimizer::sgd;
    double lr = 0.1;
    int batch = 32;
    int epochs = 5;
    std::size_t train_limit = 0;  // 0: all
    std::size_t test_limit = 0;   // 0: all
    std::uint64_t seed = 12;
    bool every_epoch = true;  // a line and a test per epoch; false: quiet, tested after the last only
};
struct RunResult {
    nn::Mlp model;
    std::vector<double> loss, test_accuracy;  // per epoch (test_accuracy: the last only if quiet)
    double seconds = 0;
};
// Glorot-uniform weights and zero biases (Keras's defaults), softmax cross-entropy, nn::train_epoch
// with exercise 12.1's mini-batches and 12.2's evaluation; prints one line per epoch (and a
// progress bar on a terminal).
RunResult run(const DataSet& data, const RunConfig& config);

// A digit as 28 lines of characters, darker pixels as denser characters.
std::vector<std::string> ascii_digit(const nn::Mnist& m, std::size_t index);

}  // namespace lesson12
