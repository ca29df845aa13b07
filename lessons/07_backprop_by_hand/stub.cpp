// Lesson 07 exercises — your answers go here (this file is exercises/07_backprop_by_hand.cpp).
// The declarations and what each function must do are in lessons/07_backprop_by_hand/exercise.hpp.
//   ./nn check 07   tests your answers      ./nn hint 07    a hint per exercise
//   ./nn try 07     runs the lesson on them ./nn reset 07   puts this stub back
#include "exercise.hpp"

namespace lesson07 {

HandNet hand_update(const HandNet& n, double i1, double i2, double actual, double eta) {
    nn::not_implemented("07.1");
}

std::vector<LayerGrads> back_propagation(const std::vector<Layer>& layers, const ForwardPass& fp,
                                         const nn::Matrix& Y) {
    nn::not_implemented("07.2");
}

}  // namespace lesson07
