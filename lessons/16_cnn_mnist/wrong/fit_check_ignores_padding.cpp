// wrong 16.1: refuses a kernel larger than the unpadded input, though the padding makes room.
#include "exercise.hpp"
#define layer_info layer_info_reference
#include "../solution.cpp"
#undef layer_info

namespace lesson16 {
LayerInfo layer_info(nn::Shape in, const nn::LayerSpec& layer) {
    if (layer.kind == nn::LayerKind::conv && (layer.k > in.H || layer.k > in.W))
        throw std::invalid_argument("kernel larger than the input " + std::to_string(in.H) + "x" +
                                    std::to_string(in.W));
    return layer_info_reference(in, layer);
}
}  // namespace lesson16
