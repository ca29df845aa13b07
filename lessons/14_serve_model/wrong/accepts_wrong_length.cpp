// wrong 14.1: pads a short array with zeros and ignores extra
// values instead of refusing them, so a client's bug becomes a silent wrong answer.
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
    nn::Vector v = nn::Vector::Zero(pixel_count);
    for (std::size_t i = 0; i < std::min<std::size_t>(pixels.size(), pixel_count); ++i) {
        if (!pixels[i].is_number()) throw BadRequest(422, "pixel " + std::to_string(i) + " is not a number");
        const double x = pixels[i].get<double>();
        if (!(x >= 0.0 && x <= 1.0))
            throw BadRequest(422, "pixel " + std::to_string(i) + " is outside [0, 1]");
        v(long(i)) = x;
    }
    return v;
}
}  // namespace lesson14
