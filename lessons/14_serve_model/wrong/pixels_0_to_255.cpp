// wrong 14.1: checks the range of the image files' bytes,
// 0 to 255, not of the model's inputs, 0 to 1; a client sending bytes gets nonsense back.
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
    for (int i = 0; i < pixel_count; ++i) {
        const auto& p = pixels[std::size_t(i)];
        if (!p.is_number()) throw BadRequest(422, "pixel " + std::to_string(i) + " is not a number");
        const double x = p.get<double>();
        if (!(x >= 0.0 && x <= 255.0))
            throw BadRequest(422, "pixel " + std::to_string(i) + " is outside [0, 255]");
        v(i) = x;
    }
    return v;
}
}  // namespace lesson14
