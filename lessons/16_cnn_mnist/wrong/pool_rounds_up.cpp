// wrong 16.1: rounds a pooled size up, counting a partial window at the edge.
#include "exercise.hpp"
#define layer_info layer_info_reference
#include "../solution.cpp"
#undef layer_info

namespace lesson16 {
LayerInfo layer_info(nn::Shape in, const nn::LayerSpec& layer) {
    LayerInfo r = layer_info_reference(in, layer);
    if (layer.kind == nn::LayerKind::max_pool)
        r.out = {in.C, (in.H + layer.size - 1) / layer.size, (in.W + layer.size - 1) / layer.size};
    return r;
}
}  // namespace lesson16
