#define BOOST_TEST_MODULE nn training utilities
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "nn/data.hpp"
#include "nn/losses.hpp"
#include "nn/mlp.hpp"
#include "nn/training.hpp"
#include "nn_test.hpp"

BOOST_AUTO_TEST_CASE(minibatches_cover_every_sample_once) {
    nn::Rng rng(3);
    const auto batches = nn::minibatches(10, 4, rng);
    BOOST_TEST_REQUIRE(batches.size() == 3u);
    BOOST_TEST(batches[2].size() == 2u);  // the last is shorter
    std::vector<nn::Index> all;
    for (const auto& b : batches) all.insert(all.end(), b.begin(), b.end());
    std::sort(all.begin(), all.end());
    for (nn::Index i = 0; i < 10; ++i) BOOST_TEST(all[std::size_t(i)] == i);
    nn::Rng again(3);
    BOOST_TEST((nn::minibatches(10, 4, again) == batches));  // seeded
    BOOST_CHECK_THROW(nn::minibatches(10, 0, rng), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_stratified_split_keeps_the_class_shares) {
    std::vector<int> labels;
    for (int c = 0; c < 3; ++c) labels.insert(labels.end(), 50, c);
    nn::Rng rng(1);
    const auto s = nn::stratified_split(labels, 3, 0.2, rng);
    BOOST_TEST(s.test.size() == 30u);
    BOOST_TEST(s.train.size() == 120u);
    for (int c = 0; c < 3; ++c) {
        const auto t = nn::gather(labels, s.test);
        BOOST_TEST(std::count(t.begin(), t.end(), c) == 10);
    }
    std::vector<nn::Index> both = s.train;
    both.insert(both.end(), s.test.begin(), s.test.end());
    std::sort(both.begin(), both.end());
    BOOST_TEST((std::adjacent_find(both.begin(), both.end()) == both.end()));  // no sample in both
}

BOOST_AUTO_TEST_CASE(standardizing_uses_the_training_statistics) {
    nn::Matrix X(2, 4);
    X << 1, 2, 3, 4, 10, 10, 10, 10;
    const auto s = nn::Standardizer::fit(X);
    BOOST_TEST(s.mean(0) == 2.5);
    BOOST_TEST(std::abs(s.stddev(0) - std::sqrt(1.25)) < 1e-15);
    BOOST_TEST(s.stddev(1) == 1.0);  // a constant feature is only centred
    const nn::Matrix Z = s.apply(X);
    BOOST_TEST(std::abs(Z.row(0).mean()) < 1e-15);
    BOOST_TEST(Z.row(1).cwiseAbs().maxCoeff() == 0.0);
}

BOOST_AUTO_TEST_CASE(accuracy_and_confusion_matrix) {
    const std::vector<int> labels{0, 0, 1, 1, 2, 2}, predicted{0, 1, 1, 1, 2, 0};
    BOOST_TEST(std::abs(nn::accuracy(predicted, labels) - 4.0 / 6) < 1e-15);
    const Eigen::MatrixXi c = nn::confusion_matrix(predicted, labels, 3);
    BOOST_TEST(c(0, 0) == 1);
    BOOST_TEST(c(0, 1) == 1);
    BOOST_TEST(c(2, 0) == 1);
    BOOST_TEST(c.sum() == 6);
    BOOST_CHECK_THROW(nn::accuracy({0}, {0, 1}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(gathering_columns) {
    nn::Matrix X(2, 3);
    X << 1, 2, 3, 4, 5, 6;
    nn::Matrix expected(2, 2);
    expected << 3, 1, 6, 4;
    nn_test::check_matrix(nn::gather_columns(X, {2, 0}), expected, 0);
}

namespace {
// What train_epoch passed to its callbacks, for a data set where sample i has X = i and Y = 1.
struct Record {
    std::vector<std::vector<nn::Index>> batches;
    std::vector<nn::Index> seen;
    double loss = 0;
};
Record run_epoch(nn::Index n, nn::Index batch, std::uint64_t seed) {
    Record r;
    nn::Rng rng(seed);
    nn::Matrix X(1, n);
    for (nn::Index i = 0; i < n; ++i) X(0, i) = double(i);
    const nn::Matrix Y = nn::Matrix::Ones(1, n);
    r.loss = nn::train_epoch(
        nn::minibatches, n, batch, rng,
        [&](const std::vector<nn::Index>& idx) {
            r.batches.push_back(idx);
            return nn::Batch{nn::gather_columns(X, idx), nn::gather_columns(Y, idx)};
        },
        [](const nn::Matrix& Xb, const nn::Matrix&) { return Xb.mean(); },  // "loss": the mean sample number
        [&](nn::Index seen, double) { r.seen.push_back(seen); });
    return r;
}
}  // namespace

BOOST_AUTO_TEST_CASE(train_epoch_visits_every_sample_once_and_weights_by_batch_size) {
    const Record r = run_epoch(10, 4, 7);
    BOOST_TEST_REQUIRE(r.batches.size() == 3u);
    BOOST_TEST(r.batches[0].size() == 4u);
    BOOST_TEST(r.batches[1].size() == 4u);
    BOOST_TEST(r.batches[2].size() == 2u);
    BOOST_TEST((r.seen == std::vector<nn::Index>{4, 8, 10}));
    std::vector<nn::Index> all;
    for (const auto& b : r.batches) all.insert(all.end(), b.begin(), b.end());
    std::sort(all.begin(), all.end());
    for (nn::Index i = 0; i < 10; ++i) BOOST_TEST(all[std::size_t(i)] == i);
    // Weighted by batch size, the mean of the batch means is the mean over all samples, 4.5; an
    // unweighted mean of the three batch means would differ unless the last batch's mean is 4.5.
    BOOST_TEST(std::abs(r.loss - 4.5) < 1e-12);
    // The batches are nn::minibatches's with the same seed: the loop draws nothing else before.
    nn::Rng rng(7);
    BOOST_TEST((nn::minibatches(10, 4, rng) == r.batches));
}

BOOST_AUTO_TEST_CASE(train_epoch_is_deterministic_for_a_seed) {
    const Record a = run_epoch(25, 8, 3), b = run_epoch(25, 8, 3), c = run_epoch(25, 8, 4);
    BOOST_TEST((a.batches == b.batches));
    BOOST_TEST(a.loss == b.loss);
    BOOST_TEST((a.batches != c.batches));
}

BOOST_AUTO_TEST_CASE(train_epoch_takes_the_batching_function) {
    // A batching function that keeps the order (no shuffle) and batches of 3: 0-2, 3-5, 6.
    const nn::BatchFunction in_order = [](nn::Index n, nn::Index batch, nn::Rng&) {
        nn::Batches out;
        for (nn::Index s = 0; s < n; s += batch) {
            out.emplace_back();
            for (nn::Index i = s; i < std::min(n, s + batch); ++i) out.back().push_back(i);
        }
        return out;
    };
    nn::Rng rng(1);
    std::vector<double> losses;
    const double mean = nn::train_epoch(
        in_order, 7, 3, rng,
        [](const std::vector<nn::Index>& idx) {
            nn::Matrix X(1, std::ssize(idx));
            for (std::size_t k = 0; k < idx.size(); ++k) X(0, nn::Index(k)) = double(idx[k]);
            return nn::Batch{X, X};
        },
        [&](const nn::Matrix& X, const nn::Matrix&) {
            losses.push_back(X.mean());
            return X.mean();
        });
    BOOST_TEST((losses == std::vector<double>{1, 4, 6}));
    BOOST_TEST(std::abs(mean - 3.0) < 1e-12);  // (3·1 + 3·4 + 1·6) / 7, not (1 + 4 + 6) / 3
}

BOOST_AUTO_TEST_CASE(a_non_finite_loss_stops_training_with_a_clear_error) {
    // A real training step on data with one NaN feature: the loss is NaN from the first batch on.
    nn::Rng rng(5);
    nn::Mlp model({2, 3, 2}, {nn::Activation::relu, nn::Activation::identity}, nn::Init::he_normal, rng);
    nn::Matrix X = rng.normal_matrix(2, 8, 0, 1);
    X(1, 6) = std::nan("");
    const nn::Matrix Y = nn::one_hot({0, 1, 0, 1, 0, 1, 0, 1}, 2);
    int steps = 0;
    std::string msg;
    try {
        nn::train_epoch(
            nn::minibatches, 8, 8, rng,
            [&](const std::vector<nn::Index>& idx) {
                return nn::Batch{nn::gather_columns(X, idx), nn::gather_columns(Y, idx)};
            },
            [&](const nn::Matrix& Xb, const nn::Matrix& Yb) {
                ++steps;
                const auto loss = nn::softmax_cross_entropy(model.forward(Xb), Yb);
                model.sgd_step(model.backward(loss.grad), 0.1);
                return loss.loss;
            });
    } catch (const nn::Error& e) {
        msg = e.what();
    }
    BOOST_TEST(steps == 1);
    BOOST_TEST(msg.find("mini-batch 1 of 1 is NaN") != std::string::npos, msg);
    BOOST_TEST(msg.find("learning rate") != std::string::npos, msg);
    // An infinite loss too, in the batch where it happens; finite losses pass.
    nn::Rng again(1);
    int k = 0;
    const auto get = [](const std::vector<nn::Index>& idx) {
        return nn::Batch{nn::Matrix::Zero(1, std::ssize(idx)), nn::Matrix::Zero(1, std::ssize(idx))};
    };
    BOOST_CHECK_EXCEPTION(
        nn::train_epoch(nn::minibatches, 10, 4, again, get,
                        [&](const nn::Matrix&, const nn::Matrix&) { return ++k == 2 ? HUGE_VAL : 1.0; }),
        nn::Error, [](const nn::Error& e) {
            return std::string(e.what()).find("mini-batch 2 of 3 is +inf") != std::string::npos;
        });
    BOOST_CHECK_NO_THROW(nn::check_loss(1e300, 1, 1));
}
