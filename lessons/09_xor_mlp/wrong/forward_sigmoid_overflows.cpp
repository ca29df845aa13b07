// wrong 09.1: σ(z) written as exp(z)/(1 + exp(z)), which is inf/inf = NaN for a large z
// such as 800 (right in exact arithmetic, wrong in doubles).
#include <cmath>

#include "exercise.hpp"
#define xor_forward xor_forward_reference
#include "../solution.cpp"
#undef xor_forward

namespace lesson09 {
XorForward xor_forward(const XorNet& net, const nn::Matrix& X) {
    auto sigma = [](const nn::Matrix& Z) {
        return nn::Matrix(Z.unaryExpr([](double z) { return std::exp(z) / (1 + std::exp(z)); }));
    };
    XorForward f;
    f.H = sigma(nn::dense_forward(net.W1, net.b1, X));
    f.out = sigma(nn::dense_forward(net.W2, net.b2, f.H));
    return f;
}
}  // namespace lesson09
