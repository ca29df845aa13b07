// wrong 06.2: σ(z) written e^z/(1 + e^z): inf/inf = NaN for z = 800.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "exercise.hpp"
#define sigmoid sigmoid_reference
#include "../solution.cpp"
#undef sigmoid

// The macro also renamed the reference's call of nn::sigmoid: forward that name to common's.
namespace nn {
Matrix sigmoid(const Matrix& Z);  // common's, declared again under its own name
Matrix sigmoid_reference(const Matrix& z) { return sigmoid(z); }
}  // namespace nn

namespace lesson06 {
nn::Matrix sigmoid(const nn::Matrix& z) {
    const auto e = z.array().exp();
    return (e / (1.0 + e)).matrix();
}
}  // namespace lesson06
