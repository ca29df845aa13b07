// Lesson 08 — reference solutions. (./nn solution 08 shows this once your own answers pass.)
#include <functional>

#include "exercise.hpp"

namespace lesson08 {

std::array<double, 2> add_backward(double upstream) { return {upstream, upstream}; }

std::array<double, 2> mul_backward(double a, double b, double upstream) {
    return {upstream * b, upstream * a};  // each input receives the other factor
}

double sigmoid_backward(double s, double upstream) { return upstream * s * (1 - s); }

std::vector<int> topological_order(const std::vector<std::vector<int>>& inputs, int output) {
    // Depth first: a node joins the list after all of its inputs have. `seen` keeps a node that is
    // used twice from being listed twice.
    std::vector<int> order;
    std::vector<bool> seen(inputs.size(), false);
    std::function<void(int)> visit = [&](int k) {
        if (seen[std::size_t(k)]) return;
        seen[std::size_t(k)] = true;
        for (int in : inputs[std::size_t(k)]) visit(in);
        order.push_back(k);
    };
    visit(output);
    return order;
}

}  // namespace lesson08
