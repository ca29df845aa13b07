// wrong 19.2: draws the head as (in, classes) and transposes it: the right shape, other numbers.
#include <algorithm>
#include <stdexcept>

#include "exercise.hpp"
#define transferred transferred_reference
#include "../solution.cpp"
#undef transferred

namespace lesson19 {
nn::Mlp transferred(const nn::Mlp& source, int classes, nn::Init init, nn::Rng& rng) {
    nn::Mlp out = transferred_reference(source, classes, init, rng);
    const nn::Index in = out.layers.back().W.cols();
    out.layers.back().W = out.layers.back().W.reshaped(in, classes).transpose().eval();
    return out;
}
}  // namespace lesson19
