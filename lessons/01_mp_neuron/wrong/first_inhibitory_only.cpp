// wrong 01.1: only the first inhibitory input is looked at; a later active one does not veto.
#include <stdexcept>

#include "exercise.hpp"
#define mp_output mp_output_reference
#include "../solution.cpp"
#undef mp_output

namespace lesson01 {
int mp_output(const MpUnit& unit, const std::vector<int>& x) {
    if (x.size() != unit.inhibitory.size()) throw std::invalid_argument("wrong number of inputs");
    bool seen = false;
    int g = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i] != 0 && x[i] != 1) throw std::invalid_argument("not boolean");
        if (unit.inhibitory[i] && !seen) {
            seen = true;
            if (x[i] == 1) return 0;
        }
        g += x[i];
    }
    return g >= unit.theta ? 1 : 0;
}
}  // namespace lesson01
