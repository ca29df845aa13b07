// The stubs' second flavour: plausible non-answers of the right shape (zeros, the input unchanged), which each test case must reject by a check.
#include "exercise.hpp"
#include "nn/types.hpp"

namespace lesson08 {

std::array<double, 2> add_backward(double upstream) { return {0, 0}; }

std::array<double, 2> mul_backward(double a, double b, double upstream) { return {0, 0}; }

double sigmoid_backward(double s, double upstream) { return 0; }

std::vector<int> topological_order(const std::vector<std::vector<int>>& inputs, int output) {
    return {output};
}

}  // namespace lesson08
