// Lesson 10 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// Every expected value is written out here (by hand or in long double), never taken from the
// reference.
#define BOOST_TEST_MODULE lesson 10 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson10;

namespace {
nn::Matrix column(const std::array<double, 5>& v) {
    nn::Matrix m(5, 1);
    for (int k = 0; k < 5; ++k) m(k, 0) = v[std::size_t(k)];
    return m;
}

// Softmax of one column of SMALL logits, written out in long double (no shift needed for them).
nn::Matrix softmax_by_hand(const nn::Matrix& Z) {
    nn::Matrix P(Z.rows(), Z.cols());
    for (nn::Index j = 0; j < Z.cols(); ++j) {
        long double sum = 0;
        for (nn::Index i = 0; i < Z.rows(); ++i) sum += std::exp(static_cast<long double>(Z(i, j)));
        for (nn::Index i = 0; i < Z.rows(); ++i)
            P(i, j) = double(std::exp(static_cast<long double>(Z(i, j))) / sum);
    }
    return P;
}

// Every column of P sums to `total`, named in words.
void check_column_sums(const nn::Matrix& P, double total, double tol, const std::string& what) {
    for (nn::Index j = 0; j < P.cols(); ++j)
        nn_test::check_near(P.col(j).sum(), total, tol, what + ", column " + std::to_string(j));
}

template <class F>
bool throws_invalid_argument(F f) {
    try {
        f();
    } catch (const std::invalid_argument&) {
        return true;
    } catch (...) {
        return false;
    }
    return false;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ex10_1_stable_softmax)

BOOST_AUTO_TEST_CASE(known_values_and_columns_summing_to_one) {
    // softmax(1, 2, 3) = e^k / (e + e² + e³): 0.0900305731703805, 0.2447284710547977, 0.6652409557748219
    const nn::Matrix Z = (nn::Matrix(3, 2) << 1, 0, 2, 0, 3, 0).finished();
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(Z)) {
        const nn::Matrix P = stable_softmax(Z);
        const nn::Matrix expected = (nn::Matrix(3, 2) << 0.09003057317038046, 1.0 / 3, 0.24472847105479767,
                                     1.0 / 3, 0.6652409557748219, 1.0 / 3)
                                        .finished();
        nn_test::check_matrix(P, expected, 1e-15, "softmax of each column (equal logits give equal shares)");
        check_column_sums(P, 1.0, 1e-14, "the columns of softmax must sum to 1");
    }
}

BOOST_AUTO_TEST_CASE(each_column_on_its_own_in_a_wide_batch) {
    // 3 classes × 4 samples, every column different, rows whose maxima differ: a softmax over the
    // rows, over the whole matrix, or shifted by a row's maximum gives other numbers.
    const nn::Matrix Z = (nn::Matrix(3, 4) << 0.5, -1.0, 2.0, 0.0,  //
                          1.5, 3.0, -2.0, 0.1,                      //
                          -0.5, 0.2, 0.3, 4.0)
                             .finished();
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(Z)) {
        const nn::Matrix P = stable_softmax(Z);
        nn_test::check_matrix(P, softmax_by_hand(Z), 1e-14,
                              "softmax of each column e^z / Σ e^z over that column");
        check_column_sums(P, 1.0, 1e-14, "the columns of softmax must sum to 1");
    }
    // one row: each column has a single class, whose share is the whole, 1
    const nn::Matrix row = (nn::Matrix(1, 3) << -2.0, 0.0, 5.0).finished();
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(row)) {
        nn_test::check_matrix(
            stable_softmax(row), nn::Matrix::Ones(1, 3), 1e-15,
            "softmax of a one-class column is 1 (the sum runs down a column, not along a row)");
    }
}

