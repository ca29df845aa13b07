// wrong 06.1: w[l] made (sizes[l], sizes[l+1]), inputs by outputs, the transpose of the deck's (sizes[l+1], sizes[l]).
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "exercise.hpp"
#define nn_parameter_maker nn_parameter_maker_reference
#include "../solution.cpp"
#undef nn_parameter_maker

namespace lesson06 {
Params nn_parameter_maker(const std::vector<int>& sizes, nn::Rng& rng) {
    if (sizes.size() < 2) throw std::invalid_argument("sizes");
    for (int s : sizes)
        if (s < 1) throw std::invalid_argument("sizes");
    Params p;
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l)
        p.w.push_back(rng.normal_matrix(sizes[l], sizes[l + 1], 0, 1));
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l)
        p.b.push_back(rng.normal_matrix(sizes[l + 1], 1, 0, 1));
    return p;
}
}  // namespace lesson06
