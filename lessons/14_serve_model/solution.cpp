// Lesson 14 — reference answers (./nn solution 14 shows them once your own pass).
#include <nlohmann/json.hpp>

#include <cmath>

#include "exercise.hpp"

namespace lesson14 {

nn::Vector parse_pixels(const std::string& body) {
    nlohmann::json request;
    try {
        request = nlohmann::json::parse(body);
    } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e400
        throw BadRequest(400, std::string("malformed JSON: ") + e.what());
    }
    if (!request.is_object() || !request.contains("pixels") || !request["pixels"].is_array())
        throw BadRequest(422, "expected {\"pixels\": [784 numbers]}");
    const auto& pixels = request["pixels"];
    if (pixels.size() != pixel_count)
        throw BadRequest(422, "expected 784 pixels, got " + std::to_string(pixels.size()));
    nn::Vector v(pixel_count);
    for (int i = 0; i < pixel_count; ++i) {
        const auto& p = pixels[std::size_t(i)];
        if (!p.is_number()) throw BadRequest(422, "pixel " + std::to_string(i) + " is not a number");
        const double x = p.get<double>();
        if (!(x >= 0.0 && x <= 1.0))
            throw BadRequest(422, "pixel " + std::to_string(i) + " is " + p.dump() + ", outside [0, 1]");
        v(i) = x;
    }
    return v;
}

nn::Vector center_by_mass(const nn::Vector& image) {
    if (image.size() != pixel_count) throw std::invalid_argument("center_by_mass: an image has 784 pixels");
    double mass = 0, rows = 0, cols = 0;
    for (int r = 0; r < side; ++r) {
        for (int c = 0; c < side; ++c) {
            const double v = image(r * side + c);
            mass += v;
            rows += v * r;
            cols += v * c;
        }
    }
    if (mass == 0) return image;
    const double middle = side / 2.0;  // 14: where MNIST puts the center of mass
    const long dr = std::lround(middle - rows / mass), dc = std::lround(middle - cols / mass);
    nn::Vector out = nn::Vector::Zero(pixel_count);
    for (int r = 0; r < side; ++r) {
        for (int c = 0; c < side; ++c) {
            const long r2 = r + dr, c2 = c + dc;
            if (r2 >= 0 && r2 < side && c2 >= 0 && c2 < side) out(r2 * side + c2) = image(r * side + c);
        }
    }
    return out;
}

}  // namespace lesson14
