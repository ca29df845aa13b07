// Lesson 09 exercises — your answers go here (this file is exercises/09_xor_mlp.cpp).
// The declarations and what each function must do are in lessons/09_xor_mlp/exercise.hpp.
//   ./nn check 09   tests your answers      ./nn hint 09    a hint per exercise
//   ./nn try 09     runs the lesson on them ./nn reset 09   puts this stub back
#include "exercise.hpp"

namespace lesson09 {

XorForward xor_forward(const XorNet& net, const nn::Matrix& X) { nn::not_implemented("09.1"); }

double train_step(XorNet& net, const nn::Matrix& X, const nn::Matrix& Y, double lr) {
    nn::not_implemented("09.2");
}

}  // namespace lesson09
