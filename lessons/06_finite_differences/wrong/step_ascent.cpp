// wrong 06.5: the step goes up the gradient, w + lr·w_pds.
#include "exercise.hpp"
#define one_step_gd one_step_gd_reference
#include "../solution.cpp"
#undef one_step_gd

namespace lesson06 {
Params one_step_gd(const nn::Matrix& X, const nn::Matrix& y, const std::vector<nn::Matrix>& w,
                   const std::vector<nn::Matrix>& b, double lr) {
    return one_step_gd_reference(X, y, w, b, -lr);
}
}  // namespace lesson06
