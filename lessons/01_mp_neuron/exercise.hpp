// Lesson 01 exercises: the McCulloch-Pitts neuron (deck Intro-ANN, "McCulloch and Pitts (MP)
// Neuron" and "Realizing Boolean Logics using MP Neuron").
//
// Write your answers in exercises/01_mp_neuron.cpp; check them with ./nn check 01.
#pragma once

#include <vector>

namespace lesson01 {

// An MP unit over n boolean inputs: a threshold θ and which inputs are inhibitory.
struct MpUnit {
    int theta;
    std::vector<bool> inhibitory;  // one flag per input
};

// Exercise 01.1 — the unit's output y = f(g(x)) for inputs x (each 0 or 1):
//   y = 0 if any inhibitory input is 1; otherwise
//   g(x) = x_1 + ... + x_n, and y = 1 if g(x) ≥ θ, else 0.
// Throws std::invalid_argument if x has not one entry per input or holds anything but 0 and 1;
// for a value that is not 0 or 1 the message names its input by its position counted from 1,
// as the slides number x_1 ... x_n, e.g. "input 2 is 5, not 0 or 1".
int mp_output(const MpUnit& unit, const std::vector<int>& x);

// Exercise 01.2 — the units of the slides. Choose θ (and the inhibitory inputs) so that:
MpUnit and_unit(int n);  // AND of n inputs: fires only when all n are 1
MpUnit or_unit(int n);   // OR of n inputs: fires when at least one is 1
MpUnit nor_unit(int n);  // NOR of n inputs: fires only when all are 0
MpUnit not_unit();       // NOT of one input
MpUnit and_not_unit();   // x1 AND !x2 (two inputs)

}  // namespace lesson01
