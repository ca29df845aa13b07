// wrong 00.1: the product takes B's rows as its columns, {a.rows, b.rows} instead of {a.rows, b.cols}
// (the same on the slide's 2x3 by 3x2, where b.rows = 3 is not b.cols = 2 only by luck).
#include <stdexcept>

#include "exercise.hpp"
#define product_shape product_shape_reference
#include "../solution.cpp"
#undef product_shape

namespace lesson00 {
Shape product_shape(Shape a, Shape b) {
    if (a.cols != b.rows) throw std::invalid_argument("cannot multiply");
    return {a.rows, b.rows};
}
}  // namespace lesson00