BOOST_AUTO_TEST_CASE(a_logit_of_1000_gives_no_nan) {
    // softmax(1000, 1001, 1002) = softmax(0, 1, 2): the shift cancels
    const nn::Matrix expected_012 =
        (nn::Matrix(3, 1) << 0.09003057317038046, 0.24472847105479767, 0.6652409557748219).finished();
    const nn::Matrix Z = (nn::Matrix(3, 1) << 1000, 1001, 1002).finished();
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(Z)) {
        const nn::Matrix P = stable_softmax(Z);
        BOOST_TEST(P.allFinite(),
                   "softmax of logits near 1000 must be finite (no inf/inf = NaN), got " << nn_test::show(P));
        nn_test::check_matrix(P, expected_012, 1e-15, "softmax(1000, 1001, 1002) = softmax(0, 1, 2)");
    }
    // the largest logit last, 1000 above the first: shifting by the first entry overflows
    const nn::Matrix late = (nn::Matrix(3, 1) << 0, 999, 1000).finished();
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(late)) {
        // softmax(−1000, −1, 0): e^−1000 is 0 in double, then 1/(1 + e) and e/(e + 1)... written out:
        const nn::Matrix expected =
            (nn::Matrix(3, 1) << 0.0, 0.2689414213699951, 0.7310585786300049).finished();
        nn_test::check_matrix(
            stable_softmax(late), expected, 1e-15,
            "softmax with the maximum last (shift by the column's MAXIMUM, not its first entry)");
    }
    // very negative logits: unshifted, every e^z underflows to 0 and 0/0 = NaN
    const nn::Matrix low = (nn::Matrix(3, 1) << -1002, -1001, -1000).finished();
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(low)) {
        nn_test::check_matrix(stable_softmax(low), expected_012, 1e-15,
                              "softmax(−1002, −1001, −1000) = softmax(0, 1, 2)");
    }
}

BOOST_AUTO_TEST_CASE(columns_of_very_different_scale_are_shifted_each_by_its_own_maximum) {
    // column 0 near 1000, column 1 near 0, column 2 near −1000: one shift for the whole matrix
    // (its global maximum) sends columns 1 and 2 to e^−1000 = 0 everywhere and 0/0 = NaN.
    const nn::Matrix Z = (nn::Matrix(3, 3) << 1000, 0, -1000,  //
                          1001, 1, -999,                       //
                          1002, 2, -998)
                             .finished();
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(Z)) {
        const nn::Matrix P = stable_softmax(Z);
        BOOST_TEST(P.allFinite(), "softmax must be finite in every column, got " << nn_test::show(P));
        const double a = 0.09003057317038046, b = 0.24472847105479767, c = 0.6652409557748219;
        const nn::Matrix expected = (nn::Matrix(3, 3) << a, a, a, b, b, b, c, c, c).finished();
        nn_test::check_matrix(P, expected, 1e-15,
                              "every column is softmax(0, 1, 2) shifted by its own maximum");
        check_column_sums(P, 1.0, 1e-14, "the columns of softmax must sum to 1");
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex10_2_cross_entropy)

BOOST_AUTO_TEST_CASE(matrix_views_example_is_minus_ln_0_6) {
    const nn::Matrix P = column(slide::softmax_output), Y = column(slide::targets);
    BOOST_TEST_CONTEXT("P = " << nn_test::show(P) << ", Y = " << nn_test::show(Y)) {
        // −ln 0.6 = 0.5108256237659907 (natural log; the deck's 0.22 is −log10 0.6)
        nn_test::check_near(cross_entropy(P, Y), 0.5108256237659907, 1e-15,
                            "cross-entropy −Σ y ln p (natural log)");
    }
}

BOOST_AUTO_TEST_CASE(averaged_over_the_columns_not_the_rows) {
    // 3 classes × 2 samples: sample 0 is class 0 with p = 0.7, sample 1 class 2 with p = 0.4.
    // −(ln 0.7 + ln 0.4)/2 = (0.35667494393873245 + 0.916290731874155)/2 = 0.6364828379064438
    nn::Matrix P(3, 2), Y(3, 2);
    P << 0.7, 0.1, 0.2, 0.5, 0.1, 0.4;
    Y << 1, 0, 0, 0, 0, 1;
    BOOST_TEST_CONTEXT("P = " << nn_test::show(P) << ", Y = " << nn_test::show(Y)) {
        nn_test::check_near(
            cross_entropy(P, Y), 0.6364828379064438, 1e-15,
            "cross-entropy averaged over the N = 2 columns (not summed, not over the 3 rows)");
    }
    // four samples of two classes
    nn::Matrix P4(2, 4), Y4(2, 4);
    P4 << 0.9, 0.2, 0.6, 0.25, 0.1, 0.8, 0.4, 0.75;
    Y4 << 1, 0, 0, 1, 0, 1, 1, 0;
    // −(ln 0.9 + ln 0.8 + ln 0.4 + ln 0.25)/4
    //   = (0.10536051565782628 + 0.2231435513142097 + 0.916290731874155 + 1.3862943611198906)/4
    BOOST_TEST_CONTEXT("P = " << nn_test::show(P4) << ", Y = " << nn_test::show(Y4)) {
        nn_test::check_near(cross_entropy(P4, Y4), 0.6577722899915204, 1e-15,
                            "cross-entropy averaged over the N = 4 columns");
    }
}

