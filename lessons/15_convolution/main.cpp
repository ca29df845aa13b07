// Lesson 15 — convolution by hand: the first lesson of Part II.
// No deck works a convolution out: Intro-ANN's outline names CNNs and FruitPunch asks "Why CNN?".
// This lesson computes every number itself: one output term by term, the output size, convolution
// against cross-correlation, im2col (lesson 00's product), max pooling, and both backward passes.
// Run: ./nn run 15        Exercises: exercises/15_convolution.cpp, ./nn check 15
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "lesson.hpp"
#include "nn/gradcheck.hpp"
#include "nn/lesson.hpp"
#include "nn/mlp.hpp"
#include "nn/print.hpp"
#include "nn/rng.hpp"
#include "nn/timing.hpp"

using namespace lesson15;

namespace {

// The worked example: a 6x6 grey image, bright on the left and dark on the right, and a 3x3
// kernel that answers where brightness falls from left to right (a vertical edge).
nn::Matrix worked_image() {
    return (nn::Matrix(6, 6) << 9, 8, 9, 1, 0, 2,  //
            8, 9, 7, 0, 1, 1,                      //
            9, 7, 8, 2, 0, 1,                      //
            8, 9, 9, 1, 2, 0,                      //
            7, 8, 9, 0, 1, 2,                      //
            9, 9, 8, 1, 0, 1)
        .finished();
}
nn::Matrix edge_kernel() { return (nn::Matrix(3, 3) << 1, 0, -1, 2, 0, -2, 1, 0, -1).finished(); }
// A kernel with no symmetry at all: turned by 180° it is a different kernel.
nn::Matrix lopsided_kernel() { return (nn::Matrix(3, 3) << 1, 2, 0, 0, 1, 0, 0, 0, -1).finished(); }

std::string num(double v) { return nn::format_number(v, 6); }

// "1×9 + 0×8 − 1×9 + ...": the terms of output (i, j), the kernel's sign folded into the operator.
std::string terms(const nn::Matrix& X, const nn::Matrix& K, nn::Index i, nn::Index j) {
    std::string s;
    for (nn::Index u = 0; u < K.rows(); ++u)
        for (nn::Index v = 0; v < K.cols(); ++v) {
            const double k = K(u, v);
            const std::string term = fmt::format("{}×{}", num(std::abs(k)), num(X(i + u, j + v)));
            if (s.empty())
                s = (k < 0 ? "−" : "") + term;
            else
                s += (k < 0 ? " − " : " + ") + term;
        }
    return s;
}

double largest_difference(const Image& A, const Image& B) {
    double d = 0;
    for (std::size_t c = 0; c < A.size(); ++c) d = std::max(d, (A[c] - B[c]).cwiseAbs().maxCoeff());
    return d;
}

void one_output_by_hand() {
    nn::heading("1. One output number, term by term, then the whole feature map");
    const nn::Matrix X = worked_image(), K = edge_kernel();
    fmt::print(
        "A 6x6 grey image, bright (7 to 9) on the left and dark (0 to 2) on the right, and a 3x3\n"
        "kernel that weighs the left column of each window +1, +2, +1 and the right one −1, −2, −1:\n");
    nn::print_matrix("X", X, 0);
    nn::print_matrix("K", K, 0);
    const Image Y = conv_forward({X}, {{K}}, nn::Vector::Zero(1), {});
    fmt::print(
        "\nThe kernel is laid on the image's top-left 3x3 window; each weight multiplies the pixel\n"
        "under it and the nine products are summed (the bias, 0 here, is added once). Then the\n"
        "window moves one column right, and at the row's end one row down. Every output:\n\n");
    for (nn::Index i = 0; i < Y[0].rows(); ++i)
        for (nn::Index j = 0; j < Y[0].cols(); ++j)
            fmt::print("Y({}, {}) = {} = {}\n", i, j, terms(X, K, i, j), num(Y[0](i, j)));
    fmt::print("\n");
    nn::print_matrix("Y = X ⋆ K", Y[0], 0);
    const nn::Index Ho = Y[0].rows();
    double edge = 0, flat = 0;
    for (nn::Index i = 0; i < Ho; ++i) {
        edge = std::max({edge, Y[0](i, 1), Y[0](i, 2)});
        flat = std::max({flat, std::abs(Y[0](i, 0)), std::abs(Y[0](i, 3))});
    }
    fmt::print(
        "A 6x6 image and a 3x3 window give {}x{} outputs (4 positions along each axis). The two\n"
        "middle columns, whose windows straddle the edge, reach {}; the outer ones, over flat\n"
        "bright or flat dark pixels, stay within ±{}: the map says where the edge is.\n",
        Ho, Y[0].cols(), num(edge), num(flat));
}

void output_size_table() {
    nn::heading("2. The output size: ⌊(n + 2p − k) / s⌋ + 1");
    fmt::print(
        "Along each axis, n entries padded with p zeros on both sides leave n + 2p − k steps for a\n"
        "window of k; a stride s takes every s-th of them, and the first position counts too:\n\n");
    struct Case {
        nn::Index n, k, p, s;
        std::string note;
    };
    const std::vector<Case> cases = {
        {6, 3, 0, 1, "section 1"},
        {6, 3, 1, 1, "\"same\": p = (k − 1)/2 keeps the size"},
        {7, 3, 0, 2, "s divides n + 2p − k = 4"},
        {6, 3, 0, 2, "(6 − 3)/2 = 1.5, floored: the last row is never read"},
        {6, 3, 1, 2, "(6 + 2 − 3)/2 = 2.5, floored"},
        {28, 5, 2, 1, "a 5x5 kernel on MNIST, same size"},
        {28, 2, 0, 2, "2x2 pooling, stride 2: half"},
        {224, 7, 3, 2, "a large network's first layer"},
        {7, 7, 0, 1, "the kernel as large as the image: one output"},
    };
    std::vector<std::vector<std::string>> rows;
    for (const Case& c : cases)
        rows.push_back({fmt::format("{}", c.n), fmt::format("{}", c.k), fmt::format("{}", c.p),
                        fmt::format("{}", c.s), fmt::format("{}", output_size(c.n, c.k, c.p, c.s)), c.note});
    nn::print_table({"n", "k", "p", "s", "output", "why"}, rows, "rrrrrl");
    fmt::print(
        "\nWhen s does not divide n + 2p − k the division is floored: the windows stop where the\n"
        "next one would overhang, and the entries past the last window are never read (a framework\n"
        "does the same; choose p so that nothing is lost if it matters). Sizes that cannot work:\n");
    for (const Case& c :
         std::vector<Case>{{3, 5, 0, 1, ""}, {3, 6, 1, 1, ""}, {6, 3, 0, 0, ""}, {6, 3, -1, 1, ""}}) {
        try {
            output_size(c.n, c.k, c.p, c.s);
            fmt::print("  output_size({}, {}, {}, {}) did NOT throw\n", c.n, c.k, c.p, c.s);
        } catch (const std::invalid_argument& e) {
            fmt::print("  {}\n", e.what());
        }
    }
    const Image Y =
        conv_forward({worked_image()}, {{edge_kernel()}}, nn::Vector::Zero(1), {.stride = 2, .pad = 1});
    fmt::print(
        "\nSection 1's image and kernel with p = 1 and s = 2: (6 + 2 − 3)/2 + 1 = {} outputs a side.\n",
        output_size(6, 3, 1, 2));
    nn::print_matrix("Y (p = 1, s = 2)", Y[0], 0);
    fmt::print(
        "The padded image is 8x8; the windows start at padded rows and columns 0, 2 and 4, so the\n"
        "last padded row and column (zeros) are never read. Y(0, 0) = {} comes from the top-left\n"
        "corner, where the kernel's top row and left column lie on the padding.\n",
        num(Y[0](0, 0)));
}

void convolution_vs_correlation() {
    nn::heading("3. Convolution or cross-correlation?");
    const nn::Matrix X = worked_image(), K = lopsided_kernel();
    const nn::Vector b0 = nn::Vector::Zero(1);
    const Image corr = conv_forward({X}, {{K}}, b0, {});
    const Image conv = convolve({X}, {{K}}, b0, {});
    const Image conv_of_flipped = convolve({X}, {{flip(K)}}, b0, {});
    fmt::print(
        "Convolution as mathematics defines it turns the kernel by 180° before sliding it; what\n"
        "section 1 computed, and what every framework calls a convolution layer, does not: it is a\n"
        "cross-correlation. With a kernel that has no symmetry:\n");
    nn::print_matrix("K", K, 0);
    nn::print_matrix("flip(K)", flip(K), 0);
    nn::print_matrix("cross-correlation X ⋆ K", corr[0], 0);
    nn::print_matrix("convolution X ∗ K", conv[0], 0);
    const auto differ = ((corr[0] - conv[0]).array() != 0).count();
    fmt::print(
        "The two maps differ in {} of their {} entries; the convolution with flip(K) is the\n"
        "cross-correlation with K {}.\n",
        differ, corr[0].size(), largest_difference(corr, conv_of_flipped) == 0 ? "exactly" : "NOT");
    const Image Ye = conv_forward({X}, {{edge_kernel()}}, b0, {});
    const Image Ce = convolve({X}, {{edge_kernel()}}, b0, {});
    fmt::print(
        "(Section 1's edge kernel is mirrored left to right by the flip, so its convolution is\n"
        "its cross-correlation {}.)\n\n"
        "Why frameworks skip the flip: the kernel is learned. Whatever a network would learn as K\n"
        "under one definition, it learns as flip(K) under the other; the outputs, the loss and the\n"
        "training are the same, and not flipping saves a step and keeps the weights where they\n"
        "read (K(0, 0) meets the window's top-left pixel). The flip matters when a kernel is given\n"
        "rather than learned, and where convolution's algebra is used (it commutes, and two\n"
        "convolutions in a row are one convolution with the convolved kernels).\n",
        (Ye[0] + Ce[0]).cwiseAbs().maxCoeff() == 0 ? "negated" : "NOT negated");
}

void im2col_section(const nn::LessonOptions& opt) {
    nn::heading("4. im2col: the convolution as one matrix product");
    const nn::Matrix X = worked_image(), K = edge_kernel();
    const nn::Matrix P = im2col({X}, 3, 3, {});
    const nn::Matrix F = filter_matrix({{K}});
    fmt::print(
        "Each output reads one 3x3 window. Write every window as a column (its 9 pixels, column by\n"
        "column) and the kernel as a row in the same order: each output is then a row times a\n"
        "column, and the whole map is one product, lesson 00's, of a (1x9) by a (9x16):\n");
    nn::print_matrix("patches (one column per output position)", P, 0);
    nn::print_matrix("kernel row", F, 0);
    const Image Y = conv_forward({X}, {{K}}, nn::Vector::Zero(1), {});
    const Image Yi = conv_forward_im2col({X}, {{K}}, nn::Vector::Zero(1), {});
    fmt::print(
        "The product, its 16 entries put back as a 4x4 map (column by column), differs from\n"
        "section 1's loops by {} (the numbers are small integers, so both are exact).\n"
        "With C_in channels and C_out filters the patch matrix has C_in·k·k rows and the filter\n"
        "matrix C_out rows: still one product.\n\n",
        num(largest_difference(Y, Yi)));

    constexpr int N = 64;
    nn::Rng rng(15);
    struct Layer {
        std::string name;
        nn::Index size, c_in, c_out;
    };
    double worst_speedup = 1e300, best_speedup = 0;
    fmt::print(
        "What the product buys, measured on a batch of {} images with 3x3 kernels, p = 1, s = 1: the\n"
        "readable loops of conv_forward, image by image, against im2col of the whole batch and one\n"
        "Eigen product (times per batch, the best of three runs; they vary from run to run):\n",
        N);
    for (const Layer& l :
         {Layer{"28x28, 1 -> 8 channels", 28, 1, 8}, Layer{"14x14, 8 -> 16 channels", 14, 8, 16}}) {
        std::vector<Image> batch(N);
        for (Image& img : batch)
            for (nn::Index c = 0; c < l.c_in; ++c) img.push_back(rng.uniform_matrix(l.size, l.size, 0, 1));
        Filters Kf(std::size_t(l.c_out));
        for (Image& f : Kf)
            for (nn::Index c = 0; c < l.c_in; ++c) f.push_back(rng.normal_matrix(3, 3, 0, 0.3));
        const nn::Vector b = rng.normal_matrix(l.c_out, 1, 0, 0.1).col(0);
        const ConvSpec spec{.stride = 1, .pad = 1};
        std::vector<Image> direct(N);
        nn::Matrix fast;
        const double t_loops = nn::seconds_per_call([&] {
            for (int n = 0; n < N; ++n)
                direct[std::size_t(n)] = conv_forward(batch[std::size_t(n)], Kf, b, spec);
            nn::keep(direct);
        });
        const double t_im2col = nn::seconds_per_call([&] {
            fast = conv_batch_im2col(batch, Kf, b, spec);
            nn::keep(fast);
        });
        const nn::Index HW = l.size * l.size;
        double diff = 0;
        for (int n = 0; n < N; ++n)
            for (nn::Index o = 0; o < l.c_out; ++o)
                diff = std::max(diff, (direct[std::size_t(n)][std::size_t(o)].reshaped().transpose() -
                                       fast.row(o).segment(n * HW, HW))
                                          .cwiseAbs()
                                          .maxCoeff());
        const double speedup = t_loops / t_im2col;
        worst_speedup = std::min(worst_speedup, speedup);
        best_speedup = std::max(best_speedup, speedup);
        const double macs = double(N) * double(HW) * double(l.c_out * l.c_in * 9);
        const double pixels = double(l.c_in) * double(N * HW);
        fmt::print("\n{}: {} multiply-adds; the patch matrix holds {} numbers, 9 times the batch's {}\n",
                   l.name, nn::thousands(std::size_t(macs)), nn::thousands(std::size_t(9 * pixels)),
                   nn::thousands(std::size_t(pixels)));
        nn::print_timing(opt, fmt::format("  loops {:>10} s   im2col + product {:>10} s   speed-up {:>6}x   "
                                          "largest difference {}",
                                          nn::measured(t_loops, "{:.3g}"), nn::measured(t_im2col, "{:.3g}"),
                                          nn::measured(speedup, "{:.1f}"), nn::measured(diff, "{:.1e}")));
    }
    const std::string verdict =
        worst_speedup > 1
            ? fmt::format("im2col with one product was faster on both layers, by ~{} to ~{} times",
                          nn::format_number(worst_speedup, 1), nn::format_number(best_speedup, 1))
        : best_speedup < 1 ? "the loops were faster on both layers"
                           : "im2col won on one layer and lost on the other";
    nn::print_timing(opt, fmt::format("\nOn this run {}.", verdict));
    fmt::print(
        "The loops do the same multiply-adds; the product does them in Eigen's blocked, vectorised\n"
        "kernel, with the weights and patches laid out in memory in the order it reads them. The\n"
        "price is memory: each pixel is copied once for every window that covers it (9 times for\n"
        "a 3x3 kernel at stride 1). The product's inner dimension is C_in·k·k, 9 for the first\n"
        "layer and 72 for the second: the more channels, the longer each dot product Eigen runs.\n");
}

void max_pooling() {
    nn::heading("5. Max pooling, 2x2 windows, stride 2");
    const Image Y = conv_forward({worked_image()}, {{edge_kernel()}}, nn::Vector::Zero(1), {});
    const Pooled p = max_pool(Y[0], 2, 2);
    fmt::print(
        "Pooling keeps the largest number of each window and forgets where in the window it was\n"
        "(the layer's only memory of it is the argmax, kept for the backward pass). Section 1's map:\n");
    nn::print_matrix("Y", Y[0], 0);
    nn::print_matrix("max_pool(Y, 2, 2)", p.Y, 0);
    for (nn::Index i = 0; i < p.Y.rows(); ++i)
        for (nn::Index j = 0; j < p.Y.cols(); ++j)
            fmt::print("  window ({}, {}): rows {}-{}, columns {}-{}: max {} at Y({}, {})\n", i, j, 2 * i,
                       2 * i + 1, 2 * j, 2 * j + 1, num(p.Y(i, j)), p.row(i, j), p.col(i, j));
    fmt::print(
        "A window holding its maximum twice keeps the first in reading order (top row first, left\n"
        "to right), so the backward pass sends the gradient to one entry only; any fixed rule would\n"
        "do, but the forward and the backward pass must agree on it.\n");
    const nn::Matrix dY = (nn::Matrix(2, 2) << 1, 2, 3, 4).finished();
    nn::print_matrix("\ndL/d(pooled), given", dY, 0);
    nn::print_matrix("dL/dY = max_pool_backward", max_pool_backward(dY, p, Y[0].rows(), Y[0].cols()), 0);
    fmt::print(
        "Each gradient lands where its window's maximum was; the other three entries of each\n"
        "window did not change the output, so their gradient is 0.\n");
}

void backward_passes() {
    nn::heading("6. The backward passes, checked against central differences");
    constexpr double tolerance = 1e-7;
    nn::Rng rng(2026);
    // Two input channels of 5x7, three filters of 3x2 (not square, so a swapped axis shows), p = 1, s = 2.
    const ConvSpec spec{.stride = 2, .pad = 1};
    Image X = {rng.normal_matrix(5, 7, 0, 1), rng.normal_matrix(5, 7, 0, 1)};
    Filters K(3);
    for (Image& f : K) f = {rng.normal_matrix(3, 2, 0, 0.5), rng.normal_matrix(3, 2, 0, 0.5)};
    nn::Vector b = rng.normal_matrix(3, 1, 0, 0.5).col(0);
    const nn::Index Ho = output_size(5, 3, 1, 2), Wo = output_size(7, 2, 1, 2);
    Image G;  // L = Σ_o Σ G[o] ⊙ Y[o], so dL/dY = G: any gradient a later layer could send
    for (int o = 0; o < 3; ++o) G.push_back(rng.normal_matrix(Ho, Wo, 0, 1));
    auto loss = [&] {
        const Image Y = conv_forward(X, K, b, spec);
        double L = 0;
        for (std::size_t o = 0; o < Y.size(); ++o) L += (G[o].array() * Y[o].array()).sum();
        return L;
    };
    fmt::print(
        "A loss L = Σ G ⊙ Y with a fixed random G makes dL/dY = G, any gradient a later layer\n"
        "could send. The convolution: 2 input channels of 5x7, 3 filters of 3x2, p = 1, s = 2,\n"
        "so Y is 3 channels of {}x{}. Each gradient against central differences (lesson 06),\n"
        "by the relative error ‖a − n‖/(‖a‖ + ‖n‖):\n\n",
        Ho, Wo);
    const ConvGrads g = conv_backward(X, K, G, spec);
    Filters nK = K;
    for (std::size_t o = 0; o < K.size(); ++o)
        for (std::size_t c = 0; c < K[o].size(); ++c) nK[o][c] = nn::central_gradient(loss, K[o][c]);
    Image nX = X;
    for (std::size_t c = 0; c < X.size(); ++c) nX[c] = nn::central_gradient(loss, X[c]);
    const nn::Matrix nb = nn::central_gradient(loss, b);
    const double eK = nn::rel_error(filter_matrix(g.dK), filter_matrix(nK));
    const double eb = nn::rel_error(g.dB, nb);
    const double eX = nn::rel_error(stacked(g.dX), stacked(nX));

    // Max pooling with overlapping windows (3x3, stride 2): an input can be the maximum of two.
    nn::Matrix Z = rng.normal_matrix(7, 8, 0, 1);
    const Pooled p = max_pool(Z, 3, 2);
    const nn::Matrix Gp = rng.normal_matrix(p.Y.rows(), p.Y.cols(), 0, 1);
    const nn::Matrix dZ = max_pool_backward(Gp, p, Z.rows(), Z.cols());
    const nn::Matrix nZ =
        nn::central_gradient([&] { return (Gp.array() * max_pool(Z, 3, 2).Y.array()).sum(); }, Z);
    const double eZ = nn::rel_error(dZ, nZ);
    const auto twice = [&] {
        nn::Index n = 0;
        for (nn::Index a = 0; a < p.Y.size(); ++a)
            for (nn::Index c = a + 1; c < p.Y.size(); ++c) n += p.row(a) == p.row(c) && p.col(a) == p.col(c);
        return n;
    }();
    nn::print_table({"gradient", "shape", "rel. error"},
                    {{"dL/dK = Σ_positions dY · X window", "3 x 2 x 3x2", nn::measured(eK, "{:.1e}")},
                     {"dL/db = Σ_positions dY", "3", nn::measured(eb, "{:.1e}")},
                     {"dL/dX = Σ K · dY, scattered back", "2 x 5x7", nn::measured(eX, "{:.1e}")},
                     {"max pool 3x3, s = 2, on 7x8: dL/dX", "7x8", nn::measured(eZ, "{:.1e}")}},
                    "llr");
    const double worst = std::max({eK, eb, eX, eZ});
    fmt::print(
        "\nEvery gradient agrees to {} 1e-7. The kernel's gradient sums over every position\n"
        "the kernel visited, the bias's over every output; the input's gradient adds up the\n"
        "contributions of every window that read the pixel (with stride 1 that is a full\n"
        "convolution of dY with the kernel turned by 180°; the flip of section 3 comes back\n"
        "here). In the pooling, {} input entries were the maximum of two overlapping windows and\n"
        "received both gradients.\n",
        worst < tolerance ? "better than" : "WORSE than", twice);
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    return lesson.run(argc, argv, [](const nn::LessonOptions& opt) {
        one_output_by_hand();
        output_size_table();
        convolution_vs_correlation();
        im2col_section(opt);
        max_pooling();
        backward_passes();
    });
}
