// The benchmark's training path (./nn bench): the same maths as nn::Mlp (dense layers with relu or
// sigmoid, a softmax with the cross-entropy or a sigmoid output with the quadratic cost, SGD or Adam),
// arranged for speed. docs/bench.md, "How the fast path is built", explains each choice and what it
// gained; bench/fast_mlp_test.cpp checks that it computes what nn::Mlp computes. Use it through the
// CMake target nn_fast (bench/CMakeLists.txt), which brings OpenMP (without it, one thread) and,
// when OpenBLAS is found, defines NN_FAST_CBLAS and links it.
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

#include <fmt/core.h>

#ifdef _OPENMP
#include <omp.h>
#endif
#ifdef NN_FAST_CBLAS
#include <cblas.h>
#endif

#include "nn/mlp.hpp"
#include "nn/types.hpp"

namespace nn::fast {

// The cost, which the Mlp does not hold; its last layer's activation must go with it:
// softmax_cross_entropy: an identity last layer (as for nn::softmax_cross_entropy, which applies the
//   softmax), then the cross-entropy, mean over the batch.
// sigmoid_quadratic: a sigmoid last layer and ½‖a − y‖², mean over the batch (Nielsen's network.py).
enum class Cost { softmax_cross_entropy, sigmoid_quadratic };
enum class Optimizer { sgd, adam };
// With sparse input, where the layers above the first live (docs/bench.md): shared, one copy that the
// threads work on together, each on its share of the batch's columns and of the rows to update; or
// replicated, a copy per thread, each computing the whole batch above the first layer (the same sums
// in the same order, so the copies stay equal bit for bit). Replicated needs one barrier per batch
// instead of two, and pays off when those layers are small beside the first.
enum class Upper { automatic, shared, replicated };

struct Config {
    Cost cost = Cost::softmax_cross_entropy;
    Optimizer optimizer = Optimizer::sgd;
    double lr = 0.1;
    int batch = 32;
    int threads = 0;                 // 0: OpenMP's default (one per core)
    bool sparse_input = true;        // skip zero inputs in the first layer (needs 2 or more layers)
    Upper upper = Upper::automatic;  // automatic: replicated when the layers above the first have
                                     // at most replicate_below weights, shared otherwise
    static constexpr long replicate_below = 8192;
    double beta1 = 0.9;  // Adam
    double beta2 = 0.999;
    double eps = 1e-8;
};

// Images as LeCun's IDX bytes: image k is pixels[k·dim, (k+1)·dim), labels[k] in 0..classes-1.
struct ImageSet {
    std::span<const std::uint8_t> pixels;
    std::span<const std::uint8_t> labels;
    int dim = 784;
    std::size_t size() const { return labels.size(); }
};

// Floating-point operations of one training sample: the forward products (2·in·out per layer),
// the weight gradients (the same again) and the deltas passed down (every layer but the first).
// Element-wise work (activations, the update itself) is not counted, as is usual for GFLOP/s.
inline double train_flops_per_sample(const std::vector<int>& sizes) {
    double f = 0;
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        const double mac = double(sizes[l - 1]) * sizes[l];
        f += 4 * mac + (l > 1 ? 2 * mac : 0);
    }
    return f;
}

// How many products went to OpenBLAS so far (the benchmark says which kernels ran, and whether
// OpenBLAS's were among them: configurations A and B have no product large enough).
inline std::atomic<long> blas_products{0};

// c = alpha·a·b (accumulate = false) or c += alpha·a·b, for blocks and transposes of dense
// matrices. Products of at least 2^20 multiply-adds go to cblas_?gemm when NN_FAST_CBLAS is set.
template <typename MA, typename MB, typename MC>
void gemm(typename std::decay_t<MC>::Scalar alpha, const MA& a, const MB& b, bool accumulate, MC&& c) {
#ifdef NN_FAST_CBLAS
    using T = typename std::decay_t<MC>::Scalar;
    constexpr bool blas_type = std::is_same_v<T, float> || std::is_same_v<T, double>;
    if constexpr (blas_type) {
        if (double(a.rows()) * double(a.cols()) * double(b.cols()) >= double(1 << 20)) {
            if constexpr (std::decay_t<MC>::IsRowMajor) {
                // Cᵀ = Bᵀ·Aᵀ, and Cᵀ is column-major.
                gemm(alpha, b.transpose(), a.transpose(), accumulate, c.transpose());
            } else {
                const auto op = [](bool row_major) { return row_major ? CblasTrans : CblasNoTrans; };
                const T beta = accumulate ? T(1) : T(0);
                const auto ta = op(std::decay_t<MA>::IsRowMajor), tb = op(std::decay_t<MB>::IsRowMajor);
                const int m = int(c.rows()), n = int(c.cols()), k = int(a.cols());
                blas_products.fetch_add(1, std::memory_order_relaxed);
                if constexpr (std::is_same_v<T, float>) {
                    cblas_sgemm(CblasColMajor, ta, tb, m, n, k, alpha, a.data(), int(a.outerStride()),
                                b.data(), int(b.outerStride()), beta, c.data(), int(c.outerStride()));
                } else {
                    cblas_dgemm(CblasColMajor, ta, tb, m, n, k, alpha, a.data(), int(a.outerStride()),
                                b.data(), int(b.outerStride()), beta, c.data(), int(c.outerStride()));
                }
            }
            return;
        }
    }
#endif
    if (accumulate) {
        c.noalias() += alpha * a * b;
    } else {
        c.noalias() = alpha * a * b;
    }
}

// Small products for the layers above a sparse first layer when they are small (Upper::replicated):
// on configuration A, 30 × 30 by 30 × 32. Eigen's general product first packs its operands into
// blocks, which on such shapes costs more than the arithmetic: 1.0 µs for that product here, against
// 0.32 µs for strip_product (docs/bench.md). strip_product works on matrices whose rows are padded to
// strips of 16 (the padding rows 0), column-major with Eigen's own aligned storage, and computes for
// each column c < cols of out, strip by strip,
//   out.col(c) = start + alpha · Σ_{i < count} C(i, c) · src.col(i),
// where C is the matrix coef, or its transpose (Transposed), and start is 0, the vector `bias` (the
// same for every column) or out.col(c) itself. Eight columns of out are computed at once, each strip
// of them in a register, while the `count` columns of src go by: eight independent sums keep the
// multiply-add units busy, where one would wait for each addition before it.
enum class Start { zero, bias, self };
// Rows in a strip: one AVX-512 register of floats (the sparse first layer's strips are the same).
inline constexpr Index strip_rows = 16;

