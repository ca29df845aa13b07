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

// Columns idx of a split as pixels / 255 (784, n), and their labels one-hot (10, n).
nn::Matrix pixels(const nn::Mnist& m, const std::vector<nn::Index>& idx);
nn::Matrix one_hot_labels(const nn::Mnist& m, const std::vector<nn::Index>& idx);
std::vector<int> labels_of(const nn::Mnist& m, std::size_t first, std::size_t n);
// The model's scores for samples [first, first + n), computed 1000 at a time.
nn::Matrix scores(const nn::Mlp& model, const nn::Mnist& m, std::size_t first, std::size_t n);

enum class Optimizer { sgd, adam };
struct RunConfig {
    std::string title;
    std::vector<int> sizes;
    nn::Activation hidden = nn::Activation::relu;
    Optimizer optimizer = Optimizer::sgd;
    double lr = 0.1;
    int batch = 32, epochs = 5;
    std::size_t train_limit = 0, test_limit = 0;  // 0: all
    std::uint64_t seed = 12;
};
struct RunResult {
    nn::Mlp model;
    std::vector<double> loss, test_accuracy;  // per epoch
    double seconds = 0;
};
// Glorot-uniform weights and zero biases (Keras's defaults), softmax cross-entropy, the
// exercises' mini-batches; prints one line per epoch (and a progress bar on a terminal).
RunResult run(const DataSet& data, const RunConfig& config);

// A digit as 28 lines of characters, darker pixels as denser characters.
std::vector<std::string> ascii_digit(const nn::Mnist& m, std::size_t index);

}  // namespace lesson12
