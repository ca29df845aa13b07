#define BOOST_TEST_MODULE nn training utilities
#include <boost/test/unit_test.hpp>

#include <algorithm>

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
    for (nn::Index i = 0; i < 10; ++i) BOOST_TEST(all[static_cast<std::size_t>(i)] == i);
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