template <int G, bool Transposed, typename M>
void strip_product_columns(M& out, Index c0, Index row, Start start, const typename M::Scalar* bias,
                           typename M::Scalar alpha, const M& src, Index count, const M& coef) {
    using T = typename M::Scalar;
    using Strip = Eigen::Matrix<T, strip_rows, 1>;
    using In = Eigen::Map<const Strip, Eigen::AlignedMax>;
    using Out = Eigen::Map<Strip, Eigen::AlignedMax>;
    std::array<Strip, G> sum;
    for (Strip& s : sum) s.setZero();
    const T* column = src.data() + row;
    if constexpr (Transposed) {  // C(i, c) = coef(c, i): for each i, G neighbours in a column of coef
        const T* c = coef.data() + c0;
        for (Index i = 0; i < count; ++i, column += src.rows(), c += coef.rows()) {
            const In x(column);
            for (int g = 0; g < G; ++g) sum[g].noalias() += c[g] * x;
        }
    } else {  // C(i, c) = coef(i, c): G columns of coef, read down together
        std::array<const T*, G> c;
        for (int g = 0; g < G; ++g) c[g] = coef.data() + (c0 + g) * coef.rows();
        for (Index i = 0; i < count; ++i, column += src.rows()) {
            const In x(column);
            for (int g = 0; g < G; ++g) sum[g].noalias() += c[g][i] * x;
        }
    }
    for (int g = 0; g < G; ++g) {
        Out o(out.data() + (c0 + g) * out.rows() + row);
        if (start == Start::self) {
            o += alpha * sum[g];
        } else if (start == Start::bias) {
            o = In(bias + row) + alpha * sum[g];
        } else {
            o = alpha * sum[g];
        }
    }
}

// Shapes that do not fit are an nn::Error. The trainer calls it inside its parallel region, where an
// exception would end the program, but only on buffers whose shapes its constructor fixed to fit;
// unit.fast_mlp checks the refusals outside any parallel region.
template <bool Transposed = false, typename M>
void strip_product(M& out, Index cols, Start start, const typename M::Scalar* bias, typename M::Scalar alpha,
                   const M& src, Index count, const M& coef) {
    // A plain matrix: its columns are rows() apart and its storage is aligned (a block or a map
    // would be neither, silently).
    static_assert(std::is_same_v<M, Eigen::Matrix<typename M::Scalar, Eigen::Dynamic, Eigen::Dynamic>>,
                  "strip_product: plain column-major Eigen matrices only");
    const bool fits = Transposed ? coef.rows() >= cols && coef.cols() >= count
                                 : coef.rows() >= count && coef.cols() >= cols;
    if (out.rows() % strip_rows != 0 || src.rows() != out.rows() || cols > out.cols() || count > src.cols() ||
        !fits || (start == Start::bias && bias == nullptr))
        throw Error(fmt::format("strip_product: out {}×{} ({} columns), src {}×{} ({} columns), coef {}×{}",
                                out.rows(), out.cols(), cols, src.rows(), src.cols(), count, coef.rows(),
                                coef.cols()));
    for (Index row = 0; row < out.rows(); row += strip_rows) {
        Index c = 0;
        for (; c + 8 <= cols; c += 8)
            strip_product_columns<8, Transposed>(out, c, row, start, bias, alpha, src, count, coef);
        for (; c + 4 <= cols; c += 4)
            strip_product_columns<4, Transposed>(out, c, row, start, bias, alpha, src, count, coef);
        for (; c + 2 <= cols; c += 2)
            strip_product_columns<2, Transposed>(out, c, row, start, bias, alpha, src, count, coef);
        for (; c < cols; ++c)
            strip_product_columns<1, Transposed>(out, c, row, start, bias, alpha, src, count, coef);
    }
}

template <typename T>
class Trainer {
public:
    using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;  // one sample per column
    using RowMat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    using Vec = Eigen::Matrix<T, Eigen::Dynamic, 1>;
    // The sparse first layer keeps its rows in strips of 16 (see strip_block).
    static constexpr Index strip = strip_rows;
    using Strip = Eigen::Matrix<T, strip, 1>;

    // Starts from model's weights and activations (nn::Mlp draws the weights, so both paths start
    // alike). Hidden layers may use relu or sigmoid; the last layer's activation must go with the
    // cost (see Cost). Any other activation is an nn::Error naming it.
    Trainer(const Mlp& model, const Config& config) : cfg_(config) {
        if (model.layers.empty()) throw Error("fast::Trainer: the model has no layers");
        if (cfg_.batch < 1) throw Error("fast::Trainer: the batch size must be at least 1");
        const bool adam = cfg_.optimizer == Optimizer::adam;
        sizes_.push_back(int(model.layers.front().W.cols()));
        Net& net = net_;
        for (std::size_t l = 0; l < model.layers.size(); ++l) {
            const auto& layer = model.layers[l];
            check_activation(layer.act, l, model.layers.size());
            net.W.push_back(layer.W.template cast<T>());
            net.b.push_back(layer.b.template cast<T>());
            acts_.push_back(layer.act);
            sizes_.push_back(int(layer.W.rows()));
        }
        const Index B = cfg_.batch, L = layers();
        sparse_ = cfg_.sparse_input && L >= 2;
        long upper_weights = 0;
        for (Index l = 1; l < L; ++l) upper_weights += long(sizes_[l]) * sizes_[l + 1];
        replicated_ =
            sparse_ && (cfg_.upper == Upper::replicated ||
                        (cfg_.upper == Upper::automatic && upper_weights <= Config::replicate_below));
        if (sparse_) {
            strips_ = padded(sizes_[1]) / strip;
            W0_ = Mat::Zero(strip, strips_ * sizes_[0]);
            for (Index s = 0; s < strips_; ++s) {
                const auto rows = rows_of_strip(net.W[0], s);
                strip_block(W0_, s).topRows(rows.rows()) = rows;  // the padding rows stay 0
            }
            b0_ = Vec::Zero(strips_ * strip);
            b0_.head(sizes_[1]) = net.b[0];
            for (Mat& Z : Z0_) Z = Mat(strips_ * strip, B);
            if (adam) {
                G0_ = Mat::Zero(strip, strips_ * sizes_[0]);
                mW0_ = G0_;
                vW0_ = G0_;
                mb0_ = Vec::Zero(strips_ * strip);
                vb0_ = mb0_;
            }
        }
        if (replicated_) {
            copies_.push_back(small_copy());
            return;  // net_ keeps the weights between epochs only
        }
        net.A.push_back(Mat(sparse_ ? 0 : sizes_[0], B));
        for (Index l = 0; l < L; ++l) {
            net.Z.push_back(Mat(sizes_[l + 1], B));
            net.A.push_back(Mat(sizes_[l + 1], B));
            net.D.push_back(Mat(sizes_[l + 1], B));
            if (adam) {
                const bool unused = sparse_ && l == 0;  // the sparse path keeps its own, in strips
                const RowMat zero = unused ? RowMat() : RowMat::Zero(net.W[l].rows(), net.W[l].cols());
                net.G.push_back(zero);
                net.mW.push_back(zero);
                net.vW.push_back(zero);
                net.mb.push_back(Vec::Zero(unused ? 0 : net.b[l].size()));
                net.vb.push_back(Vec::Zero(unused ? 0 : net.b[l].size()));
            }
        }
        net.Y = Mat::Zero(sizes_.back(), B);
    }

