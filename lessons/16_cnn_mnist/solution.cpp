// Lesson 16 — reference solutions (exercise.hpp says what each function must do).
#include <fmt/core.h>

#include <stdexcept>

#include "exercise.hpp"

namespace lesson16 {

LayerInfo layer_info(nn::Shape in, const nn::LayerSpec& layer) {
    const auto refuse = [&](const char* why) {
        throw std::invalid_argument(fmt::format("{} (size {}, k {}, pad {}) on an input of shape {}: {}",
                                                layer.kind == nn::LayerKind::conv       ? "conv"
                                                : layer.kind == nn::LayerKind::max_pool ? "max_pool"
                                                : layer.kind == nn::LayerKind::dense    ? "dense"
                                                                                        : "relu",
                                                layer.size, layer.k, layer.pad, nn::to_string(in), why));
    };
    switch (layer.kind) {
        case nn::LayerKind::conv: {
            if (layer.size < 1 || layer.k < 1 || layer.pad < 0)
                refuse("sizes must be positive, pad at least 0");
            if (layer.k > in.H + 2 * layer.pad || layer.k > in.W + 2 * layer.pad)
                refuse("the kernel is larger than the padded input");
            const nn::Shape out{layer.size, in.H + 2 * layer.pad - layer.k + 1,
                                in.W + 2 * layer.pad - layer.k + 1};
            return {out, layer.size * (layer.k * layer.k * in.C + 1)};
        }
        case nn::LayerKind::relu:
            return {in, 0};
        case nn::LayerKind::max_pool:
            if (layer.size < 1) refuse("the window must be at least 1");
            if (layer.size > in.H || layer.size > in.W) refuse("the window is larger than the input");
            return {{in.C, in.H / layer.size, in.W / layer.size}, 0};
        case nn::LayerKind::dense:
            if (layer.size < 1) refuse("a dense layer needs at least one output");
            return {{layer.size, 1, 1}, layer.size * (in.size() + 1)};
    }
    refuse("unknown layer");
    return {};
}

nn::Matrix im2col(const nn::Matrix& A, nn::Shape s, nn::Index k, nn::Index pad, nn::Index first,
                  nn::Index count) {
    const nn::Index Ho = s.H + 2 * pad - k + 1, Wo = s.W + 2 * pad - k + 1;
    nn::Matrix P(k * k * s.C, count * Ho * Wo);
    for (nn::Index n = 0; n < count; ++n)
        for (nn::Index i = 0; i < Ho; ++i)
            for (nn::Index j = 0; j < Wo; ++j)
                for (nn::Index u = 0; u < k; ++u)
                    for (nn::Index v = 0; v < k; ++v) {
                        const nn::Index r = i + u - pad, q = j + v - pad;
                        const bool inside = r >= 0 && r < s.H && q >= 0 && q < s.W;
                        for (nn::Index c = 0; c < s.C; ++c)
                            P((u * k + v) * s.C + c, (n * Ho + i) * Wo + j) =
                                inside ? A(c, (first + n) * s.H * s.W + r * s.W + q) : 0.0;
                    }
    return P;
}

void col2im_add(const nn::Matrix& dP, nn::Shape s, nn::Index k, nn::Index pad, nn::Index first,
                nn::Index count, nn::Matrix& dA) {
    const nn::Index Ho = s.H + 2 * pad - k + 1, Wo = s.W + 2 * pad - k + 1;
    for (nn::Index n = 0; n < count; ++n)
        for (nn::Index i = 0; i < Ho; ++i)
            for (nn::Index j = 0; j < Wo; ++j)
                for (nn::Index u = 0; u < k; ++u)
                    for (nn::Index v = 0; v < k; ++v) {
                        const nn::Index r = i + u - pad, q = j + v - pad;
                        if (r < 0 || r >= s.H || q < 0 || q >= s.W) continue;  // the padding
                        for (nn::Index c = 0; c < s.C; ++c)
                            dA(c, (first + n) * s.H * s.W + r * s.W + q) +=
                                dP((u * k + v) * s.C + c, (n * Ho + i) * Wo + j);
                    }
}

}  // namespace lesson16
