// The stubs' second flavour: plausible non-answers of the right shape (zeros, the input unchanged), which each test case must reject by a check.
#include "exercise.hpp"
#include "nn/losses.hpp"

namespace lesson11 {

// The model left as it is, and a loss of 0.
double train_step(nn::Mlp&, const nn::Matrix&, const nn::Matrix&, double) { return 0.0; }

}  // namespace lesson11
