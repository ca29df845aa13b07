#define BOOST_TEST_MODULE nn fast training path
#include "fast_mlp.hpp"

#include <boost/test/unit_test.hpp>
#include <numeric>
#include <string>

#include "nn/data.hpp"
#include "nn/losses.hpp"
#include "nn/optim.hpp"
#include "nn_test.hpp"

// The fast path must compute what the plain Mlp computes: same start, same batches, same
// weights after an epoch (in double, up to rounding), whatever the number of threads.
namespace {

struct Toy {
    std::vector<std::uint8_t> pixels, labels;
    nn::fast::ImageSet set() const { return {pixels, labels, 12}; }
};

// Like MNIST, most pixels are 0 (here about 60%), so the sparse path has something to skip.
Toy toy(std::size_t n) {
    nn::Rng rng(7);
    Toy t;
    for (std::size_t i = 0; i < n * 12; ++i)
        t.pixels.push_back(rng.uniform() < 0.6 ? 0 : std::uint8_t(1 + rng.below(255)));
    for (std::size_t i = 0; i < n; ++i) t.labels.push_back(std::uint8_t(rng.below(3)));
    return t;
}

nn::Matrix batch_pixels(const Toy& t, const std::vector<std::uint32_t>& idx) {
    nn::Matrix X(12, std::ssize(idx));
    for (std::size_t c = 0; c < idx.size(); ++c)
        for (int r = 0; r < 12; ++r) X(r, nn::Index(c)) = t.pixels[idx[c] * 12 + std::size_t(r)] / 255.0;
    return X;
}

nn::Matrix batch_labels(const Toy& t, const std::vector<std::uint32_t>& idx) {
    std::vector<int> labels;
    for (auto i : idx) labels.push_back(t.labels[i]);
    return nn::one_hot(labels, 3);
}

// One epoch of the plain path over `order` in batches of `batch`.
template <class Step>
void plain_epoch(nn::Mlp& m, const Toy& t, const std::vector<std::uint32_t>& order, int batch, bool quadratic,
                 Step&& step) {
    for (std::size_t first = 0; first < order.size(); first += std::size_t(batch)) {
        const std::vector<std::uint32_t> idx(
            order.begin() + long(first),
            order.begin() + long(std::min(order.size(), first + std::size_t(batch))));
        const nn::Matrix& out = m.forward(batch_pixels(t, idx));
        const nn::Matrix Y = batch_labels(t, idx);
        const auto loss = quadratic ? nn::half_squared_error(out, Y) : nn::softmax_cross_entropy(out, Y);
        step(m, m.backward(loss.grad));
    }
}

// `epochs` epochs of both paths with the softmax cross-entropy over `order` in batches of `batch`:
// SGD at rate 0.5, or Adam at 0.01 (the fast path's Config must say the same).
void train_both(nn::fast::Trainer<double>& fast, nn::Mlp& plain, const Toy& t,
                const std::vector<std::uint32_t>& order, int batch, bool adam, int epochs) {
    nn::Adam optimizer;
    optimizer.lr = 0.01;
    for (int e = 0; e < epochs; ++e) {
        fast.epoch(t.set(), order);
        plain_epoch(plain, t, order, batch, false, [&](nn::Mlp& m, const auto& g) {
            if (adam) {
                optimizer.step(m, g);
            } else {
                m.sgd_step(g, 0.5);
            }
        });
    }
}

void check_same(const nn::Mlp& a, const nn::Mlp& b) {
    BOOST_REQUIRE_EQUAL(a.layers.size(), b.layers.size());
    for (std::size_t l = 0; l < a.layers.size(); ++l) {
        BOOST_TEST((a.layers[l].W - b.layers[l].W).cwiseAbs().maxCoeff() < 1e-12);
        BOOST_TEST((a.layers[l].b - b.layers[l].b).cwiseAbs().maxCoeff() < 1e-12);
    }
}

std::vector<std::uint32_t> shuffled(std::size_t n) {
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    nn::Rng rng(3);
    rng.shuffle(order);
    return order;
}

}  // namespace

