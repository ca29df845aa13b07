// wrong 05.2: multiplies by Wᵀ, the slide's layout, where our
// layout wants W (it only fits when W is square).
#include <stdexcept>

#include "exercise.hpp"
#define pre_activation pre_activation_reference
#include "../solution.cpp"
#undef pre_activation

namespace lesson05 {
nn::Matrix pre_activation(const nn::Matrix& W, const nn::Vector& b, const nn::Matrix& X) {
    if (W.rows() != X.rows() || W.cols() != b.size()) throw std::invalid_argument("shapes");
    nn::Matrix Z = W.transpose() * X;
    Z.colwise() += b;
    return Z;
}
}  // namespace lesson05
