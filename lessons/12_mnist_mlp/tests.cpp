// Lesson 12 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// Expected values are hand counts (in comments) or the contract written out here (one rng.shuffle
// of 0 .. n − 1 on a twin generator with the same seed), never the reference.
#define BOOST_TEST_MODULE lesson 12 exercises
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>

#include "exercise.hpp"
#include "nn_test.hpp"

using namespace lesson12;

namespace {
using Batches = std::vector<std::vector<nn::Index>>;

std::string show_batches(const Batches& b) {
    std::ostringstream s;
    s << b.size() << " batches {";
    std::size_t shown = 0;
    for (const auto& x : b) {
        s << (shown ? ", " : "") << "{";
        for (std::size_t i = 0; i < x.size() && i < 12; ++i) s << (i ? ", " : "") << x[i];
        if (x.size() > 12) s << ", ... (" << x.size() << " in all)";
        s << "}";
        if (++shown == 6 && b.size() > 6) {
            s << ", ...";
            break;
        }
    }
    return s.str() + "}";
}

// The contract written out: 0 .. n − 1, ONE rng.shuffle on the twin generator, cut in runs of batch.
Batches expected_batches(nn::Index n, nn::Index batch, nn::Rng& twin) {
    auto order = std::vector<nn::Index>(std::size_t(n));
    for (nn::Index i = 0; i < n; ++i) order[std::size_t(i)] = i;
    twin.shuffle(order);
    Batches out;
    for (nn::Index s = 0; s < n; s += batch) {
        out.emplace_back();
        for (nn::Index i = s; i < n && i < s + batch; ++i) out.back().push_back(order[std::size_t(i)]);
    }
    return out;
}

void check_batches(const Batches& got, const Batches& expected, const std::string& what) {
    BOOST_TEST_REQUIRE(got.size() == expected.size(), what << ": expected " << expected.size()
                                                           << " batches, got " << got.size() << ": "
                                                           << show_batches(got));
    for (std::size_t k = 0; k < got.size(); ++k) {
        BOOST_TEST_REQUIRE(got[k].size() == expected[k].size(),
                           what << ": batch " << k << " must hold " << expected[k].size() << " samples, got "
                                << got[k].size() << "; yours: " << show_batches(got));
        BOOST_TEST((got[k] == expected[k]),
                   what << ": batch " << k << " must be the next " << expected[k].size()
                        << " numbers of ONE rng.shuffle of 0 .. n−1; expected " << show_batches({expected[k]})
                        << ", got " << show_batches({got[k]}));
    }
}

Eigen::MatrixXi imat(int rows, int cols, std::initializer_list<int> xs) {
    Eigen::MatrixXi M(rows, cols);
    auto it = xs.begin();
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j) M(i, j) = *it++;
    return M;
}

void check_confusion(const Eigen::MatrixXi& got, const Eigen::MatrixXi& expected, const std::string& what) {
    BOOST_TEST_REQUIRE((got.rows() == expected.rows() && got.cols() == expected.cols()),
                       what << ": expected a " << expected.rows() << "x" << expected.cols()
                            << " matrix (classes x classes), got " << got.rows() << "x" << got.cols());
    for (Eigen::Index i = 0; i < got.rows(); ++i)
        for (Eigen::Index j = 0; j < got.cols(); ++j)
            BOOST_TEST(got(i, j) == expected(i, j), what << ", entry (" << i << ", " << j
                                                         << ") = samples of TRUE class " << i
                                                         << " predicted as " << j << ": expected "
                                                         << expected(i, j) << ", got " << got(i, j));
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex12_1_minibatch_indices)

BOOST_AUTO_TEST_CASE(every_sample_once_in_batches_of_the_size) {
    struct Case {
        nn::Index n, batch;
        std::size_t batches, last;
    };
    // 100 = 3·32 + 4; 96 = 3·32 (no empty fourth batch); 10 = 3·3 + 1; 7 in batches of 7
    for (const Case c : {Case{100, 32, 4, 4}, Case{96, 32, 3, 32}, Case{10, 3, 4, 1}, Case{7, 7, 1, 7}}) {
        BOOST_TEST_CONTEXT("n = " << c.n << ", batch = " << c.batch) {
            nn::Rng rng(1);
            const auto b = minibatch_indices(c.n, c.batch, rng);
            BOOST_TEST_REQUIRE(b.size() == c.batches, "number of batches: expected "
                                                          << c.batches
                                                          << " (the last may be "
                                                             "shorter, none empty), got "
                                                          << b.size() << ": " << show_batches(b));
            for (std::size_t k = 0; k + 1 < b.size(); ++k)
                BOOST_TEST(b[k].size() == std::size_t(c.batch),
                           "batch " << k << " must hold " << c.batch << " samples, got " << b[k].size());
            BOOST_TEST(b.back().size() == c.last,
                       "the last batch must hold " << c.last << " samples, got " << b.back().size());
            std::vector<nn::Index> all;
            for (const auto& x : b) all.insert(all.end(), x.begin(), x.end());
            std::sort(all.begin(), all.end());
            std::vector<nn::Index> want(std::size_t(c.n));
            std::iota(want.begin(), want.end(), nn::Index{0});
            BOOST_TEST((all == want), "the batches together must hold every sample 0 .. "
                                          << c.n - 1 << " exactly once; yours: " << show_batches(b));
        }
    }
}

