// wrong 17.2: draws one shift and one angle for the whole batch: every image moved and turned alike.
#include "exercise.hpp"
#define augmented augmented_reference
#include "../solution.cpp"
#undef augmented

namespace lesson17 {
nn::Matrix augmented(const nn::Matrix& X, nn::Index rows, nn::Index cols, nn::Index max_shift,
                     double max_degrees, nn::Rng& rng) {
    if (max_shift < 0 || max_degrees < 0)
        throw std::invalid_argument(fmt::format(
            "augmented: max_shift {} and max_degrees {} must not be negative", max_shift, max_degrees));
    const auto choices = std::uint64_t(2 * max_shift + 1);
    nn::Matrix out(X.rows(), X.cols());
    const nn::Index dr = nn::Index(rng.below(choices)) - max_shift;
    const nn::Index dc = nn::Index(rng.below(choices)) - max_shift;
    const double angle = rng.uniform(-max_degrees, max_degrees);
    for (nn::Index n = 0; n < X.cols(); ++n) {
        out.col(n) = nn::moved(rotated(X.col(n), rows, cols, angle), rows, cols, dr, dc);
    }
    return out;
}
}  // namespace lesson17
