// Lesson 12 exercises — your answers go here (this file is exercises/12_mnist_mlp.cpp).
// The declarations and what each function must do are in lessons/12_mnist_mlp/exercise.hpp.
//   ./nn check 12   tests your answers      ./nn hint 12    a hint per exercise
//   ./nn try 12     runs the lesson on them ./nn reset 12   puts this stub back
#include "exercise.hpp"

namespace lesson12 {

std::vector<std::vector<nn::Index>> minibatch_indices(nn::Index n, nn::Index batch, nn::Rng& rng) {
    nn::not_implemented("12.1");
}

Evaluation evaluate(const nn::Matrix& scores, const std::vector<int>& labels, int classes) {
    nn::not_implemented("12.2");
}

}  // namespace lesson12
