// wrong 16.1: checks that a kernel or a window fits the rows but not the columns.
#include "exercise.hpp"
#define layer_info layer_info_reference
#include "../solution.cpp"
#undef layer_info

namespace lesson16 {
LayerInfo layer_info(nn::Shape in, const nn::LayerSpec& layer) {
    if (layer.kind == nn::LayerKind::conv && layer.k > in.H + 2 * layer.pad)
        throw std::invalid_argument("kernel taller than " + std::to_string(in.H) + " rows of " +
                                    std::to_string(in.W));
    if (layer.kind == nn::LayerKind::max_pool && layer.size > in.H)
        throw std::invalid_argument("window taller than " + std::to_string(in.H) + " rows of " +
                                    std::to_string(in.W));
    if (layer.kind == nn::LayerKind::conv) {
        if (layer.size < 1 || layer.k < 1 || layer.pad < 0) return layer_info_reference(in, layer);
        return {{layer.size, in.H + 2 * layer.pad - layer.k + 1, in.W + 2 * layer.pad - layer.k + 1},
                layer.size * (layer.k * layer.k * in.C + 1)};
    }
    if (layer.kind == nn::LayerKind::max_pool && layer.size >= 1)
        return {{in.C, in.H / layer.size, in.W / layer.size}, 0};
    return layer_info_reference(in, layer);
}
}  // namespace lesson16