    Index layers() const { return std::ssize(net_.W); }
    const std::vector<int>& sizes() const { return sizes_; }
    bool sparse() const { return sparse_; }
    // Whether each thread keeps its own copy of the layers above the first (see Upper).
    bool replicated() const { return replicated_; }
    // Floating-point operations of the products in the last epoch, as train_flops_per_sample counts
    // them, but with the first layer's counted on the nonzero inputs only when the input is sparse.
    double last_epoch_flops() const { return last_epoch_flops_; }
    // The threads the last epoch ran on, as OpenMP's team reported them (1 without OpenMP).
    int last_epoch_threads() const { return last_epoch_threads_; }

    // For the sparse path: list every image's lit pixels once (like converting the bytes to floats
    // before training, this is done once per data set; epoch() does it if it is not done yet). The
    // lists are kept for the same pixels: a data set changed in place must be prepared anew
    // (reprepare = true).
    void prepare(const ImageSet& data, bool reprepare = false) {
        check(data);
        if (!sparse_ || (!reprepare && lit_.pixels == data.pixels.data() && lit_.images == data.size()))
            return;
        const std::size_t dim = std::size_t(data.dim);
        if (dim > 65536)
            throw Error(
                fmt::format("fast::Trainer: the sparse path lists pixels by 16-bit index, and images "
                            "have {} values (at most 65,536); use sparse_input = false",
                            dim));
        lit_.pixels = data.pixels.data();
        lit_.images = data.size();
        lit_.start.assign(1, 0);
        lit_.index.clear();
        lit_.byte.clear();
        for (std::size_t i = 0; i < data.size(); ++i) {
            const std::uint8_t* px = data.pixels.data() + i * dim;
            for (std::size_t p = 0; p < dim; ++p) {
                if (px[p] == 0) continue;
                lit_.index.push_back(std::uint16_t(p));
                lit_.byte.push_back(px[p]);
            }
            lit_.start.push_back(lit_.index.size());
        }
    }