BOOST_AUTO_TEST_CASE(sgd_softmax_matches_the_plain_mlp_on_one_and_two_threads) {
    const Toy t = toy(45);  // 45 = 5 batches of 8 and one of 5
    const auto order = shuffled(45);
    for (int run = 0; run < 6; ++run) {
        const int threads = 1 + run % 3;
        const bool sparse = run >= 3;
        BOOST_TEST_CONTEXT("threads " << threads << ", sparse input " << sparse) {
            nn::Rng rng(11);
            nn::Mlp plain({12, 5, 4, 3},
                          {nn::Activation::relu, nn::Activation::relu, nn::Activation::identity},
                          nn::Init::glorot_uniform, rng);
            const nn::fast::Config cfg{.lr = 0.5, .batch = 8, .threads = threads, .sparse_input = sparse};
            nn::fast::Trainer<double> fast(plain, cfg);
            BOOST_TEST(fast.sparse() == sparse);
            fast.epoch(t.set(), order);
            plain_epoch(plain, t, order, 8, false, [](nn::Mlp& m, const auto& g) { m.sgd_step(g, 0.5); });
            check_same(fast.to_mlp(), plain);
        }
    }
}

// A first layer of 33 rows is three strips of 16 (the last one mostly padding), so with 2 and 3
// threads each owns some; the upper layers either shared by the threads or one copy each.
BOOST_AUTO_TEST_CASE(the_sparse_first_layer_in_strips_matches_the_plain_mlp_shared_or_replicated) {
    const Toy t = toy(45);
    const auto order = shuffled(45);
    for (const auto upper : {nn::fast::Upper::shared, nn::fast::Upper::replicated})
        for (const bool adam : {false, true})
            for (int threads = 1; threads <= 3; ++threads) {
                BOOST_TEST_CONTEXT("upper " << (upper == nn::fast::Upper::shared ? "shared" : "replicated")
                                            << ", adam " << adam << ", threads " << threads) {
                    nn::Rng rng(12);
                    nn::Mlp plain({12, 33, 6, 3},
                                  {nn::Activation::relu, nn::Activation::sigmoid, nn::Activation::identity},
                                  nn::Init::glorot_uniform, rng);
                    const nn::fast::Config cfg{
                        .optimizer = adam ? nn::fast::Optimizer::adam : nn::fast::Optimizer::sgd,
                        .lr = adam ? 0.01 : 0.5,
                        .batch = 8,
                        .threads = threads,
                        .upper = upper};
                    nn::fast::Trainer<double> fast(plain, cfg);
                    BOOST_TEST(fast.replicated() == (upper == nn::fast::Upper::replicated));
                    train_both(fast, plain, t, order, 8, adam, 2);
                    BOOST_TEST(fast.last_epoch_threads() == threads);
                    check_same(fast.to_mlp(), plain);
                }
            }
}

// Upper layers of more than 16 rows span several strips of strip_product, and batches of 10 and 5
// columns are computed in groups of 8, 4, 2 and 1; replicated, as such small layers are by default.
BOOST_AUTO_TEST_CASE(upper_layers_over_several_strips_match_the_plain_mlp) {
    const Toy t = toy(45);  // 4 batches of 10 and one of 5
    const auto order = shuffled(45);
    for (const bool adam : {false, true})
        for (int threads = 1; threads <= 3; ++threads) {
            BOOST_TEST_CONTEXT("adam " << adam << ", threads " << threads) {
                nn::Rng rng(13);
                nn::Mlp plain({12, 20, 33, 17, 3},
                              {nn::Activation::relu, nn::Activation::sigmoid, nn::Activation::relu,
                               nn::Activation::identity},
                              nn::Init::glorot_uniform, rng);
                const nn::fast::Config cfg{
                    .optimizer = adam ? nn::fast::Optimizer::adam : nn::fast::Optimizer::sgd,
                    .lr = adam ? 0.01 : 0.5,
                    .batch = 10,
                    .threads = threads};
                nn::fast::Trainer<double> fast(plain, cfg);
                BOOST_TEST(fast.replicated());
                train_both(fast, plain, t, order, 10, adam, 2);
                BOOST_TEST(fast.last_epoch_threads() == threads);
                check_same(fast.to_mlp(), plain);
            }
        }
}

