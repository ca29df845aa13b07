// Lesson 14 exercises: the two things a model server must get right before the model sees a
// request — checking what came in, and making a drawn digit look like MNIST's digits
// (deck Intro-ANN, "Web Application Development for ML/DL Models": a RESTful service any web
// application can call).
//
// Write your answers in exercises/14_serve_model.cpp; check them with ./nn check 14.
#pragma once

#include <stdexcept>
#include <string>

#include "nn/types.hpp"

namespace lesson14 {

inline constexpr int side = 28;                  // an image is side × side pixels, row by row
inline constexpr int pixel_count = side * side;  // 784

// A request the server refuses: the HTTP status and the message it sends back as
// {"error": "<message>"}. 400 Bad Request: the body is not JSON at all. 422 Unprocessable
// Content: JSON, but not the pixels the model takes.
struct BadRequest : std::runtime_error {
    int status;
    BadRequest(int status_code, const std::string& message)
        : std::runtime_error(message), status(status_code) {}
};

// Exercise 14.1 — the body of POST /predict: a JSON object {"pixels": [784 numbers]}, each number
// in [0, 1] (0 is the background, 1 full ink), row by row. Returns the pixels as a Vector.
//   not JSON (nlohmann::json::parse throws)             -> BadRequest 400, "malformed JSON: ..."
//   not an object, or no "pixels" array in it           -> 422, "expected {\"pixels\": [784 numbers]}"
//   an array of the wrong length n                      -> 422, "expected 784 pixels, got n"
//   pixel i a string, null, boolean, array or object    -> 422, "pixel i is not a number"
//   pixel i a number below 0 or above 1                 -> 422, "pixel i is <value>, outside [0, 1]"
// with <value> the number as JSON prints it (nlohmann's dump(): 2, 1.5, -0.25). The checks go in
// this order and the first that fails is reported: the JSON, the object, the length, then pixel by
// pixel from i = 0 (for each, "not a number" before the range). Both ends, 0 and 1, are inside, and
// an integer such as 1 is a number. (JSON has no NaN or infinity, so a number that parsed is finite;
// a number too large for a double, such as 1e400, makes parse throw, not parse_error but
// out_of_range, and is malformed JSON too.)
nn::Vector parse_pixels(const std::string& body);

// Exercise 14.2 — MNIST's last step: move the digit so that its center of mass sits in the middle
// of the 28 × 28 field. The center of mass is (r̄, c̄) = (Σ v·r / Σ v, Σ v·c / Σ v) over pixel values
// v at row r and column c (0 to 27). MNIST's "middle" is (14, 14) in these coordinates: its 60,000
// training digits have their center of mass there on average (14.00 and 14.01, spread 0.29).
// Move every pixel by (dr, dc) = (round(14 − r̄), round(14 − c̄)), rounding halves away from zero
// (std::lround); what moves outside is lost, what is uncovered is 0. An image with no ink
// (Σ v = 0, also when positive and negative values cancel out) comes back unchanged.
// Throws std::invalid_argument if image does not have 784 values.
nn::Vector center_by_mass(const nn::Vector& image);

}  // namespace lesson14
