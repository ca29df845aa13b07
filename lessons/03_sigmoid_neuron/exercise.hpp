// Lesson 03 exercises: the sigmoid neuron (deck Intro-ANN, "Sigmoid Neuron"; FruitPunch,
// "Sigmoid unit"; IBM-1, "Activations").
//
// Write your answers in exercises/03_sigmoid_neuron.cpp; check them with ./nn check 03.
#pragma once

namespace lesson03 {

// Exercise 03.1 — σ(z) = 1 / (1 + e^−z), for every z: no overflow, no NaN, and full precision
// for large |z| (σ(−40) ≈ 4.25e−18 and σ(−700) ≈ 9.86e−305 must keep their digits; σ(±800) must
// be exactly 0 and 1).
double sigmoid(double z);

// Exercise 03.2 — its derivative σ′(z) = σ(z)·(1 − σ(z)), also exact for large |z| on both
// sides: σ′(±40) ≈ 4.25e−18, not 0; σ′(±700) ≈ 9.86e−305; σ′(±800) exactly 0, never NaN.
double sigmoid_prime(double z);

}  // namespace lesson03
