// The benchmark's training path for configuration D (./nn bench --config D): lesson 16's training
// loop for an nn::Cnn (nn::train_epoch over nn::minibatches, nn::softmax_cross_entropy,
// nn::Adam::step(params, grads)), the same maths arranged for speed as fast_mlp.hpp arranges the
// MLPs': the scalar type a template parameter (float for the benchmark), every buffer allocated once,
// one OpenMP parallel region per epoch, the large products through nn::fast::gemm (OpenBLAS's sgemm
// when NN_FAST_CBLAS). bench/fast_cnn_test.cpp checks that it computes what nn::Cnn computes.
//
// The layout is nn::Cnn's "channel rows" (common/include/nn/cnn.hpp): a batch of N images of shape
// (C, H, W) is a (C, N·H·W) column-major matrix, one column per pixel holding its C channels; the
// patch matrix of a convolution is nn::im2col's, (k·k·C, N·Ho·Wo), so the conv weights are used as
// nn::Cnn keeps them. Per batch:
//   1. the images, in groups of `group`, spread over the threads: each group is gathered from the
//      uint8 pixels, goes forward (im2col and one product per convolution, the bias and a following
//      relu applied in place, max pooling with its argmax), gets the softmax cross-entropy's gradient,
//      and goes backward down to the first layer's output gradient (no gradient of the input);
//   2. a barrier; the weight gradients of the whole batch, one product per block of 16 rows of each
//      layer (the blocks are the same whatever the threads, spread over them dynamically), each block
//      followed by its Adam step;
//   3. a barrier, and the next batch.
// Every sum is cut the same way whatever the number of threads, so the result does not depend on it
// (the test checks it bit for bit in float on 1, 2 and 3 threads).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include <fmt/core.h>

#include "fast_mlp.hpp"
#include "nn/cnn.hpp"
#include "nn/optim.hpp"

namespace nn::fast {

struct CnnConfig {
    double lr = 1e-3;  // nn::Adam's defaults (common/include/nn/optim.hpp)
    double beta1 = adam_beta1;
    double beta2 = adam_beta2;
    double eps = adam_eps;
    int batch = 64;
    int threads = 0;  // 0: OpenMP's default (one per core)
    int group = 16;   // images per product in the forward and backward passes
};

template <typename T>
class CnnTrainer {
public:
    using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
    using Vec = Eigen::Matrix<T, Eigen::Dynamic, 1>;
    using ConstMap = Eigen::Map<const Mat>;
    using MutMap = Eigen::Map<Mat>;

    // Starts from model's layers and weights (converted to T). The last layer's output must be
    // (classes, 1, 1): its values are the logits. Throws nn::Error otherwise.
    CnnTrainer(const Cnn& model, const CnnConfig& config) : cfg_(config), input_(model.input) {
        if (model.layers.empty()) throw Error("fast::CnnTrainer: the model has no layers");
        if (cfg_.batch < 1 || cfg_.group < 1)
            throw Error("fast::CnnTrainer: the batch and the group must hold at least 1 image");
        const Shape last = model.layers.back().out;
        if (last.H != 1 || last.W != 1)
            throw Error(fmt::format("fast::CnnTrainer: the last layer's output {} is not a vector of logits",
                                    to_string(last)));
        for (std::size_t l = 0; l < model.layers.size(); ++l) {
            const CnnLayer& L = model.layers[l];
            if (L.spec.kind == LayerKind::relu && !steps_.empty() && !steps_.back().relu &&
                (steps_.back().kind == LayerKind::conv || steps_.back().kind == LayerKind::dense)) {
                steps_.back().relu = true;  // applied in place on the product's output
                continue;
            }
            Step s;
            s.kind = L.spec.kind;
            s.in = L.in;
            s.out = L.out;
            s.k = L.spec.k;
            s.pad = L.spec.pad;
            s.p = L.spec.size;
            if (s.kind == LayerKind::max_pool && s.p * s.p > 256)
                throw Error(fmt::format("fast::CnnTrainer: a {}x{} pooling window is too large", s.p, s.p));
            if (s.kind == LayerKind::conv || s.kind == LayerKind::dense) {
                s.layer = l;
                s.W = L.W.template cast<T>();
                s.b = L.b.col(0).template cast<T>();
                s.G = Mat::Zero(s.W.rows(), s.W.cols());
                s.mW = s.G;
                s.vW = s.G;
                s.gb = Vec::Zero(s.b.size());
                s.mb = s.gb;
                s.vb = s.gb;
            }
            steps_.push_back(std::move(s));
        }
        layers_ = model.layers;
        const Index B = cfg_.batch;
        A_.push_back(Mat(input_.C, B * input_.H * input_.W));
        for (Step& s : steps_) {
            const Index HWo = s.out.H * s.out.W;
            if (s.kind == LayerKind::conv) {
                s.P = Mat(s.k * s.k * s.in.C, B * HWo);
                dP_size_ = std::max(dP_size_, s.P.rows() * Index(cfg_.group) * HWo);
            }
            if (s.kind == LayerKind::max_pool) s.arg.resize(std::size_t(s.out.C * B * HWo));
            A_.push_back(Mat(s.out.C, B * HWo));
        }
        dA_.resize(A_.size());
        for (std::size_t i = 1; i < A_.size(); ++i) dA_[i] = Mat(A_[i].rows(), A_[i].cols());
        // The weight-gradient blocks, largest first (the dynamic schedule then balances them).
        for (std::size_t i = 0; i < steps_.size(); ++i) {
            const Step& s = steps_[i];
            if (s.W.size() == 0) continue;
            const double per_row = double(s.W.cols()) * double(s.out.H * s.out.W);
            for (Index r = 0; r < s.W.rows(); r += block_rows)
                blocks_.push_back({i, r, std::min(block_rows, s.W.rows() - r), per_row});
        }
        std::stable_sort(blocks_.begin(), blocks_.end(), [](const WeightBlock& a, const WeightBlock& b) {
            return a.rows * a.cost > b.rows * b.cost;
        });
    }

