// Lesson 16 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// Shapes are non-square (H ≠ W) and have several channels, so a swapped axis or a channel order
// other than the contract's changes the answer. The expected patches come from an explicitly padded
// copy of each channel (no index arithmetic shared with the exercises), from small cases worked by
// hand in the comments, or from the adjoint identity ⟨im2col(A), P⟩ = ⟨A, col2im(P)⟩.
#define BOOST_TEST_MODULE lesson 16 exercises
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson16;

namespace {

std::string shape_text(nn::Shape s) {
    return "(C " + std::to_string(s.C) + ", H " + std::to_string(s.H) + ", W " + std::to_string(s.W) + ")";
}
const char* kind_name(nn::LayerKind k) {
    switch (k) {
        case nn::LayerKind::conv:
            return "conv";
        case nn::LayerKind::relu:
            return "relu";
        case nn::LayerKind::max_pool:
            return "max_pool";
        case nn::LayerKind::dense:
            return "dense";
    }
    return "?";
}
std::string spec_text(const nn::LayerSpec& l) {
    switch (l.kind) {
        case nn::LayerKind::conv:
            return "conv(" + std::to_string(l.size) + ", k " + std::to_string(l.k) + ", pad " +
                   std::to_string(l.pad) + ")";
        case nn::LayerKind::relu:
            return "relu()";
        case nn::LayerKind::max_pool:
            return "max_pool(" + std::to_string(l.size) + ")";
        case nn::LayerKind::dense:
            return "dense(" + std::to_string(l.size) + ")";
    }
    return "?";
}
void check_layer(nn::Shape in, const nn::LayerSpec& l, nn::Shape out, nn::Index parameters,
                 const std::string& why) {
    BOOST_TEST_CONTEXT(spec_text(l) << " on an input of shape " << shape_text(in)) {
        LayerInfo got{};
        try {
            got = layer_info(in, l);
        } catch (const std::invalid_argument& e) {
            BOOST_TEST_REQUIRE(false, "layer_info refused a layer that fits (" << why << "): " << e.what());
        }
        const bool same = got.out == out;
        BOOST_TEST(same, "output shape: expected " << shape_text(out) << ", got " << shape_text(got.out)
                                                   << " (" << why << ")");
        nn_test::check_equal(got.parameters, parameters, "parameters (" + why + ")");
    }
}
void check_refused(nn::Shape in, const nn::LayerSpec& l, const std::string& why) {
    BOOST_TEST_CONTEXT(spec_text(l) << " on an input of shape " << shape_text(in) << ": " << why) {
        const std::string m = nn_test::invalid_argument_message([&] { layer_info(in, l); }, "layer_info");
        if (!m.empty()) {  // the message names the layer and the input's rows and columns
            nn_test::check_names(m, kind_name(l.kind), "layer_info's message");
            nn_test::check_names(m, std::to_string(in.H), "layer_info's message");
            nn_test::check_names(m, std::to_string(in.W), "layer_info's message");
        }
    }
}

// A batch of N images of shape s in the channel-rows layout, every entry different.
nn::Matrix batch(nn::Rng& rng, nn::Shape s, nn::Index N) {
    return rng.normal_matrix(s.C, N * s.H * s.W, 0, 1);
}
// Channel c of image n as an (H, W) matrix with pad zeros around it.
nn::Matrix padded_channel(const nn::Matrix& A, nn::Shape s, nn::Index n, nn::Index c, nn::Index pad) {
    nn::Matrix P = nn::Matrix::Zero(s.H + 2 * pad, s.W + 2 * pad);
    for (nn::Index i = 0; i < s.H; ++i)
        for (nn::Index j = 0; j < s.W; ++j) P(pad + i, pad + j) = A(c, n * s.H * s.W + i * s.W + j);
    return P;
}
// The patch matrix by its definition, read off the padded copies.
nn::Matrix reference_im2col(const nn::Matrix& A, nn::Shape s, nn::Index k, nn::Index pad, nn::Index first,
                            nn::Index count) {
    const nn::Index Ho = s.H + 2 * pad - k + 1, Wo = s.W + 2 * pad - k + 1;
    nn::Matrix P(k * k * s.C, count * Ho * Wo);
    for (nn::Index n = 0; n < count; ++n)
        for (nn::Index c = 0; c < s.C; ++c) {
            const nn::Matrix X = padded_channel(A, s, first + n, c, pad);
            for (nn::Index i = 0; i < Ho; ++i)
                for (nn::Index j = 0; j < Wo; ++j) {
                    const nn::Matrix window = X.block(i, j, k, k);
                    for (nn::Index u = 0; u < k; ++u)
                        for (nn::Index v = 0; v < k; ++v)
                            P((u * k + v) * s.C + c, (n * Ho + i) * Wo + j) = window(u, v);
                }
        }
    return P;
}
std::string case_text(nn::Shape s, nn::Index N, nn::Index k, nn::Index pad, nn::Index first,
                      nn::Index count) {
    return std::to_string(N) + " image(s) of shape " + shape_text(s) + ", k " + std::to_string(k) + ", pad " +
           std::to_string(pad) + ", images " + std::to_string(first) + " to " +
           std::to_string(first + count - 1);
}
void check_im2col(nn::Rng& rng, nn::Shape s, nn::Index N, nn::Index k, nn::Index pad, nn::Index first,
                  nn::Index count) {
    const nn::Matrix A = batch(rng, s, N);
    BOOST_TEST_CONTEXT(case_text(s, N, k, pad, first, count)) {
        nn_test::check_matrix(lesson16::im2col(A, s, k, pad, first, count),
                              reference_im2col(A, s, k, pad, first, count), 0,
                              "im2col: row (u·k + v)·C + c, column (n·Ho + i)·Wo + j holds image first + n, "
                              "channel c, at (i + u − pad, j + v − pad), 0 in the padding");
    }
}
// col2im_add of dP into dA, against the adjoint identity: for every input entry e,
// (dA after − dA before)(e) = Σ of dP's entries that im2col copied from e, which is ⟨im2col(E), dP⟩
// for E the batch with a 1 at e and 0 elsewhere.
void check_col2im(nn::Rng& rng, nn::Shape s, nn::Index N, nn::Index k, nn::Index pad, nn::Index first,
                  nn::Index count) {
    const nn::Index Ho = s.H + 2 * pad - k + 1, Wo = s.W + 2 * pad - k + 1;
    const nn::Matrix dP = rng.normal_matrix(k * k * s.C, count * Ho * Wo, 0, 1);
    const nn::Matrix before = batch(rng, s, N);
    nn::Matrix expected = before;
    for (nn::Index c = 0; c < s.C; ++c)
        for (nn::Index e = 0; e < N * s.H * s.W; ++e) {
            nn::Matrix E = nn::Matrix::Zero(s.C, N * s.H * s.W);
            E(c, e) = 1;
            expected(c, e) += (reference_im2col(E, s, k, pad, first, count).array() * dP.array()).sum();
        }
    nn::Matrix dA = before;
    lesson16::col2im_add(dP, s, k, pad, first, count, dA);
    BOOST_TEST_CONTEXT(case_text(s, N, k, pad, first, count) << ", dA not zero before") {
        nn_test::check_matrix(
            dA, expected, 1e-12,
            "dA + the sum of the patch entries copied from each input entry (images outside "
            "first .. first + count − 1 unchanged)");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex16_1_layer_info)

BOOST_AUTO_TEST_CASE(the_lessons_network_layer_by_layer) {
    // Keras's summary of the lesson's network: 5×5·1·32 + 32 = 832, 5×5·32·64 + 64 = 51,264,
    // 4·4·64·128 + 128 = 131,200, 128·10 + 10 = 1,290.
    check_layer({1, 28, 28}, nn::conv(32, 5), {32, 24, 24}, 832,
                "28 − 5 + 1 = 24; 32 filters of 5×5×1 and 32 biases");
    check_layer({32, 24, 24}, nn::relu(), {32, 24, 24}, 0, "relu keeps the shape and learns nothing");
    check_layer({32, 24, 24}, nn::max_pool(2), {32, 12, 12}, 0, "24 / 2 = 12; pooling learns nothing");
    check_layer({32, 12, 12}, nn::conv(64, 5), {64, 8, 8}, 51264,
                "every filter has a 5×5 kernel for each of the 32 input channels: 64·(25·32 + 1)");
    check_layer({64, 4, 4}, nn::dense(128), {128, 1, 1}, 131200,
                "4·4·64 = 1024 inputs to each of 128 outputs");
    check_layer({128, 1, 1}, nn::dense(10), {10, 1, 1}, 1290, "128·10 weights + 10 biases");
}

BOOST_AUTO_TEST_CASE(conv_counts_a_kernel_per_input_channel_and_a_bias_per_filter) {
    // 4 filters, each 3 channels of 3×3 = 27 weights and 1 bias: 4·28 = 112.
    check_layer({3, 10, 8}, nn::conv(4, 3), {4, 8, 6}, 112, "(10 − 3 + 1, 8 − 3 + 1); 4·(3·3·3 + 1)");
    // Rows and columns are separate: 13 rows and 17 columns of input.
    check_layer({2, 13, 17}, nn::conv(5, 4), {5, 10, 14}, 165, "(13 − 4 + 1, 17 − 4 + 1); 5·(4·4·2 + 1)");
    check_layer({6, 5, 9}, nn::conv(1, 1), {1, 5, 9}, 7, "a 1×1 convolution mixes channels: 1·(6 + 1)");
}

BOOST_AUTO_TEST_CASE(padding_adds_pad_zeros_on_every_side) {
    check_layer({2, 7, 5}, nn::conv(3, 3, 1), {3, 7, 5}, 57,
                "7 + 2 − 3 + 1 = 7: pad 1 keeps a 3×3 conv's size");
    check_layer({1, 4, 6}, nn::conv(2, 3, 2), {2, 6, 8}, 20, "4 + 4 − 3 + 1 = 6, 6 + 4 − 3 + 1 = 8");
    check_layer({1, 3, 3}, nn::conv(1, 5, 1), {1, 1, 1}, 26, "k = H + 2·pad fits exactly once");
    // Padding adds no parameters.
    check_layer({3, 9, 11}, nn::conv(2, 5, 2), {2, 9, 11}, 152,
                "2·(5·5·3 + 1), the same with or without pad");
}

BOOST_AUTO_TEST_CASE(pooling_drops_what_does_not_fill_a_window) {
    check_layer({8, 9, 7}, nn::max_pool(2), {8, 4, 3}, 0, "⌊9/2⌋ = 4, ⌊7/2⌋ = 3: the floor");
    check_layer({2, 11, 6}, nn::max_pool(3), {2, 3, 2}, 0, "⌊11/3⌋ = 3, ⌊6/3⌋ = 2");
    check_layer({5, 3, 4}, nn::max_pool(1), {5, 3, 4}, 0, "a 1×1 window changes nothing");
    check_layer({3, 4, 5}, nn::max_pool(4), {3, 1, 1}, 0, "one window of 4×4 fits");
    check_layer({3, 6, 4}, nn::max_pool(4), {3, 1, 1}, 0, "one window of 4×4 fits the 4 columns");
}

BOOST_AUTO_TEST_CASE(relu_keeps_the_shape_and_dense_flattens) {
    check_layer({5, 3, 2}, nn::relu(), {5, 3, 2}, 0, "relu keeps the shape and learns nothing");
    check_layer({3, 5, 2}, nn::dense(7), {7, 1, 1}, 217, "3·5·2 = 30 inputs: 7·(30 + 1)");
    check_layer({1, 1, 1}, nn::dense(1), {1, 1, 1}, 2, "one weight, one bias");
    check_layer({784, 1, 1}, nn::dense(30), {30, 1, 1}, 23550, "FruitPunch's dense_1: 784·30 + 30");
}

BOOST_AUTO_TEST_CASE(a_layer_that_does_not_fit_is_refused) {
    check_refused({1, 3, 10}, nn::conv(2, 5), "the kernel is taller than the 3 rows");
    check_refused({1, 13, 4}, nn::conv(2, 5), "the kernel is wider than the 4 columns");
    check_refused({1, 3, 17}, nn::conv(2, 6, 1), "6 > 3 + 2·1");
    check_refused({1, 14, 4}, nn::conv(2, 7, 1), "7 > 4 + 2·1 columns");
    check_refused({1, 4, 14}, nn::conv(2, 7, 1), "7 > 4 + 2·1 rows");
    check_refused({2, 13, 17}, nn::conv(0, 3), "no filters");
    check_refused({2, 13, 17}, nn::conv(4, 0), "a kernel of size 0");
    check_refused({2, 13, 17}, nn::conv(4, 3, -1), "a negative pad");
    check_refused({4, 3, 17}, nn::max_pool(4), "the window is taller than the 3 rows");
    check_refused({4, 17, 3}, nn::max_pool(4), "the window is wider than the 3 columns");
    check_refused({4, 13, 17}, nn::max_pool(0), "a window of size 0");
    check_refused({4, 13, 17}, nn::dense(0), "a dense layer without outputs");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex16_2_im2col)

BOOST_AUTO_TEST_CASE(one_grey_image_worked_by_hand) {
    // The image 1 2 3 4 / 5 6 7 8 / 9 10 11 12 (3 rows, 4 columns), k = 2, no padding: 2×3 windows.
    // Row u·2 + v of the patch matrix is the kernel entry (u, v); column i·3 + j the window at (i, j).
    const nn::Matrix A = (nn::Matrix(1, 12) << 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).finished();
    const nn::Matrix expected = (nn::Matrix(4, 6) << 1, 2, 3, 5, 6, 7,  // (0, 0): the windows' top-left
                                 2, 3, 4, 6, 7, 8,                      // (0, 1): top-right
                                 5, 6, 7, 9, 10, 11,                    // (1, 0): bottom-left
                                 6, 7, 8, 10, 11, 12)                   // (1, 1): bottom-right
                                    .finished();
    nn_test::check_matrix(lesson16::im2col(A, {1, 3, 4}, 2, 0, 0, 1), expected, 0,
                          "im2col of 1..12 (3 rows, 4 columns), k 2, pad 0: one column per window");
}

BOOST_AUTO_TEST_CASE(padding_gives_zeros_around_the_image) {
    // The 2×2 image 1 2 / 3 4 with pad 1 and k 2: 3×3 windows; the first reads the padding's corner.
    const nn::Matrix A = (nn::Matrix(1, 4) << 1, 2, 3, 4).finished();
    const nn::Matrix expected = (nn::Matrix(4, 9) << 0, 0, 0, 0, 1, 2, 0, 3, 4,  // (0, 0)
                                 0, 0, 0, 1, 2, 0, 3, 4, 0,                      // (0, 1)
                                 0, 1, 2, 0, 3, 4, 0, 0, 0,                      // (1, 0)
                                 1, 2, 0, 3, 4, 0, 0, 0, 0)                      // (1, 1)
                                    .finished();
    nn_test::check_matrix(lesson16::im2col(A, {1, 2, 2}, 2, 1, 0, 1), expected, 0,
                          "im2col of 1 2 / 3 4, k 2, pad 1: zeros where a window reaches the padding");
}

BOOST_AUTO_TEST_CASE(channels_are_the_fastest_row_index) {
    // Two channels of one 2×3 image: channel 0 holds 1..6, channel 1 holds 10..60. With k = 2 the
    // rows are (u, v, c) = (0,0,0), (0,0,1), (0,1,0), (0,1,1), ...
    const nn::Matrix A = (nn::Matrix(2, 6) << 1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60).finished();
    const nn::Matrix expected =
        (nn::Matrix(8, 2) << 1, 2, 10, 20, 2, 3, 20, 30, 4, 5, 40, 50, 5, 6, 50, 60).finished();
    nn_test::check_matrix(lesson16::im2col(A, {2, 2, 3}, 2, 0, 0, 1), expected, 0,
                          "im2col of two channels, k 2: row (u·k + v)·C + c, channel fastest");
}

BOOST_AUTO_TEST_CASE(many_shapes_against_padded_copies) {
    nn::Rng rng(1602);
    check_im2col(rng, {3, 5, 7}, 1, 3, 0, 0, 1);
    check_im2col(rng, {2, 6, 4}, 2, 3, 1, 0, 2);
    check_im2col(rng, {4, 5, 6}, 3, 2, 2, 0, 3);
    check_im2col(rng, {1, 7, 5}, 2, 5, 2, 0, 2);
    check_im2col(rng, {3, 4, 6}, 2, 1, 0, 0, 2);
    check_im2col(rng, {2, 3, 5}, 1, 3, 0, 0, 1);  // k = H: one row of windows
}

BOOST_AUTO_TEST_CASE(only_the_images_asked_for) {
    nn::Rng rng(1603);
    check_im2col(rng, {2, 5, 4}, 4, 3, 1, 1, 2);  // images 1 and 2 of 0..3
    check_im2col(rng, {3, 4, 6}, 5, 2, 0, 4, 1);  // the last image only
    check_im2col(rng, {1, 6, 5}, 6, 3, 2, 2, 3);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex16_3_col2im_add)

BOOST_AUTO_TEST_CASE(each_pixel_gets_one_per_window_that_covers_it) {
    // A 3×3 image, k = 2, no padding, every patch entry 1: a corner lies in 1 window, an edge in 2,
    // the centre in 4.
    nn::Matrix dA = nn::Matrix::Zero(1, 9);
    lesson16::col2im_add(nn::Matrix::Ones(4, 4), {1, 3, 3}, 2, 0, 0, 1, dA);
    nn_test::check_matrix(dA, (nn::Matrix(1, 9) << 1, 2, 1, 2, 4, 2, 1, 2, 1).finished(), 0,
                          "col2im_add of ones, 3×3 image, k 2: how many windows cover each pixel");
    // With pad 1 and k = 3 there are 3×3 windows; the corners lie in 4, the edges in 6, the centre in
    // 9. What falls on the padding is dropped.
    dA = nn::Matrix::Zero(1, 9);
    lesson16::col2im_add(nn::Matrix::Ones(9, 9), {1, 3, 3}, 3, 1, 0, 1, dA);
    nn_test::check_matrix(dA, (nn::Matrix(1, 9) << 4, 6, 4, 6, 9, 6, 4, 6, 4).finished(), 0,
                          "col2im_add of ones, 3×3 image, k 3, pad 1: the padding's share is dropped");
}

BOOST_AUTO_TEST_CASE(it_adds_to_what_dA_holds) {
    // One 2×2 image, k = 1: each patch entry is one pixel, so dA gains dP exactly.
    nn::Matrix dA = (nn::Matrix(1, 4) << 10, 20, 30, 40).finished();
    lesson16::col2im_add((nn::Matrix(1, 4) << 1, 2, 3, 4).finished(), {1, 2, 2}, 1, 0, 0, 1, dA);
    nn_test::check_matrix(dA, (nn::Matrix(1, 4) << 11, 22, 33, 44).finished(), 0,
                          "col2im_add adds to dA (10 20 30 40 + 1 2 3 4)");
}

BOOST_AUTO_TEST_CASE(the_adjoint_of_im2col_on_many_shapes) {
    nn::Rng rng(1604);
    check_col2im(rng, {1, 4, 5}, 1, 2, 0, 0, 1);
    check_col2im(rng, {3, 5, 4}, 2, 3, 1, 0, 2);
    check_col2im(rng, {2, 3, 6}, 1, 3, 2, 0, 1);
    check_col2im(rng, {2, 4, 3}, 3, 2, 1, 0, 3);
}

BOOST_AUTO_TEST_CASE(only_the_images_asked_for_change) {
    nn::Rng rng(1605);
    check_col2im(rng, {2, 4, 5}, 4, 3, 1, 1, 2);
    check_col2im(rng, {1, 5, 3}, 3, 2, 0, 2, 1);
}

BOOST_AUTO_TEST_SUITE_END()
