// wrong 10.1: shifts each column by its FIRST entry, not its maximum: a later logit 1000 larger overflows.
#include "exercise.hpp"
#define stable_softmax stable_softmax_reference
#include "../solution.cpp"
#undef stable_softmax
namespace lesson10 {
nn::Matrix stable_softmax(const nn::Matrix& Z) {
    nn::Matrix E(Z.rows(), Z.cols());
    for (nn::Index j = 0; j < E.cols(); ++j) {
        E.col(j) = (Z.col(j).array() - Z(0, j)).exp().matrix();
        E.col(j) /= E.col(j).sum();
    }
    return E;
}
}  // namespace lesson10
