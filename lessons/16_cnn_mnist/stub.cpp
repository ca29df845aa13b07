// Lesson 16 exercises — your answers go here (this file is exercises/16_cnn_mnist.cpp).
// The declarations and what each function must do are in lessons/16_cnn_mnist/exercise.hpp.
//   ./nn check 16   tests your answers      ./nn hint 16    a hint per exercise
//   ./nn try 16     runs the lesson on them ./nn reset 16   puts this stub back
#include <stdexcept>

#include "exercise.hpp"

namespace lesson16 {

LayerInfo layer_info(nn::Shape in, const nn::LayerSpec& layer) { nn::not_implemented("16.1"); }

nn::Matrix im2col(const nn::Matrix& A, nn::Shape s, nn::Index k, nn::Index pad, nn::Index first,
                  nn::Index count) {
    nn::not_implemented("16.2");
}

void col2im_add(const nn::Matrix& dP, nn::Shape s, nn::Index k, nn::Index pad, nn::Index first,
                nn::Index count, nn::Matrix& dA) {
    nn::not_implemented("16.3");
}

}  // namespace lesson16
