// wrong 08.1: a sum hands its inputs its local derivative 1 alone, forgetting to multiply by the
// gradient that arrived from above.
#include "exercise.hpp"
#define add_backward add_backward_reference
#include "../solution.cpp"
#undef add_backward

namespace lesson08 {
std::array<double, 2> add_backward(double /* upstream, unused: the mistake */) { return {1, 1}; }
}  // namespace lesson08
