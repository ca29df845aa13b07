// Lesson 13 exercises — your answers go here (this file is exercises/13_optimizers_regularization.cpp).
// The declarations and what each function must do are in
// lessons/13_optimizers_regularization/exercise.hpp.
//   ./nn check 13   tests your answers      ./nn hint 13    a hint per exercise
//   ./nn try 13     runs the lesson on them ./nn reset 13   puts this stub back
#include <cmath>

#include "exercise.hpp"

namespace lesson13 {

void momentum_update(nn::Matrix& W, nn::Matrix& v, const nn::Matrix& dW, double lr, double beta) {
    nn::not_implemented("13.1");
}

void adam_update(nn::Matrix& W, nn::Matrix& m, nn::Matrix& v, const nn::Matrix& dW, long t, double lr,
                 double beta1, double beta2, double eps) {
    nn::not_implemented("13.2");
}

nn::Matrix dropout_forward(const nn::Matrix& A, double p, bool training, nn::Rng& rng, nn::Matrix& mask) {
    nn::not_implemented("13.3");
}

nn::Matrix dropout_backward(const nn::Matrix& dOut, const nn::Matrix& mask) { nn::not_implemented("13.3"); }

nn::Matrix batchnorm_forward(const nn::Matrix& Z, const nn::Vector& gamma, const nn::Vector& beta, double eps,
                             bool training, nn::Vector& running_mean, nn::Vector& running_var,
                             double momentum) {
    nn::not_implemented("13.4");
}

}  // namespace lesson13
