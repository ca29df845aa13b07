// wrong 17.1: turns the wrong way: a positive angle turns the image clockwise on screen (the source point taken at +θ, not −θ).
#include "exercise.hpp"
#define rotated rotated_reference
#include "../solution.cpp"
#undef rotated

namespace lesson17 {
// The source point taken at +θ instead of −θ: the right turn by −degrees.
nn::Matrix rotated(const nn::Matrix& X, nn::Index rows, nn::Index cols, double degrees) {
    return rotated_reference(X, rows, cols, -degrees);
}
}  // namespace lesson17