    // One pass over data in the given order (a permutation of 0..size-1, or any list of indices).
    void epoch(const ImageSet& data, std::span<const std::uint32_t> order) {
        prepare(data);
        for (const std::uint32_t i : order)
            if (i >= data.size())
                throw Error(fmt::format("fast::Trainer: image {} of {} does not exist", i, data.size()));
        const std::size_t n_total = order.size();
        const std::size_t B = std::size_t(cfg_.batch);
        const std::size_t batches = (n_total + B - 1) / B;
#ifdef _OPENMP
        const int team = cfg_.threads > 0 ? cfg_.threads : omp_get_max_threads();
#else
        const int team = 1;
#endif
        // Each thread's copy of the layers above the first starts as the first copy (they are all
        // equal at the end of an epoch).
        if (replicated_) {
            const SmallUpper first_copy = copies_[0];
            copies_.resize(std::size_t(team), first_copy);
        }
        // Inside our parallel region each product runs on its own thread; Eigen must not start
        // a team of its own (with one thread of ours it would, at a cost on every product).
        const int eigen_threads = Eigen::nbThreads();
        Eigen::setNbThreads(1);
        if (sparse_) plan_stream(order);
        const bool adam = cfg_.optimizer == Optimizer::adam;
#ifdef _OPENMP
#pragma omp parallel num_threads(team)
#endif
        {
#ifdef _OPENMP
            const int t = omp_get_thread_num(), nt = omp_get_num_threads();
            if (t == 0) last_epoch_threads_ = nt;
#else
            const int t = 0, nt = 1;
#endif
            if (sparse_) {
                copy_stream(order, t, nt);
#ifdef _OPENMP
#pragma omp barrier
#endif
            }
            for (std::size_t k = 0; k < batches; ++k) {
                const std::size_t first = k * B;
                const Index n = Index(std::min(B, n_total - first));
                const auto batch = order.subspan(first, std::size_t(n));
                const Mat& Z0 = Z0_[k % 2];
                if (sparse_) {
                    // This thread's strips of the first layer, for every column (the strips'
                    // weights are this thread's alone), into Z0; then a barrier, and the columns.
                    first_layer_sparse(first, n, t, nt, Z0_[k % 2]);
#ifdef _OPENMP
#pragma omp barrier
#endif
                }
                if (replicated_) {
                    // The whole batch above the first layer on this thread's copy, then the update
                    // of the copy and of this thread's strips, with no barrier: nothing here is read
                    // by another thread. The next batch's first step writes the other Z0; this one's
                    // is written again two batches later, after a barrier that every thread reaches
                    // only when it has finished with it.
                    SmallUpper& copy = copies_[std::size_t(t)];
                    if (adam) ++copy.adam_t;
                    labels(copy.Y, data, batch, 0, n);
                    forward_backward(copy, Z0, n);
                    update(copy, first, n, t, nt);
                    continue;
                }
                // Shared: thread t computes its share of the columns above the first layer, then,
                // after a barrier, updates its share of every layer's rows (its strips of a sparse
                // first layer).
                const Index c0 = n * t / nt, c1 = n * (t + 1) / nt;
                // Adam's step count, read by update() after the next barrier; every thread has
                // finished the last batch's update() by now (dense input: the barrier at the end of
                // the loop; sparse input: the barrier above).
                if (adam && t == 0) ++net_.adam_t;
                if (c1 > c0) {
                    gather(net_, data, batch, c0, c1 - c0);
                    forward_backward(net_, Z0, n, c0, c1 - c0);
                }
#ifdef _OPENMP
#pragma omp barrier
#endif
                update(net_, first, n, t, nt);
                // Dense input: the next batch's columns read every row this update wrote. Sparse
                // input: the next batch's first step writes the other Z0 and reads only this
                // thread's strips, and the barrier after it comes before any other weight is read,
                // or a buffer that this update reads (A, D) is written. Z0 is written again two
                // batches later, after that barrier, which every thread reaches only when it has
                // finished reading it.
#ifdef _OPENMP
                if (!sparse_) {
#pragma omp barrier
                }
#endif
            }
        }
        Eigen::setNbThreads(eigen_threads);
        if (replicated_) {
            // Every thread did the same sums in the same order on the same data: the copies must
            // be equal bit for bit, and a difference is a bug in this file, not rounding.
            for (std::size_t r = 1; r < std::size_t(last_epoch_threads_); ++r)
                for (Index l = 1; l < layers(); ++l)
                    if (copies_[r].W[l] != copies_[0].W[l] || copies_[r].b[l] != copies_[0].b[l])
                        throw Error(
                            fmt::format("fast::Trainer: thread {}'s copy of layer {} differs from "
                                        "thread 0's after the epoch",
                                        r, l + 1));
            copies_.resize(1);
            for (Index l = 1; l < layers(); ++l) {  // scores() and to_mlp() read net_
                net_.W[l] = copies_[0].W[l].topRows(sizes_[l + 1]);
                net_.b[l] = copies_[0].b[l].head(sizes_[l + 1]);
            }
        }
        if (sparse_) {
            for (Index s = 0; s < strips_; ++s) {
                auto rows = rows_of_strip(net_.W[0], s);
                rows = strip_block(W0_, s).topRows(rows.rows());
            }
            net_.b[0] = b0_.head(sizes_[1]);
        }
        const double dense = train_flops_per_sample(sizes_) * double(n_total);
        const double first_layer = 4.0 * double(sizes_[0]) * double(sizes_[1]);
        last_epoch_flops_ = sparse_ ? dense - first_layer * double(n_total) +
                                          4.0 * double(sizes_[1]) * double(stream_.start.back())
                                    : dense;
    }

    // The last layer's outputs (classes, n) for images [first, first + n), computed in T.
    Mat scores(const ImageSet& data, std::size_t first, std::size_t n) const {
        check(data);
        const Net& net = net_;
        Mat A(sizes_[0], Index(n));
        for (Index c = 0; c < Index(n); ++c)
            gather_column(data, std::uint32_t(first + std::size_t(c)), A.col(c));
        for (Index l = 0; l < layers(); ++l) {
            Mat Z = net.W[l] * A;
            Z.colwise() += net.b[l];
            activate(l, Z, Z.rows());
            A = std::move(Z);
        }
        return A;
    }

    // Share of images whose largest score is their label, computed images_at_once at a time.
    double accuracy(const ImageSet& data, std::size_t images_at_once = 2000) const {
        std::size_t correct = 0;
        for (std::size_t first = 0; first < data.size(); first += images_at_once) {
            const std::size_t n = std::min(images_at_once, data.size() - first);
            const Mat S = scores(data, first, n);
            for (Index c = 0; c < S.cols(); ++c) {
                Index best;
                S.col(c).maxCoeff(&best);
                correct += (best == Index(data.labels[first + std::size_t(c)]));
            }
        }
        return data.size() ? double(correct) / double(data.size()) : 0.0;
    }

    // The trained weights as an nn::Mlp in double (to save with nn::save_model, or to check).
    Mlp to_mlp() const {
        Mlp m;
        for (Index l = 0; l < layers(); ++l)
            m.layers.push_back({net_.W[l].template cast<double>(), net_.b[l].template cast<double>(),
                                acts_[std::size_t(l)]});
        return m;
    }

private:
    // The network: its weights, and unless the upper layers are replicated, Adam's state and the
    // batch's buffers (the sparse first layer's weights are kept apart, in strips: W0_, b0_ and the
    // Adam state beside them; W[0] and b[0] get them at the end of each epoch).
    struct Net {
        std::vector<RowMat> W, G, mW, vW;
        std::vector<Vec> b, mb, vb;
        std::vector<Mat> A, Z, D;  // A[0] is the batch; A[l+1] = f(Z[l]); D[l] = ∂L/∂Z[l]
        Mat Y;                     // the batch's labels, one-hot
        long adam_t = 0;           // Adam's steps so far
    };

    // Upper::replicated: a thread's copy of the layers above the sparse first layer, for
    // strip_product. Rows are padded to strips of 16 (padded()) with zeros, and column-major, so that
    // a column of every matrix here is whole strips. Index l is the layer, as in Net (W[0], b[0] and
    // the Adam state of layer 0 stay empty: the first layer is W0_). W[l] is (padded(out), in); WT[l]
    // is its transpose, (padded(in), out), made anew after each update for the backward product.
    struct alignas(64) SmallUpper {  // a cache line of its own: the threads write their adam_t
        std::vector<Mat> W, WT, G, mW, vW;
        std::vector<Vec> b, mb, vb;
        std::vector<Mat> A, D;  // A[l] (padded(sizes_[l]), batch) for l >= 1; D[l] = ∂L/∂Z[l]
        Mat Y;                  // the batch's labels, one-hot
        long adam_t = 0;        // Adam's steps so far
    };
    static Index padded(Index rows) { return (rows + strip - 1) / strip * strip; }