    // One pass over data in the given order (a permutation of 0..size-1, or any list of indices), in
    // batches of cfg.batch (the last may be shorter): nn::minibatches' batches when order is its
    // shuffle.
    void epoch(const ImageSet& data, std::span<const std::uint32_t> order) {
        check(data);
        for (const std::uint32_t i : order)
            if (i >= data.size())
                throw Error(fmt::format("fast::CnnTrainer: image {} of {} does not exist", i, data.size()));
        const std::size_t n_total = order.size(), B = std::size_t(cfg_.batch);
        const std::size_t batches = (n_total + B - 1) / B;
        losses_.resize(n_total);
        const long t0 = adam_t_;
        const int eigen_threads = Eigen::nbThreads();
        Eigen::setNbThreads(1);
        const int nt = team_size();
        scratch(nt);
#ifdef _OPENMP
#pragma omp parallel num_threads(nt)
#endif
        {
            const int t = thread_id();
            if (t == 0) last_epoch_threads_ = team();
            for (std::size_t k = 0; k < batches; ++k) {
                const std::size_t first = k * B;
                const Index n = Index(std::min(B, n_total - first));
                const Index groups = (n + cfg_.group - 1) / cfg_.group;
                const auto batch = order.subspan(first, std::size_t(n));
#ifdef _OPENMP
#pragma omp for schedule(static)
#endif
                for (Index g = 0; g < groups; ++g) {
                    const Index f = g * cfg_.group, cnt = std::min<Index>(cfg_.group, n - f);
                    gather(data, batch, f, cnt);
                    forward(f, cnt);
                    output_gradient(data, batch, n, f, cnt, losses_.data() + first);
                    backward(f, cnt, dP_[std::size_t(t)]);
                }  // the implicit barrier: the whole batch's gradients are in
#ifdef _OPENMP
#pragma omp for schedule(dynamic, 1)
#endif
                for (std::size_t j = 0; j < blocks_.size(); ++j) update(blocks_[j], n, t0 + long(k) + 1);
            }  // and the next batch starts after the loop's barrier
        }
        Eigen::setNbThreads(eigen_threads);
        adam_t_ = t0 + long(batches);
        double total = 0;
        for (const double l : losses_) total += l;
        last_epoch_loss_ = n_total ? total / double(n_total) : 0.0;
    }

