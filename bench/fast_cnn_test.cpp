#define BOOST_TEST_MODULE nn fast CNN training path
#include "fast_cnn.hpp"

#include <boost/test/unit_test.hpp>
#include <numeric>
#include <string>

#include "nn/data.hpp"
#include "nn/losses.hpp"
#include "nn/optim.hpp"
#include "nn/training.hpp"

// The fast CNN path must compute what lesson 16's training loop computes with nn::Cnn: same start,
// same batches (nn::minibatches' shuffle handed over as the order), same weights and logits after
// them (in double, up to rounding), whatever the number of threads.
namespace {

struct Images {
    nn::Shape shape;
    std::vector<std::uint8_t> pixels, labels;
    nn::fast::ImageSet set() const { return {pixels, labels, int(shape.size())}; }
};

// Like MNIST, most pixels are 0 (here 60%).
Images images(nn::Shape shape, std::size_t n, int classes, std::uint64_t seed) {
    nn::Rng rng(seed);
    Images t{shape, {}, {}};
    for (std::size_t i = 0; i < n * std::size_t(shape.size()); ++i)
        t.pixels.push_back(rng.uniform() < 0.6 ? 0 : std::uint8_t(1 + rng.below(255)));
    for (std::size_t i = 0; i < n; ++i) t.labels.push_back(std::uint8_t(rng.below(std::uint64_t(classes))));
    return t;
}

// The images idx as nn::Mnist::X gives them (pixel / 255, one image per column) and their labels
// one-hot.
nn::Batch batch(const Images& t, const std::vector<nn::Index>& idx, int classes) {
    const nn::Index d = t.shape.size();
    nn::Matrix X(d, std::ssize(idx));
    std::vector<int> labels;
    for (std::size_t c = 0; c < idx.size(); ++c) {
        for (nn::Index r = 0; r < d; ++r) X(r, nn::Index(c)) = t.pixels[std::size_t(idx[c] * d + r)] / 255.0;
        labels.push_back(t.labels[std::size_t(idx[c])]);
    }
    return {X, nn::one_hot(labels, classes)};
}

// One epoch of lesson 16's loop (bench/nn_bench.cpp, run_ours_cnn) on model; returns its mean loss.
double lesson16_epoch(nn::Cnn& model, nn::Adam& adam, const Images& t, int batch_size, int classes,
                      nn::Rng& rng) {
    const auto get = [&](const std::vector<nn::Index>& idx) { return batch(t, idx, classes); };
    const auto step = [&](const nn::Matrix& X, const nn::Matrix& Y) {
        const auto lg = nn::softmax_cross_entropy(model.forward(X), Y);
        adam.step(model.params(), model.backward(lg.grad));
        return lg.loss;
    };
    return nn::train_epoch(nn::minibatches, nn::Index(t.labels.size()), batch_size, rng, get, step);
}

// The order nn::minibatches draws from a generator seeded alike, as the fast path takes it.
std::vector<std::uint32_t> order_of(std::size_t n, int batch_size, std::uint64_t seed) {
    nn::Rng rng(seed);
    std::vector<std::uint32_t> order;
    for (const auto& b : nn::minibatches(nn::Index(n), batch_size, rng))
        for (const nn::Index i : b) order.push_back(std::uint32_t(i));
    return order;
}

double max_weight_difference(const nn::Cnn& a, const nn::Cnn& b) {
    BOOST_REQUIRE_EQUAL(a.layers.size(), b.layers.size());
    double d = 0;
    for (std::size_t l = 0; l < a.layers.size(); ++l) {
        BOOST_REQUIRE_EQUAL(a.layers[l].W.rows(), b.layers[l].W.rows());
        BOOST_REQUIRE_EQUAL(a.layers[l].W.cols(), b.layers[l].W.cols());
        if (a.layers[l].W.size() == 0) continue;
        d = std::max(d, (a.layers[l].W - b.layers[l].W).cwiseAbs().maxCoeff());
        d = std::max(d, (a.layers[l].b - b.layers[l].b).cwiseAbs().maxCoeff());
    }
    return d;
}

// Trains `epochs` epochs both ways from the same weights and checks weights, logits and loss.
void check_against_lesson16(nn::Shape shape, const std::vector<nn::LayerSpec>& specs, std::size_t n,
                            int classes, int batch_size, int group, int threads, int epochs) {
    const Images t = images(shape, n, classes, 7);
    nn::Rng init(11);
    nn::Cnn plain(shape, specs, init);
    nn::fast::CnnTrainer<double> fast(
        plain, nn::fast::CnnConfig{.lr = 0.01, .batch = batch_size, .threads = threads, .group = group});
    nn::Adam adam;
    adam.lr = 0.01;
    nn::Rng rng(5);
    for (int e = 0; e < epochs; ++e) {
        const double loss = lesson16_epoch(plain, adam, t, batch_size, classes, rng);
        nn::Rng same(5);
        for (int k = 0; k < e; ++k)
            nn::minibatches(nn::Index(n), batch_size, same);  // the earlier epochs' draws
        std::vector<std::uint32_t> order;
        for (const auto& b : nn::minibatches(nn::Index(n), batch_size, same))
            for (const nn::Index i : b) order.push_back(std::uint32_t(i));
        fast.epoch(t.set(), order);
        BOOST_TEST(std::abs(fast.last_epoch_loss() - loss) < 1e-10);
    }
    BOOST_TEST(max_weight_difference(fast.to_cnn(), plain) < 1e-10);
    std::vector<std::uint32_t> all(n);
    std::iota(all.begin(), all.end(), 0u);
    std::vector<nn::Index> idx(all.begin(), all.end());
    const nn::Matrix expected = plain.predict(batch(t, idx, classes).X);
    const nn::Matrix got = fast.logits(t.set(), all);
    BOOST_REQUIRE_EQUAL(got.rows(), expected.rows());
    BOOST_TEST((got - expected).cwiseAbs().maxCoeff() < 1e-10);
    std::size_t correct = 0;
    const auto predicted = nn::argmax_columns(expected);
    for (std::size_t i = 0; i < n; ++i) correct += predicted[i] == t.labels[i];
    BOOST_TEST(fast.accuracy(t.set()) == double(correct) / double(n));
}

// A small net with every case: two input channels, a conv with pad 1 and one without, a pool before
// its relu (maxima of negative values too) of a size that drops a row and a column, a relu on its own,
// relus folded into a conv and a dense layer.
const nn::Shape small_shape{2, 9, 7};
std::vector<nn::LayerSpec> small_net() {
    return {nn::conv(3, 3, 1), nn::max_pool(2), nn::relu(), nn::conv(4, 3),
            nn::relu(),        nn::dense(5),    nn::relu(), nn::dense(3)};
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_small_net_matches_lesson_16s_loop_on_one_two_and_three_threads) {
    for (int threads = 1; threads <= 3; ++threads) BOOST_TEST_CONTEXT("threads " << threads) {
            // 45 images: five batches of 8 and one of 5, in groups of 3 (a short group in each batch)
            check_against_lesson16(small_shape, small_net(), 45, 3, 8, 3, threads, 2);
        }
}

BOOST_AUTO_TEST_CASE(pad_two_and_a_pool_of_three_match_too) {
    check_against_lesson16({1, 10, 11}, {nn::conv(2, 5, 2), nn::relu(), nn::max_pool(3), nn::dense(4)}, 20, 4,
                           6, 4, 2, 1);
}

BOOST_AUTO_TEST_CASE(lesson_16s_network_matches_lesson_16s_loop_on_mnist_shaped_images) {
    // bench/nn_bench.cpp's cnn_layers(); 100 images: a batch of 64 and one of 36
    const std::vector<nn::LayerSpec> specs{nn::conv(32, 5), nn::relu(), nn::max_pool(2),
                                           nn::conv(64, 5), nn::relu(), nn::max_pool(2),
                                           nn::dense(128),  nn::relu(), nn::dense(10)};
    check_against_lesson16({1, 28, 28}, specs, 100, 10, 64, 16, 2, 1);
}

BOOST_AUTO_TEST_CASE(float_results_do_not_depend_on_the_threads) {
    const Images t = images(small_shape, 50, 3, 3);
    nn::Rng init(2);
    const nn::Cnn model(small_shape, small_net(), init);
    const auto order = order_of(50, 8, 9);
    std::vector<nn::Cnn> trained;
    for (int threads = 1; threads <= 3; ++threads) {
        nn::fast::CnnTrainer<float> fast(model,
                                         nn::fast::CnnConfig{.batch = 8, .threads = threads, .group = 2});
        fast.epoch(t.set(), order);
        trained.push_back(fast.to_cnn());
    }
    for (std::size_t r = 1; r < trained.size(); ++r)
        BOOST_TEST(max_weight_difference(trained[r], trained[0]) == 0.0);
    BOOST_TEST(max_weight_difference(trained[0], model) > 0.0);  // it did train
}

BOOST_AUTO_TEST_CASE(mismatched_images_and_models_are_an_error) {
    const Images t = images(small_shape, 10, 3, 1);
    nn::Rng init(4);
    const nn::Cnn model(small_shape, small_net(), init);
    nn::fast::CnnTrainer<double> fast(model, nn::fast::CnnConfig{});
    const nn::fast::ImageSet wrong_dim{t.pixels, t.labels, 100};
    const std::vector<std::uint32_t> order{0, 1, 10};
    BOOST_CHECK_THROW(fast.accuracy(wrong_dim), nn::Error);
    BOOST_CHECK_THROW(fast.epoch(t.set(), order), nn::Error);  // image 10 of 10
    nn::Rng init2(4);
    const nn::Cnn no_logits(small_shape, {nn::conv(2, 3)}, init2);
    BOOST_CHECK_THROW(nn::fast::CnnTrainer<double>(no_logits, nn::fast::CnnConfig{}), nn::Error);
}
