// wrong 14.1: catches only nlohmann's parse_error, so a number too large for a double (1e400), which
// throws out_of_range, escapes as an internal error instead of a 400.
#include "exercise.hpp"
#define parse_pixels parse_pixels_reference
#include "../solution.cpp"
#undef parse_pixels

#include <nlohmann/json.hpp>

namespace lesson14 {
nn::Vector parse_pixels(const std::string& body) {
    try {
        nlohmann::json::parse(body);
    } catch (const nlohmann::json::parse_error& e) {
        throw BadRequest(400, std::string("malformed JSON: ") + e.what());
    }
    return parse_pixels_reference(body);
}
}  // namespace lesson14
