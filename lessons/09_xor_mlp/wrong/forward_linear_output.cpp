// wrong 09.1: the output unit left linear (no σ), so out is W2·H + b2, not a value in (0, 1).
#include "exercise.hpp"
#define xor_forward xor_forward_reference
#include "../solution.cpp"
#undef xor_forward

namespace lesson09 {
XorForward xor_forward(const XorNet& net, const nn::Matrix& X) {
    XorForward f;
    f.H = nn::sigmoid(nn::dense_forward(net.W1, net.b1, X));
    f.out = nn::dense_forward(net.W2, net.b2, f.H);
    return f;
}
}  // namespace lesson09
