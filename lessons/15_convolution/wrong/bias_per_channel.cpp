// wrong 15.2: adds the bias once per input channel instead of once per output.
#include "exercise.hpp"
#define conv_forward conv_forward_reference
#include "../solution.cpp"
#undef conv_forward

namespace lesson15 {
Image conv_forward(const Image& X, const Filters& K, const nn::Vector& b, ConvSpec spec) {
    Image Y = conv_forward_reference(X, K, b, spec);
    for (std::size_t o = 0; o < Y.size(); ++o) Y[o].array() += double(X.size() - 1) * b(nn::Index(o));
    return Y;
}
}  // namespace lesson15
