// wrong 00.1: the shape check compares A's rows with B's rows
// instead of A's columns with B's rows.
#include <stdexcept>

#include "exercise.hpp"
#define product_shape product_shape_reference
#include "../solution.cpp"
#undef product_shape

namespace lesson00 {
Shape product_shape(Shape a, Shape b) {
    if (a.rows != b.rows) throw std::invalid_argument("cannot multiply");
    return {a.rows, b.cols};
}
}  // namespace lesson00
