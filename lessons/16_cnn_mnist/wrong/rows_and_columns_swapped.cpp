// wrong 16.2: reads pixel (i, j) at column j·H + i of an image, as if images were stored column by column.
#include "exercise.hpp"
#define im2col im2col_reference
#include "../solution.cpp"
#undef im2col

namespace lesson16 {
nn::Matrix im2col(const nn::Matrix& A, nn::Shape s, nn::Index k, nn::Index pad, nn::Index first,
                  nn::Index count) {
    const nn::Index Ho = s.H + 2 * pad - k + 1, Wo = s.W + 2 * pad - k + 1;
    nn::Matrix P(k * k * s.C, count * Ho * Wo);
    for (nn::Index n = 0; n < count; ++n)
        for (nn::Index i = 0; i < Ho; ++i)
            for (nn::Index j = 0; j < Wo; ++j)
                for (nn::Index u = 0; u < k; ++u)
                    for (nn::Index v = 0; v < k; ++v)
                        for (nn::Index c = 0; c < s.C; ++c) {
                            const nn::Index r = i + u - pad, q = j + v - pad;
                            const bool inside = r >= 0 && r < s.H && q >= 0 && q < s.W;
                            P((u * k + v) * s.C + c, (n * Ho + i) * Wo + j) =
                                inside ? A(c, (first + n) * s.H * s.W + q * s.H + r) : 0.0;
                        }
    return P;
}
}  // namespace lesson16
