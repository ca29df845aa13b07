// Saving a trained Mlp to a file and loading it back, bit for bit.
//
// The format (all integers little-endian):
//   bytes 0-7    "NNSTEPS1"                      the magic: this is an nnsteps model, version 1
//   uint32       L                               the number of dense layers (1 to 64)
//   L times      uint32 in, uint32 out, uint32 activation (0 linear, 1 sigmoid, 2 tanh,
//                3 relu, 4 leaky_relu, 5 elu)
//   L times      W as out·in float64, column by column; then b as out float64
//   uint64       FNV-1a hash of every byte before it
// A file that is not one (wrong magic), ends early (truncated), does not hash to its checksum
// (corrupt), has bytes after it, whose layers do not chain (a layer's in ≠ the previous out), or
// does not fit what the caller expects (mismatched input or output size) is an nn::Error naming
// the file and the problem.
#pragma once

#include <filesystem>

#include "nn/mlp.hpp"

namespace nn {

void save_model(const Mlp& model, const std::filesystem::path& file);
// expected_inputs / expected_outputs: 0 accepts any.
Mlp load_model(const std::filesystem::path& file, int expected_inputs = 0, int expected_outputs = 0);

}  // namespace nn
