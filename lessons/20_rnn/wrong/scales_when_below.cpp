// wrong 20.3: scales to max_norm whatever the norm, stretching a small gradient too.
#include "exercise.hpp"
#define clip_by_global_norm clip_by_global_norm_reference
#include "../solution.cpp"
#undef clip_by_global_norm

namespace lesson20 {
std::vector<nn::Matrix> clip_by_global_norm(std::vector<nn::Matrix> grads, double max_norm) {
    if (!(max_norm > 0))
        throw std::invalid_argument(
            fmt::format("clip_by_global_norm: max_norm {} must be positive", max_norm));
    double squares = 0;
    for (const nn::Matrix& g : grads) squares += g.squaredNorm();
    const double norm = std::sqrt(squares);
    if (norm > 0)
        for (nn::Matrix& g : grads) g *= max_norm / norm;
    return grads;
}
}  // namespace lesson20
