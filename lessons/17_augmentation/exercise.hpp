// Lesson 17 exercises: data augmentation, the training images turned and moved a little at random so
// that the network sees more of the ways a digit can be drawn. Intro-ANN names data augmentation as
// the traditional way to get more training data, without showing one: this lesson writes the two
// operations and measures what they buy.
//
// Write your answers in exercises/17_augmentation.cpp; check them with ./nn check 17.
#pragma once

#include "nn/rng.hpp"
#include "nn/types.hpp"

namespace lesson17 {

// Exercise 17.1 — every image of the batch X rotated by `degrees` about its centre.
// X holds one image per column, rows·cols pixels row by row (MNIST's layout: pixel (r, c) of image n
// is X(r·cols + c, n)); row 0 is the top of the image on screen and column 0 its left edge.
// A POSITIVE angle turns the image COUNTER-CLOCKWISE as seen on screen (the top-right corner moves
// towards the top-left); a negative one clockwise. θ = degrees·π/180.
// The centre is (rc, cc) = ((rows − 1)/2, (cols − 1)/2), the middle of the pixel grid (13.5, 13.5 for
// MNIST), so a quarter turn of a square image only moves pixels to other pixels.
// By INVERSE mapping: every output pixel (r, c) looks up where it came from, the point
//   r' = rc + (r − rc)·cos θ + (c − cc)·sin θ
//   c' = cc − (r − rc)·sin θ + (c − cc)·cos θ
// of the input (the output pixel turned back by −θ), and takes the input's value there by BILINEAR
// interpolation between the four pixels around it: with r0 = ⌊r'⌋, c0 = ⌊c'⌋, a = r' − r0,
// b = c' − c0,
//   out(r, c) = (1 − a)(1 − b)·in(r0, c0) + (1 − a)·b·in(r0, c0 + 1)
//             + a·(1 − b)·in(r0 + 1, c0) + a·b·in(r0 + 1, c0 + 1),
// where a pixel outside the image counts as 0 (so what comes in from outside the field is 0).
// (Mapping each input pixel forward to where it lands instead would leave output pixels that nothing
// lands on: holes.) 0 degrees gives X back; 90 gives a square image transposed and flipped upside down,
// out(r, c) = in(c, rows − 1 − r). The result has X's shape; X is not changed.
// Throws std::invalid_argument when rows or cols is below 1 or X does not have rows·cols rows.
nn::Matrix rotated(const nn::Matrix& X, nn::Index rows, nn::Index cols, double degrees);

// Exercise 17.2 — a random augmentation of a batch: for each image, in column order 0, 1, ..., N − 1,
// draw from rng, in this order (three draws per image, whatever max_shift and max_degrees are):
//   dr    = rng.below(2·max_shift + 1) − max_shift   rows down, uniform over −max_shift .. max_shift
//   dc    = rng.below(2·max_shift + 1) − max_shift   columns to the right, the same way
//   angle = rng.uniform(−max_degrees, max_degrees)   degrees, uniform in [−max_degrees, max_degrees)
// and give the image rotated by angle (exercise 17.1, about the centre, where the digit is), THEN
// moved by (dr, dc) whole pixels with nn::moved (nn/data.hpp: what leaves the field is lost, 0 comes
// in). The same seed gives the same batch; X is not changed. max_shift 0 and max_degrees 0 give X back.
// Throws std::invalid_argument when max_shift or max_degrees is negative (and, for a batch of at
// least one image, as rotated and nn::moved do, when X does not have rows·cols rows).
nn::Matrix augmented(const nn::Matrix& X, nn::Index rows, nn::Index cols, nn::Index max_shift,
                     double max_degrees, nn::Rng& rng);

}  // namespace lesson17