BOOST_AUTO_TEST_CASE(one_seeded_shuffle_of_0_to_n) {
    struct Case {
        nn::Index n, batch;
        std::uint64_t seed;
    };
    for (const Case c : {Case{50, 10, 7}, Case{23, 5, 2}, Case{9, 4, 99}, Case{12, 1, 5}, Case{40, 16, 3}}) {
        BOOST_TEST_CONTEXT("n = " << c.n << ", batch = " << c.batch << ", Rng(" << c.seed << ")") {
            nn::Rng rng(c.seed), twin(c.seed);
            const auto b = minibatch_indices(c.n, c.batch, rng);
            check_batches(b, expected_batches(c.n, c.batch, twin), "the batches");
            nn_test::check_equal(
                rng.next(), twin.next(),
                "the generator's next number after the call (exactly one rng.shuffle of n numbers used it)");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_new_order_every_epoch) {
    nn::Rng rng(3), twin(3);
    const auto first = minibatch_indices(20, 20, rng), second = minibatch_indices(20, 20, rng);
    BOOST_TEST((first != second),
               "two epochs from the same generator must give different orders: both " << show_batches(first));
    check_batches(first, expected_batches(20, 20, twin), "epoch 1");
    check_batches(second, expected_batches(20, 20, twin), "epoch 2 (the generator's state carries on)");
}

BOOST_AUTO_TEST_CASE(a_batch_larger_than_n_and_tiny_n) {
    {
        nn::Rng rng(4), twin(4);
        check_batches(minibatch_indices(5, 10, rng), expected_batches(5, 10, twin),
                      "n = 5, batch = 10: one batch of all 5 samples");
    }
    {
        nn::Rng rng(4), twin(4);
        check_batches(minibatch_indices(6, 7, rng), expected_batches(6, 7, twin),
                      "n = 6, batch = 7: one batch of 6");
    }
    {
        nn::Rng rng(4);
        check_batches(minibatch_indices(1, 1, rng), Batches{{0}}, "n = 1, batch = 1: the single batch {0}");
        check_batches(minibatch_indices(1, 8, rng), Batches{{0}}, "n = 1, batch = 8: the single batch {0}");
    }
    {
        nn::Rng rng(4);
        nn::Index total = 0;
        const auto b = minibatch_indices(3, 1, rng);
        for (const auto& x : b) total += std::ssize(x);
        BOOST_TEST((b.size() == 3u && total == 3),
                   "n = 3, batch = 1: three batches of one sample; got " << show_batches(b));
    }
    nn::Rng rng(4), twin(4);
    const auto none = minibatch_indices(0, 4, rng);
    BOOST_TEST(none.empty(), "n = 0: no batches at all (not one empty batch); got " << show_batches(none));
    nn_test::check_equal(rng.next(), twin.next(),
                         "n = 0: the generator's next number (shuffling nothing draws nothing)");
}

BOOST_AUTO_TEST_CASE(a_batch_size_below_1_throws) {
    nn::Rng rng(5);
    BOOST_CHECK_THROW(minibatch_indices(10, 0, rng), std::invalid_argument);
    BOOST_CHECK_THROW(minibatch_indices(10, -1, rng), std::invalid_argument);
    BOOST_CHECK_THROW(minibatch_indices(10, -32, rng), std::invalid_argument);
    BOOST_CHECK_THROW(minibatch_indices(0, 0, rng), std::invalid_argument);
    // and batch = 1 is fine: n batches of one sample each
    nn::Rng r(6), twin(6);
    Batches b;
    BOOST_CHECK_NO_THROW(b = minibatch_indices(4, 1, r));
    check_batches(b, expected_batches(4, 1, twin), "n = 4, batch = 1");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex12_2_evaluate)

BOOST_AUTO_TEST_CASE(accuracy_and_confusion_rows_are_the_true_class) {
    nn::Matrix S(3, 5);  // predictions: 0, 1, 2, 2, 1; truths 0, 1, 2, 1, 0
    S << 0.9, 0.1, 0.0, 0.1, 0.2, 0.05, 0.8, 0.1, 0.2, 0.7, 0.05, 0.1, 0.9, 0.7, 0.1;
    const Evaluation e = evaluate(S, {0, 1, 2, 1, 0}, 3);
    nn_test::check_near(e.accuracy, 0.6, 1e-15, "accuracy: 3 right of 5, as a fraction in [0, 1]");
    // rows = true class, columns = predicted: true 0 → {0, 1}, true 1 → {1, 2}, true 2 → {2}
    check_confusion(e.confusion, imat(3, 3, {1, 1, 0, 0, 1, 1, 0, 0, 1}), "confusion");
}

BOOST_AUTO_TEST_CASE(logits_work_as_well_as_probabilities) {
    nn::Matrix Z(2, 2);
    Z << -3, 5, 2, -1;
    const Evaluation e = evaluate(Z, {1, 0}, 2);
    nn_test::check_near(e.accuracy, 1.0, 1e-15,
                        "accuracy of logits (−3, 2) → 1 and (5, −1) → 0, labels {1, 0}");
    check_confusion(e.confusion, imat(2, 2, {1, 0, 0, 1}), "confusion of two right answers");
}

BOOST_AUTO_TEST_CASE(four_classes_seven_samples_negative_logits) {
    // (classes, N) = (4, 7); negative logits with large magnitudes (the largest is the prediction,
    // not the largest |score|); class 3 is never predicted, class 2 never the truth.
    nn::Matrix S(4, 7);
    S << -1.0, -9.0, -0.5, -3.0, -2.0, 0.1, -8.0, -5.0, -0.2, -7.0, -0.1, -4.0, -0.3, -1.0, -0.5, -6.0, -2.0,
        -9.0, -1.5, -6.0, -0.9, -8.0, -3.0, -4.0, -5.0, -9.0, -2.0, -3.0;
    // predictions: 2, 1, 0, 1, 2, 0, 2
    const std::vector<int> labels{0, 1, 0, 3, 3, 1, 0};
    const Evaluation e = evaluate(S, labels, 4);
    nn_test::check_near(e.accuracy, 2.0 / 7.0, 1e-15, "accuracy: 2 right (samples 1 and 2) of 7");
    // true 0: predicted 2, 0, 2; true 1: predicted 1, 0; true 3: predicted 1, 2
    check_confusion(e.confusion, imat(4, 4, {1, 0, 2, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0}),
                    "confusion (rows: true class, columns: predicted)");
}

BOOST_AUTO_TEST_CASE(a_tie_goes_to_the_lowest_class) {
    nn::Matrix S(3, 4);  // column 0: a tie of classes 1 and 2; column 1: all equal; column 2: tie of 0 and 2
    S << 0.1, 0.5, 0.4, 0.0, 0.45, 0.5, 0.2, 1.0, 0.45, 0.5, 0.4, 0.0;
    const Evaluation e = evaluate(S, {2, 2, 2, 1}, 3);
    // predictions 1, 0, 0, 1 (the first of the largest entries); only the last is right
    nn_test::check_near(e.accuracy, 0.25, 1e-15, "accuracy when ties go to the lowest class: 1 right of 4");
    check_confusion(e.confusion, imat(3, 3, {0, 0, 0, 0, 1, 0, 2, 1, 0}),
                    "confusion with tied scores (a tie goes to the lowest class)");
}

BOOST_AUTO_TEST_CASE(one_column_per_label_or_it_throws) {
    nn::Matrix S(3, 5);
    S.setZero();
    S(2, 0) = S(2, 1) = S(0, 2) = S(1, 3) = S(1, 4) = 1;                  // predictions 2, 2, 0, 1, 1
    BOOST_CHECK_THROW(evaluate(S, {0, 1, 2}, 3), std::invalid_argument);  // 3 labels, 5 columns
    BOOST_CHECK_THROW(evaluate(S, {0, 1, 2, 0, 1, 2}, 3), std::invalid_argument);  // 6 labels, 5 columns
    Evaluation e{};
    BOOST_CHECK_NO_THROW(e = evaluate(S, {2, 1, 0, 1, 1}, 3));  // 5 labels for 5 columns (3 rows)
    nn_test::check_near(e.accuracy, 0.8, 1e-15, "accuracy: 4 right of 5");
    check_confusion(e.confusion, imat(3, 3, {1, 0, 0, 0, 2, 1, 0, 0, 1}),
                    "confusion of 5 samples in 3 classes");
    // no samples at all: accuracy 0 (not NaN) and an all-zero classes x classes matrix
    const Evaluation none = evaluate(nn::Matrix(3, 0), {}, 3);
    nn_test::check_near(none.accuracy, 0.0, 0.0, "accuracy of no samples");
    check_confusion(none.confusion, Eigen::MatrixXi::Zero(3, 3), "confusion of no samples");
}

BOOST_AUTO_TEST_SUITE_END()