// In float, as ./nn bench runs A and B: the same weights bit for bit on 1, 2 and 3 threads (every
// thread does the same sums in the same order, whatever the team), and the plain Mlp's in double up
// to float's rounding. The last layer's biases start at -150, and e^-150 is 0 in float: a softmax
// whose maximum came from a column's padding rows (0) instead of its real rows would divide 0 by 0.
BOOST_AUTO_TEST_CASE(float_gives_the_same_weights_on_any_number_of_threads) {
    const Toy t = toy(45);
    const auto order = shuffled(45);
    nn::Rng rng(14);
    nn::Mlp plain({12, 20, 18, 3}, {nn::Activation::relu, nn::Activation::relu, nn::Activation::identity},
                  nn::Init::glorot_uniform, rng);
    plain.layers.back().b.setConstant(-150);
    std::vector<nn::Mlp> trained;
    for (int threads = 1; threads <= 3; ++threads) {
        nn::fast::Trainer<float> fast(plain, {.lr = 0.5, .batch = 10, .threads = threads});
        BOOST_TEST(fast.replicated());
        for (int e = 0; e < 2; ++e) fast.epoch(t.set(), order);
        BOOST_TEST(fast.last_epoch_threads() == threads);
        trained.push_back(fast.to_mlp());
    }
    for (int e = 0; e < 2; ++e)
        plain_epoch(plain, t, order, 10, false, [](nn::Mlp& m, const auto& g) { m.sgd_step(g, 0.5); });
    for (std::size_t l = 0; l < plain.layers.size(); ++l) {
        BOOST_TEST_CONTEXT("layer " << l + 1) {
            for (std::size_t r = 1; r < trained.size(); ++r) {
                BOOST_TEST(bool(trained[r].layers[l].W == trained[0].layers[l].W));
                BOOST_TEST(bool(trained[r].layers[l].b == trained[0].layers[l].b));
            }
            BOOST_TEST((trained[0].layers[l].W - plain.layers[l].W).cwiseAbs().maxCoeff() < 1e-4);
            BOOST_TEST((trained[0].layers[l].b - plain.layers[l].b).cwiseAbs().maxCoeff() < 1e-4);
        }
    }
}