BOOST_AUTO_TEST_CASE(soft_targets_weigh_every_log) {
    // y = (0.2, 0.8, 0) for p = (0.25, 0.5, 0.25): −(0.2 ln 0.25 + 0.8 ln 0.5)
    //   = 0.2·1.3862943611198906 + 0.8·0.6931471805599453 = 0.8317766166719343
    // (only the largest target's log, or the binary form with (1 − y) ln(1 − p), give other numbers)
    nn::Matrix P(3, 1), Y(3, 1);
    P << 0.25, 0.5, 0.25;
    Y << 0.2, 0.8, 0;
    BOOST_TEST_CONTEXT("P = " << nn_test::show(P) << ", Y = " << nn_test::show(Y)) {
        nn_test::check_near(cross_entropy(P, Y), 0.8317766166719343, 1e-15,
                            "cross-entropy −Σ_k y_k ln p_k with soft targets");
    }
}

BOOST_AUTO_TEST_CASE(a_zero_probability_where_the_target_is_zero_adds_nothing) {
    // column 0: p = (1, 0), y = (1, 0): −(1·ln 1) and 0·ln 0 counts 0, so 0;
    // column 1: p = (0.5, 0.5), y = (0, 1): −ln 0.5. Mean over 2: 0.34657359027997264
    nn::Matrix P(2, 2), Y(2, 2);
    P << 1, 0.5, 0, 0.5;
    Y << 1, 0, 0, 1;
    BOOST_TEST_CONTEXT("P = " << nn_test::show(P) << ", Y = " << nn_test::show(Y)) {
        const double ce = cross_entropy(P, Y);
        BOOST_TEST(std::isfinite(ce),
                   "a term with y = 0 adds nothing even where p = 0 (0·ln 0 = 0): got " << ce);
        nn_test::check_near(ce, 0.34657359027997264, 1e-15, "cross-entropy with p = 0 where y = 0");
    }
}

BOOST_AUTO_TEST_CASE(a_shape_mismatch_throws_invalid_argument) {
    nn::Matrix P(3, 2), Y(3, 2);
    P << 0.5, 0.2, 0.25, 0.3, 0.25, 0.5;
    Y << 0, 0, 1, 0, 0, 1;
    // matching shapes do not throw: −(ln 0.25 + ln 0.5)/2 = (1.3862943611198906 + 0.6931471805599453)/2
    BOOST_TEST_CONTEXT("P = " << nn_test::show(P) << ", Y = " << nn_test::show(Y)) {
        nn_test::check_near(cross_entropy(P, Y), 1.0397207708399179, 1e-15,
                            "cross-entropy of matching shapes");
    }
    BOOST_TEST(throws_invalid_argument([&] { cross_entropy(P, nn::Matrix::Zero(2, 3)); }),
               "P 3x2 and Y 2x3 (the same number of entries) must throw std::invalid_argument");
    BOOST_TEST(throws_invalid_argument([&] { cross_entropy(P, nn::Matrix::Zero(3, 1)); }),
               "P 3x2 and Y 3x1 (other columns) must throw std::invalid_argument");
    BOOST_TEST(throws_invalid_argument([&] { cross_entropy(P, nn::Matrix::Zero(4, 2)); }),
               "P 3x2 and Y 4x2 (other rows) must throw std::invalid_argument");
    BOOST_TEST(throws_invalid_argument([&] { cross_entropy(nn::Matrix::Constant(2, 2, 0.5), Y); }),
               "P 2x2 and Y 3x2 must throw std::invalid_argument");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex10_3_softmax_cross_entropy_grad)

BOOST_AUTO_TEST_CASE(matches_central_differences_of_the_mean_loss) {
    nn::Rng rng(4);
    nn::Matrix Z = rng.normal_matrix(4, 3, 0, 1);
    nn::Matrix Y = nn::Matrix::Zero(4, 3);
    Y(1, 0) = Y(3, 1) = Y(0, 2) = 1;
    auto loss = [&] {  // written out here, independent of the exercises
        double l = 0;
        for (int j = 0; j < 3; ++j) {
            const nn::Vector e = Z.col(j).array().exp().matrix();
            l -= std::log((Y.col(j).array() * e.array()).sum() / e.sum());
        }
        return l / 3;
    };
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(Z) << ", Y = " << nn_test::show(Y)) {
        const nn::Matrix analytic = softmax_cross_entropy_grad(Z, Y);
        nn_test::check_gradient(analytic, nn_test::central_gradient(loss, Z), 1e-7,
                                "the gradient of the mean cross-entropy with respect to Z");
    }
}

