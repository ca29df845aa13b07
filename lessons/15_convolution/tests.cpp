// Lesson 15 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// Images and kernels are non-square and kernels have no symmetry, so a transposed axis, a flipped
// kernel or a stride on one axis only changes the answer. The expected values come from the
// plain loops written below (an explicitly padded copy of the input, no index arithmetic shared
// with the exercises), from hand arithmetic in the comments, or from central differences.
#define BOOST_TEST_MODULE lesson 15 exercises
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "lesson.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson15;

namespace {

// X with p zeros on every side.
nn::Matrix padded(const nn::Matrix& X, nn::Index p) {
    nn::Matrix P = nn::Matrix::Zero(X.rows() + 2 * p, X.cols() + 2 * p);
    P.block(p, p, X.rows(), X.cols()) = X;
    return P;
}
// The layer written as plainly as possible: pad, then for each output take the window's
// element-wise product with the kernel and sum it.
Image reference_conv(const Image& X, const Filters& K, const nn::Vector& b, nn::Index s, nn::Index p) {
    const nn::Index kh = K[0][0].rows(), kw = K[0][0].cols();
    const nn::Index Ho = (X[0].rows() + 2 * p - kh) / s + 1, Wo = (X[0].cols() + 2 * p - kw) / s + 1;
    Image Y;
    for (std::size_t o = 0; o < K.size(); ++o) {
        nn::Matrix Yo(Ho, Wo);
        for (nn::Index i = 0; i < Ho; ++i)
            for (nn::Index j = 0; j < Wo; ++j) {
                double sum = b(nn::Index(o));
                for (std::size_t c = 0; c < X.size(); ++c)
                    sum += (padded(X[c], p).block(i * s, j * s, kh, kw).array() * K[o][c].array()).sum();
                Yo(i, j) = sum;
            }
        Y.push_back(Yo);
    }
    return Y;
}
std::string spec_text(nn::Index s, nn::Index p) {
    return "stride " + std::to_string(s) + ", padding " + std::to_string(p);
}
void check_image(const Image& got, const Image& expected, double tol, const std::string& what) {
    BOOST_TEST_REQUIRE(got.size() == expected.size(),
                       what << ": expected " << expected.size() << " channels, got " << got.size());
    for (std::size_t c = 0; c < got.size(); ++c)
        nn_test::check_matrix(got[c], expected[c], tol, what + ", channel " + std::to_string(c));
}
void check_conv(const Image& X, const Filters& K, const nn::Vector& b, nn::Index s, nn::Index p,
                const std::string& what) {
    BOOST_TEST_CONTEXT(what << " (" << X.size() << " input channel(s) of " << X[0].rows() << "x"
                            << X[0].cols() << ", " << K.size() << " filter(s) of " << K[0][0].rows() << "x"
                            << K[0][0].cols() << ", " << spec_text(s, p) << ")") {
        check_image(conv_forward(X, K, b, {.stride = s, .pad = p}), reference_conv(X, K, b, s, p), 1e-12,
                    "Y[o](i, j) = b(o) + Σ_c Σ_u Σ_v K[o][c](u, v)·Xp[c](i·s + u, j·s + v)");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex15_1_output_size)

BOOST_AUTO_TEST_CASE(padding_adds_p_on_both_sides) {
    // (6 + 2 − 3)/1 + 1 = 6, (28 + 4 − 5)/1 + 1 = 28, (5 + 4 − 3) + 1 = 7, (4 − 4) + 1 = 1
    nn_test::check_equal(output_size(6, 3, 1, 1), nn::Index{6}, "output_size(n = 6, k = 3, p = 1, s = 1)");
    nn_test::check_equal(output_size(28, 5, 2, 1), nn::Index{28}, "output_size(n = 28, k = 5, p = 2, s = 1)");
    nn_test::check_equal(output_size(5, 3, 2, 1), nn::Index{7}, "output_size(n = 5, k = 3, p = 2, s = 1)");
    nn_test::check_equal(output_size(4, 4, 0, 1), nn::Index{1}, "output_size(n = 4, k = 4, p = 0, s = 1)");
    nn_test::check_equal(output_size(2, 4, 1, 1), nn::Index{1}, "output_size(n = 2, k = 4, p = 1, s = 1)");
}

BOOST_AUTO_TEST_CASE(a_stride_takes_every_s_th_position) {
    // (7 − 3)/2 + 1 = 3, (9 − 3)/3 + 1 = 3, (224 + 6 − 7)/2 + 1 = 112, (10 − 2)/2 + 1 = 5
    nn_test::check_equal(output_size(7, 3, 0, 2), nn::Index{3}, "output_size(n = 7, k = 3, p = 0, s = 2)");
    nn_test::check_equal(output_size(9, 3, 0, 3), nn::Index{3}, "output_size(n = 9, k = 3, p = 0, s = 3)");
    nn_test::check_equal(output_size(224, 7, 3, 2), nn::Index{112},
                         "output_size(n = 224, k = 7, p = 3, s = 2)");
    nn_test::check_equal(output_size(10, 2, 0, 2), nn::Index{5}, "output_size(n = 10, k = 2, p = 0, s = 2)");
    nn_test::check_equal(output_size(13, 1, 0, 4), nn::Index{4}, "output_size(n = 13, k = 1, p = 0, s = 4)");
}

BOOST_AUTO_TEST_CASE(an_uneven_stride_is_floored) {
    // (6 − 3)/2 = 1.5 → 1, + 1 = 2;  (6 + 2 − 3)/2 = 2.5 → 2, + 1 = 3;  (8 − 3)/3 = 1.67 → 1, + 1 = 2;
    // (227 − 11)/4 = 54 exactly, + 1 = 55;  (5 − 2)/2 = 1.5 → 1, + 1 = 2;  (7 + 2 − 2)/4 = 1.75 → 2
    nn_test::check_equal(output_size(6, 3, 0, 2), nn::Index{2}, "output_size(n = 6, k = 3, p = 0, s = 2)");
    nn_test::check_equal(output_size(6, 3, 1, 2), nn::Index{3}, "output_size(n = 6, k = 3, p = 1, s = 2)");
    nn_test::check_equal(output_size(8, 3, 0, 3), nn::Index{2}, "output_size(n = 8, k = 3, p = 0, s = 3)");
    nn_test::check_equal(output_size(227, 11, 0, 4), nn::Index{55},
                         "output_size(n = 227, k = 11, p = 0, s = 4)");
    nn_test::check_equal(output_size(5, 2, 0, 2), nn::Index{2}, "output_size(n = 5, k = 2, p = 0, s = 2)");
    nn_test::check_equal(output_size(7, 2, 1, 4), nn::Index{2}, "output_size(n = 7, k = 2, p = 1, s = 4)");
}

BOOST_AUTO_TEST_CASE(impossible_sizes_throw_invalid_argument) {
    nn_test::invalid_argument_message([] { output_size(3, 5, 0, 1); },
                                      "output_size(n = 3, k = 5, p = 0, s = 1)");
    nn_test::invalid_argument_message([] { output_size(3, 6, 1, 1); },
                                      "output_size(n = 3, k = 6, p = 1, s = 1)");
    nn_test::invalid_argument_message([] { output_size(6, 3, 0, 0); },
                                      "output_size(n = 6, k = 3, p = 0, s = 0)");
    nn_test::invalid_argument_message([] { output_size(6, 3, 0, -2); },
                                      "output_size(n = 6, k = 3, p = 0, s = -2)");
    nn_test::invalid_argument_message([] { output_size(6, 3, -1, 1); },
                                      "output_size(n = 6, k = 3, p = -1, s = 1)");
    nn_test::invalid_argument_message([] { output_size(0, 1, 0, 1); },
                                      "output_size(n = 0, k = 1, p = 0, s = 1)");
    nn_test::invalid_argument_message([] { output_size(6, 0, 0, 1); },
                                      "output_size(n = 6, k = 0, p = 0, s = 1)");
    // An axis with no entries has no output, even when the padding would make room for a window.
    nn_test::invalid_argument_message([] { output_size(0, 1, 1, 1); },
                                      "output_size(n = 0, k = 1, p = 1, s = 1)");
    // A window exactly as large as the padded axis fits once: k = n + 2p must not throw.
    nn::Index out = 0;
    BOOST_CHECK_NO_THROW(out = output_size(3, 5, 1, 2));
    nn_test::check_equal(out, nn::Index{1}, "output_size(n = 3, k = 5, p = 1, s = 2), the window just fits");
    // ... and an axis of one entry is an axis: (1 − 1)/1 + 1 = 1, (1 + 2 − 3)/1 + 1 = 1
    BOOST_CHECK_NO_THROW(out = output_size(1, 1, 0, 1));
    nn_test::check_equal(out, nn::Index{1}, "output_size(n = 1, k = 1, p = 0, s = 1)");
    BOOST_CHECK_NO_THROW(out = output_size(1, 3, 1, 1));
    nn_test::check_equal(out, nn::Index{1}, "output_size(n = 1, k = 3, p = 1, s = 1)");
}

BOOST_AUTO_TEST_CASE(the_error_names_the_sizes) {
    const std::string m = nn_test::invalid_argument_message([] { output_size(13, 17, 1, 1); },
                                                            "output_size(n = 13, k = 17, p = 1, s = 1)");
    nn_test::check_names(m, "13", "output_size(n = 13, k = 17, p = 1, s = 1)");
    nn_test::check_names(m, "17", "output_size(n = 13, k = 17, p = 1, s = 1)");
    nn_test::check_names(m, "15", "output_size(n = 13, k = 17, p = 1, s = 1): the padded length 13 + 2·1");
    const std::string z = nn_test::invalid_argument_message([] { output_size(11, 3, 2, -7); },
                                                            "output_size(n = 11, k = 3, p = 2, s = -7)");
    nn_test::check_names(z, "-7", "output_size(n = 11, k = 3, p = 2, s = -7)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex15_2_conv_forward)

BOOST_AUTO_TEST_CASE(a_small_example_by_hand) {
    // X 3x4, K 2x3, b = 0.5, no padding, stride 1: a 2x2 output.
    const nn::Matrix X = (nn::Matrix(3, 4) << 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8).finished();
    const nn::Matrix K = (nn::Matrix(2, 3) << 1, 0, 2, -1, 3, 0).finished();
    // Y(0, 0) = 1·3 + 0·1 + 2·4 − 1·5 + 3·9 + 0·2 + 0.5 = 33.5
    // Y(0, 1) = 1·1 + 0·4 + 2·1 − 1·9 + 3·2 + 0·6 + 0.5 = 0.5
    // Y(1, 0) = 1·5 + 0·9 + 2·2 − 1·5 + 3·3 + 0·5 + 0.5 = 13.5
    // Y(1, 1) = 1·9 + 0·2 + 2·6 − 1·3 + 3·5 + 0·8 + 0.5 = 33.5
    const nn::Matrix expected = (nn::Matrix(2, 2) << 33.5, 0.5, 13.5, 33.5).finished();
    const Image Y = conv_forward({X}, {{K}}, nn::Vector::Constant(1, 0.5), {});
    BOOST_TEST_CONTEXT("X = " << nn_test::show(X) << ", K = " << nn_test::show(K)
                              << ", b = 0.5, stride 1, no padding") {
        BOOST_TEST_REQUIRE(Y.size() == 1u, "one filter gives one output channel, got " << Y.size());
        nn_test::check_matrix(Y[0], expected, 1e-12,
                              "Y(i, j) = b + Σ_u Σ_v K(u, v)·X(i + u, j + v) (the kernel is not flipped)");
    }
}

BOOST_AUTO_TEST_CASE(padding_on_every_side) {
    nn::Rng rng(1);
    const Image X = random_image(rng, 1, 4, 5);
    const Filters K = random_filters(rng, 1, 1, 3, 2);
    check_conv(X, K, nn::Vector::Constant(1, 0.25), 1, 1, "one zero on every side");
    check_conv(X, K, nn::Vector::Constant(1, -0.5), 1, 2, "two zeros on every side");
}

BOOST_AUTO_TEST_CASE(the_stride_applies_to_both_axes) {
    nn::Rng rng(2);
    check_conv(random_image(rng, 1, 5, 7), random_filters(rng, 1, 1, 3, 3), nn::Vector::Constant(1, 0.1), 2,
               0, "stride 2");
    check_conv(random_image(rng, 1, 8, 7), random_filters(rng, 1, 1, 2, 3), nn::Vector::Constant(1, 0.3), 3,
               1, "stride 3 with padding");
    check_conv(random_image(rng, 1, 6, 9), random_filters(rng, 1, 1, 3, 2), nn::Vector::Constant(1, 0.0), 2,
               1, "stride 2 with padding, an uneven size floored");
}

BOOST_AUTO_TEST_CASE(each_filter_adds_its_own_bias_once) {
    // A constant image of 1s and kernels of 0s: every output is its filter's bias, whatever the
    // number of input channels (3 here: a bias added per channel would show three times).
    Image X(3, nn::Matrix::Ones(4, 5));
    Filters K(2, Image(3, nn::Matrix::Zero(2, 3)));
    const nn::Vector b = (nn::Vector(2) << 1.5, -2.0).finished();
    const Image Y = conv_forward(X, K, b, {});
    BOOST_TEST_CONTEXT("3 channels of 4x5 ones, 2 filters of zero 2x3 kernels, b = [1.5, −2]") {
        check_image(Y, {nn::Matrix::Constant(3, 3, 1.5), nn::Matrix::Constant(3, 3, -2.0)}, 1e-12,
                    "Y[o] = b(o) everywhere");
    }
    nn::Rng rng(3);
    check_conv(random_image(rng, 3, 5, 4), random_filters(rng, 2, 3, 2, 2), b, 1, 1,
               "random kernels, b = [1.5, −2]");
}

BOOST_AUTO_TEST_CASE(input_channels_are_summed_and_filters_kept_apart) {
    nn::Rng rng(4);
    check_conv(random_image(rng, 3, 6, 5), random_filters(rng, 2, 3, 3, 2),
               rng.normal_matrix(2, 1, 0, 1).col(0), 1, 0, "3 channels in, 2 filters");
    check_conv(random_image(rng, 2, 7, 6), random_filters(rng, 4, 2, 2, 3),
               rng.normal_matrix(4, 1, 0, 1).col(0), 2, 1, "2 channels in, 4 filters");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {
// Max pooling written plainly: each window's maximum found with std-like scanning in reading
// order, the first of equal values kept.
Pooled reference_pool(const nn::Matrix& X, nn::Index size, nn::Index stride) {
    const nn::Index Ho = (X.rows() - size) / stride + 1, Wo = (X.cols() - size) / stride + 1;
    Pooled p{nn::Matrix(Ho, Wo), IndexMatrix(Ho, Wo), IndexMatrix(Ho, Wo)};
    for (nn::Index i = 0; i < Ho; ++i)
        for (nn::Index j = 0; j < Wo; ++j) {
            bool first = true;
            for (nn::Index r = i * stride; r < i * stride + size; ++r)
                for (nn::Index c = j * stride; c < j * stride + size; ++c)
                    if (first || X(r, c) > p.Y(i, j)) {
                        p.Y(i, j) = X(r, c);
                        p.row(i, j) = r;
                        p.col(i, j) = c;
                        first = false;
                    }
        }
    return p;
}
nn::Matrix as_matrix(const IndexMatrix& M) { return M.cast<double>(); }
void check_pool(const Pooled& got, const Pooled& expected, const std::string& what) {
    nn_test::check_matrix(got.Y, expected.Y, 0, what + ": the maxima Y");
    nn_test::check_matrix(as_matrix(got.row), as_matrix(expected.row), 0, what + ": the argmax rows (in X)");
    nn_test::check_matrix(as_matrix(got.col), as_matrix(expected.col), 0,
                          what + ": the argmax columns (in X)");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex15_3_max_pool)

BOOST_AUTO_TEST_CASE(two_by_two_windows_stride_two_by_hand) {
    const nn::Matrix X = (nn::Matrix(4, 6) << 1, 3, -2, -5, 0, 4,  //
                          2, 0, -1, -3, 7, 1,                      //
                          5, 6, -4, -6, 2, 2,                      //
                          8, 4, -8, -7, 3, 9)
                             .finished();
    // windows: [[1, 3], [2, 0]] → 3 at (0, 1); [[−2, −5], [−1, −3]] → −1 at (1, 2);
    // [[0, 4], [7, 1]] → 7 at (1, 4); [[5, 6], [8, 4]] → 8 at (3, 0);
    // [[−4, −6], [−8, −7]] → −4 at (2, 2); [[2, 2], [3, 9]] → 9 at (3, 5)
    const Pooled expected{(nn::Matrix(2, 3) << 3, -1, 7, 8, -4, 9).finished(),
                          (IndexMatrix(2, 3) << 0, 1, 1, 3, 2, 3).finished(),
                          (IndexMatrix(2, 3) << 1, 2, 4, 0, 2, 5).finished()};
    BOOST_TEST_CONTEXT("X = " << nn_test::show(X) << ", 2x2 windows, stride 2") {
        check_pool(max_pool(X, 2, 2), expected, "max pooling");
    }
}

BOOST_AUTO_TEST_CASE(ties_keep_the_first_in_reading_order) {
    const nn::Matrix X = (nn::Matrix(2, 8) << 5, 5, 1, 7, 2, 3, -1, -1,  //
                          5, 1, 7, 7, 3, 1, -1, -1)
                             .finished();
    // [[5, 5], [5, 1]] → (0, 0); [[1, 7], [7, 7]] → (0, 3); [[2, 3], [3, 1]] → (0, 5), not (1, 4);
    // [[−1, −1], [−1, −1]] → (0, 6)
    const Pooled expected{(nn::Matrix(1, 4) << 5, 7, 3, -1).finished(),
                          (IndexMatrix(1, 4) << 0, 0, 0, 0).finished(),
                          (IndexMatrix(1, 4) << 0, 3, 5, 6).finished()};
    BOOST_TEST_CONTEXT("X = " << nn_test::show(X)
                              << ", 2x2 windows, stride 2; a tie keeps the first maximum, "
                                 "reading each window's top row left to right, then the next") {
        check_pool(max_pool(X, 2, 2), expected, "max pooling with ties");
    }
}

BOOST_AUTO_TEST_CASE(uneven_sizes_are_floored_and_windows_may_overlap) {
    nn::Rng rng(5);
    const nn::Matrix A = rng.normal_matrix(7, 6, 0, 1);
    BOOST_TEST_CONTEXT("a 7x6 input, 2x2 windows, stride 2 (the last row is left out)") {
        check_pool(max_pool(A, 2, 2), reference_pool(A, 2, 2), "max pooling");
    }
    const nn::Matrix B = rng.normal_matrix(5, 8, 0, 1);
    BOOST_TEST_CONTEXT("a 5x8 input, 3x3 windows, stride 2 (overlapping; the last column is left out)") {
        check_pool(max_pool(B, 3, 2), reference_pool(B, 3, 2), "max pooling");
    }
    const nn::Matrix C = rng.normal_matrix(4, 5, 0, 1);
    BOOST_TEST_CONTEXT("a 4x5 input, 2x2 windows, stride 1") {
        check_pool(max_pool(C, 2, 1), reference_pool(C, 2, 1), "max pooling");
    }
}

BOOST_AUTO_TEST_CASE(a_wide_input_keeps_its_axes) {
    nn::Rng rng(6);
    const nn::Matrix X = rng.normal_matrix(4, 9, 0, 1);
    BOOST_TEST_CONTEXT("a 4x9 input, 3x3 windows, stride 3: a 1x3 output") {
        check_pool(max_pool(X, 3, 3), reference_pool(X, 3, 3), "max pooling");
    }
    const nn::Matrix Y = -rng.uniform_matrix(6, 4, 1, 2);  // every entry negative
    BOOST_TEST_CONTEXT("a 6x4 input of negative numbers only, 2x2 windows, stride 2") {
        check_pool(max_pool(Y, 2, 2), reference_pool(Y, 2, 2), "max pooling");
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex15_4_max_pool_backward)

BOOST_AUTO_TEST_CASE(each_gradient_goes_to_its_maximum_by_hand) {
    // The 2x3 pooling of a 4x6 input from ex15_3's hand example: maxima at (0, 1), (1, 2), (1, 4),
    // (3, 0), (2, 2), (3, 5).
    const Pooled p{nn::Matrix::Zero(2, 3), (IndexMatrix(2, 3) << 0, 1, 1, 3, 2, 3).finished(),
                   (IndexMatrix(2, 3) << 1, 2, 4, 0, 2, 5).finished()};
    const nn::Matrix dY = (nn::Matrix(2, 3) << 1, 2, 3, 4, 5, 6).finished();
    const nn::Matrix expected = (nn::Matrix(4, 6) << 0, 1, 0, 0, 0, 0,  //
                                 0, 0, 2, 0, 3, 0,                      //
                                 0, 0, 5, 0, 0, 0,                      //
                                 4, 0, 0, 0, 0, 6)
                                    .finished();
    BOOST_TEST_CONTEXT("dY = " << nn_test::show(dY) << ", argmax rows " << nn_test::show(as_matrix(p.row))
                               << ", columns " << nn_test::show(as_matrix(p.col)) << ", input 4x6") {
        nn_test::check_matrix(max_pool_backward(dY, p, 4, 6), expected, 0,
                              "dX(row(i, j), col(i, j)) = dY(i, j), 0 elsewhere");
    }
}

BOOST_AUTO_TEST_CASE(an_input_that_is_the_maximum_twice_gets_both) {
    // Overlapping windows (3x3, stride 1, on a 3x4 input): the 9 at (1, 2) is the maximum of both.
    const Pooled p{nn::Matrix::Zero(1, 2), (IndexMatrix(1, 2) << 1, 1).finished(),
                   (IndexMatrix(1, 2) << 2, 2).finished()};
    const nn::Matrix dY = (nn::Matrix(1, 2) << 0.5, -2).finished();
    nn::Matrix expected = nn::Matrix::Zero(3, 4);
    expected(1, 2) = 0.5 - 2;
    BOOST_TEST_CONTEXT("two windows whose maximum is the same input (1, 2), dY = [0.5, −2]") {
        nn_test::check_matrix(max_pool_backward(dY, p, 3, 4), expected, 1e-15,
                              "dX(1, 2) = 0.5 + (−2): both gradients add up");
    }
}

BOOST_AUTO_TEST_CASE(matches_central_differences) {
    nn::Rng rng(7);
    for (const auto& [H, W, size, stride] :
         std::vector<std::array<nn::Index, 4>>{{6, 7, 2, 2}, {7, 8, 3, 2}, {5, 9, 2, 1}}) {
        nn::Matrix X = rng.normal_matrix(H, W, 0, 1);
        const Pooled p = reference_pool(X, size, stride);
        const nn::Matrix G = rng.normal_matrix(p.Y.rows(), p.Y.cols(), 0, 1);
        const nn::Matrix numeric = nn_test::central_gradient(
            [&] { return (G.array() * reference_pool(X, size, stride).Y.array()).sum(); }, X);
        BOOST_TEST_CONTEXT("L = Σ G ⊙ max_pool(X) on a " << H << "x" << W << " input, " << size << "x" << size
                                                         << " windows, stride " << stride) {
            nn_test::check_gradient(max_pool_backward(G, p, H, W), numeric, 1e-7, "dL/dX");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

namespace {
// L = Σ_o Σ G[o] ⊙ Y[o], so dL/dY = G; the forward is the plain reference_conv above.
double weighted_sum(const Image& X, const Filters& K, const nn::Vector& b, const Image& G, nn::Index s,
                    nn::Index p) {
    const Image Y = reference_conv(X, K, b, s, p);
    double L = 0;
    for (std::size_t o = 0; o < Y.size(); ++o) L += (G[o].array() * Y[o].array()).sum();
    return L;
}
void check_shapes(const ConvGrads& g, const Image& X, const Filters& K) {
    BOOST_TEST_REQUIRE(g.dK.size() == K.size(),
                       "dK must hold one entry per filter: expected " << K.size() << ", got " << g.dK.size());
    for (std::size_t o = 0; o < K.size(); ++o) {
        BOOST_TEST_REQUIRE(g.dK[o].size() == K[o].size(),
                           "dK[" << o << "] must hold one kernel per input channel");
        for (std::size_t c = 0; c < K[o].size(); ++c)
            BOOST_TEST_REQUIRE((g.dK[o][c].rows() == K[o][c].rows() && g.dK[o][c].cols() == K[o][c].cols()),
                               "dK[" << o << "][" << c << "] must have the kernel's shape " << K[o][c].rows()
                                     << "x" << K[o][c].cols() << ", got " << g.dK[o][c].rows() << "x"
                                     << g.dK[o][c].cols());
    }
    BOOST_TEST_REQUIRE(g.dB.size() == nn::Index(K.size()), "dB must have one entry per filter");
    BOOST_TEST_REQUIRE(g.dX.size() == X.size(), "dX must have one channel per input channel");
    for (std::size_t c = 0; c < X.size(); ++c)
        BOOST_TEST_REQUIRE((g.dX[c].rows() == X[c].rows() && g.dX[c].cols() == X[c].cols()),
                           "dX[" << c << "] must have the input's shape " << X[c].rows() << "x" << X[c].cols()
                                 << ", got " << g.dX[c].rows() << "x" << g.dX[c].cols());
}
void check_against_central_differences(nn::Index C_in, nn::Index C_out, nn::Index H, nn::Index W,
                                       nn::Index kh, nn::Index kw, nn::Index s, nn::Index p,
                                       std::uint64_t seed) {
    nn::Rng rng(seed);
    Image X = random_image(rng, C_in, H, W);
    Filters K = random_filters(rng, C_out, C_in, kh, kw);
    nn::Vector b = rng.normal_matrix(C_out, 1, 0, 1).col(0);
    const nn::Index Ho = (H + 2 * p - kh) / s + 1, Wo = (W + 2 * p - kw) / s + 1;
    const Image G = random_image(rng, C_out, Ho, Wo);
    auto L = [&] { return weighted_sum(X, K, b, G, s, p); };
    const ConvGrads g = conv_backward(X, K, G, {.stride = s, .pad = p});
    BOOST_TEST_CONTEXT("L = Σ G ⊙ conv(X), " << C_in << " channel(s) of " << H << "x" << W << ", " << C_out
                                             << " filter(s) of " << kh << "x" << kw << ", "
                                             << spec_text(s, p)) {
        check_shapes(g, X, K);
        std::vector<nn::Matrix> dK, nK;
        for (std::size_t o = 0; o < K.size(); ++o)
            for (std::size_t c = 0; c < K[o].size(); ++c) {
                dK.push_back(g.dK[o][c]);
                nK.push_back(nn_test::central_gradient(L, K[o][c]));
            }
        nn_test::check_gradient(stacked(dK), stacked(nK), 1e-7,
                                "dK (every kernel, summed over the output positions it visited)");
        nn_test::check_gradient(g.dB, nn_test::central_gradient(L, b), 1e-7,
                                "dB (each filter's dY summed over its positions)");
        std::vector<nn::Matrix> nX;
        for (std::size_t c = 0; c < X.size(); ++c) nX.push_back(nn_test::central_gradient(L, X[c]));
        nn_test::check_gradient(stacked(g.dX), stacked(nX), 1e-7, "dX (the padding's gradient dropped)");
    }
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex15_5_conv_backward)

BOOST_AUTO_TEST_CASE(a_small_example_by_hand) {
    // X 3x4, K 2x3, stride 1, no padding: Y is 2x2; dY = [[1, 2], [−1, 3]].
    const nn::Matrix X = (nn::Matrix(3, 4) << 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8).finished();
    const nn::Matrix K = (nn::Matrix(2, 3) << 1, 0, 2, -1, 3, 0).finished();
    const nn::Matrix dY = (nn::Matrix(2, 2) << 1, 2, -1, 3).finished();
    // dK(u, v) = Σ_ij dY(i, j)·X(i + u, j + v), e.g. dK(0, 0) = 1·3 + 2·1 − 1·5 + 3·9 = 27
    const nn::Matrix dK = (nn::Matrix(2, 3) << 27, 6, 22, 27, 25, 33).finished();
    // dX(r, q) = Σ dY(i, j)·K(r − i, q − j) over the (i, j) whose window holds (r, q), e.g.
    // dX(1, 1) = dY(0,0)·K(1,1) + dY(0,1)·K(1,0) + dY(1,0)·K(0,1) + dY(1,1)·K(0,0) = 3 − 2 + 0 + 3 = 4
    const nn::Matrix dX = (nn::Matrix(3, 4) << 1, 2, 2, 4,  //
                           -2, 4, 4, 6,                     //
                           1, -6, 9, 0)
                              .finished();
    const ConvGrads g = conv_backward({X}, {{K}}, {dY}, {});
    BOOST_TEST_CONTEXT("X = " << nn_test::show(X) << ", K = " << nn_test::show(K)
                              << ", dY = " << nn_test::show(dY) << ", stride 1, no padding") {
        check_shapes(g, {X}, {{K}});
        nn_test::check_matrix(g.dK[0][0], dK, 1e-12, "dK(u, v) = Σ_i Σ_j dY(i, j)·X(i + u, j + v)");
        nn_test::check_near(g.dB(0), 5, 1e-12, "dB = Σ dY = 1 + 2 − 1 + 3");
        nn_test::check_matrix(g.dX[0], dX, 1e-12, "dX(i + u, j + v) += K(u, v)·dY(i, j)");
    }
}

BOOST_AUTO_TEST_CASE(stride_one_input_gradient_is_a_full_convolution_with_the_flipped_kernel) {
    // dX = dY padded by (kh − 1, kw − 1), cross-correlated with K turned by 180°.
    nn::Rng rng(8);
    const Image X = random_image(rng, 1, 5, 6);
    const Filters K = random_filters(rng, 1, 1, 2, 3);
    const Image dY = random_image(rng, 1, 4, 4);
    const nn::Matrix F = K[0][0].reverse();
    nn::Matrix D = nn::Matrix::Zero(4 + 2 * 1, 4 + 2 * 2);
    D.block(1, 2, 4, 4) = dY[0];
    nn::Matrix expected(5, 6);
    for (nn::Index r = 0; r < 5; ++r)
        for (nn::Index q = 0; q < 6; ++q) expected(r, q) = (D.block(r, q, 2, 3).array() * F.array()).sum();
    const ConvGrads g = conv_backward(X, K, dY, {});
    BOOST_TEST_CONTEXT("a 5x6 input, a 2x3 kernel K = " << nn_test::show(K[0][0]) << ", stride 1") {
        check_shapes(g, X, K);
        nn_test::check_matrix(g.dX[0], expected, 1e-12, "dX = full cross-correlation of dY with flip(K)");
    }
}

BOOST_AUTO_TEST_CASE(one_channel_with_padding_matches_central_differences) {
    check_against_central_differences(1, 1, 5, 4, 3, 2, 1, 1, 9);
}

BOOST_AUTO_TEST_CASE(a_stride_on_both_axes_matches_central_differences) {
    check_against_central_differences(1, 2, 7, 8, 3, 2, 2, 0, 10);
    check_against_central_differences(1, 1, 8, 6, 2, 3, 3, 1, 11);
}

BOOST_AUTO_TEST_CASE(channels_and_filters_match_central_differences) {
    check_against_central_differences(2, 3, 5, 7, 3, 2, 2, 1, 12);
    check_against_central_differences(3, 2, 6, 5, 2, 2, 1, 0, 13);
}

BOOST_AUTO_TEST_CASE(each_filter_gets_its_own_bias_gradient) {
    nn::Rng rng(14);
    const Image X = random_image(rng, 2, 4, 5);
    const Filters K = random_filters(rng, 3, 2, 2, 2);
    const Image dY = {nn::Matrix::Constant(3, 4, 1.0), nn::Matrix::Constant(3, 4, -0.5),
                      (nn::Matrix(3, 4) << 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).finished()};
    const ConvGrads g = conv_backward(X, K, dY, {});
    BOOST_TEST_CONTEXT("3 filters, dY[0] all 1, dY[1] all −0.5, dY[2] = 1 .. 12") {
        check_shapes(g, X, K);
        nn_test::check_near(g.dB(0), 12, 1e-12, "dB(0) = 12 · 1");
        nn_test::check_near(g.dB(1), -6, 1e-12, "dB(1) = 12 · (−0.5)");
        nn_test::check_near(g.dB(2), 78, 1e-12, "dB(2) = 1 + 2 + ... + 12");
    }
}

BOOST_AUTO_TEST_SUITE_END()
