// wrong 05.3: ∂E/∂out = 2(out − target), the derivative of (t − o)² without the ½ that cancels the 2.
#include <cmath>
#include <stdexcept>

#include "exercise.hpp"
#define squared_error_grad squared_error_grad_reference
#include "../solution.cpp"
#undef squared_error_grad

namespace lesson05 {
nn::Matrix squared_error_grad(const nn::Matrix& target, const nn::Matrix& output) {
    if (target.rows() != output.rows() || target.cols() != output.cols())
        throw std::invalid_argument("shapes differ");
    return 2 * (output - target);
}
}  // namespace lesson05
