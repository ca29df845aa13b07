// wrong 01.2: x1 AND !x2 with the inhibitory flag on x1 instead of x2 (that is x2 AND !x1).
#include "exercise.hpp"
#define and_not_unit and_not_unit_reference
#include "../solution.cpp"
#undef and_not_unit

namespace lesson01 {
MpUnit and_not_unit() { return {1, {true, false}}; }
}  // namespace lesson01
