#define BOOST_TEST_MODULE nn gradcheck
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "nn/gradcheck.hpp"

BOOST_AUTO_TEST_CASE(a_scalar_is_nudged_and_restored) {
    double x = 0.7;
    int calls = 0;
    const double g = nn::central_gradient(
        [&] {
            ++calls;
            return std::sin(x);
        },
        x);
    BOOST_TEST(std::abs(g - std::cos(0.7)) < 1e-9);
    BOOST_TEST(x == 0.7);
    BOOST_TEST(calls == 2);
    // The formula itself: (f(x + eps) − f(x − eps)) / 2eps, exact for a quadratic.
    double y = 3;
    BOOST_TEST(std::abs(nn::central_gradient([&] { return y * y; }, y, 0.5) - 6) < 1e-12);
}

BOOST_AUTO_TEST_CASE(a_matrix_gradient_has_its_shape_and_the_matrix_is_restored) {
    nn::Matrix P(2, 3);
    P << 1, -2, 0.5, 3, 0.25, -1;
    const nn::Matrix before = P;
    // f = Σ p³: ∂f/∂p = 3p²
    const nn::Matrix G = nn::central_gradient([&] { return P.array().cube().sum(); }, P);
    BOOST_TEST(G.rows() == 2);
    BOOST_TEST(G.cols() == 3);
    BOOST_TEST((G - 3 * P.array().square().matrix()).cwiseAbs().maxCoeff() < 1e-8);
    BOOST_TEST((P == before));
}

BOOST_AUTO_TEST_CASE(a_vector_and_a_block_work_too) {
    nn::Vector v(3);
    v << 1, 2, 3;
    const nn::Matrix g = nn::central_gradient([&] { return v.squaredNorm(); }, v);
    BOOST_TEST(g.cols() == 1);
    BOOST_TEST((g.col(0) - 2 * v).norm() < 1e-8);
    nn::Matrix T = nn::Matrix::Ones(2, 2);
    const nn::Matrix gc = nn::central_gradient([&] { return 5 * T(0, 1) + T(1, 1) * T(1, 1); }, T.col(1));
    BOOST_TEST(gc.rows() == 2);
    BOOST_TEST(std::abs(gc(0) - 5) < 1e-8);
    BOOST_TEST(std::abs(gc(1) - 2) < 1e-8);
    BOOST_TEST((T == nn::Matrix::Ones(2, 2)));
}

BOOST_AUTO_TEST_CASE(rel_error_is_symmetric_and_catches_a_flipped_sign) {
    nn::Matrix a(1, 2), n(1, 2);
    a << 1, 2;
    n << 1, 2;
    BOOST_TEST(nn::rel_error(a, n) == 0);
    BOOST_TEST(nn::rel_error(nn::Matrix::Zero(2, 2), nn::Matrix::Zero(2, 2)) == 0);
    BOOST_TEST(std::abs(nn::rel_error(a, -a) - 1) < 1e-15);  // ‖2a‖ / 2‖a‖
    n << 1, 2.002;
    BOOST_TEST(std::abs(nn::rel_error(a, n) - nn::rel_error(n, a)) < 1e-18);
    BOOST_TEST(nn::rel_error(a, n) < 1e-3);
}
