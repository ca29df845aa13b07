// Lesson 20 exercises — your answers go here (this file is exercises/20_rnn.cpp).
// The declarations and what each function must do are in lessons/20_rnn/exercise.hpp.
//   ./nn check 20   tests your answers      ./nn hint 20    a hint per exercise
//   ./nn try 20     runs the lesson on them ./nn reset 20   puts this stub back
#include <cmath>
#include <stdexcept>
#include <vector>

#include "exercise.hpp"

namespace lesson20 {

Forward rnn_forward(const Rnn& p, const nn::Matrix& X, const nn::Vector& h0) { nn::not_implemented("20.1"); }

Grads rnn_backward(const Rnn& p, const nn::Matrix& X, const nn::Matrix& H, const nn::Matrix& dY) {
    nn::not_implemented("20.2");
}

std::vector<nn::Matrix> clip_by_global_norm(std::vector<nn::Matrix> grads, double max_norm) {
    nn::not_implemented("20.3");
}

}  // namespace lesson20