    // The logits (classes, images.size()) of the given images, cfg.batch at a time.
    Mat logits(const ImageSet& data, std::span<const std::uint32_t> images) {
        check(data);
        Mat out(A_.back().rows(), std::ssize(images));
        const int eigen_threads = Eigen::nbThreads();
        Eigen::setNbThreads(1);
        const int nt = team_size();
        for (std::size_t first = 0; first < images.size(); first += std::size_t(cfg_.batch)) {
            const Index n = Index(std::min(std::size_t(cfg_.batch), images.size() - first));
            const auto batch = images.subspan(first, std::size_t(n));
            const Index groups = (n + cfg_.group - 1) / cfg_.group;
#ifdef _OPENMP
#pragma omp parallel for schedule(static) num_threads(nt)
#endif
            for (Index g = 0; g < groups; ++g) {
                const Index f = g * cfg_.group, cnt = std::min<Index>(cfg_.group, n - f);
                gather(data, batch, f, cnt);
                forward(f, cnt);
            }
            out.middleCols(Index(first), n) = A_.back().leftCols(n);
        }
        Eigen::setNbThreads(eigen_threads);
        return out;
    }

    // Share of images whose largest logit (the first, on a tie) is their label.
    double accuracy(const ImageSet& data) {
        std::vector<std::uint32_t> all(data.size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = std::uint32_t(i);
        std::size_t correct = 0;
        for (std::size_t first = 0; first < all.size(); first += 2048) {
            const std::size_t n = std::min<std::size_t>(2048, all.size() - first);
            const Mat S = logits(data, std::span<const std::uint32_t>(all).subspan(first, n));
            for (Index c = 0; c < S.cols(); ++c) {
                Index best;
                S.col(c).maxCoeff(&best);
                correct += best == Index(data.labels[first + std::size_t(c)]);
            }
        }
        return data.size() ? double(correct) / double(data.size()) : 0.0;
    }

    // The trained network as an nn::Cnn in double (its layers and the current weights).
    Cnn to_cnn() const {
        Cnn m;
        m.input = input_;
        m.layers = layers_;
        for (const Step& s : steps_)
            if (s.W.size()) {
                m.layers[s.layer].W = s.W.template cast<double>();
                m.layers[s.layer].b = s.b.template cast<double>();
            }
        return m;
    }

    // The mean loss of the last epoch (what nn::train_epoch returns), and its threads.
    double last_epoch_loss() const { return last_epoch_loss_; }
    int last_epoch_threads() const { return last_epoch_threads_; }

private:
    struct Step {
        LayerKind kind;
        Shape in, out;
        Index k = 0, pad = 0, p = 0;
        bool relu = false;      // conv, dense: a relu follows, applied in place on the output
        std::size_t layer = 0;  // conv, dense: its index in the model's layers
        Mat W, G, mW, vW;       // as nn::CnnLayer's W: conv (C_out, k·k·C_in), dense (out, in)
        Vec b, gb, mb, vb;
        Mat P;                          // conv: the batch's patch matrix (k·k·C_in, B·Ho·Wo)
        std::vector<std::uint8_t> arg;  // max_pool: u·p + v of each output's maximum, (C, B·Ho·Wo)
    };
    struct WeightBlock {  // rows [r0, r0 + rows) of step's weights, and the multiply-adds per row and image
        std::size_t step;
        Index r0, rows;
        double cost;
    };
    static constexpr Index block_rows = 16;

    static int team_size_of(int requested) {
#ifdef _OPENMP
        return requested > 0 ? requested : omp_get_max_threads();
#else
        (void)requested;
        return 1;
#endif
    }
    int team_size() const { return team_size_of(cfg_.threads); }
    static int thread_id() {
#ifdef _OPENMP
        return omp_get_thread_num();
#else
        return 0;
#endif
    }
    static int team() {
#ifdef _OPENMP
        return omp_get_num_threads();
#else
        return 1;
#endif
    }

    // One buffer per thread for a group's patch gradients (made once, for the largest team seen).
    void scratch(int nt) {
        while (std::ssize(dP_) < nt) dP_.push_back(Vec(dP_size_));
    }

    void check(const ImageSet& data) const {
        if (data.dim != input_.size())
            throw Error(fmt::format("fast::CnnTrainer: images have {} values, the model takes {} ({})",
                                    data.dim, input_.size(), to_string(input_)));
        if (data.pixels.size() != data.size() * std::size_t(data.dim))
            throw Error(fmt::format("fast::CnnTrainer: {} labels but {} bytes of pixels", data.size(),
                                    data.pixels.size()));
    }

    // Images [f, f + cnt) of the batch into A_[0]: each image's bytes are its channel-rows columns
    // already (nn::Cnn::forward reads a (C·H·W, N) batch as (C, N·H·W)); scaled as nn::Mnist::X
    // scales them, p / 255.
    void gather(const ImageSet& data, std::span<const std::uint32_t> batch, Index f, Index cnt) {
        const std::size_t dim = std::size_t(data.dim);
        for (Index c = f; c < f + cnt; ++c) {
            const std::uint8_t* px = data.pixels.data() + std::size_t(batch[std::size_t(c)]) * dim;
            T* x = A_[0].data() + std::size_t(c) * dim;
            for (std::size_t i = 0; i < dim; ++i) x[i] = T(px[i]) / T(255);
        }
    }

    // Images [f, f + cnt) of the batch forward through every step.
    void forward(Index f, Index cnt) {
        for (std::size_t i = 0; i < steps_.size(); ++i) {
            Step& s = steps_[i];
            const Mat& X = A_[i];
            Mat& Y = A_[i + 1];
            const Index HWo = s.out.H * s.out.W;
            auto Yg = Y.middleCols(f * HWo, cnt * HWo);
            switch (s.kind) {
                case LayerKind::conv:
                    im2col(s, X, f, cnt);
                    gemm(T(1), s.W, s.P.middleCols(f * HWo, cnt * HWo), false, Yg);
                    bias(s, Yg);
                    break;
                case LayerKind::dense: {
                    const ConstMap Xg(X.data() + f * s.in.size(), s.in.size(), cnt);
                    gemm(T(1), s.W, Xg, false, Yg);
                    bias(s, Yg);
                    break;
                }
                case LayerKind::relu:
                    // same maths as nn::Cnn's relu layer (X.cwiseMax(0))
                    Yg = X.middleCols(f * HWo, cnt * HWo).cwiseMax(T(0));
                    break;
                case LayerKind::max_pool:
                    pool(s, X, Y, f, cnt);
                    break;
            }
        }
    }

    // + b, then the relu if one follows: nn::Cnn's bias, then its relu layer.
    template <typename M>
    static void bias(const Step& s, M&& Yg) {
        if (s.relu)
            Yg.array() = (Yg.array().colwise() + s.b.array()).max(T(0));
        else
            Yg.colwise() += s.b;
    }

    // nn::im2col's patch matrix for images [f, f + cnt), into the same columns of s.P: one column
    // per output position, rows (u·k + v)·C + c, 0 outside the image. A run of v inside the image is
    // one contiguous copy of its pixels' channels.
    void im2col(Step& s, const Mat& X, Index f, Index cnt) {
        const Index C = s.in.C, H = s.in.H, W = s.in.W, k = s.k, pad = s.pad;
        const Index Ho = s.out.H, Wo = s.out.W, rows = k * k * C;
        for (Index n = f; n < f + cnt; ++n) {
            const T* img = X.data() + n * H * W * C;
            for (Index i = 0; i < Ho; ++i)
                for (Index j = 0; j < Wo; ++j) {
                    T* col = s.P.data() + ((n * Ho + i) * Wo + j) * rows;
                    const Index v0 = std::max<Index>(0, pad - j), v1 = std::min<Index>(k, W + pad - j);
                    for (Index u = 0; u < k; ++u) {
                        T* dst = col + u * k * C;
                        const Index r = i + u - pad;
                        const bool inside = r >= 0 && r < H;
                        const Index a = inside ? v0 * C : k * C, e = inside ? v1 * C : k * C;
                        // plain loops: the runs are short (5 values on lesson 16's first layer)
                        for (Index q = 0; q < a; ++q) dst[q] = T(0);
                        if (inside) {
                            const Index from = (r * W + j - pad) * C;  // v = 0, c = 0 (maybe outside)
                            for (Index q = a; q < e; ++q) dst[q] = img[from + q];
                        }
                        for (Index q = e; q < k * C; ++q) dst[q] = T(0);
                    }
                }
        }
    }

    // Its adjoint, nn::col2im_add: images [f, f + cnt) of dX set to the sum of the patch gradients
    // dPg (k·k·C, cnt·Ho·Wo) over the entries each input was copied to.
    static void col2im(const Step& s, const MutMap& dPg, Mat& dX, Index f, Index cnt) {
        const Index C = s.in.C, H = s.in.H, W = s.in.W, k = s.k, pad = s.pad;
        const Index Ho = s.out.H, Wo = s.out.W, rows = k * k * C;
        dX.middleCols(f * H * W, cnt * H * W).setZero();
        for (Index n = 0; n < cnt; ++n) {
            T* img = dX.data() + (f + n) * H * W * C;
            for (Index i = 0; i < Ho; ++i)
                for (Index j = 0; j < Wo; ++j) {
                    const T* col = dPg.data() + ((n * Ho + i) * Wo + j) * rows;
                    const Index v0 = std::max<Index>(0, pad - j), v1 = std::min<Index>(k, W + pad - j);
                    if (v1 <= v0) continue;
                    for (Index u = 0; u < k; ++u) {
                        const Index r = i + u - pad;
                        if (r < 0 || r >= H) continue;
                        const Index len = (v1 - v0) * C;
                        MutMap(img + (r * W + j + v0 - pad) * C, len, 1) +=
                            ConstMap(col + (u * k + v0) * C, len, 1);
                    }
                }
        }
    }

    // Max pooling of images [f, f + cnt), as nn::Cnn's: for each channel the first maximum in
    // reading order (a later entry wins only if larger), its position kept for backward.
    static void pool(Step& s, const Mat& X, Mat& Y, Index f, Index cnt) {
        const Index C = s.in.C, H = s.in.H, W = s.in.W, p = s.p, Ho = s.out.H, Wo = s.out.W;
        for (Index n = f; n < f + cnt; ++n)
            for (Index i = 0; i < Ho; ++i)
                for (Index j = 0; j < Wo; ++j) {
                    const Index o = (n * Ho + i) * Wo + j;
                    T* best = Y.data() + o * C;
                    std::uint8_t* arg = s.arg.data() + o * C;
                    const T* first = X.data() + ((n * H + i * p) * W + j * p) * C;
                    for (Index c = 0; c < C; ++c) {
                        best[c] = first[c];
                        arg[c] = 0;
                    }
                    for (Index u = 0; u < p; ++u)
                        for (Index v = 0; v < p; ++v) {
                            if (u == 0 && v == 0) continue;
                            const T* x = X.data() + ((n * H + i * p + u) * W + j * p + v) * C;
                            const std::uint8_t at = std::uint8_t(u * p + v);
                            for (Index c = 0; c < C; ++c)
                                if (x[c] > best[c]) {
                                    best[c] = x[c];
                                    arg[c] = at;
                                }
                        }
                }
    }

    // Its adjoint: images [f, f + cnt) of dX are 0 but at each maximum, which gets its output's
    // gradient (the windows do not overlap). Every window is written whole, the rest (a border the
    // pooling dropped) zeroed first.
    static void pool_back(const Step& s, const Mat& dY, Mat& dX, Index f, Index cnt) {
        const Index C = s.in.C, H = s.in.H, W = s.in.W, p = s.p, Ho = s.out.H, Wo = s.out.W;
        if (H % p || W % p) dX.middleCols(f * H * W, cnt * H * W).setZero();
        for (Index n = f; n < f + cnt; ++n)
            for (Index i = 0; i < Ho; ++i)
                for (Index j = 0; j < Wo; ++j) {
                    const Index o = (n * Ho + i) * Wo + j;
                    const T* d = dY.data() + o * C;
                    const std::uint8_t* arg = s.arg.data() + o * C;
                    for (Index u = 0; u < p; ++u)
                        for (Index v = 0; v < p; ++v) {
                            T* x = dX.data() + ((n * H + i * p + u) * W + j * p + v) * C;
                            const std::uint8_t at = std::uint8_t(u * p + v);
                            for (Index c = 0; c < C; ++c) x[c] = arg[c] == at ? d[c] : T(0);
                        }
                }
    }

    // The gradient of nn::softmax_cross_entropy (softmax(z) − y) / n for images [f, f + cnt) of a
    // batch of n, and each image's loss, −log softmax(z)_label, into losses[f..).
    void output_gradient(const ImageSet& data, std::span<const std::uint32_t> batch, Index n, Index f,
                         Index cnt, double* losses) {
        const Mat& Z = A_.back();
        Mat& D = dA_.back();
        const T inv_n = T(1) / T(n);
        for (Index c = f; c < f + cnt; ++c) {
            const Index label = Index(data.labels[batch[std::size_t(c)]]);
            const T m = Z.col(c).maxCoeff();
            auto d = D.col(c).array();
            d = (Z.col(c).array() - m).exp();  // same maths as nn::softmax
            const T sum = d.sum();
            losses[c] = double(m + std::log(sum) - Z(label, c));
            d /= sum;
            d(label) -= T(1);
            d *= inv_n;
        }
    }

    // Images [f, f + cnt) backward from the output gradient down to the first step's output
    // gradient, as nn::Cnn::backward, without the weight gradients (update() makes those).
    void backward(Index f, Index cnt, Vec& dP) {
        for (std::size_t i = steps_.size(); i-- > 0;) {
            const Step& s = steps_[i];
            const Index HWo = s.out.H * s.out.W, HWi = s.in.H * s.in.W;
            auto dY = dA_[i + 1].middleCols(f * HWo, cnt * HWo);
            if (s.relu || s.kind == LayerKind::relu) {
                // nn::Cnn's relu backward: the gradient where the relu's output is > 0
                const auto Yg = A_[i + 1].middleCols(f * HWo, cnt * HWo).array();
                if (s.kind == LayerKind::relu) {
                    if (i > 0) dA_[i].middleCols(f * HWi, cnt * HWi) = (Yg > T(0)).select(dY, T(0));
                    continue;
                }
                dY = (Yg > T(0)).select(dY, T(0));
            }
            if (i == 0) break;  // no gradient of the input
            switch (s.kind) {
                case LayerKind::conv: {
                    MutMap dPg(dP.data(), s.P.rows(), cnt * HWo);
                    gemm(T(1), s.W.transpose(), dY, false, dPg);
                    col2im(s, dPg, dA_[i], f, cnt);
                    break;
                }
                case LayerKind::dense: {
                    MutMap dX(dA_[i].data() + f * s.in.size(), s.in.size(), cnt);
                    gemm(T(1), s.W.transpose(), dY, false, dX);
                    break;
                }
                case LayerKind::max_pool:
                    pool_back(s, dA_[i + 1], dA_[i], f, cnt);
                    break;
                case LayerKind::relu:
                    break;
            }
        }
    }

    // The weight gradients of rows [r0, r0 + rows) of one step over the batch's n images, then their
    // Adam step (the t-th of the training).
    void update(const WeightBlock& blk, Index n, long t) {
        Step& s = steps_[blk.step];
        const Index HWo = s.out.H * s.out.W, cols = n * HWo;
        const auto dY = dA_[blk.step + 1].leftCols(cols).middleRows(blk.r0, blk.rows);
        auto G = s.G.middleRows(blk.r0, blk.rows);
        if (s.kind == LayerKind::conv) {
            gemm(T(1), dY, s.P.leftCols(cols).transpose(), false, G);
        } else {
            const ConstMap X(A_[blk.step].data(), s.in.size(), n);
            gemm(T(1), dY, X.transpose(), false, G);
        }
        auto gb = s.gb.segment(blk.r0, blk.rows);
        gb = dY.rowwise().sum();
        adam(s.W.middleRows(blk.r0, blk.rows), G, s.mW.middleRows(blk.r0, blk.rows),
             s.vW.middleRows(blk.r0, blk.rows), t);
        adam(s.b.segment(blk.r0, blk.rows), gb, s.mb.segment(blk.r0, blk.rows),
             s.vb.segment(blk.r0, blk.rows), t);
    }

    // same maths as nn::Adam::step (common/src/optim.cpp), with the bias corrections folded into the
    // step size and ε as in fast_mlp.hpp (the same update up to rounding); tests: bench/fast_cnn_test.cpp
    template <typename P, typename Gr, typename M1, typename M2>
    void adam(P&& p, const Gr& g, M1&& m, M2&& v, long t) const {
        const T b1 = T(cfg_.beta1), b2 = T(cfg_.beta2);
        const double c1 = 1 - std::pow(cfg_.beta1, double(t)), c2 = 1 - std::pow(cfg_.beta2, double(t));
        const T step = T(cfg_.lr * std::sqrt(c2) / c1);
        const T eps_hat = T(cfg_.eps * std::sqrt(c2));
        m = b1 * m + (T(1) - b1) * g;
        v = b2 * v + (T(1) - b2) * g.cwiseProduct(g);
        p.array() -= step * m.array() / (v.array().sqrt() + eps_hat);
    }

    CnnConfig cfg_;
    Shape input_;
    std::vector<CnnLayer> layers_;  // the model's, for to_cnn()
    std::vector<Step> steps_;       // the layers, each relu after a conv or dense folded into it
    std::vector<Mat> A_, dA_;       // A_[i]: step i's input (A_[0] the batch); dA_[i] = ∂L/∂A_[i]
    std::vector<WeightBlock> blocks_;
    std::vector<Vec> dP_;  // per thread: a group's patch gradients
    Index dP_size_ = 0;
    std::vector<double> losses_;  // the epoch's, per image in order
    double last_epoch_loss_ = 0;
    int last_epoch_threads_ = 1;
    long adam_t_ = 0;
};

}  // namespace nn::fast
