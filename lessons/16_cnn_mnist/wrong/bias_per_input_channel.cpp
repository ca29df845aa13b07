// wrong 16.1: gives each filter a bias per input channel: size·C·(k·k + 1).
#include "exercise.hpp"
#define layer_info layer_info_reference
#include "../solution.cpp"
#undef layer_info

namespace lesson16 {
LayerInfo layer_info(nn::Shape in, const nn::LayerSpec& layer) {
    LayerInfo r = layer_info_reference(in, layer);
    if (layer.kind == nn::LayerKind::conv) r.parameters = layer.size * in.C * (layer.k * layer.k + 1);
    return r;
}
}  // namespace lesson16
