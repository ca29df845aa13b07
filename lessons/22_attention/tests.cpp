// Lesson 22 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// The shapes are all different (T queries ≠ N keys, d ≠ dv ≠ T), so a transpose, the softmax over
// the wrong axis or √ of the wrong dimension changes the answer. The expected values come from the
// plain scalar loops below (no code shared with the exercises), from hand arithmetic, or from
// central differences.
#define BOOST_TEST_MODULE lesson 22 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson22;

namespace {

// Attention written entry by entry, masked keys left out of the sums.
Attention reference(const nn::Matrix& Q, const nn::Matrix& K, const nn::Matrix& V, bool causal) {
    const nn::Index T = Q.rows(), N = K.rows(), d = Q.cols(), dv = V.cols();
    Attention a{.S = nn::Matrix(T, N), .P = nn::Matrix::Zero(T, N), .Y = nn::Matrix::Zero(T, dv)};
    for (nn::Index i = 0; i < T; ++i) {
        double m = -1e300;
        for (nn::Index j = 0; j < N; ++j) {
            double s = 0;
            for (nn::Index k = 0; k < d; ++k) s += Q(i, k) * K(j, k);
            a.S(i, j) =
                (causal && j > i) ? -std::numeric_limits<double>::infinity() : s / std::sqrt(double(d));
            if (!(causal && j > i)) m = std::max(m, a.S(i, j));
        }
        double sum = 0;
        for (nn::Index j = 0; j < N; ++j)
            if (!(causal && j > i)) sum += std::exp(a.S(i, j) - m);
        for (nn::Index j = 0; j < N; ++j)
            if (!(causal && j > i)) a.P(i, j) = std::exp(a.S(i, j) - m) / sum;
        for (nn::Index j = 0; j < N; ++j)
            for (nn::Index c = 0; c < dv; ++c) a.Y(i, c) += a.P(i, j) * V(j, c);
    }
    return a;
}

void check_forward(const nn::Matrix& Q, const nn::Matrix& K, const nn::Matrix& V, bool causal,
                   const std::string& what) {
    BOOST_TEST_CONTEXT(what) {
        const Attention got = attention_forward(Q, K, V, causal), want = reference(Q, K, V, causal);
        BOOST_TEST_REQUIRE((got.S.rows() == want.S.rows() && got.S.cols() == want.S.cols()),
                           "S must be T x N (" << want.S.rows() << "x" << want.S.cols() << "), got "
                                               << got.S.rows() << "x" << got.S.cols());
        for (nn::Index i = 0; i < want.S.rows(); ++i)
            for (nn::Index j = 0; j < want.S.cols(); ++j) {
                if (std::isinf(want.S(i, j)))
                    BOOST_TEST((std::isinf(got.S(i, j)) && got.S(i, j) < 0),
                               "S(" << i << ", " << j
                                    << ") is a masked score (key after the query): it must be −∞, got "
                                    << got.S(i, j));
                else
                    nn_test::check_near(
                        got.S(i, j), want.S(i, j), 1e-12,
                        "S(" + std::to_string(i) + ", " + std::to_string(j) + ") = q_i·k_j/√d");
            }
        nn_test::check_matrix(got.P, want.P, 1e-12, "P, the softmax of each ROW of S");
        for (nn::Index i = 0; i < want.P.rows(); ++i)
            for (nn::Index j = i + 1; causal && j < want.P.cols(); ++j)
                BOOST_TEST(got.P(i, j) == 0.0, "P(" << i << ", " << j
                                                    << ") of a masked key must be exactly 0, got "
                                                    << got.P(i, j));
        nn_test::check_matrix(got.Y, want.Y, 1e-12, "Y = P·V");
    }
}

// L = Σ Y ⊙ G, so dY = G; the gradients by central differences.
void check_backward(nn::Rng& rng, nn::Index T, nn::Index N, nn::Index d, nn::Index dv, bool causal,
                    const std::string& what) {
    BOOST_TEST_CONTEXT(what) {
        nn::Matrix Q = rng.normal_matrix(T, d, 0, 1), K = rng.normal_matrix(N, d, 0, 1),
                   V = rng.normal_matrix(N, dv, 0, 1);
        const nn::Matrix G = rng.normal_matrix(T, dv, 0, 1);
        auto loss = [&] { return (reference(Q, K, V, causal).Y.array() * G.array()).sum(); };
        const nn::Matrix P = reference(Q, K, V, causal).P;
        const AttentionGrads g = attention_backward(Q, K, V, P, G);
        nn_test::check_gradient(g.dQ, nn_test::central_gradient(loss, Q), 1e-7, "dQ");
        nn_test::check_gradient(g.dK, nn_test::central_gradient(loss, K), 1e-7, "dK");
        nn_test::check_gradient(g.dV, nn_test::central_gradient(loss, V), 1e-7, "dV");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex22_1_attention_forward)

BOOST_AUTO_TEST_CASE(three_tokens_by_hand) {
    // q = [1, 0], keys [1, 0] and [0, 1], d = 2: scores 1/√2 and 0.
    const nn::Matrix Q = (nn::Matrix(1, 2) << 1, 0).finished(),
                     K = (nn::Matrix(2, 2) << 1, 0, 0, 1).finished(),
                     V = (nn::Matrix(2, 1) << 10, 20).finished();
    const Attention a = attention_forward(Q, K, V, false);
    const double s = 1 / std::sqrt(2.0), p = std::exp(s) / (std::exp(s) + 1);
    BOOST_TEST_REQUIRE((a.S.rows() == 1 && a.S.cols() == 2 && a.P.rows() == 1 && a.P.cols() == 2 &&
                        a.Y.rows() == 1 && a.Y.cols() == 1),
                       "one query, two keys, values of one entry: S and P must be 1x2 and Y 1x1");
    nn_test::check_near(a.S(0, 0), s, 1e-12, "S(0, 0) = (1·1 + 0·0)/√2");
    nn_test::check_near(a.S(0, 1), 0, 1e-12, "S(0, 1) = (1·0 + 0·1)/√2");
    nn_test::check_near(a.P(0, 0), p, 1e-12, "P(0, 0) = e^(1/√2) / (e^(1/√2) + e^0)");
    nn_test::check_near(a.Y(0, 0), 10 * p + 20 * (1 - p), 1e-12, "Y = 10·P(0, 0) + 20·P(0, 1)");
}

BOOST_AUTO_TEST_CASE(more_keys_than_queries) {
    nn::Rng rng(2211);
    // T = 3 queries, N = 5 keys, d = 4, dv = 2: every dimension different.
    check_forward(rng.normal_matrix(3, 4, 0, 1), rng.normal_matrix(5, 4, 0, 1), rng.normal_matrix(5, 2, 0, 1),
                  false, "Q 3x4, K 5x4, V 5x2");
    check_forward(rng.normal_matrix(6, 3, 0, 1.5), rng.normal_matrix(2, 3, 0, 1.5),
                  rng.normal_matrix(2, 7, 0, 1), false, "Q 6x3, K 2x3, V 2x7");
}

BOOST_AUTO_TEST_CASE(one_key_gets_all_the_weight) {
    nn::Rng rng(2212);
    const nn::Matrix V = rng.normal_matrix(1, 3, 0, 1);
    const nn::Matrix Q = rng.normal_matrix(4, 2, 0, 1), K = rng.normal_matrix(1, 2, 0, 1);
    const Attention a = attention_forward(Q, K, V, false);
    nn_test::check_matrix(a.S, Q * K.transpose() / std::sqrt(2.0), 1e-12, "S with one key (q_i·k/√2)");
    nn_test::check_matrix(a.P, nn::Matrix::Ones(4, 1), 1e-15, "P with one key (every weight 1)");
    nn_test::check_matrix(a.Y, V.replicate(4, 1), 1e-15, "Y with one key (its value for every query)");
}

BOOST_AUTO_TEST_CASE(causal_mask) {
    nn::Rng rng(2213);
    check_forward(rng.normal_matrix(4, 3, 0, 1), rng.normal_matrix(4, 3, 0, 1), rng.normal_matrix(4, 2, 0, 1),
                  true, "causal, 4 tokens, d = 3, dv = 2");
    // Scores that favour the future keys by far: a finite mask (−1e9, −30) or a mask after the softmax
    // would still be seen.
    nn::Matrix Q = nn::Matrix::Ones(5, 2), K(5, 2);
    for (nn::Index j = 0; j < 5; ++j) K.row(j) << 8.0 * double(j), 8.0 * double(j);
    check_forward(Q, K, rng.normal_matrix(5, 3, 0, 1), true,
                  "causal, future keys with by far the largest scores");
    check_forward(Q, K, rng.normal_matrix(5, 3, 0, 1), false, "the same without the mask");
}

BOOST_AUTO_TEST_CASE(huge_scores_do_not_overflow) {
    nn::Rng rng(2214);
    const nn::Matrix Q = rng.normal_matrix(3, 2, 0, 40), K = rng.normal_matrix(4, 2, 0, 40),
                     V = rng.normal_matrix(4, 2, 0, 1);
    const Attention a = attention_forward(Q, K, V, false);
    BOOST_TEST(a.P.allFinite(), "scores in the thousands: subtract each row's largest score before exp");
    check_forward(Q, K, V, false, "scores in the thousands");
}

BOOST_AUTO_TEST_CASE(bad_shapes_are_refused) {
    const nn::Matrix Q = nn::Matrix::Ones(3, 2), K = nn::Matrix::Ones(4, 2), V = nn::Matrix::Ones(4, 5);
    std::string m = nn_test::invalid_argument_message(
        [&] { attention_forward(Q, nn::Matrix::Ones(4, 3), V, false); }, "K with 3 columns for Q's d = 2");
    nn_test::check_names(m, "4x3", "K with 3 columns for Q's d = 2");
    m = nn_test::invalid_argument_message([&] { attention_forward(Q, K, nn::Matrix::Ones(3, 5), false); },
                                          "V with 3 rows for 4 keys");
    nn_test::check_names(m, "3x5", "V with 3 rows for 4 keys");
    m = nn_test::invalid_argument_message([&] { attention_forward(Q, K, V, true); },
                                          "causal with 3 queries, 4 keys");
    nn_test::check_names(m, "3x2", "causal with 3 queries, 4 keys");
    nn_test::invalid_argument_message(
        [&] { attention_forward(nn::Matrix(3, 0), nn::Matrix(4, 0), V, false); }, "d = 0");
    nn_test::invalid_argument_message(
        [&] { attention_forward(Q, nn::Matrix(0, 2), nn::Matrix(0, 5), false); }, "no keys (N = 0)");
    BOOST_CHECK_NO_THROW(attention_forward(Q, K, V, false));
    BOOST_CHECK_NO_THROW(attention_forward(nn::Matrix(0, 2), K, V, false));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex22_2_attention_backward)

BOOST_AUTO_TEST_CASE(matches_central_differences) {
    nn::Rng rng(2221);
    check_backward(rng, 3, 5, 4, 2, false, "Q 3x4, K 5x4, V 5x2");
    check_backward(rng, 6, 2, 3, 7, false, "Q 6x3, K 2x3, V 2x7");
    check_backward(rng, 1, 1, 2, 1, false, "one query, one key");
}

BOOST_AUTO_TEST_CASE(with_the_causal_mask) {
    nn::Rng rng(2222);
    check_backward(rng, 4, 4, 3, 2, true, "causal, 4 tokens, d = 3, dv = 2");
}

BOOST_AUTO_TEST_CASE(by_hand) {
    // One query, two keys, d = 1: s_j = q·k_j, p = softmax(s), y = p_1 v_1 + p_2 v_2 (one entry).
    const double q = 0.5, k1 = 1, k2 = -2, v1 = 3, v2 = -1, dy = 2;
    const double p1 = std::exp(q * k1) / (std::exp(q * k1) + std::exp(q * k2)), p2 = 1 - p1;
    // dL/ds_1 = dy·(v1 − v2)·p1·p2 = −dL/ds_2.
    const double ds1 = dy * (v1 - v2) * p1 * p2, ds2 = -ds1;
    const nn::Matrix Q = (nn::Matrix(1, 1) << q).finished(), K = (nn::Matrix(2, 1) << k1, k2).finished(),
                     V = (nn::Matrix(2, 1) << v1, v2).finished(), P = (nn::Matrix(1, 2) << p1, p2).finished(),
                     dY = (nn::Matrix(1, 1) << dy).finished();
    const AttentionGrads g = attention_backward(Q, K, V, P, dY);
    nn_test::check_matrix(g.dV, (nn::Matrix(2, 1) << p1 * dy, p2 * dy).finished(), 1e-12, "dV = Pᵀ·dY");
    nn_test::check_matrix(g.dQ, (nn::Matrix(1, 1) << ds1 * k1 + ds2 * k2).finished(), 1e-12, "dQ = dS·K/√1");
    nn_test::check_matrix(g.dK, (nn::Matrix(2, 1) << ds1 * q, ds2 * q).finished(), 1e-12, "dK = dSᵀ·Q/√1");
}

BOOST_AUTO_TEST_CASE(bad_shapes_are_refused) {
    const nn::Matrix Q = nn::Matrix::Ones(3, 2), K = nn::Matrix::Ones(4, 2), V = nn::Matrix::Ones(4, 5);
    std::string m = nn_test::invalid_argument_message(
        [&] { attention_backward(Q, K, V, nn::Matrix::Ones(4, 3), nn::Matrix::Ones(3, 5)); },
        "P of 4x3 for 3x4");
    nn_test::check_names(m, "4x3", "P of 4x3 for 3 queries and 4 keys");
    m = nn_test::invalid_argument_message(
        [&] { attention_backward(Q, K, V, nn::Matrix::Ones(2, 4), nn::Matrix::Ones(3, 5)); },
        "P of 2x4 for T = 3");
    nn_test::check_names(m, "2x4", "P of 2x4 for 3 queries and 4 keys");
    m = nn_test::invalid_argument_message(
        [&] { attention_backward(Q, K, V, nn::Matrix::Ones(3, 4), nn::Matrix::Ones(3, 2)); },
        "dY of 3x2 for dv = 5");
    nn_test::check_names(m, "3x2", "dY of 3x2 for values of 5 entries");
    m = nn_test::invalid_argument_message(
        [&] { attention_backward(Q, K, V, nn::Matrix::Ones(3, 4), nn::Matrix::Ones(2, 5)); },
        "dY of 2x5 for T = 3");
    nn_test::check_names(m, "2x5", "dY of 2x5 for 3 queries");
    m = nn_test::invalid_argument_message(
        [&] {
            attention_backward(Q, nn::Matrix::Ones(4, 3), V, nn::Matrix::Ones(3, 4), nn::Matrix::Ones(3, 5));
        },
        "K with 3 columns for d = 2");
    nn_test::check_names(m, "4x3", "K with 3 columns for Q's d = 2");
    m = nn_test::invalid_argument_message(
        [&] {
            attention_backward(Q, K, nn::Matrix::Ones(2, 5), nn::Matrix::Ones(3, 4), nn::Matrix::Ones(3, 5));
        },
        "V with 2 rows for 4 keys");
    nn_test::check_names(m, "2x5", "V with 2 rows for 4 keys");
    m = nn_test::invalid_argument_message(
        [&] { attention_backward(Q, K, V, nn::Matrix::Ones(3, 5), nn::Matrix::Ones(3, 5)); },
        "P of 3x5 for N = 4");
    nn_test::check_names(m, "3x5", "P of 3x5 for 4 keys");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex22_3_positional_encoding)

BOOST_AUTO_TEST_CASE(against_the_formula) {
    for (const nn::Index d : {1, 4, 5, 6, 9}) {
        const nn::Index T = 7;
        const nn::Matrix PE = positional_encoding(T, d);
        nn::Matrix want(T, d);
        for (nn::Index pos = 0; pos < T; ++pos)
            for (nn::Index c = 0; c < d; ++c) {
                const double rate = std::pow(10000.0, -double(c - c % 2) / double(d));
                want(pos, c) = c % 2 == 0 ? std::sin(double(pos) * rate) : std::cos(double(pos) * rate);
            }
        nn_test::check_matrix(PE, want, 1e-12,
                              "PE for d = " + std::to_string(d) +
                                  " (column 2i: sin(pos/10000^(2i/d)), column 2i + 1: cos of the same)");
    }
}

BOOST_AUTO_TEST_CASE(by_hand) {
    const nn::Matrix PE = positional_encoding(3, 4);
    BOOST_TEST_REQUIRE((PE.rows() == 3 && PE.cols() == 4), "PE(3, 4) must be 3x4: one row per position");
    nn_test::check_near(PE(0, 0), 0, 1e-15, "PE(0, 0) = sin 0");
    nn_test::check_near(PE(0, 1), 1, 1e-15, "PE(0, 1) = cos 0");
    nn_test::check_near(PE(1, 0), std::sin(1.0), 1e-15, "PE(1, 0) = sin 1");
    nn_test::check_near(PE(1, 1), std::cos(1.0), 1e-15, "PE(1, 1) = cos 1");
    nn_test::check_near(PE(2, 2), std::sin(0.02), 1e-15, "PE(2, 2) = sin(2/10000^(2/4)) = sin(0.02)");
    nn_test::check_near(PE(2, 3), std::cos(0.02), 1e-15, "PE(2, 3) = cos(2/10000^(2/4)) = cos(0.02)");
}

BOOST_AUTO_TEST_CASE(empty_and_negative) {
    BOOST_TEST(positional_encoding(0, 4).rows() == 0);
    BOOST_TEST(positional_encoding(0, 4).cols() == 4);
    BOOST_TEST(positional_encoding(3, 0).rows() == 3);
    BOOST_TEST(positional_encoding(3, 0).cols() == 0);
    nn_test::invalid_argument_message([] { positional_encoding(-1, 4); }, "T = −1");
    nn_test::invalid_argument_message([] { positional_encoding(3, -2); }, "d = −2");
}

BOOST_AUTO_TEST_SUITE_END()
