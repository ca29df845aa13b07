// Lesson 18 exercises — your answers go here (this file is exercises/18_residual.cpp).
// The declarations and what each function must do are in lessons/18_residual/exercise.hpp.
//   ./nn check 18   tests your answers      ./nn hint 18    a hint per exercise
//   ./nn try 18     runs the lesson on them ./nn reset 18   puts this stub back
#include <stdexcept>

#include "exercise.hpp"

namespace lesson18 {

nn::Matrix residual_forward(const Block& p, const nn::Matrix& X) { nn::not_implemented("18.1"); }

BlockGrads residual_backward(const Block& p, const nn::Matrix& X, const nn::Matrix& dY) {
    nn::not_implemented("18.2");
}

nn::Matrix normalize_columns(const nn::Matrix& Z, nn::Vector& inv_std) { nn::not_implemented("18.3"); }

nn::Matrix normalize_columns_backward(const nn::Matrix& dU, const nn::Matrix& U, const nn::Vector& inv_std) {
    nn::not_implemented("18.4");
}

}  // namespace lesson18
