// Lesson 08 exercises — your answers go here (this file is exercises/08_computational_graphs.cpp).
// The declarations and what each function must do are in
// lessons/08_computational_graphs/exercise.hpp.
//   ./nn check 08   tests your answers      ./nn hint 08    a hint per exercise
//   ./nn try 08     runs the lesson on them ./nn reset 08   puts this stub back
#include "exercise.hpp"
#include "nn/types.hpp"

namespace lesson08 {

std::array<double, 2> add_backward(double upstream) { nn::not_implemented("08.1"); }

std::array<double, 2> mul_backward(double a, double b, double upstream) { nn::not_implemented("08.1"); }

double sigmoid_backward(double s, double upstream) { nn::not_implemented("08.1"); }

std::vector<int> topological_order(const std::vector<std::vector<int>>& inputs, int output) {
    nn::not_implemented("08.2");
}

}  // namespace lesson08
