// wrong 17.2: draws from a copy of the generator, so the caller's rng does not move on and the next batch repeats this one's draws.
#include "exercise.hpp"
#define augmented augmented_reference
#include "../solution.cpp"
#undef augmented

namespace lesson17 {
nn::Matrix augmented(const nn::Matrix& X, nn::Index rows, nn::Index cols, nn::Index max_shift,
                     double max_degrees, nn::Rng& rng) {
    nn::Rng copy = rng;
    return augmented_reference(X, rows, cols, max_shift, max_degrees, copy);
}
}  // namespace lesson17
