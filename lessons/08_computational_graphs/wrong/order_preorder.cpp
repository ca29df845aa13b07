// wrong 08.2: lists a node before its inputs (pre-order), so
// walking the list backwards passes a gradient on before it is complete.
#include <functional>

#include "exercise.hpp"
#define topological_order topological_order_reference
#include "../solution.cpp"
#undef topological_order

namespace lesson08 {
std::vector<int> topological_order(const std::vector<std::vector<int>>& inputs, int output) {
    std::vector<int> order;
    std::vector<bool> seen(inputs.size(), false);
    std::function<void(int)> visit = [&](int k) {
        if (seen[std::size_t(k)]) return;
        seen[std::size_t(k)] = true;
        order.push_back(k);
        for (int in : inputs[std::size_t(k)]) visit(in);
    };
    visit(output);
    return order;
}
}  // namespace lesson08
