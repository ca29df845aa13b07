// Lesson 15 exercises — your answers go here (this file is exercises/15_convolution.cpp).
// The declarations and what each function must do are in lessons/15_convolution/exercise.hpp.
//   ./nn check 15   tests your answers      ./nn hint 15    a hint per exercise
//   ./nn try 15     runs the lesson on them ./nn reset 15   puts this stub back
#include <stdexcept>

#include "exercise.hpp"

namespace lesson15 {

nn::Index output_size(nn::Index n, nn::Index k, nn::Index p, nn::Index s) { nn::not_implemented("15.1"); }

Image conv_forward(const Image& X, const Filters& K, const nn::Vector& b, ConvSpec spec) {
    nn::not_implemented("15.2");
}

Pooled max_pool(const nn::Matrix& X, nn::Index size, nn::Index stride) { nn::not_implemented("15.3"); }

nn::Matrix max_pool_backward(const nn::Matrix& dY, const Pooled& p, nn::Index H, nn::Index W) {
    nn::not_implemented("15.4");
}

ConvGrads conv_backward(const Image& X, const Filters& K, const Image& dY, ConvSpec spec) {
    nn::not_implemented("15.5");
}

}  // namespace lesson15
