// wrong 06.2: σ(z) = 1/(1 + e^z), the sign of the exponent lost: that is σ(−z).
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
nn::Matrix sigmoid(const nn::Matrix& z) { return (1.0 / (1.0 + z.array().exp())).matrix(); }
}  // namespace lesson06