BOOST_AUTO_TEST_CASE(known_values_with_the_1_over_n_of_the_columns) {
    // 2 classes × 5 samples: (softmax(Z) − Y)/5, the softmax written out in long double
    const nn::Matrix Z = (nn::Matrix(2, 5) << 0.0, 1.0, -2.0, 3.0, 0.5,  //
                          0.0, -1.0, 1.0, 0.0, 0.25)
                             .finished();
    const nn::Matrix Y = (nn::Matrix(2, 5) << 1, 0, 0, 1, 1, 0, 1, 1, 0, 0).finished();
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(Z) << ", Y = " << nn_test::show(Y)) {
        const nn::Matrix G = softmax_cross_entropy_grad(Z, Y);
        nn_test::check_matrix(G, (softmax_by_hand(Z) - Y) / 5.0, 1e-15,
                              "(softmax(Z) − Y)/N with N = 5 columns (not the 2 rows, not summed)");
        check_column_sums(G, 0.0, 1e-15,
                          "each column of the gradient sums to 0 (softmax and one-hot both sum to 1)");
    }
    // one sample: N = 1, the gradient is softmax(z) − y itself
    const nn::Matrix z1 = (nn::Matrix(3, 1) << 1, 2, 3).finished();
    const nn::Matrix y1 = (nn::Matrix(3, 1) << 0, 1, 0).finished();
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(z1) << ", Y = " << nn_test::show(y1)) {
        const nn::Matrix expected =
            (nn::Matrix(3, 1) << 0.09003057317038046, 0.24472847105479767 - 1, 0.6652409557748219).finished();
        nn_test::check_matrix(softmax_cross_entropy_grad(z1, y1), expected, 1e-15,
                              "softmax(z) − y for one sample (N = 1)");
    }
}

