// wrong 19.2: draws a new head's weights but keeps the source head's biases.
#include <algorithm>
#include <stdexcept>

#include "exercise.hpp"
#define transferred transferred_reference
#include "../solution.cpp"
#undef transferred

namespace lesson19 {
nn::Mlp transferred(const nn::Mlp& source, int classes, nn::Init init, nn::Rng& rng) {
    nn::Mlp out = transferred_reference(source, classes, init, rng);
    const auto& old = source.layers.back().b;
    for (nn::Index i = 0; i < std::min(old.size(), out.layers.back().b.size()); ++i)
        out.layers.back().b(i) = old(i);
    return out;
}
}  // namespace lesson19
