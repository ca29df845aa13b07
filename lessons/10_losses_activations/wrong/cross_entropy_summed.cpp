// wrong 10.2: sums the cross-entropy over the columns instead of averaging it.
#include "exercise.hpp"
#define cross_entropy cross_entropy_reference
#include "../solution.cpp"
#undef cross_entropy
namespace lesson10 {
double cross_entropy(const nn::Matrix& P, const nn::Matrix& Y) {
    return cross_entropy_reference(P, Y) * P.cols();
}
}  // namespace lesson10
