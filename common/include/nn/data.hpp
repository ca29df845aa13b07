// Loading the lessons' data: Iris from CSV, MNIST from LeCun's IDX files, labels as one-hot.
// Every loader checks what it reads and throws nn::Error naming the file and the problem.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "nn/types.hpp"

namespace nn {

// The folder that holds iris.csv and mnist/: $NN_DATA_DIR if set, else the project's data/.
std::filesystem::path default_data_dir();

// A labelled table: X is (features, N), one sample per column; labels[i] is 0-based.
struct LabelledData {
    Matrix X;
    std::vector<int> labels;
    std::vector<std::string> feature_names;
    std::vector<std::string> class_names;
};

// A CSV file with a header line, numeric feature columns and the class name in the last column.
// `class_names` fixes the classes and their order; any other name is an error.
LabelledData load_labelled_csv(const std::filesystem::path& file,
                               const std::vector<std::string>& class_names);
// data/iris.csv: 4 features, classes Iris-setosa, Iris-versicolor, Iris-virginica (0, 1, 2).
LabelledData load_iris(const std::filesystem::path& file);

// (classes, N): column i has a 1 in row labels[i] (Keras's to_categorical, one sample per column).
Matrix one_hot(const std::vector<int>& labels, int classes);
// The row of the largest entry of each column: the inverse of one_hot, and a prediction.
std::vector<int> argmax_columns(const Matrix& P);

// Every image of X (one per column, rows·cols pixels row by row, as MNIST's) moved dr rows down and
// dc columns to the right: what leaves the field is lost, what comes in is 0. Lesson 14 draws
// off-centre digits with it, lesson 16 measures what moving does to an MLP and a CNN.
Matrix moved(const Matrix& X, Index rows, Index cols, Index dr, Index dc);
// Lesson 14's test of moved digits, as lessons 16 and 17 measure it: image k of X moved by one of
// the (2m + 1)² moves of up to m pixels, dr = k mod (2m + 1) − m rows down and
// dc = ⌊k / (2m + 1)⌋ mod (2m + 1) − m columns right. m = 0 gives X back.
Matrix moved_up_to(const Matrix& X, Index rows, Index cols, Index m);

// IDX (LeCun's MNIST layout): big-endian magic 0x00000803 for images (count, rows, cols),
// 0x00000801 for labels (count), then the bytes. A gzipped file is read the same way.
struct IdxImages {
    std::size_t count = 0, rows = 0, cols = 0;
    std::vector<std::uint8_t> pixels;  // image k is pixels[k*rows*cols, (k+1)*rows*cols)
};
IdxImages load_idx_images(const std::filesystem::path& file);
std::vector<std::uint8_t> load_idx_labels(const std::filesystem::path& file);

// One MNIST split: images scaled to [0, 1], one image (784 values) per column.
struct Mnist {
    IdxImages images;
    std::vector<std::uint8_t> labels;
    std::size_t size() const { return labels.size(); }
    // Columns [first, first + n) as a (784, n) matrix of pixels / 255.
    Matrix X(std::size_t first, std::size_t n) const;
    // The images idx, in that order (a mini-batch), the same way.
    Matrix X(const std::vector<Index>& idx) const;
    // Their labels one-hot, (10, n) and (10, idx.size()): one_hot of labels(...) below.
    Matrix Y(std::size_t first, std::size_t n) const;
    Matrix Y(const std::vector<Index>& idx) const;
    // Labels [first, first + n) as ints (what accuracy and argmax_columns compare).
    std::vector<int> labels_of(std::size_t first, std::size_t n) const;
};
// `split` is "train" or "t10k"; dir holds <split>-images-idx3-ubyte and <split>-labels-idx1-ubyte
// (or the same names with .gz).
// Throws if the two files disagree on the number of items.
Mnist load_mnist(const std::filesystem::path& dir, const std::string& split);

}  // namespace nn
