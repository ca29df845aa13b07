// Lesson 19 exercises — your answers go here (this file is exercises/19_transfer.cpp).
// The declarations and what each function must do are in lessons/19_transfer/exercise.hpp.
//   ./nn check 19   tests your answers      ./nn hint 19    a hint per exercise
//   ./nn try 19     runs the lesson on them ./nn reset 19   puts this stub back
#include <stdexcept>

#include "exercise.hpp"

namespace lesson19 {

FewLabels few_labels(const std::vector<int>& labels, int first, int classes, nn::Index n, nn::Rng& rng) {
    nn::not_implemented("19.1");
}

nn::Mlp transferred(const nn::Mlp& source, int classes, nn::Init init, nn::Rng& rng) {
    nn::not_implemented("19.2");
}

void step_layers(nn::Mlp& model, const std::vector<nn::DenseGrads>& grads, const std::vector<double>& rates) {
    nn::not_implemented("19.3");
}

}  // namespace lesson19
