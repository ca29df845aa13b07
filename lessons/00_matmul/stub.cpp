// Lesson 00 exercises — your answers go here (this file is exercises/00_matmul.cpp).
// The declarations and what each function must do are in lessons/00_matmul/exercise.hpp.
//   ./nn check 00   tests your answers      ./nn hint 00    a hint per exercise
//   ./nn try 00     runs the lesson on them ./nn reset 00   puts this stub back
#include "exercise.hpp"

namespace lesson00 {

Shape product_shape(Shape a, Shape b) { nn::not_implemented("00.1"); }

nn::Matrix naive_matmul(const nn::Matrix& A, const nn::Matrix& B) { nn::not_implemented("00.2"); }

}  // namespace lesson00
