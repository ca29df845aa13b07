// wrong 10.1: the textbook softmax without the shift, which
// gives inf/inf = NaN for a logit of 1000.
#include "exercise.hpp"
#define stable_softmax stable_softmax_reference
#include "../solution.cpp"
#undef stable_softmax

namespace lesson10 {
nn::Matrix stable_softmax(const nn::Matrix& Z) {
    nn::Matrix E = Z.array().exp().matrix();
    for (nn::Index j = 0; j < E.cols(); ++j) E.col(j) /= E.col(j).sum();
    return E;
}
}  // namespace lesson10
