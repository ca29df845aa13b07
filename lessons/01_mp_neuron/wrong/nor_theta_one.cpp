// wrong 01.2: NOR with every input inhibitory but θ = 1, so all zeros (g = 0) cannot fire.
#include "exercise.hpp"
#define nor_unit nor_unit_reference
#include "../solution.cpp"
#undef nor_unit

namespace lesson01 {
MpUnit nor_unit(int n) { return {1, std::vector<bool>(std::size_t(n), true)}; }
}  // namespace lesson01
