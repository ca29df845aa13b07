// Eigen's own products stay on one thread here (as everywhere in nn::common): the threads work on
// groups of images, each with its own product, so that the digits never depend on their number.
#define EIGEN_DONT_PARALLELIZE
#include "nn/cnn.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <stdexcept>

#include "nn/mlp.hpp"

namespace nn {

std::string to_string(Shape s) {
    return s.H == 1 && s.W == 1 ? fmt::format("({})", s.C) : fmt::format("({}, {}, {})", s.H, s.W, s.C);
}

LayerSpec conv(Index channels, Index k, Index pad) { return {LayerKind::conv, channels, k, pad}; }
LayerSpec relu() { return {LayerKind::relu}; }
LayerSpec max_pool(Index size) { return {LayerKind::max_pool, size}; }
LayerSpec dense(Index outputs) { return {LayerKind::dense, outputs}; }

std::string to_string(const LayerSpec& l) {
    switch (l.kind) {
        case LayerKind::conv:
            return l.pad ? fmt::format("Conv2D({}, {}x{}, pad {})", l.size, l.k, l.k, l.pad)
                         : fmt::format("Conv2D({}, {}x{})", l.size, l.k, l.k);
        case LayerKind::relu:
            return "ReLU";
        case LayerKind::max_pool:
            return fmt::format("MaxPooling2D({})", l.size);
        case LayerKind::dense:
            return fmt::format("Dense({})", l.size);
    }
    return "?";
}

namespace {

Index groups(Index N) { return (N + cnn_group - 1) / cnn_group; }

// f(g, first, count) for every group g of the N images, spread over the threads. An exception (a
// learner's patch function may throw) leaves no thread: the first is thrown again here.
template <class F>
void for_each_group(Index N, F&& f) {
    std::exception_ptr error;
#pragma omp parallel for schedule(dynamic)
    for (Index g = 0; g < groups(N); ++g) {
        try {
            f(g, g * cnn_group, std::min(cnn_group, N - g * cnn_group));
        } catch (...) {
#pragma omp critical(nn_cnn_error)
            if (!error) error = std::current_exception();
        }
    }
    if (error) std::rethrow_exception(error);
}

// (C·H·W, N) and (C, N·H·W) are the same memory: each image's maps flattened, or channel rows.
Eigen::Map<const Matrix> as_columns(const Matrix& A, Index features) {
    return {A.data(), features, A.size() / features};
}

}  // namespace

Matrix im2col(const Matrix& A, Shape s, Index k, Index pad, Index first, Index count) {
    const Index Ho = s.H + 2 * pad - k + 1, Wo = s.W + 2 * pad - k + 1, C = s.C;
    Matrix P(k * k * C, count * Ho * Wo);
    for (Index n = 0; n < count; ++n) {
        const Index image = (first + n) * s.H * s.W;
        for (Index i = 0; i < Ho; ++i)
            for (Index j = 0; j < Wo; ++j) {
                auto col = P.col((n * Ho + i) * Wo + j);
                for (Index u = 0; u < k; ++u) {
                    const Index r = i + u - pad;
                    for (Index v = 0; v < k; ++v) {
                        const Index q = j + v - pad;
                        if (r >= 0 && r < s.H && q >= 0 && q < s.W)
                            col.segment((u * k + v) * C, C) = A.col(image + r * s.W + q);
                        else
                            col.segment((u * k + v) * C, C).setZero();
                    }
                }
            }
    }
    return P;
}

void col2im_add(const Matrix& dP, Shape s, Index k, Index pad, Index first, Index count, Matrix& dA) {
    const Index Ho = s.H + 2 * pad - k + 1, Wo = s.W + 2 * pad - k + 1, C = s.C;
    for (Index n = 0; n < count; ++n) {
        const Index image = (first + n) * s.H * s.W;
        for (Index i = 0; i < Ho; ++i)
            for (Index j = 0; j < Wo; ++j) {
                const auto col = dP.col((n * Ho + i) * Wo + j);
                for (Index u = 0; u < k; ++u) {
                    const Index r = i + u - pad;
                    if (r < 0 || r >= s.H) continue;
                    for (Index v = 0; v < k; ++v) {
                        const Index q = j + v - pad;
                        if (q >= 0 && q < s.W) dA.col(image + r * s.W + q) += col.segment((u * k + v) * C, C);
                    }
                }
            }
    }
}

Cnn::Cnn(Shape in, const std::vector<LayerSpec>& specs, Rng& rng) : input(in) {
    Shape s = in;
    for (const LayerSpec& spec : specs) {
        CnnLayer L{.spec = spec, .in = s, .out = s, .W = {}, .b = {}};
        switch (spec.kind) {
            case LayerKind::conv:
                if (spec.k < 1 || spec.size < 1 || spec.pad < 0 || spec.k > s.H + 2 * spec.pad ||
                    spec.k > s.W + 2 * spec.pad)
                    throw Error(
                        fmt::format("{} does not fit an input of shape {}", to_string(spec), to_string(s)));
                L.out = {spec.size, s.H + 2 * spec.pad - spec.k + 1, s.W + 2 * spec.pad - spec.k + 1};
                L.W = init_weights(Init::he_normal, spec.size, spec.k * spec.k * s.C, rng);
                L.b = Matrix::Zero(spec.size, 1);
                break;
            case LayerKind::max_pool:
                if (spec.size < 1 || spec.size > s.H || spec.size > s.W)
                    throw Error(
                        fmt::format("{} does not fit an input of shape {}", to_string(spec), to_string(s)));
                L.out = {s.C, s.H / spec.size, s.W / spec.size};
                break;
            case LayerKind::dense:
                if (spec.size < 1) throw Error(fmt::format("{} has no outputs", to_string(spec)));
                L.out = {spec.size, 1, 1};
                L.W = init_weights(Init::he_normal, spec.size, s.size(), rng);
                L.b = Matrix::Zero(spec.size, 1);
                break;
            case LayerKind::relu:
                break;
        }
        s = L.out;
        layers.push_back(std::move(L));
    }
}

namespace {

// One layer forward on a channel-rows batch X of N images. Keeps in `kept` what backward needs (the
// patch matrix, the relu output, the dense input) unless it is null; argmax likewise.
Matrix layer_forward(const CnnLayer& L, Cnn::Im2col patches, const Matrix& X, Index N, Matrix* kept,
                     Eigen::Matrix<int, Eigen::Dynamic, Eigen::Dynamic>* argmax) {
    const Shape in = L.in, out = L.out;
    const Index HWo = out.H * out.W;
    switch (L.spec.kind) {
        case LayerKind::conv: {
            const Index k = L.spec.k, pad = L.spec.pad;
            Matrix Y(out.C, N * HWo);
            Matrix P(k * k * in.C, kept ? N * HWo : 0);
            for_each_group(N, [&](Index, Index first, Index count) {
                Matrix Pg = patches(X, in, k, pad, first, count);
                if (Pg.rows() != P.rows() || Pg.cols() != count * HWo)
                    throw std::logic_error(
                        fmt::format("im2col gave a ({}, {}) patch matrix for {} images; expected ({}, {})",
                                    Pg.rows(), Pg.cols(), count, P.rows(), count * HWo));
                auto Yg = Y.middleCols(first * HWo, count * HWo);
                Yg.noalias() = L.W * Pg;
                Yg.colwise() += L.b.col(0);
                if (kept) P.middleCols(first * HWo, count * HWo) = Pg;
            });
            if (kept) *kept = std::move(P);
            return Y;
        }
        case LayerKind::relu: {
            Matrix Y = X.cwiseMax(0.0);
            if (kept) *kept = Y;
            return Y;
        }
        case LayerKind::max_pool: {
            const Index p = L.spec.size, HW = in.H * in.W;
            Matrix Y(out.C, N * HWo);
            Eigen::Matrix<int, Eigen::Dynamic, Eigen::Dynamic> arg(out.C, argmax ? N * HWo : 0);
#pragma omp parallel for schedule(static)
            for (Index n = 0; n < N; ++n)
                for (Index i = 0; i < out.H; ++i)
                    for (Index j = 0; j < out.W; ++j) {
                        const Index o = n * HWo + i * out.W + j;
                        for (Index c = 0; c < in.C; ++c) {
                            // the first maximum in reading order, as in lesson 15
                            Index best = n * HW + (i * p) * in.W + j * p;
                            for (Index u = 0; u < p; ++u)
                                for (Index v = 0; v < p; ++v) {
                                    const Index at = n * HW + (i * p + u) * in.W + j * p + v;
                                    if (X(c, at) > X(c, best)) best = at;
                                }
                            Y(c, o) = X(c, best);
                            if (argmax) arg(c, o) = int(best);
                        }
                    }
            if (argmax) *argmax = std::move(arg);
            return Y;
        }
        case LayerKind::dense: {
            const auto Xc = as_columns(X, in.size());
            Matrix Z = L.W * Xc;
            Z.colwise() += L.b.col(0);
            if (kept) *kept = Xc;
            return Z;
        }
    }
    return {};
}

}  // namespace

const Matrix& Cnn::forward(const Matrix& X) {
    if (X.rows() != input.size())
        throw Error(fmt::format("Cnn::forward: {} rows, the network takes {} ({})", X.rows(), input.size(),
                                to_string(input)));
    const Index N = X.cols();
    A_.resize(layers.size() + 1);
    argmax_.resize(layers.size());
    Matrix cur = Eigen::Map<const Matrix>(X.data(), input.C, N * input.H * input.W);
    for (std::size_t l = 0; l < layers.size(); ++l)
        cur = layer_forward(layers[l], patches, cur, N, &A_[l], &argmax_[l]);
    A_.back() = std::move(cur);
    return A_.back();
}

Matrix Cnn::predict(const Matrix& X) const {
    if (X.rows() != input.size())
        throw Error(fmt::format("Cnn::predict: {} rows, the network takes {} ({})", X.rows(), input.size(),
                                to_string(input)));
    const Index classes = layers.empty() ? input.size() : layers.back().out.size();
    Matrix out(classes, X.cols());
    for (Index first = 0; first < X.cols(); first += 64) {
        const Index N = std::min<Index>(64, X.cols() - first);
        Matrix cur = Eigen::Map<const Matrix>(X.col(first).data(), input.C, N * input.H * input.W);
        for (const CnnLayer& L : layers) cur = layer_forward(L, patches, cur, N, nullptr, nullptr);
        out.middleCols(first, N) = as_columns(cur, classes);
    }
    return out;
}

std::vector<Matrix> Cnn::backward(const Matrix& dOut) {
    const Index N = dOut.cols();
    std::vector<Matrix> grads;  // filled last layer first, reversed at the end
    Matrix d = dOut;            // ∂L/∂(layer l's output), channel rows
    for (std::size_t l = layers.size(); l-- > 0;) {
        const CnnLayer& L = layers[l];
        const Shape in = L.in, out = L.out;
        const bool need_dx = l > 0;
        switch (L.spec.kind) {
            case LayerKind::conv: {
                const Index k = L.spec.k, pad = L.spec.pad, HWo = out.H * out.W;
                const Matrix& P = A_[l];
                std::vector<Matrix> dW(std::size_t(groups(N)));
                Matrix dX = need_dx ? Matrix::Zero(in.C, N * in.H * in.W) : Matrix();
                for_each_group(N, [&](Index g, Index first, Index count) {
                    const auto dY = d.middleCols(first * HWo, count * HWo);
                    dW[std::size_t(g)].noalias() = dY * P.middleCols(first * HWo, count * HWo).transpose();
                    if (need_dx) {
                        const Matrix dP = L.W.transpose() * dY;
                        patches_back(dP, in, k, pad, first, count, dX);
                    }
                });
                Matrix sum = dW[0];
                for (std::size_t g = 1; g < dW.size(); ++g) sum += dW[g];
                grads.push_back(d.rowwise().sum());
                grads.push_back(std::move(sum));
                d = std::move(dX);
                break;
            }
            case LayerKind::relu:
                d = (A_[l].array() > 0).select(d, 0.0);
                break;
            case LayerKind::max_pool: {
                Matrix dX = Matrix::Zero(in.C, N * in.H * in.W);
                const auto& arg = argmax_[l];
                for (Index o = 0; o < arg.cols(); ++o)
                    for (Index c = 0; c < arg.rows(); ++c) dX(c, arg(c, o)) += d(c, o);
                d = std::move(dX);
                break;
            }
            case LayerKind::dense: {
                const Matrix& Xc = A_[l];
                grads.push_back(d.rowwise().sum());
                grads.push_back(d * Xc.transpose());
                if (need_dx) {
                    const Matrix dXc = L.W.transpose() * d;  // (in.size(), N)
                    d = Eigen::Map<const Matrix>(dXc.data(), in.C, N * in.H * in.W);
                }
                break;
            }
        }
    }
    std::reverse(grads.begin(), grads.end());  // W before b, first layer first
    return grads;
}

std::vector<Matrix*> Cnn::params() {
    std::vector<Matrix*> p;
    for (CnnLayer& L : layers)
        if (L.W.size()) {
            p.push_back(&L.W);
            p.push_back(&L.b);
        }
    return p;
}

std::size_t Cnn::parameter_count() const {
    std::size_t n = 0;
    for (const CnnLayer& L : layers) n += std::size_t(L.W.size() + L.b.size());
    return n;
}

double cnn_train_flops_per_sample(const Cnn& model) {
    double f = 0;
    for (std::size_t l = 0; l < model.layers.size(); ++l) {
        const CnnLayer& L = model.layers[l];
        const double positions = double(L.out.H * L.out.W);
        const double macs = double(L.W.size()) * (L.spec.kind == LayerKind::conv ? positions : 1.0);
        f += 2 * macs * (l == 0 ? 2 : 3);  // forward, dW, and dX for every layer but the first
    }
    return f;
}

}  // namespace nn
