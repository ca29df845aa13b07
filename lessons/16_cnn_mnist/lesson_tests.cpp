// Lesson 16's own code (beyond the exercises): the library's fast convolution against lesson 15's
// readable conv_forward and against the exercises' reference answers, the bridges between the two
// layouts, the moved digits and the learning-rate schedule.
#define BOOST_TEST_MODULE lesson 16 lesson code
#include <boost/test/unit_test.hpp>

#include <string>

#include "lesson.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson16;

namespace {
struct Case {
    nn::Shape in;
    nn::Index filters, k, pad, N;
};
std::string describe(const Case& c) {
    return std::to_string(c.N) + " image(s) of " + nn::to_string(c.in) + ", " + std::to_string(c.filters) +
           " filters of " + std::to_string(c.k) + "x" + std::to_string(c.k) + ", pad " +
           std::to_string(c.pad);
}
const Case cases[] = {{{1, 6, 6}, 1, 3, 0, 1},  {{1, 9, 7}, 3, 3, 1, 2},  {{2, 8, 6}, 4, 2, 1, 3},
                      {{3, 7, 9}, 2, 3, 2, 17}, {{4, 5, 5}, 5, 1, 0, 20}, {{2, 5, 4}, 2, 4, 0, 33}};
}  // namespace

BOOST_AUTO_TEST_CASE(the_fast_convolution_gives_lesson_15s_numbers) {
    nn::Rng rng(1661);
    for (const Case& c : cases) {
        const nn::Cnn one(c.in, {nn::conv(c.filters, c.k, c.pad)}, rng);
        const nn::CnnLayer& L = one.layers[0];
        const nn::Matrix X = rng.normal_matrix(c.in.size(), c.N, 0, 1);
        const nn::Matrix Y = one.predict(X);
        const nn::Matrix A = Eigen::Map<const nn::Matrix>(X.data(), c.in.C, c.N * c.in.H * c.in.W);
        const nn::Matrix Z = Eigen::Map<const nn::Matrix>(Y.data(), L.out.C, c.N * L.out.H * L.out.W);
        BOOST_TEST_CONTEXT(describe(c)) {
            for (nn::Index n = 0; n < c.N; ++n) {
                const lesson15::Image slow = lesson15::conv_forward(to_image(A, c.in, n), to_filters(L),
                                                                    L.b.col(0), {.stride = 1, .pad = c.pad});
                const lesson15::Image fast = to_image(Z, L.out, n);
                BOOST_TEST_REQUIRE(fast.size() == slow.size());
                for (std::size_t o = 0; o < slow.size(); ++o)
                    nn_test::check_matrix(fast[o], slow[o], 1e-12,
                                          "image " + std::to_string(n) + ", map " + std::to_string(o));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_librarys_patches_are_the_exercises) {
    nn::Rng rng(1662);
    for (const Case& c : cases) {
        const nn::Matrix A = rng.normal_matrix(c.in.C, c.N * c.in.H * c.in.W, 0, 1);
        const nn::Index first = c.N / 3, count = c.N - c.N / 3;
        BOOST_TEST_CONTEXT(describe(c) << ", images " << first << " on") {
            const nn::Matrix P = lesson16::im2col(A, c.in, c.k, c.pad, first, count);
            nn_test::check_matrix(nn::im2col(A, c.in, c.k, c.pad, first, count), P, 0, "nn::im2col");
            const nn::Matrix dP = rng.normal_matrix(P.rows(), P.cols(), 0, 1);
            nn::Matrix mine = A, theirs = A;
            lesson16::col2im_add(dP, c.in, c.k, c.pad, first, count, mine);
            nn::col2im_add(dP, c.in, c.k, c.pad, first, count, theirs);
            nn_test::check_matrix(theirs, mine, 1e-12, "nn::col2im_add");
        }
    }
}

BOOST_AUTO_TEST_CASE(the_two_layouts_hold_the_same_numbers) {
    // Channel rows: column n·H·W + i·W + j holds pixel (i, j) of image n.
    nn::Matrix A(2, 2 * 6);
    for (nn::Index c = 0; c < 2; ++c)
        for (nn::Index col = 0; col < 12; ++col) A(c, col) = double(100 * c + col);
    const lesson15::Image img = to_image(A, {2, 2, 3}, 1);  // image 1: columns 6..11
    BOOST_TEST_REQUIRE(img.size() == 2u);
    nn_test::check_matrix(img[0], (nn::Matrix(2, 3) << 6, 7, 8, 9, 10, 11).finished(), 0,
                          "image 1, channel 0");
    nn_test::check_matrix(img[1], (nn::Matrix(2, 3) << 106, 107, 108, 109, 110, 111).finished(), 0,
                          "image 1, channel 1");
    // A filter's column (u·k + v)·C + c is K[o][c](u, v).
    nn::Rng rng(1663);
    nn::Cnn one({3, 5, 5}, {nn::conv(2, 2)}, rng);
    const lesson15::Filters K = to_filters(one.layers[0]);
    BOOST_TEST_REQUIRE(K.size() == 2u);
    BOOST_TEST_REQUIRE(K[1].size() == 3u);
    nn_test::check_near(K[1][2](1, 0), one.layers[0].W(1, (1 * 2 + 0) * 3 + 2), 0, "K[1][2](1, 0)");
    nn_test::check_near(K[0][1](0, 1), one.layers[0].W(0, (0 * 2 + 1) * 3 + 1), 0, "K[0][1](0, 1)");
}

BOOST_AUTO_TEST_CASE(the_rate_halves_from_decay_from_on) {
    const Settings s;  // 1e-3, halved after every epoch from epoch 3 on
    nn_test::check_near(rate(s, 1), 1e-3, 0, "epoch 1");
    nn_test::check_near(rate(s, 2), 1e-3, 0, "epoch 2");
    nn_test::check_near(rate(s, 3), 5e-4, 1e-18, "epoch 3");
    nn_test::check_near(rate(s, 5), 1.25e-4, 1e-18, "epoch 5");
}
