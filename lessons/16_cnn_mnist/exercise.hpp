// Lesson 16 exercises: what a convolutional network is made of when it has to be fast. The shapes
// and parameter counts of its layers (Keras's model summary), and the two data movements that turn
// lesson 15's loops into one matrix product per group of images: im2col and its adjoint.
// No deck trains a CNN (Intro-ANN's outline names it, FruitPunch asks "Why CNN?"): the lesson
// computes every number itself.
//
// Write your answers in exercises/16_cnn_mnist.cpp; check them with ./nn check 16.
#pragma once

#include "nn/cnn.hpp"
#include "nn/types.hpp"

namespace lesson16 {

// Exercise 16.1 — what one layer does to the shape of its input, and how many numbers it learns.
// A shape is (C channels, H rows, W columns); nn::LayerSpec (common/include/nn/cnn.hpp) is
//   conv(C_out, k, pad)  k×k kernels, stride 1, pad zeros on every side:
//                        out (C_out, H + 2·pad − k + 1, W + 2·pad − k + 1),
//                        parameters: one k×k kernel per input channel per filter, and one bias per
//                        filter
//   relu()               the same shape, no parameters
//   max_pool(p)          p×p windows moved p at a time: out (C, ⌊H/p⌋, ⌊W/p⌋), no parameters
//   dense(n)             every one of the C·H·W inputs to each of n outputs, and n biases:
//                        out (n, 1, 1)
// Throws std::invalid_argument when the layer does not fit its input, with a message that names the
// layer's kind as its maker is spelled ("conv", "max_pool" or "dense") and the input's rows and
// columns. It does not fit when a size, k or p is below 1, a pad below 0, a kernel is larger than
// the padded input (k > H + 2·pad or k > W + 2·pad), or a pooling window is larger than the input
// (p > H or p > W).
struct LayerInfo {
    nn::Shape out;
    nn::Index parameters;
};
LayerInfo layer_info(nn::Shape in, const nn::LayerSpec& layer);

// Exercise 16.2 — im2col for a batch in the "channel rows" layout (nn/cnn.hpp): A is (C, N·H·W),
// column n·H·W + i·W + j holding the C channels of pixel (i, j) of image n. For a k×k window with
// pad zeros on every side (stride 1: Ho = H + 2·pad − k + 1, Wo likewise), return the patch
// matrix of images first, first + 1, ..., first + count − 1:
//   shape (k·k·C, count·Ho·Wo);
//   column (n·Ho + i)·Wo + j, for image first + n and output position (i, j);
//   row (u·k + v)·C + c holding channel c of that image at row i + u − pad, column j + v − pad,
//   and 0 where that falls outside the image (in the padding).
// A filter matrix of shape (C_out, k·k·C) with its columns in the same order then gives every
// output of the layer for those images in one product.
nn::Matrix im2col(const nn::Matrix& A, nn::Shape s, nn::Index k, nn::Index pad, nn::Index first,
                  nn::Index count);

// Exercise 16.3 — the backward pass of im2col: every entry of the patch matrix was copied from one
// input entry (or from the padding), so its gradient goes back there. For each entry of dP (shaped
// like im2col's result for the same arguments), ADD it to the entry of dA it was copied from;
// entries copied from the padding go nowhere. An input entry is copied into up to k·k patches, so
// its gradient is the sum of all of them. dA is (C, N·H·W); only images first .. first + count − 1
// change, and what dA held before is kept (added to).
void col2im_add(const nn::Matrix& dP, nn::Shape s, nn::Index k, nn::Index pad, nn::Index first,
                nn::Index count, nn::Matrix& dA);

}  // namespace lesson16
