// Lesson 17 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// Images are non-square (rows ≠ cols), so rows and columns swapped changes the answer. The expected
// rotations are exact where a turn moves pixels onto pixels (quarter and half turns), worked by hand
// (a single bright pixel turned 45°), or computed here by a second formulation of the contract:
// the output pixel's position turned back in screen coordinates (x right, y up), and bilinear
// interpolation written as tent weights max(0, 1 − |distance|), which share no index arithmetic with
// the ⌊·⌋ form of exercise.hpp. 17.2's expected batches replay the documented draws on an nn::Rng of
// the same seed.
#define BOOST_TEST_MODULE lesson 17 exercises
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "nn/data.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson17;

namespace {

std::string size_text(nn::Index rows, nn::Index cols) {
    return std::to_string(rows) + "x" + std::to_string(cols);
}

// N images of rows×cols, every pixel different, in [0, 1).
nn::Matrix batch(nn::Rng& rng, nn::Index rows, nn::Index cols, nn::Index N) {
    return rng.uniform_matrix(rows * cols, N, 0, 1);
}

// The rotation by its definition in screen coordinates: output pixel (r, c) is at x = c − cc,
// y = rc − r (y up); turned back by −θ it came from x' = x·cos θ + y·sin θ, y' = −x·sin θ + y·cos θ,
// that is row rc − y', column cc + x'; its value is Σ over the pixels (i, j) of the image of
// in(i, j)·max(0, 1 − |row − i|)·max(0, 1 − |column − j|) (bilinear, 0 outside the image).
nn::Matrix reference_rotation(const nn::Matrix& X, nn::Index rows, nn::Index cols, double degrees) {
    const double t = degrees / 180.0 * std::numbers::pi;
    const double rc = 0.5 * double(rows - 1), cc = 0.5 * double(cols - 1);
    nn::Matrix out = nn::Matrix::Zero(X.rows(), X.cols());
    for (nn::Index n = 0; n < X.cols(); ++n)
        for (nn::Index r = 0; r < rows; ++r)
            for (nn::Index c = 0; c < cols; ++c) {
                const double x = double(c) - cc, y = rc - double(r);
                const double xs = x * std::cos(t) + y * std::sin(t), ys = -x * std::sin(t) + y * std::cos(t);
                const double row = rc - ys, col = cc + xs;
                double v = 0;
                for (nn::Index i = 0; i < rows; ++i)
                    for (nn::Index j = 0; j < cols; ++j)
                        v += X(i * cols + j, n) * std::max(0.0, 1 - std::abs(row - double(i))) *
                             std::max(0.0, 1 - std::abs(col - double(j)));
                out(r * cols + c, n) = v;
            }
    return out;
}

void check_rotation(const nn::Matrix& X, nn::Index rows, nn::Index cols, double degrees,
                    const nn::Matrix& expected, const std::string& rule) {
    BOOST_TEST_CONTEXT(X.cols() << " image(s) of " << size_text(rows, cols) << " turned by " << degrees
                                << " degrees") {
        nn_test::check_matrix(rotated(X, rows, cols, degrees), expected, 1e-12, rule);
    }
}

// Where the one non-zero pixel of column n is, as (row, column); (-1, -1) if there is none.
std::pair<nn::Index, nn::Index> bright_pixel(const nn::Matrix& X, nn::Index cols, nn::Index n) {
    for (nn::Index p = 0; p < X.rows(); ++p)
        if (X(p, n) != 0) return {p / cols, p % cols};
    return {-1, -1};
}

// 17.2's draws, replayed as exercise.hpp lists them.
struct Draw {
    nn::Index dr, dc;
    double angle;
};
std::vector<Draw> replay(std::uint64_t seed, nn::Index N, nn::Index m, double a) {
    nn::Rng rng(seed);
    std::vector<Draw> d;
    for (nn::Index n = 0; n < N; ++n) {
        const nn::Index dr = nn::Index(rng.below(std::uint64_t(2 * m + 1))) - m;
        const nn::Index dc = nn::Index(rng.below(std::uint64_t(2 * m + 1))) - m;
        d.push_back({dr, dc, rng.uniform(-a, a)});
    }
    return d;
}
// The generator's next word after 3·N draws of 17.2 from this seed.
std::uint64_t next_after(std::uint64_t seed, nn::Index N, nn::Index m, double a) {
    nn::Rng rng(seed);
    for (nn::Index n = 0; n < N; ++n) {
        rng.below(std::uint64_t(2 * m + 1));
        rng.below(std::uint64_t(2 * m + 1));
        rng.uniform(-a, a);
    }
    return rng.next();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex17_1_rotated)

BOOST_AUTO_TEST_CASE(zero_degrees_gives_the_images_back_and_ten_degrees_does_not) {
    nn::Rng rng(1701);
    const nn::Matrix X = batch(rng, 5, 8, 3);
    check_rotation(X, 5, 8, 0, X, "0 degrees must give every image back unchanged");
    const nn::Matrix turned = rotated(X, 5, 8, 10);
    BOOST_TEST_REQUIRE((turned.rows() == X.rows() && turned.cols() == X.cols()),
                       "10 degrees: expected a " << X.rows() << "x" << X.cols() << " batch, got "
                                                 << turned.rows() << "x" << turned.cols());
    const double change = (turned - X).cwiseAbs().maxCoeff();
    BOOST_TEST(change > 0.01,
               "10 degrees must change the images, but no pixel changed by more than " << change);
}

BOOST_AUTO_TEST_CASE(a_quarter_turn_of_a_square_image_is_a_transpose_flipped_upside_down) {
    // 6×6: the centre (2.5, 2.5) is between pixels, so a centre at rows/2 = 3 moves every pixel.
    nn::Rng rng(1702);
    const nn::Index n = 6;
    const nn::Matrix X = batch(rng, n, n, 2);
    nn::Matrix left(X.rows(), X.cols()), right(X.rows(), X.cols());
    for (nn::Index k = 0; k < X.cols(); ++k)
        for (nn::Index r = 0; r < n; ++r)
            for (nn::Index c = 0; c < n; ++c) {
                left(r * n + c, k) = X(c * n + (n - 1 - r), k);  // +90: the top-right corner to the top-left
                right(r * n + c, k) = X((n - 1 - c) * n + r, k);  // −90: the top-left corner to the top-right
            }
    check_rotation(X, n, n, 90, left,
                   "+90 degrees turns counter-clockwise on screen: out(r, c) = in(c, 5 − r), exactly");
    check_rotation(X, n, n, -90, right, "−90 degrees turns clockwise: out(r, c) = in(5 − c, r), exactly");
}

BOOST_AUTO_TEST_CASE(a_half_turn_of_a_non_square_image_reverses_rows_and_columns) {
    nn::Rng rng(1703);
    for (const auto& [rows, cols] : {std::pair<nn::Index, nn::Index>{5, 8}, {4, 7}}) {
        const nn::Matrix X = batch(rng, rows, cols, 2);
        nn::Matrix expected(X.rows(), X.cols());
        for (nn::Index k = 0; k < X.cols(); ++k)
            for (nn::Index r = 0; r < rows; ++r)
                for (nn::Index c = 0; c < cols; ++c)
                    expected(r * cols + c, k) = X((rows - 1 - r) * cols + (cols - 1 - c), k);
        check_rotation(
            X, rows, cols, 180, expected,
            "180 degrees about ((rows − 1)/2, (cols − 1)/2): out(r, c) = in(rows − 1 − r, cols − 1 − c)");
    }
}

BOOST_AUTO_TEST_CASE(a_quarter_turn_of_a_non_square_image_keeps_what_stays_in_the_field) {
    // 5×9, centre (2, 4): +90 takes out(r, c) from in(2 + (c − 4), 4 − (r − 2)) = in(c − 2, 6 − r),
    // and 0 where that is outside the 5 rows or 9 columns.
    nn::Rng rng(1704);
    const nn::Index rows = 5, cols = 9;
    const nn::Matrix X = batch(rng, rows, cols, 2);
    nn::Matrix expected = nn::Matrix::Zero(X.rows(), X.cols());
    for (nn::Index k = 0; k < X.cols(); ++k)
        for (nn::Index r = 0; r < rows; ++r)
            for (nn::Index c = 0; c < cols; ++c) {
                const nn::Index i = c - 2, j = 6 - r;
                if (i >= 0 && i < rows && j >= 0 && j < cols) expected(r * cols + c, k) = X(i * cols + j, k);
            }
    check_rotation(X, rows, cols, 90, expected,
                   "+90 degrees of a 5x9 image about (2, 4): out(r, c) = in(c − 2, 6 − r), 0 where that is "
                   "outside the image");
}

BOOST_AUTO_TEST_CASE(a_single_bright_pixel_spreads_by_the_bilinear_weights) {
    // A 3×3 image, 1 at the centre. Turned by 45°, pixel (0, 1) comes from (1 − cos 45°, 1 + sin 45°)
    // = (0.2929, 1.7071): between rows 0 and 1 and columns 1 and 2, the centre (1, 1) weighing
    // (1 − 0.7071)·(1 − 0.7071) = (1 − √½)² = 0.0858 (nearest-neighbour would give 0 or 1). The other
    // three edge pixels likewise; a corner, (0, 0), comes from (1 − √2, 1), outside the centre's reach.
    nn::Matrix X = nn::Matrix::Zero(9, 1);
    X(4, 0) = 1;
    const double w = (1 - std::sqrt(0.5)) * (1 - std::sqrt(0.5));
    nn::Matrix expected = nn::Matrix::Zero(9, 1);
    expected(4, 0) = 1;
    for (const nn::Index p : {1, 3, 5, 7}) expected(p, 0) = w;
    check_rotation(
        X, 3, 3, 45, expected,
        "one bright pixel at the centre of 3x3, 45 degrees: 1 at the centre, (1 − √½)² = 0.0858 at "
        "the four edge pixels, 0 at the corners (bilinear weights)");
    check_rotation(X, 3, 3, -45, expected, "the same turned the other way (the pattern is symmetric)");
}

BOOST_AUTO_TEST_CASE(thirty_degrees_interpolates_bilinearly_between_four_pixels) {
    nn::Rng rng(1705);
    const nn::Index rows = 6, cols = 9;
    const nn::Matrix X = batch(rng, rows, cols, 2);
    for (const double degrees : {30.0, -17.5, 123.0})
        check_rotation(
            X, rows, cols, degrees, reference_rotation(X, rows, cols, degrees),
            "each output pixel: the input at its position turned back by −θ about ((rows − 1)/2, "
            "(cols − 1)/2), interpolated bilinearly between the four pixels around it (0 outside)");
}

BOOST_AUTO_TEST_CASE(a_uniform_image_has_no_holes_and_is_zero_where_the_source_is_outside) {
    // An 8×8 image of ones turned by 45°: an output pixel whose source point lies inside the image
    // (row and column both in [0, 7]) must be exactly 1, as every pixel around it is 1: no holes.
    // One whose source is more than a pixel outside must be 0: nothing comes in from outside.
    const nn::Index n = 8;
    const nn::Matrix X = nn::Matrix::Ones(n * n, 1);
    const nn::Matrix Y = rotated(X, n, n, 45);
    BOOST_TEST_REQUIRE((Y.rows() == n * n && Y.cols() == 1),
                       "expected a 64x1 batch, got " << Y.rows() << "x" << Y.cols());
    const double s = std::sqrt(0.5), mid = 3.5;
    int holes = 0, leaks = 0;
    for (nn::Index r = 0; r < n; ++r)
        for (nn::Index c = 0; c < n; ++c) {
            const double dr = double(r) - mid, dc = double(c) - mid;
            const double row = mid + (dr + dc) * s, col = mid + (dc - dr) * s;
            const double v = Y(r * n + c, 0);
            const bool inside = row >= 0 && row <= 7 && col >= 0 && col <= 7;
            const bool outside = row < -1 || row > 8 || col < -1 || col > 8;
            if (inside && std::abs(v - 1) > 1e-12 && ++holes <= 3)
                BOOST_TEST(false, "pixel (" << r << ", " << c << ") comes from (" << row << ", " << col
                                            << "), inside the image of ones, so it must be 1, got " << v
                                            << " (a hole: map every OUTPUT pixel back to the input)");
            if (outside && v != 0 && ++leaks <= 3)
                BOOST_TEST(false, "pixel (" << r << ", " << c << ") comes from (" << row << ", " << col
                                            << "), outside the image, so it must be 0, got " << v);
        }
    BOOST_TEST(holes <= 3, holes - 3 << " more holes");
    BOOST_TEST(leaks <= 3, leaks - 3 << " more pixels that are not 0 though their source is outside");
}

BOOST_AUTO_TEST_CASE(every_image_of_the_batch_is_turned_and_the_input_is_kept) {
    nn::Rng rng(1706);
    const nn::Index rows = 7, cols = 4;
    const nn::Matrix X = batch(rng, rows, cols, 4);
    const nn::Matrix copy = X;
    check_rotation(X, rows, cols, 20, reference_rotation(X, rows, cols, 20),
                   "every column of the batch turned by 20 degrees, each on its own");
    nn_test::check_matrix(X, copy, 0, "X after rotated (it must not be changed)");
}

BOOST_AUTO_TEST_CASE(a_single_row_or_column_is_an_image_too) {
    // 1×6 and 5×1 images are valid: turned by 180 degrees about their middle they read backwards.
    nn::Rng rng(1707);
    for (const auto& [rows, cols] : {std::pair<nn::Index, nn::Index>{1, 6}, {5, 1}}) {
        const nn::Matrix X = batch(rng, rows, cols, 2);
        check_rotation(X, rows, cols, 180, X.colwise().reverse(),
                       "an image of one row or one column turned by 180 degrees reads backwards");
    }
}

BOOST_AUTO_TEST_CASE(refuses_images_that_do_not_fit_the_batch) {
    const nn::Matrix X = nn::Matrix::Zero(20, 2);
    nn_test::check_names(nn_test::invalid_argument_message([&] { rotated(X, 4, 6, 10); },
                                                           "rotated with 4x6 images and 20 rows"),
                         "4x6", "rotated with 4x6 images and 20 rows");
    nn_test::invalid_argument_message([&] { rotated(X, 0, 20, 10); }, "rotated with 0 rows per image");
    nn_test::invalid_argument_message([&] { rotated(X, 20, 0, 10); }, "rotated with 0 columns per image");
    // (−4)·(−5) = 20 = X's rows: a size below 1 is refused for itself, not only through the product.
    nn_test::invalid_argument_message([&] { rotated(X, -4, -5, 10); }, "rotated with −4x−5 images");
    // With no pixels at all, rows·cols = 0 = X's rows: only the sizes themselves tell.
    const nn::Matrix empty(0, 2);
    nn_test::invalid_argument_message([&] { rotated(empty, 0, 5, 10); }, "rotated with 0x5 images");
    nn_test::invalid_argument_message([&] { rotated(empty, 4, 0, 10); }, "rotated with 4x0 images");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex17_2_augmented)

BOOST_AUTO_TEST_CASE(follows_the_documented_draws_image_by_image) {
    nn::Rng data(1711);
    const nn::Index rows = 5, cols = 8, N = 12, m = 2;
    const double a = 25;
    const nn::Matrix X = batch(data, rows, cols, N);
    nn::Rng rng(17);
    const nn::Matrix Y = augmented(X, rows, cols, m, a, rng);
    BOOST_TEST_REQUIRE(
        (Y.rows() == X.rows() && Y.cols() == X.cols()),
        "expected a " << X.rows() << "x" << X.cols() << " batch, got " << Y.rows() << "x" << Y.cols());
    const std::vector<Draw> d = replay(17, N, m, a);
    for (nn::Index n = 0; n < N; ++n) {
        const Draw& k = d[std::size_t(n)];
        const nn::Matrix expected = nn::moved(rotated(X.col(n), rows, cols, k.angle), rows, cols, k.dr, k.dc);
        BOOST_TEST_CONTEXT("image " << n << " of 5x8, seed 17, max_shift 2, max_degrees 25: its draws are dr "
                                    << k.dr << ", dc " << k.dc << ", angle " << k.angle) {
            nn_test::check_matrix(Y.col(n), expected, 1e-12,
                                  "rotated by angle, then moved dr rows down and dc columns right (draws per "
                                  "image: dr, dc, angle, in that order)");
        }
    }
}

BOOST_AUTO_TEST_CASE(draws_exactly_three_numbers_per_image) {
    nn::Rng data(1712);
    const nn::Matrix X = batch(data, 4, 6, 7);
    nn::Rng rng(99);
    augmented(X, 4, 6, 3, 15, rng);
    nn_test::check_equal(rng.next(), next_after(99, 7, 3, 15),
                         "the generator's next word after 7 images (3 draws each: below, below, uniform)");
}

BOOST_AUTO_TEST_CASE(shifts_run_from_minus_m_to_m_in_both_directions) {
    // One bright pixel at the centre (4, 5) of 9×11, no turn: image k's pixel lands at (4 + dr, 5 + dc).
    const nn::Index rows = 9, cols = 11, N = 500, m = 2;
    nn::Matrix X = nn::Matrix::Zero(rows * cols, N);
    X.row(4 * cols + 5).setOnes();
    nn::Rng rng(1713);
    const nn::Matrix Y = augmented(X, rows, cols, m, 0, rng);
    BOOST_TEST_REQUIRE(
        (Y.rows() == X.rows() && Y.cols() == X.cols()),
        "expected a " << X.rows() << "x" << X.cols() << " batch, got " << Y.rows() << "x" << Y.cols());
    std::map<nn::Index, int> down, right;
    for (nn::Index n = 0; n < N; ++n) {
        const auto [r, c] = bright_pixel(Y, cols, n);
        BOOST_TEST_REQUIRE(r >= 0,
                           "image " << n << " lost its one bright pixel (a shift of at most 2 keeps it)");
        ++down[r - 4];
        ++right[c - 5];
    }
    for (const auto& [counts, what] : {std::pair{&down, "rows down"}, std::pair{&right, "columns right"}}) {
        for (nn::Index s = -m; s <= m; ++s)
            BOOST_TEST((*counts)[s] >= 50, "a shift of "
                                               << s << " " << what << " came " << (*counts)[s]
                                               << " times in 500 images (about 100 expected): "
                                                  "shifts are uniform over −m .. m, both ends included");
        for (const auto& [s, count] : *counts)
            BOOST_TEST(std::abs(s) <= m,
                       "a shift of " << s << " " << what << " (" << count << " times) is beyond max_shift 2");
    }
}

BOOST_AUTO_TEST_CASE(angles_cover_minus_a_to_a) {
    // One bright pixel 9 columns right of the centre of 21×21, no shift: the centroid of the turned
    // image lies at the drawn angle, seen from the centre (within a few degrees: interpolation
    // blurs it). Over 300 images the angles must reach near both −40° and +40°, and not beyond.
    const nn::Index n = 21, N = 300;
    const double a = 40;
    nn::Matrix X = nn::Matrix::Zero(n * n, N);
    X.row(10 * n + 19).setOnes();
    nn::Rng rng(1714);
    const nn::Matrix Y = augmented(X, n, n, 0, a, rng);
    BOOST_TEST_REQUIRE(
        (Y.rows() == X.rows() && Y.cols() == X.cols()),
        "expected a " << X.rows() << "x" << X.cols() << " batch, got " << Y.rows() << "x" << Y.cols());
    double lowest = 1e9, highest = -1e9;
    for (nn::Index k = 0; k < N; ++k) {
        double w = 0, x = 0, y = 0;
        for (nn::Index p = 0; p < n * n; ++p) {
            w += Y(p, k);
            x += Y(p, k) * double(p % n - 10);  // right
            y += Y(p, k) * double(10 - p / n);  // up
        }
        const double angle = w > 0 ? std::atan2(y, x) * 180 / std::numbers::pi : 0;
        lowest = std::min(lowest, angle);
        highest = std::max(highest, angle);
    }
    BOOST_TEST(highest >= 0.75 * a, "the largest angle seen in 300 images was "
                                        << highest
                                        << " degrees: angles are uniform "
                                           "in [−40, 40]");
    BOOST_TEST(lowest <= -0.75 * a, "the smallest angle seen in 300 images was "
                                        << lowest
                                        << " degrees: angles are uniform "
                                           "in [−40, 40], negative too");
    BOOST_TEST((highest <= a + 5 && lowest >= -a - 5),
               "angles seen from " << lowest << " to " << highest << " degrees, beyond max_degrees 40");
}

BOOST_AUTO_TEST_CASE(no_shift_and_no_turn_give_the_batch_back_and_still_draw) {
    nn::Rng data(1715);
    const nn::Matrix X = batch(data, 6, 5, 4);
    nn::Rng rng(7);
    check_rotation(X, 6, 5, 0, X, "(rotated, 0 degrees: the identity, used below)");
    nn_test::check_matrix(augmented(X, 6, 5, 0, 0, rng), X, 1e-12,
                          "max_shift 0 and max_degrees 0 must give the batch back");
    nn_test::check_equal(rng.next(), next_after(7, 4, 0, 0),
                         "the generator's next word: 3 draws per image even when the ranges are 0");
}

BOOST_AUTO_TEST_CASE(the_same_seed_gives_the_same_batch_and_the_input_is_kept) {
    nn::Rng data(1716);
    const nn::Matrix X = batch(data, 5, 7, 6);
    const nn::Matrix copy = X;
    nn::Rng r1(5), r2(5), r3(6);
    const nn::Matrix A = augmented(X, 5, 7, 2, 20, r1);
    nn_test::check_matrix(augmented(X, 5, 7, 2, 20, r2), A, 0, "a second run with the same seed");
    nn_test::check_matrix(X, copy, 0, "X after augmented (it must not be changed)");
    const nn::Matrix B = augmented(X, 5, 7, 2, 20, r3);
    BOOST_TEST_REQUIRE((B.rows() == A.rows() && B.cols() == A.cols()), "the batches' shapes differ");
    BOOST_TEST((B - A).cwiseAbs().maxCoeff() > 0.01,
               "seeds 5 and 6 gave the same batch: the draws must come from rng");
}

BOOST_AUTO_TEST_CASE(refuses_a_negative_range) {
    const nn::Matrix X = nn::Matrix::Zero(12, 2);
    nn::Rng rng(1);
    nn_test::check_names(nn_test::invalid_argument_message([&] { augmented(X, 3, 4, -1, 10, rng); },
                                                           "augmented with max_shift −1"),
                         "-1", "augmented with max_shift −1");
    nn_test::check_names(nn_test::invalid_argument_message([&] { augmented(X, 3, 4, 1, -10, rng); },
                                                           "augmented with max_degrees −10"),
                         "-10", "augmented with max_degrees −10");
    nn_test::invalid_argument_message([&] { augmented(X, 4, 4, 1, 10, rng); },
                                      "augmented with 4x4 images and 12 rows");
}

BOOST_AUTO_TEST_SUITE_END()
