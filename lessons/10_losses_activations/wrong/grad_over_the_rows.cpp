// wrong 10.3: divides by the number of classes (rows) instead of the number of samples (columns).
#include "exercise.hpp"
#define softmax_cross_entropy_grad g_reference
#include "../solution.cpp"
#undef softmax_cross_entropy_grad
namespace lesson10 {
nn::Matrix softmax_cross_entropy_grad(const nn::Matrix& Z, const nn::Matrix& Y) {
    return (stable_softmax(Z) - Y) / double(Z.rows());
}
}  // namespace lesson10
