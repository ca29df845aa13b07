// wrong 00.1: throws the right exception but its message does not name the two shapes.
#include <stdexcept>

#include "exercise.hpp"
#define product_shape product_shape_reference
#include "../solution.cpp"
#undef product_shape

namespace lesson00 {
Shape product_shape(Shape a, Shape b) {
    if (a.cols != b.rows) throw std::invalid_argument("the inner dimensions do not agree");
    return {a.rows, b.cols};
}
}  // namespace lesson00
