#include "nn/gradcheck.hpp"

namespace nn {

double rel_error(const Matrix& a, const Matrix& n) {
    const double denom = a.norm() + n.norm();
    return denom == 0 ? 0 : (a - n).norm() / denom;
}

}  // namespace nn
