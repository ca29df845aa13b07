// Lesson 05 exercises — your answers go here (this file is exercises/05_iris_forward.cpp).
// The declarations and what each function must do are in lessons/05_iris_forward/exercise.hpp.
//   ./nn check 05   tests your answers      ./nn hint 05    a hint per exercise
//   ./nn try 05     runs the lesson on them ./nn reset 05   puts this stub back
#include "exercise.hpp"

namespace lesson05 {

nn::Matrix one_hot(const std::vector<int>& labels, int classes) { nn::not_implemented("05.1"); }

nn::Matrix pre_activation(const nn::Matrix& W, const nn::Vector& b, const nn::Matrix& X) {
    nn::not_implemented("05.2");
}

double squared_error(const nn::Matrix& target, const nn::Matrix& output) { nn::not_implemented("05.3"); }

nn::Matrix squared_error_grad(const nn::Matrix& target, const nn::Matrix& output) {
    nn::not_implemented("05.3");
}

}  // namespace lesson05
