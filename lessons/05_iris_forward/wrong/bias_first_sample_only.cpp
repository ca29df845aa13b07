// wrong 05.2: adds the bias to the first sample (column) only, as if X held one sample.
#include <cmath>
#include <stdexcept>

#include "exercise.hpp"
#define pre_activation pre_activation_reference
#include "../solution.cpp"
#undef pre_activation

namespace lesson05 {
nn::Matrix pre_activation(const nn::Matrix& W, const nn::Vector& b, const nn::Matrix& X) {
    if (W.cols() != X.rows() || W.rows() != b.size()) throw std::invalid_argument("shapes");
    nn::Matrix Z = W * X;
    Z.col(0) += b;
    return Z;
}
}  // namespace lesson05
