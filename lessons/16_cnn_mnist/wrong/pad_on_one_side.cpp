// wrong 16.1: adds the padding once, not on both sides: H + pad − k + 1.
#include "exercise.hpp"
#define layer_info layer_info_reference
#include "../solution.cpp"
#undef layer_info

namespace lesson16 {
LayerInfo layer_info(nn::Shape in, const nn::LayerSpec& layer) {
    LayerInfo r = layer_info_reference(in, layer);
    if (layer.kind == nn::LayerKind::conv)
        r.out = {layer.size, in.H + layer.pad - layer.k + 1, in.W + layer.pad - layer.k + 1};
    return r;
}
}  // namespace lesson16
