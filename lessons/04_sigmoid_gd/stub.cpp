// Lesson 04 exercises — your answers go here (this file is exercises/04_sigmoid_gd.cpp).
// The declarations and what each function must do are in lessons/04_sigmoid_gd/exercise.hpp.
//   ./nn check 04   tests your answers      ./nn hint 04    a hint per exercise
//   ./nn try 04     runs the lesson on them ./nn reset 04   puts this stub back
#include "exercise.hpp"

namespace lesson04 {

double grad_w(double w, double b, double x, double y) { nn::not_implemented("04.1"); }

double grad_b(double w, double b, double x, double y) { nn::not_implemented("04.2"); }

Params descent_step(Params p, const std::vector<double>& X, const std::vector<double>& Y, double eta) {
    nn::not_implemented("04.3");
}

}  // namespace lesson04
