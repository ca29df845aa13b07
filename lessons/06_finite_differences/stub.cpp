// Lesson 06 exercises — your answers go here (this file is exercises/06_finite_differences.cpp).
// The declarations and what each function must do are in
// lessons/06_finite_differences/exercise.hpp.
//   ./nn check 06   tests your answers      ./nn hint 06    a hint per exercise
//   ./nn try 06     runs the lesson on them ./nn reset 06   puts this stub back
#include "exercise.hpp"

namespace lesson06 {

Params nn_parameter_maker(const std::vector<int>& sizes, nn::Rng& rng) { nn::not_implemented("06.1"); }

nn::Matrix sigmoid(const nn::Matrix& z) { nn::not_implemented("06.2"); }

nn::Matrix forward_pass(const nn::Matrix& inp, const std::vector<nn::Matrix>& w,
                        const std::vector<nn::Matrix>& b) {
    nn::not_implemented("06.3");
}

Grads gradient_estimator(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                         const std::vector<nn::Matrix>& b) {
    nn::not_implemented("06.4");
}

Params one_step_gd(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                   const std::vector<nn::Matrix>& b, double lr) {
    nn::not_implemented("06.5");
}

}  // namespace lesson06
