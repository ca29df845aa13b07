// wrong 14.2: wraps what moves off one edge round to the other instead of losing it.
#include "exercise.hpp"
#define center_by_mass center_by_mass_reference
#include "../solution.cpp"
#undef center_by_mass
namespace lesson14 {
nn::Vector center_by_mass(const nn::Vector& image) {
    if (image.size() != pixel_count) throw std::invalid_argument("784");
    double mass = 0, rows = 0, cols = 0;
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            const double v = image(r * side + c);
            mass += v;
            rows += v * r;
            cols += v * c;
        }
    if (mass == 0) return image;
    const long dr = std::lround(14.0 - rows / mass), dc = std::lround(14.0 - cols / mass);
    nn::Vector out = nn::Vector::Zero(pixel_count);
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            long r2 = r + dr, c2 = c + dc;
            out(((r2 % side + side) % side) * side + (c2 % side + side) % side) = image(r * side + c);
        }
    return out;
}
}  // namespace lesson14
