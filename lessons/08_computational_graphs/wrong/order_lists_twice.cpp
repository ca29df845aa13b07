// wrong 08.2: no record of visited nodes, so a node used
// twice is listed (and later visited) twice.
#include <functional>

#include "exercise.hpp"
#define topological_order topological_order_reference
#include "../solution.cpp"
#undef topological_order

namespace lesson08 {
std::vector<int> topological_order(const std::vector<std::vector<int>>& inputs, int output) {
    std::vector<int> order;
    std::function<void(int)> visit = [&](int k) {
        for (int in : inputs[std::size_t(k)]) visit(in);
        order.push_back(k);
    };
    visit(output);
    return order;
}
}  // namespace lesson08
