// Lesson 11 exercise — your answer goes here (this file is exercises/11_iris_mlp.cpp).
// The declaration and what the function must do are in lessons/11_iris_mlp/exercise.hpp.
//   ./nn check 11   tests your answer       ./nn hint 11    a hint
//   ./nn try 11     runs the lesson on it   ./nn reset 11   puts this stub back
#include "exercise.hpp"
#include "nn/losses.hpp"

namespace lesson11 {

double train_step(nn::Mlp& model, const nn::Matrix& X, const nn::Matrix& Y, double lr) {
    nn::not_implemented("11.1");
}

}  // namespace lesson11