    // A copy of the layers above the first as net_ holds them, with Adam's state 0.
    SmallUpper small_copy() const {
        const Index B = cfg_.batch, L = layers();
        const bool adam = cfg_.optimizer == Optimizer::adam;
        SmallUpper c;
        for (auto* v : {&c.W, &c.WT, &c.G, &c.mW, &c.vW}) v->resize(std::size_t(L));
        for (auto* v : {&c.b, &c.mb, &c.vb}) v->resize(std::size_t(L));
        for (Index l = 1; l < L; ++l) {
            const Index out = sizes_[l + 1], in = sizes_[l];
            c.W[l] = Mat::Zero(padded(out), in);
            c.W[l].topRows(out) = net_.W[l];
            c.WT[l] = Mat::Zero(padded(in), out);
            c.WT[l].topRows(in) = net_.W[l].transpose();
            c.b[l] = Vec::Zero(padded(out));
            c.b[l].head(out) = net_.b[l];
            if (adam) {
                c.G[l] = Mat::Zero(padded(out), in);
                c.mW[l] = c.G[l];
                c.vW[l] = c.G[l];
                c.mb[l] = Vec::Zero(padded(out));
                c.vb[l] = c.mb[l];
            }
        }
        c.A.resize(std::size_t(L + 1));
        c.D.resize(std::size_t(L));
        for (Index l = 1; l <= L; ++l) c.A[l] = Mat::Zero(padded(sizes_[l]), B);
        for (Index l = 0; l < L; ++l) c.D[l] = Mat::Zero(padded(sizes_[l + 1]), B);
        c.Y = Mat::Zero(sizes_.back(), B);
        return c;
    }

    // Layer l (of count) may have activation a: relu or sigmoid when hidden; for the last layer, the
    // one its cost goes with.
    void check_activation(Activation a, std::size_t l, std::size_t count) const {
        if (l + 1 < count) {
            if (a == Activation::relu || a == Activation::sigmoid) return;
            throw Error(
                fmt::format("fast::Trainer: layer {} has the activation '{}'; the fast path's hidden "
                            "layers support relu and sigmoid only",
                            l + 1, nn::name(a)));
        }
        const bool softmax = cfg_.cost == Cost::softmax_cross_entropy;
        const Activation wanted = softmax ? Activation::identity : Activation::sigmoid;
        if (a == wanted) return;
        throw Error(
            fmt::format("fast::Trainer: the last layer has the activation '{}'; with the {} the fast "
                        "path supports '{}' only",
                        nn::name(a), softmax ? "softmax cross-entropy" : "quadratic cost", nn::name(wanted)));
    }

    void check(const ImageSet& data) const {
        if (data.dim != sizes_[0])
            throw Error(
                fmt::format("fast::Trainer: images have {} values, the model takes {}", data.dim, sizes_[0]));
        if (data.pixels.size() != data.size() * std::size_t(data.dim))
            throw Error(fmt::format("fast::Trainer: {} labels but {} bytes of pixels", data.size(),
                                    data.pixels.size()));
    }

    template <typename Col>
    static void gather_column(const ImageSet& data, std::uint32_t index, Col&& col) {
        using Bytes = Eigen::Map<const Eigen::Matrix<std::uint8_t, Eigen::Dynamic, 1>>;
        const Bytes bytes(data.pixels.data() + std::size_t(index) * std::size_t(data.dim), data.dim);
        col = bytes.template cast<T>() * T(1.0 / 255.0);
    }

    // Layer l's activation, in place on its pre-activations Z (the constructor checked which). Z may
    // have padding rows below the layer's `rows` (SmallUpper): they are activated too, harmlessly (no
    // product reads them, and their δ is 0), but the softmax's maximum and sum are taken over the
    // real rows only.
    template <typename M>
    void activate(Index l, M&& Z, Index rows) const {
        if (l + 1 == layers() && cfg_.cost == Cost::softmax_cross_entropy) {
            // same maths as nn::softmax (common/src/activations.cpp), each column its own softmax;
            // tests: bench/fast_mlp_test.cpp. The exponentials are taken over the whole block at
            // once: a column (10 classes) is shorter than one AVX-512 register of floats, and column
            // by column they would be computed one by one.
            for (Index c = 0; c < Z.cols(); ++c)
                Z.col(c).head(rows).array() -= Z.col(c).head(rows).maxCoeff();
            Z.array() = Z.array().exp();
            for (Index c = 0; c < Z.cols(); ++c) Z.col(c).head(rows) /= Z.col(c).head(rows).sum();
        } else if (acts_[std::size_t(l)] == Activation::relu) {
            // same maths as nn::activate(Activation::relu, Z); tests: bench/fast_mlp_test.cpp
            Z.array() = Z.array().max(T(0));
        } else {
            // same maths as nn::activate(Activation::sigmoid, Z), i.e. nn::sigmoid (for a very negative
            // z, e^−z overflows to inf here and the result is still 0); tests: bench/fast_mlp_test.cpp
            Z.array() = (T(1) + (-Z.array()).exp()).inverse();
        }
    }

    // Columns [c0, c0 + w) of the batch: the labels one-hot into Y.
    static void labels(Mat& Y, const ImageSet& data, std::span<const std::uint32_t> batch, Index c0,
                       Index w) {
        for (Index c = c0; c < c0 + w; ++c) {
            Y.col(c).setZero();
            Y(Index(data.labels[batch[std::size_t(c)]]), c) = T(1);
        }
    }

    // Columns [c0, c0 + w) of the batch: the labels, and the pixels as a dense column (the sparse
    // path reads each image's lit pixels from the epoch's stream instead).
    void gather(Net& net, const ImageSet& data, std::span<const std::uint32_t> batch, Index c0,
                Index w) const {
        labels(net.Y, data, batch, c0, w);
        if (!sparse_)
            for (Index c = c0; c < c0 + w; ++c) gather_column(data, batch[std::size_t(c)], net.A[0].col(c));
    }

