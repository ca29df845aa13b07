// wrong 17.1: turns the first image of the batch and leaves the others as they were.
#include <algorithm>

#include "exercise.hpp"
#define rotated rotated_reference
#include "../solution.cpp"
#undef rotated

namespace lesson17 {
// The loop over images stops after the first: the others are copied as they were.
nn::Matrix rotated(const nn::Matrix& X, nn::Index rows, nn::Index cols, double degrees) {
    const nn::Index first = std::min<nn::Index>(1, X.cols());
    nn::Matrix out = X;
    out.leftCols(first) = rotated_reference(X.leftCols(first), rows, cols, degrees);
    return out;
}
}  // namespace lesson17
