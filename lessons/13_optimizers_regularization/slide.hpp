// What deck Intro-ANN says of this lesson's subjects: no worked numbers, so nothing to match
// digit for digit; the lesson measures the claims instead.
#pragma once

namespace lesson13::slide {

// "Dropout: A Simple Way to Prevent Neural Networks from Overfitting, 2014" keeps units with
// probability 0.5 in hidden layers.
constexpr double dropout_p = 0.5;
// "Batch Normalization ... 2015": μ, σ of x in the mini-batch, γ (scale) and β (shift) learned.

}  // namespace lesson13::slide
