// wrong 01.2: AND with θ = 2 written in, right for the slide's two inputs but not for n inputs.
#include "exercise.hpp"
#define and_unit and_unit_reference
#include "../solution.cpp"
#undef and_unit

namespace lesson01 {
MpUnit and_unit(int n) { return {2, std::vector<bool>(std::size_t(n), false)}; }
}  // namespace lesson01
