// Lesson 14 exercises — your answers go here (this file is exercises/14_serve_model.cpp).
// The declarations and what each function must do are in lessons/14_serve_model/exercise.hpp.
//   ./nn check 14   tests your answers      ./nn hint 14    a hint per exercise
//   ./nn try 14     runs the lesson on them ./nn reset 14   puts this stub back
#include <nlohmann/json.hpp>

#include <cmath>

#include "exercise.hpp"

namespace lesson14 {

nn::Vector parse_pixels(const std::string& body) { nn::not_implemented("14.1"); }

nn::Vector center_by_mass(const nn::Vector& image) { nn::not_implemented("14.2"); }

}  // namespace lesson14
