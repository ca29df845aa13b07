// Lesson 22 exercises — your answers go here (this file is exercises/22_attention.cpp).
// The declarations and what each function must do are in lessons/22_attention/exercise.hpp.
//   ./nn check 22   tests your answers      ./nn hint 22    a hint per exercise
//   ./nn try 22     runs the lesson on them ./nn reset 22   puts this stub back
#include <cmath>
#include <limits>
#include <stdexcept>

#include "exercise.hpp"

namespace lesson22 {

Attention attention_forward(const nn::Matrix& Q, const nn::Matrix& K, const nn::Matrix& V, bool causal) {
    nn::not_implemented("22.1");
}

AttentionGrads attention_backward(const nn::Matrix& Q, const nn::Matrix& K, const nn::Matrix& V,
                                  const nn::Matrix& P, const nn::Matrix& dY) {
    nn::not_implemented("22.2");
}

nn::Matrix positional_encoding(nn::Index T, nn::Index d) { nn::not_implemented("22.3"); }

}  // namespace lesson22
