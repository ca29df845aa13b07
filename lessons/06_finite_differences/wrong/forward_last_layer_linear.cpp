// wrong 06.3: no σ after the last layer: the output is w·a + b itself.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "exercise.hpp"
#define forward_pass forward_pass_reference
#include "../solution.cpp"
#undef forward_pass

namespace lesson06 {
nn::Matrix forward_pass(const nn::Matrix& inp, const std::vector<nn::Matrix>& w,
                        const std::vector<nn::Matrix>& b) {
    nn::Matrix a = inp;
    for (std::size_t l = 0; l < w.size(); ++l) {
        nn::Matrix z = w[l] * a;
        z.colwise() += b[l].col(0);
        a = (l + 1 < w.size()) ? sigmoid(z) : z;
    }
    return a;
}
}  // namespace lesson06
