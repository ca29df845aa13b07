// wrong 16.3: adds into images 0 .. count − 1 whatever first is.
#include "exercise.hpp"
#define col2im_add col2im_add_reference
#include "../solution.cpp"
#undef col2im_add

namespace lesson16 {
void col2im_add(const nn::Matrix& dP, nn::Shape s, nn::Index k, nn::Index pad, nn::Index /*first*/,
                nn::Index count, nn::Matrix& dA) {
    const nn::Index Ho = s.H + 2 * pad - k + 1, Wo = s.W + 2 * pad - k + 1;
    for (nn::Index n = 0; n < count; ++n)
        for (nn::Index i = 0; i < Ho; ++i)
            for (nn::Index j = 0; j < Wo; ++j)
                for (nn::Index u = 0; u < k; ++u)
                    for (nn::Index v = 0; v < k; ++v)
                        for (nn::Index c = 0; c < s.C; ++c) {
                            const nn::Index r = i + u - pad, q = j + v - pad;
                            if (r < 0 || r >= s.H || q < 0 || q >= s.W) continue;
                            dA(c, n * s.H * s.W + r * s.W + q) +=
                                dP((u * k + v) * s.C + c, (n * Ho + i) * Wo + j);
                        }
}
}  // namespace lesson16
