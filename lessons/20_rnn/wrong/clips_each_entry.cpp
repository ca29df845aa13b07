// wrong 20.3: clips every entry to [−max_norm, max_norm] instead of scaling by the global norm.
#include "exercise.hpp"
#define clip_by_global_norm clip_by_global_norm_reference
#include "../solution.cpp"
#undef clip_by_global_norm

namespace lesson20 {
std::vector<nn::Matrix> clip_by_global_norm(std::vector<nn::Matrix> grads, double max_norm) {
    if (!(max_norm > 0))
        throw std::invalid_argument(
            fmt::format("clip_by_global_norm: max_norm {} must be positive", max_norm));
    for (nn::Matrix& g : grads) g = g.cwiseMax(-max_norm).cwiseMin(max_norm);
    return grads;
}
}  // namespace lesson20
