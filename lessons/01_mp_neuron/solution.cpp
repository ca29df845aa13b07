// Lesson 01 — reference solutions. (./nn solution 01 shows this once your own answers pass.)
#include <fmt/core.h>

#include <stdexcept>

#include "exercise.hpp"

namespace lesson01 {

int mp_output(const MpUnit& unit, const std::vector<int>& x) {
    if (x.size() != unit.inhibitory.size())
        throw std::invalid_argument(
            fmt::format("the unit has {} inputs, got {} values", unit.inhibitory.size(), x.size()));
    int g = 0;  // the aggregation g(x) = Σ x_i
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i] != 0 && x[i] != 1)
            throw std::invalid_argument(fmt::format("input {} is {}, not 0 or 1", i + 1, x[i]));
        if (unit.inhibitory[i] && x[i] == 1) return 0;  // one active inhibitory input vetoes
        g += x[i];
    }
    return g >= unit.theta ? 1 : 0;  // f: thresholding logic
}

MpUnit and_unit(int n) { return {n, std::vector<bool>(std::size_t(n), false)}; }
MpUnit or_unit(int n) { return {1, std::vector<bool>(std::size_t(n), false)}; }
// Every input inhibitory: any 1 vetoes; with all zeros g = 0 ≥ θ = 0 fires.
MpUnit nor_unit(int n) { return {0, std::vector<bool>(std::size_t(n), true)}; }
MpUnit not_unit() { return {0, {true}}; }
// x2 inhibitory vetoes; x1 alone must reach θ = 1.
MpUnit and_not_unit() { return {1, {false, true}}; }

}  // namespace lesson01