    // The sparse first layer's weights are stored in strips of 16 rows: strip s holds rows
    // [16s, 16s + 16) of W for every pixel, pixel p's 16 weights at column s·inputs + p of W0_ (rows
    // past the layer's last stay 0). A strip is 16 · 784 · 4 bytes = 49 KiB in float, about the size of a
    // core's first-level data cache (48 KiB here), and each thread owns whole strips.
    auto strip_block(Mat& M, Index s) const { return M.middleCols(s * sizes_[0], sizes_[0]); }
    static auto rows_of_strip(auto& W, Index s) {
        return W.middleRows(s * strip, std::min(strip, W.rows() - s * strip));
    }
    // Thread t of nt owns strips [first, second) (a thread may own none when strips are few).
    std::pair<Index, Index> own_strips(int t, int nt) const {
        return {strips_ * t / nt, strips_ * (t + 1) / nt};
    }

    // One image's lit pixels: pixel idx[k] has the value scale[byte[k]] (byte / 255).
    struct Lit {
        const std::uint16_t* idx;
        const std::uint8_t* byte;
        int count;
        const T* scale;
        T val(int k) const { return scale[byte[k]]; }
    };
    // The epoch's lit pixels in the epoch's order. Read image by image in a shuffled order, each
    // image's lists would start with a cache miss (and its entry of lit_.start with another), on
    // every strip of every batch. So each epoch first copies them, in its order, into one stream
    // that training then reads from start to end. plan_stream sizes it (one thread), copy_stream
    // fills thread t's share of the positions.
    void plan_stream(std::span<const std::uint32_t> order) {
        stream_.start.resize(order.size() + 1);
        stream_.start[0] = 0;
        for (std::size_t i = 0; i < order.size(); ++i)
            stream_.start[i + 1] = stream_.start[i] + (lit_.start[order[i] + 1] - lit_.start[order[i]]);
        stream_.index.resize(stream_.start.back());
        stream_.byte.resize(stream_.start.back());
    }
    // Each image's lists start at a place the hardware cannot guess, so the copy asks for them
    // (`ahead` images ahead, and the entry of lit_.start that says where they are twice as far
    // ahead): 3.3 → 2.4 ms per epoch on one thread (docs/bench.md).
    void copy_stream(std::span<const std::uint32_t> order, int t, int nt) {
        const std::size_t i0 = order.size() * std::size_t(t) / std::size_t(nt);
        const std::size_t i1 = order.size() * std::size_t(t + 1) / std::size_t(nt);
        constexpr std::size_t ahead = 8;
        constexpr std::size_t line = 64;  // bytes per cache line
        for (std::size_t i = i0; i < i1; ++i) {
            if (i + 2 * ahead < i1) __builtin_prefetch(&lit_.start[order[i + 2 * ahead]]);
            if (i + ahead < i1) {
                const std::size_t p = lit_.start[order[i + ahead]], q = lit_.start[order[i + ahead] + 1];
                for (std::size_t x = p; x < q; x += line / sizeof(std::uint16_t))
                    __builtin_prefetch(lit_.index.data() + x);
                for (std::size_t x = p; x < q; x += line) __builtin_prefetch(lit_.byte.data() + x);
            }
            const std::size_t a = lit_.start[order[i]], count = lit_.start[order[i] + 1] - a;
            std::copy_n(lit_.index.data() + a, count, stream_.index.data() + stream_.start[i]);
            std::copy_n(lit_.byte.data() + a, count, stream_.byte.data() + stream_.start[i]);
        }
    }
    // The lit pixels of the image at position i of the epoch's order.
    Lit lit_at(std::size_t i) const {
        const std::size_t a = stream_.start[i];
        return {stream_.index.data() + a, stream_.byte.data() + a, int(stream_.start[i + 1] - a),
                lit_.scale.data()};
    }

    // The first layer on sparse input, for this thread's strips of rows and every column of the
    // batch: z = b + Σ x_p · W[:, p] over each column's lit pixels p, 16 rows at a time. Only the
    // pre-activations are written here (into Z0, whole strips: the padding rows' weights and biases
    // are 0, so they get 0); each thread applies the activation to the columns it computes
    // (forward_backward), after the barrier.
    void first_layer_sparse(std::size_t first, Index n, int t, int nt, Mat& Z0) {
        const auto [s0, s1] = own_strips(t, nt);
        for (Index s = s0; s < s1; ++s) {
            const Index r = s * strip;
            const T* W = strip_block(W0_, s).data();
            for (Index j = 0; j < n; ++j)
                Eigen::Map<Strip, Eigen::AlignedMax>(Z0.col(j).data() + r) =
                    sparse_sum(W, lit_at(first + std::size_t(j)), b0_.data() + r);
        }
    }

    // b + Σ_k x.val(k) · W[:, x.idx[k]] for one strip (W is its block), four pixels at a time into
    // four sums: one sum would make each addition wait for the one before it (4 cycles), four keep
    // the FMA units busy. The four are added at the end, so the order of the additions differs from
    // a plain loop's (the same sum up to rounding).
    static Strip sparse_sum(const T* W, const Lit& x, const T* b) {
        using Col = Eigen::Map<const Strip, Eigen::AlignedMax>;
        const auto col = [&](int k) { return Col(W + Index(x.idx[k]) * strip); };
        Strip s0 = Eigen::Map<const Strip>(b), s1 = Strip::Zero(), s2 = Strip::Zero(), s3 = Strip::Zero();
        int k = 0;
        for (; k + 4 <= x.count; k += 4) {
            s0.noalias() += x.val(k) * col(k);
            s1.noalias() += x.val(k + 1) * col(k + 1);
            s2.noalias() += x.val(k + 2) * col(k + 2);
            s3.noalias() += x.val(k + 3) * col(k + 3);
        }
        for (; k < x.count; ++k) s0.noalias() += x.val(k) * col(k);
        return (s0 + s1) + (s2 + s3);
    }