BOOST_AUTO_TEST_CASE(logits_of_1000_give_a_finite_gradient) {
    // column 0 near 1000, column 1 near −1000, column 2 small: each softmax is softmax(0, 1, 2)
    const nn::Matrix Z = (nn::Matrix(3, 3) << 1000, -1002, 0, 1001, -1001, 1, 1002, -1000, 2).finished();
    const nn::Matrix Y = (nn::Matrix(3, 3) << 1, 0, 0, 0, 0, 1, 0, 1, 0).finished();
    BOOST_TEST_CONTEXT("Z = " << nn_test::show(Z) << ", Y = " << nn_test::show(Y)) {
        const nn::Matrix G = softmax_cross_entropy_grad(Z, Y);
        BOOST_TEST(G.allFinite(),
                   "the gradient must be finite for logits of ±1000, got " << nn_test::show(G));
        const double a = 0.09003057317038046, b = 0.24472847105479767, c = 0.6652409557748219;
        // every column's softmax is (a, b, c); Y picks row 0, 2 and 1
        const nn::Matrix expected = (nn::Matrix(3, 3) << a - 1, a, a,  //
                                     b, b, b - 1,                      //
                                     c, c - 1, c)
                                        .finished() /
                                    3.0;
        nn_test::check_matrix(G, expected, 1e-15,
                              "(softmax(Z) − Y)/3 with each column's softmax shifted by its maximum");
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex10_4_activation_prime)

BOOST_AUTO_TEST_CASE(every_activation_matches_central_differences) {
    using nn::Activation;
    for (Activation a : {Activation::identity, Activation::sigmoid, Activation::tanh, Activation::relu,
                         Activation::leaky_relu, Activation::elu})
        for (double z : {-2.5, -0.7, -0.01, 0.02, 0.9, 3.0}) {
            nn::Matrix Z(1, 1);
            Z << z;
            const double numeric = nn_test::central_gradient([&] { return nn::activate(a, Z)(0); }, Z(0));
            BOOST_TEST_CONTEXT(nn::name(a) << " at z = " << z) {
                nn_test::check_near(activation_prime(a, z), numeric, 1e-8,
                                    "the derivative against central differences");
            }
        }
}

BOOST_AUTO_TEST_CASE(values_at_the_kink_z_0) {
    using nn::Activation;
    // the contract: relu 0 (z > 0 is strict), leaky_relu α, elu 1 (z ≥ 0), sigmoid ¼, tanh 1, identity 1
    nn_test::check_equal(activation_prime(Activation::relu, 0.0), 0.0, "relu′(0) (1 only for z > 0)");
    nn_test::check_equal(activation_prime(Activation::leaky_relu, 0.0), nn::leaky_relu_alpha,
                         "leaky_relu′(0) (α = 0.01 unless z > 0)");
    nn_test::check_equal(activation_prime(Activation::elu, 0.0), 1.0, "elu′(0) (1 for z ≥ 0)");
    nn_test::check_near(activation_prime(Activation::sigmoid, 0.0), 0.25, 1e-16, "sigmoid′(0) = ½·½");
    nn_test::check_near(activation_prime(Activation::tanh, 0.0), 1.0, 1e-16, "tanh′(0) = 1 − 0²");
    nn_test::check_equal(activation_prime(Activation::identity, 0.0), 1.0, "identity′(0)");
}

BOOST_AUTO_TEST_CASE(both_sides_of_the_kink_and_the_alphas) {
    using nn::Activation;
    nn_test::check_equal(activation_prime(Activation::relu, -3.0), 0.0, "relu′(−3)");
    nn_test::check_equal(activation_prime(Activation::relu, 1e-9), 1.0, "relu′(1e−9)");
    nn_test::check_equal(activation_prime(Activation::relu, 2.5), 1.0, "relu′(2.5) (1, not z)");
    nn_test::check_equal(activation_prime(Activation::leaky_relu, -5.0), 0.01, "leaky_relu′(−5) = α = 0.01");
    nn_test::check_equal(activation_prime(Activation::leaky_relu, -1e-9), 0.01, "leaky_relu′(−1e−9) = α");
    nn_test::check_equal(activation_prime(Activation::leaky_relu, 4.0), 1.0, "leaky_relu′(4)");
    // elu′(z) = α·e^z below 0 with α = 1: e^−1 = 0.36787944117144233, e^−3 = 0.049787068367863944
    nn_test::check_near(activation_prime(Activation::elu, -1.0), 0.36787944117144233, 1e-16,
                        "elu′(−1) = e^−1");
    nn_test::check_near(activation_prime(Activation::elu, -3.0), 0.049787068367863944, 1e-16,
                        "elu′(−3) = e^−3");
    nn_test::check_equal(activation_prime(Activation::elu, 2.0), 1.0, "elu′(2)");
    nn_test::check_equal(activation_prime(Activation::identity, -7.0), 1.0, "identity′(−7)");
    nn_test::check_equal(activation_prime(Activation::identity, 7.0), 1.0, "identity′(7)");
    // sigmoid′(2) = σ(2)σ(−2) = 0.8807970779778823·0.11920292202211755 = 0.10499358540350649
    nn_test::check_near(activation_prime(Activation::sigmoid, 2.0), 0.10499358540350649, 1e-15,
                        "sigmoid′(2)");
    nn_test::check_near(activation_prime(Activation::sigmoid, -2.0), 0.10499358540350649, 1e-15,
                        "sigmoid′(−2)");
    // tanh′(1) = 1 − tanh²(1) = 1 − 0.7615941559557649² = 0.41997434161402614
    nn_test::check_near(activation_prime(Activation::tanh, 1.0), 0.41997434161402614, 1e-15, "tanh′(1)");
    nn_test::check_near(activation_prime(Activation::tanh, -1.0), 0.41997434161402614, 1e-15, "tanh′(−1)");
}

BOOST_AUTO_TEST_CASE(far_out_at_plus_minus_40_and_800_no_nan) {
    using nn::Activation;
    // σ′(±40) = e^−40/(1 + e^−40)² = 4.248354255291589e−18; at ±800 it is 0 in double (e^−800 underflows).
    // A formula with e^−z overflows for z below about −710: inf/inf = NaN.
    for (double z : {-800.0, -40.0, 40.0, 800.0}) {
        BOOST_TEST_CONTEXT("z = " << z) {
            const double expected_sigmoid = std::abs(z) == 40.0 ? 4.248354255291589e-18 : 0.0;
            nn_test::check_near(activation_prime(Activation::sigmoid, z), expected_sigmoid, 1e-17,
                                "sigmoid′ far out (finite, about 0)");
            nn_test::check_near(activation_prime(Activation::tanh, z), 0.0, 1e-16,
                                "tanh′ far out (finite, about 0)");
            nn_test::check_equal(activation_prime(Activation::identity, z), 1.0, "identity′ far out");
            nn_test::check_equal(activation_prime(Activation::relu, z), z > 0 ? 1.0 : 0.0, "relu′ far out");
            nn_test::check_equal(activation_prime(Activation::leaky_relu, z), z > 0 ? 1.0 : 0.01,
                                 "leaky_relu′ far out");
            // elu′ = α·e^z below 0: e^−40 = 4.248354255291589e−18 is an ordinary double, so it is
            // checked to 12 digits (0 there would be wrong); e^−800 underflows to 0.
            nn_test::check_near(activation_prime(Activation::elu, z),
                                z > 0 ? 1.0 : (z == -40.0 ? 4.248354255291589e-18 : 0.0),
                                z == -40.0 ? 1e-29 : 1e-300, "elu′ far out (α·e^z below 0)");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
