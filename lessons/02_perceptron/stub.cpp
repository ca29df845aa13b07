// Lesson 02 exercises — your answers go here (this file is exercises/02_perceptron.cpp).
// The declarations and what each function must do are in lessons/02_perceptron/exercise.hpp.
//   ./nn check 02   tests your answers      ./nn hint 02    a hint per exercise
//   ./nn try 02     runs the lesson on them ./nn reset 02   puts this stub back
#include "exercise.hpp"

namespace lesson02 {

int predict(const nn::Vector& w, const nn::Vector& x) { nn::not_implemented("02.1"); }

bool learn_step(nn::Vector& w, const nn::Vector& x, int label) { nn::not_implemented("02.2"); }

}  // namespace lesson02
