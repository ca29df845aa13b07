// Lesson 17 exercises — your answers go here (this file is exercises/17_augmentation.cpp).
// The declarations and what each function must do are in lessons/17_augmentation/exercise.hpp.
//   ./nn check 17   tests your answers      ./nn hint 17    a hint per exercise
//   ./nn try 17     runs the lesson on them ./nn reset 17   puts this stub back
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "exercise.hpp"
#include "nn/data.hpp"

namespace lesson17 {

nn::Matrix rotated(const nn::Matrix& X, nn::Index rows, nn::Index cols, double degrees) {
    nn::not_implemented("17.1");
}

nn::Matrix augmented(const nn::Matrix& X, nn::Index rows, nn::Index cols, nn::Index max_shift,
                     double max_degrees, nn::Rng& rng) {
    nn::not_implemented("17.2");
}

}  // namespace lesson17
