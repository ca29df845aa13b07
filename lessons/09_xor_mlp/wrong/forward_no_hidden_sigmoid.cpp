// wrong 09.1: the hidden layer is left linear (no σ), which
// makes the whole network a single linear map followed by σ — it cannot do XOR.
#include "exercise.hpp"
#define xor_forward xor_forward_reference
#include "../solution.cpp"
#undef xor_forward

namespace lesson09 {
XorForward xor_forward(const XorNet& net, const nn::Matrix& X) {
    XorForward f;
    f.H = nn::dense_forward(net.W1, net.b1, X);
    f.out = nn::sigmoid(nn::dense_forward(net.W2, net.b2, f.H));
    return f;
}
}  // namespace lesson09
