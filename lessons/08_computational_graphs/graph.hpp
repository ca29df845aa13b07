// Lesson 08's graph: a minimal reverse-mode automatic differentiation. Each node holds its value
// (computed when it is made: the forward pass) and, after backward(), its gradient ∂out/∂node.
// The backward rules and the visiting order are the lesson's exercises.
#pragma once

#include <string>
#include <vector>

namespace lesson08 {

enum class Op { input, constant, add, mul, sigmoid };

struct Node {
    Op op;
    std::string label;
    std::vector<int> inputs;  // the nodes this one reads
    double value = 0;
    double grad = 0;
};

class Graph {
public:
    int input(const std::string& label, double value);
    int constant(double value);
    int add(int a, int b, const std::string& label = "");
    int mul(int a, int b, const std::string& label = "");
    int sigmoid(int a, const std::string& label = "");

    // Reverse mode from `output`: every gradient to 0, the output's to 1, then each node in
    // reverse topological order hands its gradient to its inputs by its backward rule. A node
    // used twice receives two shares, so they are ADDED (+=), never assigned.
    void backward(int output);
    // The order backward() used (the exercise's topological_order).
    std::vector<int> order(int output) const;

    const Node& node(int k) const { return nodes_[std::size_t(k)]; }
    int size() const { return int(nodes_.size()); }
    std::string to_dot(int output) const;  // for Graphviz

private:
    int push(Node n);
    std::vector<Node> nodes_;
};

}  // namespace lesson08
