// wrong 08.1: each input of a product receives its own value
// instead of the other factor.
#include "exercise.hpp"
#define mul_backward mul_backward_reference
#include "../solution.cpp"
#undef mul_backward

namespace lesson08 {
std::array<double, 2> mul_backward(double a, double b, double upstream) {
    return {upstream * a, upstream * b};
}
}  // namespace lesson08
