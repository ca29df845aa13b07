// The types every lesson uses.
//
// One sample per COLUMN: a batch of N samples with d features is a (d, N) matrix, and a dense
// layer computes Z = W·X + b with W of shape (out, in). Eigen stores matrices column by column,
// so one sample is contiguous in memory and X.middleCols(k, n) is a mini-batch without a copy.
// Where a slide writes a sample as a row (x is 1×4, W is 4×3), our W is the slide's transposed.
#pragma once

#include <Eigen/Dense>
#include <stdexcept>
#include <string>

namespace nn {

using Scalar = double;  // lessons keep every digit of the slides' worked numbers
using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
using RowVector = Eigen::Matrix<Scalar, 1, Eigen::Dynamic>;
using Index = Eigen::Index;

// Bad input from outside the program (a file, a command-line value, a request): the message is
// meant for the person who gave it, and the program exits non-zero with it.
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Thrown by an exercise stub the learner has not written yet.
struct NotImplemented : std::logic_error {
    using std::logic_error::logic_error;
};

// "not implemented yet: exercise 00.1 — run ./nn hint 00"
[[noreturn]] void not_implemented(const std::string& exercise);

}  // namespace nn
