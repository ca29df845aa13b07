// wrong 13.3: the backward lets the gradient through the kept entries but forgets their
// 1/(1 − p) scale (it multiplies by mask ≠ 0).
#include "exercise.hpp"
#define dropout_backward dropout_backward_reference
#include "../solution.cpp"
#undef dropout_backward

namespace lesson13 {
nn::Matrix dropout_backward(const nn::Matrix& dOut, const nn::Matrix& mask) {
    return dOut.cwiseProduct((mask.array() != 0).cast<double>().matrix());
}
}  // namespace lesson13
