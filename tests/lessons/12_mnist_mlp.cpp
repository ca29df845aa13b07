// Lesson 12 exercises: one suite per exercise (see tests/lessons/00_matmul.cpp for the pattern).
#define BOOST_TEST_MODULE lesson 12 exercises
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "exercise.hpp"
#include "nn_test.hpp"

using namespace lesson12;

BOOST_AUTO_TEST_SUITE(ex12_1_minibatch_indices)

BOOST_AUTO_TEST_CASE(every_sample_once_in_batches_of_the_size) {
    nn::Rng rng(1);
    const auto b = minibatch_indices(100, 32, rng);
    BOOST_TEST_REQUIRE(b.size() == 4u);
    BOOST_TEST(b[0].size() == 32u);
    BOOST_TEST(b[3].size() == 4u);  // 100 = 3·32 + 4
    std::vector<nn::Index> all;
    for (const auto& x : b) all.insert(all.end(), x.begin(), x.end());
    std::sort(all.begin(), all.end());
    for (nn::Index i = 0; i < 100; ++i) BOOST_TEST(all[static_cast<std::size_t>(i)] == i);
}

BOOST_AUTO_TEST_CASE(one_seeded_shuffle_of_0_to_n) {
    nn::Rng rng(7), same(7);
    std::vector<nn::Index> order(50);
    std::iota(order.begin(), order.end(), nn::Index{0});
    same.shuffle(order);
    const auto b = minibatch_indices(50, 10, rng);
    BOOST_TEST_REQUIRE(b.size() == 5u);
    for (std::size_t k = 0; k < 50; ++k) BOOST_TEST(b[k / 10][k % 10] == order[k]);
    BOOST_TEST(rng.next() == same.next());  // exactly one shuffle's worth of random numbers used
}

BOOST_AUTO_TEST_CASE(a_new_order_every_epoch) {
    nn::Rng rng(3);
    const auto first = minibatch_indices(20, 20, rng), second = minibatch_indices(20, 20, rng);
    BOOST_TEST((first != second));
    BOOST_CHECK_THROW(minibatch_indices(10, 0, rng), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex12_2_evaluate)

BOOST_AUTO_TEST_CASE(accuracy_and_confusion_rows_are_the_true_class) {
    nn::Matrix S(3, 5);  // predictions: 0, 1, 2, 2, 1
    S << 0.9, 0.1, 0.0, 0.1, 0.2,
         0.05, 0.8, 0.1, 0.2, 0.7,
         0.05, 0.1, 0.9, 0.7, 0.1;
    const Evaluation e = evaluate(S, {0, 1, 2, 1, 0}, 3);
    BOOST_TEST(std::abs(e.accuracy - 0.6) < 1e-15);
    BOOST_TEST_REQUIRE(e.confusion.rows() == 3);
    BOOST_TEST(e.confusion(1, 2) == 1);  // a true 1 predicted as 2
    BOOST_TEST(e.confusion(0, 1) == 1);  // a true 0 predicted as 1
    BOOST_TEST(e.confusion(2, 2) == 1);
    BOOST_TEST(e.confusion.sum() == 5);
}

BOOST_AUTO_TEST_CASE(logits_work_as_well_as_probabilities) {
    nn::Matrix Z(2, 2);
    Z << -3, 5, 2, -1;
    BOOST_TEST(evaluate(Z, {1, 0}, 2).accuracy == 1.0);
    BOOST_CHECK_THROW(evaluate(Z, {1}, 2), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
