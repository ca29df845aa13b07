// wrong 10.1: shifts by the maximum of the WHOLE matrix, so a column far below it underflows to 0/0 = NaN.
#include "exercise.hpp"
#define stable_softmax stable_softmax_reference
#include "../solution.cpp"
#undef stable_softmax
namespace lesson10 {
nn::Matrix stable_softmax(const nn::Matrix& Z) {
    nn::Matrix E = (Z.array() - Z.maxCoeff()).exp().matrix();
    for (nn::Index j = 0; j < E.cols(); ++j) E.col(j) /= E.col(j).sum();
    return E;
}
}  // namespace lesson10
