// Lesson 15's code beyond the exercises: true convolution (the kernel flipped), and im2col, which
// turns the convolution layer into one matrix product (lesson 00).
#pragma once

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace lesson15 {

// The kernel turned by 180°: F(u, v) = K(kh − 1 − u, kw − 1 − v).
nn::Matrix flip(const nn::Matrix& K);

// Convolution as mathematics defines it: the kernel is flipped before it slides,
//   Y[o](i, j) = b(o) + Σ_c Σ_u Σ_v K[o][c](kh − 1 − u, kw − 1 − v) · Xp[c](i·s + u, j·s + v),
// which is conv_forward (a cross-correlation) with every kernel flipped.
Image convolve(const Image& X, const Filters& K, const nn::Vector& b, ConvSpec spec);

// The patch matrix of X for a kh×kw window: one COLUMN per output position, in column-major order
// of the output (column j·Ho + i for position (i, j)), and one ROW per weight, in the order of the
// kernels' own storage: row c·kh·kw + v·kh + u holds Xp[c](i·s + u, j·s + v) (0 in the padding).
// Shape (C·kh·kw, Ho·Wo).
nn::Matrix im2col(const Image& X, nn::Index kh, nn::Index kw, ConvSpec spec);

// The filters as one matrix of shape (C_out, C_in·kh·kw): row o is K[o][0], K[o][1], ... each
// read column by column, the order of im2col's rows.
nn::Matrix filter_matrix(const Filters& K);

// The convolution layer as one product: Y = filter_matrix(K) · im2col(X) + b, each row of the
// product reshaped to an (Ho, Wo) map. The same numbers as conv_forward (up to rounding).
Image conv_forward_im2col(const Image& X, const Filters& K, const nn::Vector& b, ConvSpec spec);

// A batch of N images at once: the patch matrices side by side, (C·kh·kw, N·Ho·Wo), and one
// product for the whole batch. Returns (C_out, N·Ho·Wo): image n's channel o is row o's block of
// Ho·Wo columns starting at n·Ho·Wo.
nn::Matrix conv_batch_im2col(const std::vector<Image>& batch, const Filters& K, const nn::Vector& b,
                             ConvSpec spec);

// For the checks of the program and the tests: images and filters of standard normal entries, and
// a list of images as one column (all of A[0], then A[1], ..., each column by column), so that
// nn::rel_error can compare two of them.
Image random_image(nn::Rng& rng, nn::Index C, nn::Index H, nn::Index W);
Filters random_filters(nn::Rng& rng, nn::Index C_out, nn::Index C_in, nn::Index kh, nn::Index kw);
nn::Matrix stacked(const Image& A);

}  // namespace lesson15