    // δ of the last layer from its activations A and the labels Y, already divided by the batch size
    // n (the gradient is a mean): the same maths as the gradients of nn::softmax_cross_entropy, and of
    // nn::half_squared_error times σ′ = a(1 − a); tests: bench/fast_mlp_test.cpp
    template <typename MD, typename MA, typename MY>
    void output_delta(MD&& D, const MA& A, const MY& Y, Index n) const {
        const T inv_n = T(1) / T(n);
        const auto a = A.array();
        const auto y = Y.array();
        if (cfg_.cost == Cost::sigmoid_quadratic) {
            D = ((a - y) * a * (T(1) - a) * inv_n).matrix();
        } else {
            D = ((a - y) * inv_n).matrix();
        }
    }

    // δ of hidden layer l, given Wᵀ δ of the layer above in D: D ⊙ f'(Z), with f' read from the
    // activations A (relu: 1 where a > 0, else 0; sigmoid: a(1−a)): the same maths as
    // nn::activate_prime; tests: bench/fast_mlp_test.cpp
    template <typename MD, typename MA>
    void times_derivative(Index l, MD&& D, const MA& A) const {
        const auto a = A.array();
        if (acts_[std::size_t(l)] == Activation::relu) {
            // A relu's output is a >= 0, so ⌈min(a, 1)⌉ is exactly 1 where a > 0 and 0 where a = 0:
            // the derivative, in operations that Eigen 3.4 vectorises (its select() goes one element
            // at a time; measured 3-5% faster on configuration A's epoch, docs/bench.md).
            D = (D.array() * a.min(T(1)).ceil()).matrix();
        } else {
            D = (D.array() * a * (T(1) - a)).matrix();
        }
    }

    // Columns [c0, c0 + w) of a batch of n: forward (with sparse input, from the first layer's
    // pre-activations in Z0), the output delta, and the deltas below down to the first layer's.
    void forward_backward(Net& net, const Mat& Z0, Index n, Index c0, Index w) const {
        const Index L = layers();
        if (sparse_) {  // the first layer: its activation, on these columns
            auto A = net.A[1].middleCols(c0, w);
            A = Z0.topRows(sizes_[1]).middleCols(c0, w);
            activate(0, A, A.rows());  // layers() >= 2, so the first layer is a hidden one
        }
        for (Index l = sparse_ ? 1 : 0; l < L; ++l) {
            auto Z = net.Z[l].middleCols(c0, w);
            if (l == 0 && w <= 8) {
                Z.noalias() = net.W[l].lazyProduct(net.A[l].middleCols(c0, w));  // a few columns: no packing
            } else {
                gemm(T(1), net.W[l], net.A[l].middleCols(c0, w), false, Z);
            }
            Z.colwise() += net.b[l];
            auto A = net.A[l + 1].middleCols(c0, w);
            A = Z;
            activate(l, A, A.rows());
        }
        output_delta(net.D[L - 1].middleCols(c0, w), net.A[L].middleCols(c0, w), net.Y.middleCols(c0, w), n);
        for (Index l = L - 1; l >= 1; --l) {
            auto Dl = net.D[l - 1].middleCols(c0, w);
            gemm(T(1), net.W[l].transpose(), net.D[l].middleCols(c0, w), false, Dl);
            times_derivative(l - 1, Dl, net.A[l].middleCols(c0, w));
        }
    }

    // Upper::replicated: the whole batch of n above the first layer on a thread's copy, forward from
    // the first layer's pre-activations Z0, and the deltas down to the first layer's (u.D[0]). The
    // same maths as the shared path above, on the copy's padded matrices: the element-wise steps run
    // over whole strips (padding included, see activate()), and the products read only real columns
    // of W and WT, and real rows of the coefficients.
    void forward_backward(SmallUpper& u, const Mat& Z0, Index n) const {
        const Index L = layers();
        u.A[1].leftCols(n) = Z0.leftCols(n);  // both padded to whole strips
        activate(0, u.A[1].leftCols(n), sizes_[1]);
        for (Index l = 1; l < L; ++l) {  // A[l+1] = f(b + W·A[l])
            strip_product(u.A[l + 1], n, Start::bias, u.b[l].data(), T(1), u.W[l], sizes_[l], u.A[l]);
            activate(l, u.A[l + 1].leftCols(n), sizes_[l + 1]);
        }
        output_delta(u.D[L - 1].topLeftCorner(sizes_[L], n), u.A[L].topLeftCorner(sizes_[L], n),
                     u.Y.leftCols(n), n);
        for (Index l = L - 1; l >= 1; --l) {  // D[l-1] = (Wᵀ·D[l]) ⊙ f'
            strip_product(u.D[l - 1], n, Start::zero, nullptr, T(1), u.WT[l], sizes_[l + 1], u.D[l]);
            times_derivative(l - 1, u.D[l - 1].leftCols(n), u.A[l].leftCols(n));
        }
    }

    // Thread t of nt updates its strips of the sparse first layer, and its share of the rows of
    // every other layer, from the batch's n columns.
    void update(Net& net, std::size_t first, Index n, int t, int nt) {
        const T lr = T(cfg_.lr);
        for (Index l = 0; l < layers(); ++l) {
            if (l == 0 && sparse_) {
                update_first_layer_sparse(net.D[0], net.adam_t, first, n, t, nt);
                continue;
            }
            const Index rows = net.W[l].rows();
            const Index r0 = rows * t / nt, r1 = rows * (t + 1) / nt;
            const Index h = r1 - r0;
            if (h == 0) continue;
            const auto D = net.D[l].leftCols(n).middleRows(r0, h);
            auto b = net.b[l].segment(r0, h);
            const auto Aprev = net.A[l].leftCols(n);
            auto W = net.W[l].middleRows(r0, h);
            if (cfg_.optimizer == Optimizer::sgd) {
                // same step as nn::Mlp::sgd_step, folded into the gradient's product; tests:
                // bench/fast_mlp_test.cpp
                gemm(-lr, D, Aprev.transpose(), true, W);
                b -= lr * D.rowwise().sum();
                continue;
            }
            auto G = net.G[l].middleRows(r0, h);
            gemm(T(1), D, Aprev.transpose(), false, G);
            const Vec g = D.rowwise().sum();
            adam(net.adam_t, W, G, net.mW[l].middleRows(r0, h), net.vW[l].middleRows(r0, h));
            adam(net.adam_t, b, g, net.mb[l].segment(r0, h), net.vb[l].segment(r0, h));
        }
    }