// strip_product against Eigen's product: every way to start, the coefficients as stored and
// transposed, one to three strips, and column counts that need every group size (8, 4, 2, 1).
template <typename T>
void check_strip_product() {
    using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
    using Vec = Eigen::Matrix<T, Eigen::Dynamic, 1>;
    const double tolerance = std::is_same_v<T, float> ? 1e-4 : 1e-12;
    nn::Rng rng(21);
    const auto random = [&](nn::Index r, nn::Index c) {
        Mat m(r, c);
        for (nn::Index j = 0; j < c; ++j)
            for (nn::Index i = 0; i < r; ++i) m(i, j) = T(rng.uniform() * 2 - 1);
        return m;
    };
    for (const nn::Index rows : {16, 32, 48})
        for (const nn::Index cols : {1, 2, 3, 7, 8, 13, 15, 19})
            for (const nn::Index count : {0, 1, 5, 30})
                for (const auto start : {nn::fast::Start::zero, nn::fast::Start::bias, nn::fast::Start::self})
                    for (const bool transposed : {false, true}) {
                        BOOST_TEST_CONTEXT("rows " << rows << ", cols " << cols << ", count " << count
                                                   << ", start " << int(start) << ", transposed "
                                                   << transposed) {
                            // out and src have 2 columns more than used, coef 1 row and 2 columns more:
                            // nothing past cols and count may be read or written
                            const Mat src = random(rows, count + 2);
                            const Mat coef =
                                transposed ? random(cols + 1, count + 2) : random(count + 1, cols + 2);
                            const Vec bias = random(rows, 1);
                            const Mat before = random(rows, cols + 2);
                            Mat out = before;
                            const T alpha = T(-0.75);
                            const Mat C = transposed ? Mat(coef.topLeftCorner(cols, count).transpose())
                                                     : Mat(coef.topLeftCorner(count, cols));
                            Mat expected = alpha * src.leftCols(count) * C;
                            if (start == nn::fast::Start::bias) expected.colwise() += bias;
                            if (start == nn::fast::Start::self) expected += before.leftCols(cols);
                            if (transposed) {
                                nn::fast::strip_product<true>(out, cols, start, bias.data(), alpha, src,
                                                              count, coef);
                            } else {
                                nn::fast::strip_product(out, cols, start, bias.data(), alpha, src, count,
                                                        coef);
                            }
                            BOOST_TEST((out.leftCols(cols) - expected).cwiseAbs().maxCoeff() < tolerance);
                            BOOST_TEST(bool(out.rightCols(2) == before.rightCols(2)));
                        }
                    }
    // shapes that do not fit are refused, not read past
    Mat out(20, 4), src(20, 3), coef(3, 4);
    BOOST_CHECK_THROW(nn::fast::strip_product(out, 4, nn::fast::Start::zero, nullptr, T(1), src, 3, coef),
                      nn::Error);  // 20 rows: not whole strips
    Mat out16(16, 4), src16(16, 3);
    BOOST_CHECK_THROW(nn::fast::strip_product(out16, 5, nn::fast::Start::zero, nullptr, T(1), src16, 3, coef),
                      nn::Error);  // more columns than out has
    BOOST_CHECK_THROW(nn::fast::strip_product(out16, 4, nn::fast::Start::zero, nullptr, T(1), src16, 4, coef),
                      nn::Error);  // more terms than src has columns
    BOOST_CHECK_THROW(
        nn::fast::strip_product<true>(out16, 4, nn::fast::Start::zero, nullptr, T(1), src16, 3, coef),
        nn::Error);  // coefᵀ is 4 × 3: too few rows for 4 columns
    BOOST_CHECK_THROW(nn::fast::strip_product(out16, 4, nn::fast::Start::bias, nullptr, T(1), src16, 3, coef),
                      nn::Error);  // a bias to start from, but none given
}

BOOST_AUTO_TEST_CASE(strip_product_computes_the_product_in_float_and_double) {
    check_strip_product<float>();
    check_strip_product<double>();
}

// Automatic: one copy per thread when the layers above the first are small (A and B of ./nn bench),
// one shared copy when they are large (C); dense input always shares.
BOOST_AUTO_TEST_CASE(the_upper_layers_are_replicated_when_small) {
    nn::Rng rng(1);
    const auto trainer = [&](std::vector<int> sizes, bool sparse) {
        std::vector<nn::Activation> acts(sizes.size() - 2, nn::Activation::relu);
        acts.push_back(nn::Activation::identity);
        return nn::fast::Trainer<float>(nn::Mlp(sizes, acts, nn::Init::he_normal, rng),
                                        {.sparse_input = sparse});
    };
    BOOST_TEST(trainer({784, 30, 30, 10}, true).replicated());
    BOOST_TEST(trainer({784, 30, 10}, true).replicated());
    BOOST_TEST(!trainer({784, 256, 128, 10}, true).replicated());
    BOOST_TEST(!trainer({784, 30, 30, 10}, false).replicated());
    BOOST_TEST(!trainer({784, 10}, true).replicated());  // one layer: nothing above it, and not sparse
}

