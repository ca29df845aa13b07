// wrong 20.3: clips each matrix by its own norm instead of all of them by their global norm.
#include "exercise.hpp"
#define clip_by_global_norm clip_by_global_norm_reference
#include "../solution.cpp"
#undef clip_by_global_norm

namespace lesson20 {
std::vector<nn::Matrix> clip_by_global_norm(std::vector<nn::Matrix> grads, double max_norm) {
    if (!(max_norm > 0))
        throw std::invalid_argument(
            fmt::format("clip_by_global_norm: max_norm {} must be positive", max_norm));
    for (nn::Matrix& g : grads)
        if (g.norm() > max_norm) g *= max_norm / g.norm();
    return grads;
}
}  // namespace lesson20
