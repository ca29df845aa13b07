// wrong 12.1: n/batch + 1 batches every time, so when batch divides n the last batch is empty
// (and n = 0 gives one empty batch).
#include <numeric>
#include <stdexcept>

#include "exercise.hpp"
#define minibatch_indices minibatch_indices_reference
#include "../solution.cpp"
#undef minibatch_indices

namespace lesson12 {
std::vector<std::vector<nn::Index>> minibatch_indices(nn::Index n, nn::Index batch, nn::Rng& rng) {
    if (batch < 1) throw std::invalid_argument("the batch size must be at least 1");
    auto order = std::vector<nn::Index>(std::size_t(n));
    std::iota(order.begin(), order.end(), nn::Index{0});
    rng.shuffle(order);
    std::vector<std::vector<nn::Index>> batches(std::size_t(n / batch + 1));
    for (nn::Index i = 0; i < n; ++i) batches[std::size_t(i / batch)].push_back(order[std::size_t(i)]);
    return batches;
}
}  // namespace lesson12