BOOST_AUTO_TEST_CASE(the_sparse_path_counts_the_work_it_skips) {
    const Toy t = toy(40);
    const auto order = shuffled(40);
    std::size_t nonzero = 0;
    for (auto p : t.pixels) nonzero += p != 0;
    nn::Rng rng(2);
    const nn::Mlp m({12, 5, 3}, {nn::Activation::relu, nn::Activation::identity}, nn::Init::glorot_uniform,
                    rng);
    for (bool sparse : {false, true}) {
        const nn::fast::Config cfg{.threads = 2, .sparse_input = sparse};
        nn::fast::Trainer<double> fast(m, cfg);
        fast.epoch(t.set(), order);
        // dense: 40 · (4·12·5 + 6·5·3); sparse: the first layer's 4·5 per nonzero pixel instead
        const double expected =
            sparse ? 40.0 * (6 * 5 * 3) + 4.0 * 5 * double(nonzero) : 40.0 * (4 * 12 * 5 + 6 * 5 * 3);
        BOOST_TEST(fast.last_epoch_flops() == expected);
    }
}

BOOST_AUTO_TEST_CASE(sgd_sigmoid_quadratic_matches_the_plain_mlp) {
    const Toy t = toy(30);
    const auto order = shuffled(30);
    for (bool sparse : {false, true}) {
        nn::Rng rng(5);
        nn::Mlp plain({12, 6, 3}, {nn::Activation::sigmoid, nn::Activation::sigmoid}, nn::Init::normal, rng);
        const nn::fast::Config cfg{.cost = nn::fast::Cost::sigmoid_quadratic,
                                   .lr = 3.0,
                                   .batch = 10,
                                   .threads = 2,
                                   .sparse_input = sparse};
        nn::fast::Trainer<double> fast(plain, cfg);
        fast.epoch(t.set(), order);
        plain_epoch(plain, t, order, 10, true, [](nn::Mlp& m, const auto& g) { m.sgd_step(g, 3.0); });
        check_same(fast.to_mlp(), plain);
    }
}

BOOST_AUTO_TEST_CASE(mixed_hidden_activations_match_the_plain_mlp) {
    const Toy t = toy(30);
    const auto order = shuffled(30);
    for (bool sparse : {false, true}) {
        nn::Rng rng(6);
        nn::Mlp plain({12, 6, 5, 3},
                      {nn::Activation::sigmoid, nn::Activation::relu, nn::Activation::identity},
                      nn::Init::glorot_uniform, rng);
        const nn::fast::Config cfg{.lr = 0.5, .batch = 7, .threads = 2, .sparse_input = sparse};
        nn::fast::Trainer<double> fast(plain, cfg);
        fast.epoch(t.set(), order);
        plain_epoch(plain, t, order, 7, false, [](nn::Mlp& m, const auto& g) { m.sgd_step(g, 0.5); });
        check_same(fast.to_mlp(), plain);
    }
}

BOOST_AUTO_TEST_CASE(adam_matches_the_plain_adam_over_two_epochs) {
    const Toy t = toy(40);
    const auto order = shuffled(40);
    for (bool sparse : {false, true}) {
        nn::Rng rng(9);
        nn::Mlp plain({12, 7, 3}, {nn::Activation::relu, nn::Activation::identity}, nn::Init::glorot_uniform,
                      rng);
        const nn::fast::Config cfg{.optimizer = nn::fast::Optimizer::adam,
                                   .lr = 0.01,
                                   .batch = 16,
                                   .threads = 2,
                                   .sparse_input = sparse};
        nn::fast::Trainer<double> fast(plain, cfg);
        nn::Adam adam;
        adam.lr = 0.01;
        for (int e = 0; e < 2; ++e) {
            fast.epoch(t.set(), order);
            plain_epoch(plain, t, order, 16, false, [&](nn::Mlp& m, const auto& g) { adam.step(m, g); });
        }
        check_same(fast.to_mlp(), plain);
    }
}

