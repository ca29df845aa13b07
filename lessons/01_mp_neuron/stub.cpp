// Lesson 01 exercises — your answers go here (this file is exercises/01_mp_neuron.cpp).
// The declarations and what each function must do are in lessons/01_mp_neuron/exercise.hpp.
//   ./nn check 01   tests your answers      ./nn hint 01    a hint per exercise
//   ./nn try 01     runs the lesson on them ./nn reset 01   puts this stub back
#include "exercise.hpp"
#include "nn/types.hpp"

namespace lesson01 {

int mp_output(const MpUnit& unit, const std::vector<int>& x) { nn::not_implemented("01.1"); }

MpUnit and_unit(int n) { nn::not_implemented("01.2"); }
MpUnit or_unit(int n) { nn::not_implemented("01.2"); }
MpUnit nor_unit(int n) { nn::not_implemented("01.2"); }
MpUnit not_unit() { nn::not_implemented("01.2"); }
MpUnit and_not_unit() { nn::not_implemented("01.2"); }

}  // namespace lesson01
