// Lesson 15's own code (beyond the exercises): im2col against the readable loops, and the flip.
#define BOOST_TEST_MODULE lesson 15 lesson code
#include <boost/test/unit_test.hpp>

#include <string>

#include "lesson.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson15;

namespace {
struct Shape {
    nn::Index C_in, C_out, H, W, kh, kw, s, p;
};
std::string describe(const Shape& c) {
    return std::to_string(c.C_in) + " channel(s) of " + std::to_string(c.H) + "x" + std::to_string(c.W) +
           ", " + std::to_string(c.C_out) + " filter(s) of " + std::to_string(c.kh) + "x" +
           std::to_string(c.kw) + ", stride " + std::to_string(c.s) + ", padding " + std::to_string(c.p);
}
const Shape shapes[] = {{1, 1, 6, 6, 3, 3, 1, 0}, {1, 3, 5, 7, 3, 2, 1, 1}, {2, 4, 8, 6, 2, 3, 2, 1},
                        {3, 2, 9, 7, 3, 3, 3, 2}, {4, 5, 7, 7, 1, 1, 2, 0}, {2, 2, 5, 4, 5, 4, 1, 0}};
}  // namespace

BOOST_AUTO_TEST_CASE(im2col_gives_the_loops_numbers_on_many_shapes) {
    nn::Rng rng(151);
    for (const Shape& c : shapes) {
        const Image X = random_image(rng, c.C_in, c.H, c.W);
        const Filters K = random_filters(rng, c.C_out, c.C_in, c.kh, c.kw);
        const nn::Vector b = rng.normal_matrix(c.C_out, 1, 0, 1).col(0);
        const ConvSpec spec{.stride = c.s, .pad = c.p};
        const Image direct = conv_forward(X, K, b, spec), fast = conv_forward_im2col(X, K, b, spec);
        BOOST_TEST_CONTEXT(describe(c)) {
            BOOST_TEST_REQUIRE(fast.size() == direct.size());
            for (std::size_t o = 0; o < direct.size(); ++o)
                nn_test::check_matrix(fast[o], direct[o], 1e-12, "im2col's map " + std::to_string(o));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_batch_product_holds_each_images_maps_side_by_side) {
    nn::Rng rng(152);
    const Shape c{2, 3, 6, 5, 3, 2, 2, 1};
    std::vector<Image> batch;
    for (int n = 0; n < 4; ++n) batch.push_back(random_image(rng, c.C_in, c.H, c.W));
    const Filters K = random_filters(rng, c.C_out, c.C_in, c.kh, c.kw);
    const nn::Vector b = rng.normal_matrix(c.C_out, 1, 0, 1).col(0);
    const ConvSpec spec{.stride = c.s, .pad = c.p};
    const nn::Matrix Y = conv_batch_im2col(batch, K, b, spec);
    const nn::Index HW = output_size(c.H, c.kh, c.p, c.s) * output_size(c.W, c.kw, c.p, c.s);
    BOOST_TEST_REQUIRE((Y.rows() == c.C_out && Y.cols() == 4 * HW));
    for (std::size_t n = 0; n < batch.size(); ++n) {
        const Image direct = conv_forward(batch[n], K, b, spec);
        for (nn::Index o = 0; o < c.C_out; ++o)
            nn_test::check_matrix(Y.row(o).segment(nn::Index(n) * HW, HW),
                                  direct[std::size_t(o)].reshaped().transpose(), 1e-12,
                                  "image " + std::to_string(n) + ", filter " + std::to_string(o));
    }
}

BOOST_AUTO_TEST_CASE(the_patch_matrix_of_a_tiny_example) {
    // A 2x3 image, a 2x2 window, stride 1, no padding: two positions, (0, 0) and (0, 1); each
    // column is its window read column by column.
    const nn::Matrix X = (nn::Matrix(2, 3) << 1, 2, 3, 4, 5, 6).finished();
    const nn::Matrix expected = (nn::Matrix(4, 2) << 1, 2, 4, 5, 2, 3, 5, 6).finished();
    nn_test::check_matrix(im2col({X}, 2, 2, {}), expected, 0, "im2col of [[1, 2, 3], [4, 5, 6]]");
}

BOOST_AUTO_TEST_CASE(convolution_is_cross_correlation_with_the_flipped_kernel) {
    nn::Rng rng(153);
    const Image X = random_image(rng, 2, 6, 7);
    const Filters K = random_filters(rng, 2, 2, 3, 2);
    const nn::Vector b = rng.normal_matrix(2, 1, 0, 1).col(0);
    // flip twice is the identity; flip(K)(u, v) = K(kh − 1 − u, kw − 1 − v)
    nn_test::check_matrix(flip(flip(K[0][0])), K[0][0], 0, "flip(flip(K))");
    nn_test::check_near(flip(K[0][0])(0, 1), K[0][0](2, 0), 0, "flip(K)(0, 1) = K(2, 0)");
    Filters F = K;
    for (Image& f : F)
        for (nn::Matrix& k : f) k = flip(k);
    const Image a = convolve(X, K, b, {.stride = 2, .pad = 1}),
                c = conv_forward(X, F, b, {.stride = 2, .pad = 1});
    for (std::size_t o = 0; o < a.size(); ++o)
        nn_test::check_matrix(a[o], c[o], 1e-12, "convolve = conv_forward(flip)");
    // ... and, with a kernel that has no symmetry, differs from the cross-correlation
    const Image x = conv_forward(X, K, b, {.stride = 2, .pad = 1});
    BOOST_TEST((a[0] - x[0]).cwiseAbs().maxCoeff() > 0.1);
}
