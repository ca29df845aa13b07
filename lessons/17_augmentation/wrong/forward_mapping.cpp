// wrong 17.1: maps forward: each input pixel is turned by +θ and written to the nearest output pixel, so output pixels that no input pixel lands on stay 0 (holes).
#include <cmath>
#include <numbers>

#include "exercise.hpp"
#define rotated rotated_reference
#include "../solution.cpp"
#undef rotated

namespace lesson17 {
nn::Matrix rotated(const nn::Matrix& X, nn::Index rows, nn::Index cols, double degrees) {
    if (rows < 1 || cols < 1 || X.rows() != rows * cols) return rotated_reference(X, rows, cols, degrees);
    const double theta = degrees * std::numbers::pi / 180.0;
    const double cos_t = std::cos(theta), sin_t = std::sin(theta);
    const double rc = double(rows - 1) / 2.0, cc = double(cols - 1) / 2.0;
    nn::Matrix out = nn::Matrix::Zero(X.rows(), X.cols());
    for (nn::Index n = 0; n < X.cols(); ++n)
        for (nn::Index r = 0; r < rows; ++r)
            for (nn::Index c = 0; c < cols; ++c) {
                const double dr = double(r) - rc, dc = double(c) - cc;
                // The forward turn (the inverse of the source point's formula).
                const auto i = nn::Index(std::lround(rc + dr * cos_t - dc * sin_t));
                const auto j = nn::Index(std::lround(cc + dr * sin_t + dc * cos_t));
                if (i >= 0 && i < rows && j >= 0 && j < cols) out(i * cols + j, n) = X(r * cols + c, n);
            }
    return out;
}
}  // namespace lesson17
