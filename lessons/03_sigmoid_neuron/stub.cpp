// Lesson 03 exercises — your answers go here (this file is exercises/03_sigmoid_neuron.cpp).
// The declarations and what each function must do are in lessons/03_sigmoid_neuron/exercise.hpp.
//   ./nn check 03   tests your answers      ./nn hint 03    a hint per exercise
//   ./nn try 03     runs the lesson on them ./nn reset 03   puts this stub back
#include <cmath>

#include "exercise.hpp"
#include "nn/types.hpp"

namespace lesson03 {

double sigmoid(double z) { nn::not_implemented("03.1"); }

double sigmoid_prime(double z) { nn::not_implemented("03.2"); }

}  // namespace lesson03
