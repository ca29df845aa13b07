// wrong 15.4: divides each routed gradient by the number of outputs, as if the loss were a mean over the pooled map.
#include "exercise.hpp"
#define max_pool_backward max_pool_backward_reference
#include "../solution.cpp"
#undef max_pool_backward

namespace lesson15 {
nn::Matrix max_pool_backward(const nn::Matrix& dY, const Pooled& p, nn::Index H, nn::Index W) {
    return max_pool_backward_reference(dY / double(dY.size()), p, H, W);
}
}  // namespace lesson15
