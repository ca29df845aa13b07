// wrong 15.2: leaves the bias out.
#include "exercise.hpp"
#define conv_forward conv_forward_reference
#include "../solution.cpp"
#undef conv_forward

namespace lesson15 {
Image conv_forward(const Image& X, const Filters& K, const nn::Vector& b, ConvSpec spec) {
    return conv_forward_reference(X, K, nn::Vector::Zero(b.size()), spec);
}
}  // namespace lesson15
