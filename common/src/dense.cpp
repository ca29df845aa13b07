#include "nn/dense.hpp"

namespace nn {

Matrix dense_forward(const Matrix& W, const Vector& b, const Matrix& X) {
    Matrix Z = W * X;
    Z.colwise() += b;  // the same bias for every sample
    return Z;
}

DenseGrads dense_backward(const Matrix& W, const Matrix& X, const Matrix& dZ) {
    return {W.transpose() * dZ, dZ * X.transpose(), dZ.rowwise().sum()};
}

}  // namespace nn
