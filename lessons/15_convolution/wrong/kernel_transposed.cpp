// wrong 15.2: reads the kernel with its axes swapped (K(v, u)): kernel rows laid along the image's columns.
#include "exercise.hpp"
#define conv_forward conv_forward_reference
#include "../solution.cpp"
#undef conv_forward

namespace lesson15 {
Image conv_forward(const Image& X, const Filters& K, const nn::Vector& b, ConvSpec spec) {
    Filters T = K;
    for (Image& f : T)
        for (nn::Matrix& k : f) k = nn::Matrix(k.transpose());
    return conv_forward_reference(X, T, b, spec);
}
}  // namespace lesson15
