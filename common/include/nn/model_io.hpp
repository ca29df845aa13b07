// Saving a trained Mlp or Cnn to a file and loading it back, bit for bit.
//
// The Mlp format (all integers little-endian):
//   bytes 0-7    "NNSTEPS1"                      the magic: this is an nnsteps model, version 1
//   uint32       L                               the number of dense layers (1 to 64)
//   L times      uint32 in, uint32 out, uint32 activation (0 linear, 1 sigmoid, 2 tanh,
//                3 relu, 4 leaky_relu, 5 elu)
//   L times      W as out·in float64, column by column; then b as out float64
//   uint64       FNV-1a hash of every byte before it
// The Cnn format, the same but for the magic and the layer table:
//   bytes 0-7    "NNSTEPC1"
//   uint32       C, H, W                         the input's channels, rows and columns
//   uint32       L                               the number of layers (1 to 64)
//   L times      uint32 kind (0 conv, 1 relu, 2 max_pool, 3 dense), uint32 size, k, pad (nn::LayerSpec)
//   for each conv and dense layer, first to last: W column by column, then b, float64
//   uint64       FNV-1a hash of every byte before it
// Besides what an Mlp file is checked for, a Cnn file's layers must fit the input as nn::Cnn's
// constructor requires, and no layer may need more than 2^18 values per image for its output or 2^20
// for its patch matrix (lesson 16's largest are 25,088 and 156,800): a small file cannot make
// predicting allocate gigabytes.
// A file that is not one (wrong magic), ends early (truncated), does not hash to its checksum
// (corrupt), has bytes after it, whose layers do not chain (a layer's in ≠ the previous out), or
// does not fit what the caller expects (mismatched input or output size) is an nn::Error naming
// the file and the problem.
#pragma once

#include <filesystem>

#include "nn/cnn.hpp"
#include "nn/mlp.hpp"

namespace nn {

void save_model(const Mlp& model, const std::filesystem::path& file);
// expected_inputs / expected_outputs: 0 accepts any.
Mlp load_model(const std::filesystem::path& file, int expected_inputs = 0, int expected_outputs = 0);

void save_model(const Cnn& model, const std::filesystem::path& file);
// expected_input.C == 0 accepts any input shape; expected_outputs == 0 any number of outputs.
Cnn load_cnn(const std::filesystem::path& file, Shape expected_input = {0, 0, 0}, int expected_outputs = 0);

// Which of the two a file holds, from its magic; an nn::Error when it is neither (or no file).
enum class ModelKind { mlp, cnn };
ModelKind model_kind(const std::filesystem::path& file);

}  // namespace nn