    // Upper::replicated: thread t of nt updates its strips of the sparse first layer, and all of its
    // copy's other layers, from the batch's n columns. The gradient D·Aᵀ of layer l has the column
    // Σ_j A(k, j) · D.col(j) for input k: strip_product with the coefficients of Aᵀ.
    void update(SmallUpper& u, std::size_t first, Index n, int t, int nt) {
        update_first_layer_sparse(u.D[0], u.adam_t, first, n, t, nt);
        const T lr = T(cfg_.lr);
        for (Index l = 1; l < layers(); ++l) {
            const Index in = sizes_[l], out = sizes_[l + 1];
            const auto D = u.D[l].leftCols(n);
            if (cfg_.optimizer == Optimizer::sgd) {
                // same step as nn::Mlp::sgd_step, folded into the gradient's product; tests:
                // bench/fast_mlp_test.cpp
                strip_product<true>(u.W[l], in, Start::self, nullptr, -lr, u.D[l], n, u.A[l]);
                u.b[l] -= lr * D.rowwise().sum();
            } else {
                strip_product<true>(u.G[l], in, Start::zero, nullptr, T(1), u.D[l], n, u.A[l]);
                const Vec g = D.topRows(out).rowwise().sum();
                adam(u.adam_t, u.W[l].topRows(out), u.G[l].topRows(out), u.mW[l].topRows(out),
                     u.vW[l].topRows(out));
                adam(u.adam_t, u.b[l].head(out), g, u.mb[l].head(out), u.vb[l].head(out));
            }
            u.WT[l].topRows(in) = u.W[l].topRows(out).transpose();
        }
    }

    // The first layer on sparse input: thread t of nt updates its strips of rows (weights and
    // biases) from every column of the batch. Only lit pixels get a gradient, Σ over the batch of
    // δ_j · x_pj; for each column, its δ strip stays in a register while its lit pixels go by.
    void update_first_layer_sparse(const Mat& D0, long adam_t, std::size_t first, Index n, int t, int nt) {
        const Index rows = sizes_[1];
        const auto [s0, s1] = own_strips(t, nt);
        const bool sgd = cfg_.optimizer == Optimizer::sgd;
        const T lr = T(cfg_.lr);
        const T sign = sgd ? -lr : T(1);
        for (Index s = s0; s < s1; ++s) {
            const Index r = s * strip, m = std::min(strip, rows - r);
            if (!sgd) strip_block(G0_, s).setZero();
            T* target = strip_block(sgd ? W0_ : G0_, s).data();
            for (Index j = 0; j < n; ++j) {
                const Lit x = lit_at(first + std::size_t(j));
                Strip d = Strip::Zero();
                d.head(m) = sign * D0.col(j).segment(r, m);
                for (int k = 0; k < x.count; ++k)
                    Eigen::Map<Strip, Eigen::AlignedMax>(target + Index(x.idx[k]) * strip).noalias() +=
                        x.val(k) * d;
            }
            const auto D = D0.leftCols(n).middleRows(r, m);
            if (sgd) {
                b0_.segment(r, m) -= lr * D.rowwise().sum();
                continue;
            }
            adam(adam_t, strip_block(W0_, s), strip_block(G0_, s), strip_block(mW0_, s),
                 strip_block(vW0_, s));
            const Vec g = D.rowwise().sum();
            adam(adam_t, b0_.segment(r, m), g, mb0_.segment(r, m), vb0_.segment(r, m));
        }
    }

    // same maths as nn::Adam::step (common/src/optim.cpp) at step t, with the bias corrections folded
    // into the step size and ε (the same update up to rounding); tests: bench/fast_mlp_test.cpp
    template <typename P, typename Gr, typename M1, typename M2>
    void adam(long step_count, P&& p, const Gr& g, M1&& m, M2&& v) const {
        const T b1 = T(cfg_.beta1), b2 = T(cfg_.beta2);
        const double t = double(step_count);
        const T step = T(cfg_.lr * std::sqrt(1 - std::pow(cfg_.beta2, t)) / (1 - std::pow(cfg_.beta1, t)));
        const T eps_hat = T(cfg_.eps * std::sqrt(1 - std::pow(cfg_.beta2, t)));
        m = b1 * m + (T(1) - b1) * g;
        v = b2 * v + (T(1) - b2) * g.cwiseProduct(g);
        p.array() -= step * m.array() / (v.array().sqrt() + eps_hat);
    }

    Config cfg_;
    std::vector<int> sizes_;
    std::vector<Activation> acts_;  // the model's, one per layer
    Net net_;
    std::vector<SmallUpper> copies_;  // Upper::replicated: one, and during an epoch one per thread
    // The sparse path: the first layer's weights, biases and Adam state in strips, its
    // pre-activations (two buffers, for even and odd batches), the data set's lit pixels and the
    // epoch's stream of them.
    bool sparse_ = false;
    bool replicated_ = false;
    Index strips_ = 0;         // the first layer's rows in strips of 16 (see strip_block)
    Mat W0_, G0_, mW0_, vW0_;  // (16, strips_ · inputs)
    Vec b0_, mb0_, vb0_;       // (16 · strips_)
    std::array<Mat, 2> Z0_;
    struct LitPixels {  // every image's nonzero pixels: image i's are [start[i], start[i+1])
        const std::uint8_t* pixels = nullptr;  // the data set they were made from
        std::size_t images = 0;
        std::vector<std::size_t> start;
        std::vector<std::uint16_t> index;
        std::vector<std::uint8_t> byte;  // the pixel's byte, 1-255
        std::array<T, 256> scale = [] {  // byte → byte / 255, as gather_column converts it
            std::array<T, 256> s{};
            for (int b = 0; b < 256; ++b) s[std::size_t(b)] = T(b) * T(1.0 / 255.0);
            return s;
        }();
    } lit_;
    struct {  // the epoch's lit pixels in its order: position i's are [start[i], start[i+1])
        std::vector<std::size_t> start{0};
        std::vector<std::uint16_t> index;
        std::vector<std::uint8_t> byte;
    } stream_;
    double last_epoch_flops_ = 0;
    int last_epoch_threads_ = 1;
};

}  // namespace nn::fast
