#include "graph.hpp"

#include <fmt/core.h>

#include "exercise.hpp"
#include "nn/activations.hpp"
#include "nn/print.hpp"

namespace lesson08 {

int Graph::push(Node n) {
    nodes_.push_back(std::move(n));
    return size() - 1;
}

int Graph::input(const std::string& label, double value) { return push({Op::input, label, {}, value}); }
int Graph::constant(double value) { return push({Op::constant, nn::format_number(value, 4), {}, value}); }
int Graph::add(int a, int b, const std::string& label) {
    return push({Op::add, label, {a, b}, node(a).value + node(b).value});
}
int Graph::mul(int a, int b, const std::string& label) {
    return push({Op::mul, label, {a, b}, node(a).value * node(b).value});
}
int Graph::sigmoid(int a, const std::string& label) {
    return push({Op::sigmoid, label, {a}, nn::sigmoid(node(a).value)});
}

std::vector<int> Graph::order(int output) const {
    std::vector<std::vector<int>> inputs;
    for (const auto& n : nodes_) inputs.push_back(n.inputs);
    return topological_order(inputs, output);
}

void Graph::backward(int output) {
    for (auto& n : nodes_) n.grad = 0;
    nodes_[std::size_t(output)].grad = 1;  // ∂out/∂out
    const std::vector<int> order_ = order(output);
    for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
        const Node& n = node(*it);
        auto& in = nodes_;
        switch (n.op) {
            case Op::add: {
                const auto g = add_backward(n.grad);
                in[std::size_t(n.inputs[0])].grad += g[0];
                in[std::size_t(n.inputs[1])].grad += g[1];
                break;
            }
            case Op::mul: {
                const auto g = mul_backward(node(n.inputs[0]).value, node(n.inputs[1]).value, n.grad);
                in[std::size_t(n.inputs[0])].grad += g[0];
                in[std::size_t(n.inputs[1])].grad += g[1];
                break;
            }
            case Op::sigmoid:
                in[std::size_t(n.inputs[0])].grad += sigmoid_backward(n.value, n.grad);
                break;
            case Op::input:
            case Op::constant:
                break;  // a leaf: its gradient is the answer
        }
    }
}

std::string Graph::to_dot(int output) const {
    static const char* const symbol[] = {"", "", "+", "×", "σ"};
    std::string dot = "digraph G {\n  rankdir=LR;\n  node [fontname=\"sans\", fontsize=11];\n";
    for (int k : order(output)) {
        const Node& n = node(k);
        const bool leaf = n.op == Op::input || n.op == Op::constant;
        const std::string name =
            n.label.empty()
                ? fmt::format("{}", symbol[static_cast<int>(n.op)])
                : (leaf ? n.label : fmt::format("{} = {}", n.label, symbol[static_cast<int>(n.op)]));
        dot +=
            fmt::format("  n{} [shape={}, label=\"{}\\nvalue {}\\ngrad {}\"];\n", k, leaf ? "box" : "ellipse",
                        name, nn::format_number(n.value, 4), nn::format_number(n.grad, 4));
        for (int in : n.inputs) dot += fmt::format("  n{} -> n{};\n", in, k);
    }
    return dot + "}\n";
}

}  // namespace lesson08
