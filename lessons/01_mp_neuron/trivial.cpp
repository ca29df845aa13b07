// The stubs' second flavour: plausible non-answers of the right shape (zeros, the input unchanged), which each test case must reject by a check.
#include "exercise.hpp"

namespace lesson01 {

int mp_output(const MpUnit& unit, const std::vector<int>& x) {
    (void)unit;
    (void)x;
    return 0;  // never fires, never throws
}

// Units of the right size with no inhibitory input and θ = 0: they fire on everything.
MpUnit and_unit(int n) { return {0, std::vector<bool>(std::size_t(n), false)}; }
MpUnit or_unit(int n) { return {0, std::vector<bool>(std::size_t(n), false)}; }
MpUnit nor_unit(int n) { return {0, std::vector<bool>(std::size_t(n), false)}; }
MpUnit not_unit() { return {0, {false}}; }
MpUnit and_not_unit() { return {0, {false, false}}; }

}  // namespace lesson01
