// The stubs' second flavour: plausible non-answers of the right shape (zeros, the input unchanged), which each test case must reject by a check.
#include "exercise.hpp"

namespace lesson17 {

// The images unturned.
nn::Matrix rotated(const nn::Matrix& X, nn::Index rows, nn::Index cols, double degrees) { return X; }

// The batch unchanged, nothing drawn.
nn::Matrix augmented(const nn::Matrix& X, nn::Index rows, nn::Index cols, nn::Index max_shift,
                     double max_degrees, nn::Rng& rng) {
    return X;
}

}  // namespace lesson17
