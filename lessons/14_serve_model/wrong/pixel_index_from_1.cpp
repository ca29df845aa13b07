// wrong 14.1: numbers the pixels from 1 in its messages, while the contract counts from 0.
#include "exercise.hpp"
#define parse_pixels parse_pixels_reference
#include "../solution.cpp"
#undef parse_pixels

namespace lesson14 {
nn::Vector parse_pixels(const std::string& body) {
    nlohmann::json request;
    try {
        request = nlohmann::json::parse(body);
    } catch (const nlohmann::json::parse_error& e) {
        throw BadRequest(400, std::string("malformed JSON: ") + e.what());
    }
    if (!request.is_object() || !request.contains("pixels") || !request["pixels"].is_array())
        throw BadRequest(422, "expected {\"pixels\": [784 numbers]}");
    const auto& pixels = request["pixels"];
    if (pixels.size() != pixel_count)
        throw BadRequest(422, "expected 784 pixels, got " + std::to_string(pixels.size()));
    nn::Vector v(pixel_count);
    for (int i = 1; i <= pixel_count; ++i) {
        const auto& p = pixels[std::size_t(i - 1)];
        if (!p.is_number()) throw BadRequest(422, "pixel " + std::to_string(i) + " is not a number");
        const double x = p.get<double>();
        if (!(x >= 0.0 && x <= 1.0))
            throw BadRequest(422, "pixel " + std::to_string(i) + " is " + p.dump() + ", outside [0, 1]");
        v(i - 1) = x;
    }
    return v;
}
}  // namespace lesson14