BOOST_AUTO_TEST_CASE(accuracy_and_scores_agree_with_the_plain_prediction) {
    const Toy t = toy(20);
    nn::Rng rng(4);
    const nn::Mlp plain({12, 5, 3}, {nn::Activation::relu, nn::Activation::identity},
                        nn::Init::glorot_uniform, rng);
    const nn::fast::Trainer<double> fast(plain, nn::fast::Config{});
    std::vector<std::uint32_t> all(20);
    std::iota(all.begin(), all.end(), 0u);
    const nn::Matrix P = plain.predict(batch_pixels(t, all));
    const auto predicted = nn::argmax_columns(P);
    std::size_t correct = 0;
    for (std::size_t i = 0; i < 20; ++i) correct += predicted[i] == t.labels[i];
    BOOST_TEST(fast.accuracy(t.set(), 7) == double(correct) / 20.0);
    // scores are softmax probabilities: each column sums to 1 and orders like the logits
    const nn::Matrix S = fast.scores(t.set(), 0, 20);
    for (nn::Index c = 0; c < 20; ++c) BOOST_TEST(std::abs(S.col(c).sum() - 1.0) < 1e-12);
    BOOST_TEST(nn::argmax_columns(S) == predicted);
}

BOOST_AUTO_TEST_CASE(mismatched_images_are_an_error) {
    Toy t = toy(10);
    nn::Rng rng(4);
    const nn::Mlp plain({12, 3}, {nn::Activation::identity}, nn::Init::glorot_uniform, rng);
    nn::fast::Trainer<double> fast(plain, nn::fast::Config{});
    nn::fast::ImageSet wrong_dim{t.pixels, t.labels, 11};
    BOOST_CHECK_THROW(fast.accuracy(wrong_dim), nn::Error);
    const std::vector<std::uint32_t> past_the_end{0, 10};
    BOOST_CHECK_THROW(fast.epoch(t.set(), past_the_end), nn::Error);
    t.pixels.pop_back();
    BOOST_CHECK_THROW(fast.accuracy(t.set()), nn::Error);
}

BOOST_AUTO_TEST_CASE(an_unsupported_activation_is_refused_by_name) {
    nn::Rng rng(4);
    const auto refused = [](const nn::Mlp& m, const nn::fast::Config& cfg, const std::string& named) {
        try {
            nn::fast::Trainer<double> fast(m, cfg);
        } catch (const nn::Error& e) {
            BOOST_TEST_CONTEXT(e.what()) {
                BOOST_TEST(std::string(e.what()).find(named) != std::string::npos);
            }
            return;
        }
        BOOST_ERROR("no nn::Error for an activation the fast path does not support");
    };
    // a hidden tanh
    const nn::Mlp tanh_hidden({12, 5, 3}, {nn::Activation::tanh, nn::Activation::identity}, nn::Init::normal,
                              rng);
    refused(tanh_hidden, nn::fast::Config{}, "'tanh'");
    // a last layer that does not go with the cost: relu under the softmax, identity under the quadratic
    const nn::Mlp relu_last({12, 5, 3}, {nn::Activation::relu, nn::Activation::relu}, nn::Init::normal, rng);
    refused(relu_last, nn::fast::Config{}, "'relu'");
    nn::fast::Config quadratic;
    quadratic.cost = nn::fast::Cost::sigmoid_quadratic;
    const nn::Mlp linear_last({12, 5, 3}, {nn::Activation::sigmoid, nn::Activation::identity},
                              nn::Init::normal, rng);
    refused(linear_last, quadratic, "'linear'");
    // what the tests above train is accepted, and to_mlp gives the model's activations back
    const nn::Mlp mixed({12, 5, 4, 3},
                        {nn::Activation::sigmoid, nn::Activation::relu, nn::Activation::identity},
                        nn::Init::normal, rng);
    const nn::fast::Trainer<double> fast(mixed, nn::fast::Config{});
    const nn::Mlp back = fast.to_mlp();
    for (std::size_t l = 0; l < 3; ++l) BOOST_TEST((back.layers[l].act == mixed.layers[l].act));
}
