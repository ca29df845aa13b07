// wrong 08.2: breadth-first from the output, then reversed: a node met early (near the output)
// but also read deep down another path ends up AFTER a node that reads it.
#include <algorithm>
#include <deque>

#include "exercise.hpp"
#define topological_order topological_order_reference
#include "../solution.cpp"
#undef topological_order

namespace lesson08 {
std::vector<int> topological_order(const std::vector<std::vector<int>>& inputs, int output) {
    std::vector<int> order;
    std::vector<bool> seen(inputs.size(), false);
    std::deque<int> queue{output};
    seen[std::size_t(output)] = true;
    while (!queue.empty()) {
        const int k = queue.front();
        queue.pop_front();
        order.push_back(k);
        for (int in : inputs[std::size_t(k)])
            if (!seen[std::size_t(in)]) {
                seen[std::size_t(in)] = true;
                queue.push_back(in);
            }
    }
    std::reverse(order.begin(), order.end());
    return order;
}
}  // namespace lesson08
