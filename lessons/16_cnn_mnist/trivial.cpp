// The stubs' second flavour: plausible non-answers of the right shape (zeros, the input unchanged), which each test case must reject by a check.
#include "exercise.hpp"

namespace lesson16 {

// The input's shape and no parameters, whatever the layer.
LayerInfo layer_info(nn::Shape in, const nn::LayerSpec& layer) { return {in, 0}; }

// A patch matrix of the right shape, all zeros.
nn::Matrix im2col(const nn::Matrix& A, nn::Shape s, nn::Index k, nn::Index pad, nn::Index first,
                  nn::Index count) {
    const nn::Index Ho = s.H + 2 * pad - k + 1, Wo = s.W + 2 * pad - k + 1;
    return nn::Matrix::Zero(k * k * s.C, count * Ho * Wo);
}

// Adds nothing.
void col2im_add(const nn::Matrix& dP, nn::Shape s, nn::Index k, nn::Index pad, nn::Index first,
                nn::Index count, nn::Matrix& dA) {}

}  // namespace lesson16
