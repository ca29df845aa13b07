// Lesson 21 exercises — your answers go here (this file is exercises/21_lstm_gru.cpp).
// The declarations and what each function must do are in lessons/21_lstm_gru/exercise.hpp.
//   ./nn check 21   tests your answers      ./nn hint 21    a hint per exercise
//   ./nn try 21     runs the lesson on them ./nn reset 21   puts this stub back
#include <cmath>

#include "exercise.hpp"

namespace lesson21 {

LstmCache lstm_step(const Lstm& p, const nn::Matrix& x, const nn::Matrix& h_prev, const nn::Matrix& c_prev) {
    nn::not_implemented("21.1");
}

LstmGrads lstm_step_backward(const Lstm& p, const LstmCache& s, const nn::Matrix& dh, const nn::Matrix& dc) {
    nn::not_implemented("21.2");
}

GruCache gru_step(const Gru& p, const nn::Matrix& x, const nn::Matrix& h_prev) {
    nn::not_implemented("21.3");
}

GruGrads gru_step_backward(const Gru& p, const GruCache& s, const nn::Matrix& dh) {
    nn::not_implemented("21.4");
}

}  // namespace lesson21
