// wrong 14.2: moves the digit by the column shift down and the
// row shift across, so only a digit already centered on the diagonal comes out right.
#include "exercise.hpp"
#define center_by_mass center_by_mass_reference
#include "../solution.cpp"
#undef center_by_mass

namespace lesson14 {
nn::Vector center_by_mass(const nn::Vector& image) {
    if (image.size() != pixel_count) throw std::invalid_argument("center_by_mass: an image has 784 pixels");
    double mass = 0, rows = 0, cols = 0;
    for (int r = 0; r < side; ++r) {
        for (int c = 0; c < side; ++c) {
            mass += image(r * side + c);
            rows += image(r * side + c) * r;
            cols += image(r * side + c) * c;
        }
    }
    if (mass == 0) return image;
    const long dr = std::lround(14.0 - cols / mass), dc = std::lround(14.0 - rows / mass);
    nn::Vector out = nn::Vector::Zero(pixel_count);
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c)
            if (r + dr >= 0 && r + dr < side && c + dc >= 0 && c + dc < side)
                out((r + dr) * side + c + dc) = image(r * side + c);
    return out;
}
}  // namespace lesson14
