// Lesson 08 exercises: computational graphs and reverse-mode differentiation (deck IBM-2,
// "Computational Graphs (Backpropagation)", "Computational Graphs", "Derivatives in
// Computational Graphs").
//
// A node passes the gradient it receives from above, upstream = ∂out/∂node, down to its inputs,
// each multiplied by the node's local derivative with respect to that input (the chain rule).
//
// Write your answers in exercises/08_computational_graphs.cpp; check them with ./nn check 08.
#pragma once

#include <array>
#include <vector>

namespace lesson08 {

// Exercise 08.1 — the backward rules of three operations: what each input receives.
// c = a + b:   ∂c/∂a = 1, ∂c/∂b = 1            -> {upstream·1, upstream·1}
std::array<double, 2> add_backward(double upstream);
// c = a · b:   ∂c/∂a = b, ∂c/∂b = a            -> {upstream·b, upstream·a}
std::array<double, 2> mul_backward(double a, double b, double upstream);
// s = σ(x):    ∂s/∂x = s·(1 − s), from the output value s alone
double sigmoid_backward(double s, double upstream);

// Exercise 08.2 — the order to visit the graph in. inputs[k] lists the nodes that node k reads.
// Return every node that `output` depends on (itself included), each once, each after all of its
// inputs; `output` comes last. Reverse mode walks this list backwards, so a node's gradient is
// complete (every use has added its share) before the node passes it on.
std::vector<int> topological_order(const std::vector<std::vector<int>>& inputs, int output);

}  // namespace lesson08
