// Lesson 00 exercises: matrix multiplication (deck Matrix-view, "Matrix Multiplication" and
// "Matrix dimensions").
//
// Write your answers in exercises/00_matmul.cpp; check them with ./nn check 00.
#pragma once

#include "nn/types.hpp"

namespace lesson00 {

struct Shape {
    nn::Index rows;
    nn::Index cols;
};

// Exercise 00.1 — the dimension rule (X×M)·(M×Y) = (X×Y).
// Returns the shape of A·B. If A's columns differ from B's rows there is no product: throw
// std::invalid_argument with a message that names both shapes, e.g. "cannot multiply 2x3 by 2x2".
Shape product_shape(Shape a, Shape b);

// Exercise 00.2 — the product with three loops, each entry a sum of products:
//   C(i, j) = A(i, 0)·B(0, j) + A(i, 1)·B(1, j) + ... + A(i, M-1)·B(M-1, j)
//   A: (X, M)   B: (M, Y)   C: (X, Y)
// Check the shapes first with product_shape (so mismatched shapes throw the same error).
nn::Matrix naive_matmul(const nn::Matrix& A, const nn::Matrix& B);

}  // namespace lesson00
