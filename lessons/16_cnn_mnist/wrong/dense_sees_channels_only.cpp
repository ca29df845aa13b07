// wrong 16.1: connects a dense layer to the channels only, forgetting to flatten rows and columns.
#include "exercise.hpp"
#define layer_info layer_info_reference
#include "../solution.cpp"
#undef layer_info

namespace lesson16 {
LayerInfo layer_info(nn::Shape in, const nn::LayerSpec& layer) {
    LayerInfo r = layer_info_reference(in, layer);
    if (layer.kind == nn::LayerKind::dense) r.parameters = layer.size * (in.C + 1);
    return r;
}
}  // namespace lesson16
