// wrong 17.1: takes the nearest pixel to the source point instead of interpolating between the four around it.
#include "exercise.hpp"
#define rotated rotated_reference
#include "../solution.cpp"
#undef rotated

namespace lesson17 {
nn::Matrix rotated(const nn::Matrix& X, nn::Index rows, nn::Index cols, double degrees) {
    if (rows < 1 || cols < 1 || X.rows() != rows * cols)
        throw std::invalid_argument(fmt::format("rotated: images of {}x{} pixels need {} rows, X has {}",
                                                rows, cols, rows * cols, X.rows()));
    const double theta = degrees * std::numbers::pi / 180.0;
    const double cos_t = std::cos(theta), sin_t = std::sin(theta);
    const double rc = double(rows - 1) / 2.0, cc = double(cols - 1) / 2.0;  // the centre of the grid
    nn::Matrix out(X.rows(), X.cols());
    for (nn::Index n = 0; n < X.cols(); ++n) {
        // Pixel (r, c) of image n, 0 outside the image.
        const auto in = [&](nn::Index r, nn::Index c) {
            return r >= 0 && r < rows && c >= 0 && c < cols ? X(r * cols + c, n) : 0.0;
        };
        for (nn::Index r = 0; r < rows; ++r)
            for (nn::Index c = 0; c < cols; ++c) {
                // Where output pixel (r, c) comes from: it turned back by −θ about the centre.
                const double dr = double(r) - rc, dc = double(c) - cc;
                const double src_r = rc + dr * cos_t + dc * sin_t;
                const double src_c = cc - dr * sin_t + dc * cos_t;
                // The nearest pixel's value, no interpolation.
                out(r * cols + c, n) = in(nn::Index(std::round(src_r)), nn::Index(std::round(src_c)));
            }
    }
    return out;
}
}  // namespace lesson17
