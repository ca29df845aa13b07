// wrong 17.1: passes the angle in degrees straight to cos and sin, as if it were in radians.
#include <numbers>

#include "exercise.hpp"
#define rotated rotated_reference
#include "../solution.cpp"
#undef rotated

namespace lesson17 {
// cos(degrees) and sin(degrees): the right turn by degrees·180/π degrees.
nn::Matrix rotated(const nn::Matrix& X, nn::Index rows, nn::Index cols, double degrees) {
    return rotated_reference(X, rows, cols, degrees * 180.0 / std::numbers::pi);
}
}  // namespace lesson17
