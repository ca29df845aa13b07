// wrong 12.1: shuffles with a copy of the generator, so every epoch gets the same order
// (the caller's rng never moves on).
#include "exercise.hpp"
#define minibatch_indices minibatch_indices_reference
#include "../solution.cpp"
#undef minibatch_indices

namespace lesson12 {
std::vector<std::vector<nn::Index>> minibatch_indices(nn::Index n, nn::Index batch, nn::Rng& rng) {
    nn::Rng copy = rng;
    return minibatch_indices_reference(n, batch, copy);
}
}  // namespace lesson12
