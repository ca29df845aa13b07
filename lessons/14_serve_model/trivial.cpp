// The stubs' second flavour: plausible non-answers of the right shape (zeros, the input unchanged), which each test case must reject by a check.
#include <nlohmann/json.hpp>

#include <cmath>

#include "exercise.hpp"

namespace lesson14 {

// 784 zeros, whatever came in.
nn::Vector parse_pixels(const std::string&) { return nn::Vector::Zero(pixel_count); }

// The image unchanged.
nn::Vector center_by_mass(const nn::Vector& image) { return image; }

}  // namespace lesson14
