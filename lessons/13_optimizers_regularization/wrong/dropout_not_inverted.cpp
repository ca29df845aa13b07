// wrong 13.3: drops entries but does not scale the kept ones by
// 1/(1 − p), so the expected activation shrinks in training and differs from evaluation.
#include <stdexcept>

#include "exercise.hpp"
#define dropout_forward dropout_forward_reference
#include "../solution.cpp"
#undef dropout_forward

namespace lesson13 {
nn::Matrix dropout_forward(const nn::Matrix& A, double p, bool training, nn::Rng& rng, nn::Matrix& mask) {
    if (!(p >= 0 && p < 1)) throw std::invalid_argument("p");
    mask = nn::Matrix::Ones(A.rows(), A.cols());
    if (training)
        for (nn::Index k = 0; k < A.size(); ++k) mask(k) = rng.uniform() < p ? 0.0 : 1.0;
    return A.cwiseProduct(mask);
}
}  // namespace lesson13
