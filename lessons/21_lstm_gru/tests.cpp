// Lesson 21 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// The cells have a W_h that is not symmetric, nonzero biases different in every gate, nonzero h_{t−1}
// and c_{t−1}, and batches of several samples of different values, so a gate from the wrong rows, a
// swapped squashing function, a missing term or a sum over one sample changes the answer. The expected
// values come from the plain scalar loops below (no code shared with the exercises), from hand
// arithmetic, or from central differences.
#define BOOST_TEST_MODULE lesson 21 exercises
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson21;

namespace {

double sig(double a) { return 1 / (1 + std::exp(-a)); }

Lstm random_lstm(nn::Rng& rng, nn::Index D, nn::Index H) {
    return {.W_x = rng.normal_matrix(4 * H, D, 0, 0.7),
            .W_h = rng.normal_matrix(4 * H, H, 0, 0.6),
            .b = rng.normal_matrix(4 * H, 1, 0, 0.5).col(0)};
}
Gru random_gru(nn::Rng& rng, nn::Index D, nn::Index H) {
    return {.W_x = rng.normal_matrix(3 * H, D, 0, 0.7),
            .W_h = rng.normal_matrix(3 * H, H, 0, 0.6),
            .b = rng.normal_matrix(3 * H, 1, 0, 0.5).col(0)};
}

// a(row, n) = Σ_j W_x(row, j)·x(j, n) + Σ_j W_h(row, j)·v(j, n) + b(row), written out.
double pre(const nn::Matrix& W_x, const nn::Matrix& W_h, const nn::Vector& b, nn::Index row,
           const nn::Matrix& x, const nn::Matrix& v, nn::Index n) {
    double a = b(row);
    for (nn::Index j = 0; j < W_x.cols(); ++j) a += W_x(row, j) * x(j, n);
    for (nn::Index j = 0; j < W_h.cols(); ++j) a += W_h(row, j) * v(j, n);
    return a;
}

// The LSTM step entry by entry: rows i, f, g, o.
LstmCache reference_lstm(const Lstm& p, const nn::Matrix& x, const nn::Matrix& h, const nn::Matrix& c) {
    const nn::Index H = h.rows(), N = h.cols();
    LstmCache s{.x = x,
                .h_prev = h,
                .c_prev = c,
                .i = nn::Matrix(H, N),
                .f = nn::Matrix(H, N),
                .g = nn::Matrix(H, N),
                .o = nn::Matrix(H, N),
                .c = nn::Matrix(H, N),
                .h = nn::Matrix(H, N)};
    for (nn::Index n = 0; n < N; ++n)
        for (nn::Index u = 0; u < H; ++u) {
            s.i(u, n) = sig(pre(p.W_x, p.W_h, p.b, u, x, h, n));
            s.f(u, n) = sig(pre(p.W_x, p.W_h, p.b, H + u, x, h, n));
            s.g(u, n) = std::tanh(pre(p.W_x, p.W_h, p.b, 2 * H + u, x, h, n));
            s.o(u, n) = sig(pre(p.W_x, p.W_h, p.b, 3 * H + u, x, h, n));
            s.c(u, n) = s.f(u, n) * c(u, n) + s.i(u, n) * s.g(u, n);
            s.h(u, n) = s.o(u, n) * std::tanh(s.c(u, n));
        }
    return s;
}

// The GRU step entry by entry: rows z, r, n; the candidate reads r ⊙ h.
GruCache reference_gru(const Gru& p, const nn::Matrix& x, const nn::Matrix& h) {
    const nn::Index H = h.rows(), N = h.cols();
    GruCache s{.x = x,
               .h_prev = h,
               .z = nn::Matrix(H, N),
               .r = nn::Matrix(H, N),
               .n = nn::Matrix(H, N),
               .h = nn::Matrix(H, N)};
    for (nn::Index n = 0; n < N; ++n)
        for (nn::Index u = 0; u < H; ++u) {
            s.z(u, n) = sig(pre(p.W_x, p.W_h, p.b, u, x, h, n));
            s.r(u, n) = sig(pre(p.W_x, p.W_h, p.b, H + u, x, h, n));
        }
    const nn::Matrix rh = (s.r.array() * h.array()).matrix();
    for (nn::Index n = 0; n < N; ++n)
        for (nn::Index u = 0; u < H; ++u) {
            s.n(u, n) = std::tanh(pre(p.W_x, p.W_h, p.b, 2 * H + u, x, rh, n));
            s.h(u, n) = (1 - s.z(u, n)) * h(u, n) + s.z(u, n) * s.n(u, n);
        }
    return s;
}

std::string sizes(nn::Index D, nn::Index H, nn::Index N) {
    return "D = " + std::to_string(D) + ", H = " + std::to_string(H) + ", N = " + std::to_string(N);
}

void check_lstm(const Lstm& p, const nn::Matrix& x, const nn::Matrix& h, const nn::Matrix& c,
                const std::string& what) {
    BOOST_TEST_CONTEXT(what) {
        const LstmCache got = lstm_step(p, x, h, c), want = reference_lstm(p, x, h, c);
        nn_test::check_matrix(got.i, want.i, 1e-12, "i = σ(a_i), rows 0 .. H−1 of a");
        nn_test::check_matrix(got.f, want.f, 1e-12, "f = σ(a_f), rows H .. 2H−1 of a");
        nn_test::check_matrix(got.g, want.g, 1e-12, "g = tanh(a_g), rows 2H .. 3H−1 of a");
        nn_test::check_matrix(got.o, want.o, 1e-12, "o = σ(a_o), rows 3H .. 4H−1 of a");
        nn_test::check_matrix(got.c, want.c, 1e-12, "c_t = f ⊙ c_{t−1} + i ⊙ g");
        nn_test::check_matrix(got.h, want.h, 1e-12, "h_t = o ⊙ tanh(c_t)");
        nn_test::check_matrix(got.x, x, 0, "the cache's x (the step's input, kept for the backward pass)");
        nn_test::check_matrix(got.h_prev, h, 0, "the cache's h_prev (h_{t−1} as the step read it)");
        nn_test::check_matrix(got.c_prev, c, 0, "the cache's c_prev (c_{t−1} as the step read it)");
    }
}

void check_gru(const Gru& p, const nn::Matrix& x, const nn::Matrix& h, const std::string& what) {
    BOOST_TEST_CONTEXT(what) {
        const GruCache got = gru_step(p, x, h), want = reference_gru(p, x, h);
        nn_test::check_matrix(got.z, want.z, 1e-12, "z = σ(a_z), rows 0 .. H−1");
        nn_test::check_matrix(got.r, want.r, 1e-12, "r = σ(a_r), rows H .. 2H−1");
        nn_test::check_matrix(got.n, want.n, 1e-12, "n = tanh(W_x[n]·x + W_h[n]·(r ⊙ h_{t−1}) + b[n])");
        nn_test::check_matrix(got.h, want.h, 1e-12, "h_t = (1 − z) ⊙ h_{t−1} + z ⊙ n");
        nn_test::check_matrix(got.x, x, 0, "the cache's x");
        nn_test::check_matrix(got.h_prev, h, 0, "the cache's h_prev (h_{t−1} as the step read it)");
    }
}

// L = Σ dh ⊙ h_t + Σ dc ⊙ c_t through the reference step, so ∂L/∂h_t = dh and ∂L/∂c_t = dc exactly
// as lstm_step_backward receives them, and every gradient can be checked by differences.
void check_lstm_backward(Lstm p, nn::Matrix x, nn::Matrix h, nn::Matrix c, const nn::Matrix& dh,
                         const nn::Matrix& dc, const std::string& what) {
    BOOST_TEST_CONTEXT(what) {
        const LstmGrads g = lstm_step_backward(p, reference_lstm(p, x, h, c), dh, dc);
        const auto L = [&] {
            const LstmCache s = reference_lstm(p, x, h, c);
            return (dh.array() * s.h.array()).sum() + (dc.array() * s.c.array()).sum();
        };
        nn_test::check_gradient(g.dW_x, nn::central_gradient(L, p.W_x), 1e-6, "dW_x = da·xᵀ");
        nn_test::check_gradient(g.dW_h, nn::central_gradient(L, p.W_h), 1e-6, "dW_h = da·h_{t−1}ᵀ");
        nn_test::check_gradient(g.db, nn::central_gradient(L, p.b), 1e-6, "db = da summed over the samples");
        nn_test::check_gradient(g.dx, nn::central_gradient(L, x), 1e-6, "dx = W_xᵀ·da");
        nn_test::check_gradient(g.dh_prev, nn::central_gradient(L, h), 1e-6, "dh_prev = W_hᵀ·da");
        nn_test::check_gradient(g.dc_prev, nn::central_gradient(L, c), 1e-6,
                                "dc_prev = (dc + dh ⊙ o ⊙ (1 − tanh(c_t)²)) ⊙ f");
    }
}

// L = Σ dh ⊙ h_t through the reference GRU step.
void check_gru_backward(Gru p, nn::Matrix x, nn::Matrix h, const nn::Matrix& dh, const std::string& what) {
    BOOST_TEST_CONTEXT(what) {
        const GruGrads g = gru_step_backward(p, reference_gru(p, x, h), dh);
        const auto L = [&] { return (dh.array() * reference_gru(p, x, h).h.array()).sum(); };
        nn_test::check_gradient(g.dW_x, nn::central_gradient(L, p.W_x), 1e-6, "dW_x = da·xᵀ");
        nn_test::check_gradient(g.dW_h, nn::central_gradient(L, p.W_h), 1e-6,
                                "dW_h (z and r rows da·h_{t−1}ᵀ, n rows da_n·(r ⊙ h_{t−1})ᵀ)");
        nn_test::check_gradient(g.db, nn::central_gradient(L, p.b), 1e-6, "db = da summed over the samples");
        nn_test::check_gradient(g.dx, nn::central_gradient(L, x), 1e-6, "dx = W_xᵀ·da");
        nn_test::check_gradient(g.dh_prev, nn::central_gradient(L, h), 1e-6,
                                "dh_prev (the direct (1 − z) ⊙ dh, through r ⊙ h, through z and r)");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex21_1_lstm_step)

BOOST_AUTO_TEST_CASE(one_unit_by_hand) {
    // D = 1, H = 1: rows i, f, g, o of W_x = [0.5, −1, 2, 0.3], W_h = [0.2, 0.4, −0.5, 1], b = [0.1, 1, 0, −0.2];
    // x = 2, h_{t−1} = 0.5, c_{t−1} = −0.8.
    const Lstm p{.W_x = (nn::Matrix(4, 1) << 0.5, -1, 2, 0.3).finished(),
                 .W_h = (nn::Matrix(4, 1) << 0.2, 0.4, -0.5, 1).finished(),
                 .b = (nn::Vector(4) << 0.1, 1, 0, -0.2).finished()};
    const LstmCache s = lstm_step(p, nn::Matrix::Constant(1, 1, 2), nn::Matrix::Constant(1, 1, 0.5),
                                  nn::Matrix::Constant(1, 1, -0.8));
    const double i = sig(1 + 0.1 + 0.1);    // 0.5·2 + 0.2·0.5 + 0.1
    const double f = sig(-2 + 0.2 + 1);     // −1·2 + 0.4·0.5 + 1
    const double g = std::tanh(4 - 0.25);   // 2·2 − 0.5·0.5
    const double o = sig(0.6 + 0.5 - 0.2);  // 0.3·2 + 1·0.5 − 0.2
    const double c = f * -0.8 + i * g;
    nn_test::check_near(s.i(0, 0), i, 1e-12, "i = σ(1.2)");
    nn_test::check_near(s.f(0, 0), f, 1e-12, "f = σ(−0.8)");
    nn_test::check_near(s.g(0, 0), g, 1e-12, "g = tanh(3.75)");
    nn_test::check_near(s.o(0, 0), o, 1e-12, "o = σ(0.9)");
    nn_test::check_near(s.c(0, 0), c, 1e-12, "c_t = f·(−0.8) + i·g");
    nn_test::check_near(s.h(0, 0), o * std::tanh(c), 1e-12, "h_t = o·tanh(c_t)");
}

BOOST_AUTO_TEST_CASE(every_gate_and_state_on_random_cells) {
    nn::Rng rng(2101);
    for (const auto& [D, H, N] : {std::array<nn::Index, 3>{3, 4, 3}, {1, 2, 1}, {4, 3, 5}}) {
        const Lstm p = random_lstm(rng, D, H);
        check_lstm(p, rng.normal_matrix(D, N, 0, 1), rng.normal_matrix(H, N, 0, 0.7),
                   rng.normal_matrix(H, N, 0, 1.5), sizes(D, H, N) + ", random h_{t−1} and c_{t−1}");
    }
}

BOOST_AUTO_TEST_CASE(the_old_cell_is_kept_by_the_forget_gate) {
    // x = 0 and h_{t−1} = 0: every gate is its bias, and c_t = σ(b_f)·c_{t−1} + σ(b_i)·tanh(b_g).
    nn::Rng rng(2102);
    Lstm p = random_lstm(rng, 2, 3);
    const nn::Matrix c = (nn::Matrix(3, 2) << 2, -1, 0.5, 3, -2, 1).finished();
    check_lstm(p, nn::Matrix::Zero(2, 2), nn::Matrix::Zero(3, 2), c, "x = 0, h_{t−1} = 0, large c_{t−1}");
    p.b.setZero();
    p.b.segment(3, 3).setConstant(20);  // f = 1: the cell passes unchanged plus i·g = 0.5·0
    const LstmCache s = lstm_step(p, nn::Matrix::Zero(2, 2), nn::Matrix::Zero(3, 2), c);
    nn_test::check_matrix(s.c, c, 1e-8, "with f = σ(20) ≈ 1 and g = tanh(0) = 0, c_t must equal c_{t−1}");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex21_2_lstm_step_backward)

BOOST_AUTO_TEST_CASE(every_gradient_matches_central_differences) {
    nn::Rng rng(2111);
    for (const auto& [D, H, N] : {std::array<nn::Index, 3>{3, 4, 3}, {2, 2, 1}, {1, 3, 4}}) {
        const Lstm p = random_lstm(rng, D, H);
        check_lstm_backward(p, rng.normal_matrix(D, N, 0, 1), rng.normal_matrix(H, N, 0, 0.7),
                            rng.normal_matrix(H, N, 0, 1.2), rng.normal_matrix(H, N, 0, 1),
                            rng.normal_matrix(H, N, 0, 1), sizes(D, H, N));
    }
}

BOOST_AUTO_TEST_CASE(a_gradient_through_the_cell_alone) {
    // dh = 0: everything comes through dc, the gradient carried from step t + 1 along the cell.
    nn::Rng rng(2112);
    const Lstm p = random_lstm(rng, 2, 3);
    check_lstm_backward(p, rng.normal_matrix(2, 2, 0, 1), rng.normal_matrix(3, 2, 0, 0.7),
                        rng.normal_matrix(3, 2, 0, 1), nn::Matrix::Zero(3, 2), rng.normal_matrix(3, 2, 0, 1),
                        "dh = 0, dc random");
}

BOOST_AUTO_TEST_CASE(a_gradient_through_h_alone) {
    // dc = 0: c_t still reaches L through h_t = o ⊙ tanh(c_t), so dc_prev is not 0.
    nn::Rng rng(2113);
    const Lstm p = random_lstm(rng, 2, 3);
    check_lstm_backward(p, rng.normal_matrix(2, 3, 0, 1), rng.normal_matrix(3, 3, 0, 0.7),
                        rng.normal_matrix(3, 3, 0, 1), rng.normal_matrix(3, 3, 0, 1), nn::Matrix::Zero(3, 3),
                        "dh random, dc = 0");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex21_3_gru_step)

BOOST_AUTO_TEST_CASE(one_unit_by_hand) {
    // D = 1, H = 1: rows z, r, n of W_x = [0.5, −1, 2], W_h = [0.2, 0.4, −0.5], b = [−1, 0.3, 0.1];
    // x = 1, h_{t−1} = 0.6.
    const Gru p{.W_x = (nn::Matrix(3, 1) << 0.5, -1, 2).finished(),
                .W_h = (nn::Matrix(3, 1) << 0.2, 0.4, -0.5).finished(),
                .b = (nn::Vector(3) << -1, 0.3, 0.1).finished()};
    const GruCache s = gru_step(p, nn::Matrix::Constant(1, 1, 1), nn::Matrix::Constant(1, 1, 0.6));
    const double z = sig(0.5 + 0.12 - 1);   // 0.5·1 + 0.2·0.6 − 1
    const double r = sig(-1 + 0.24 + 0.3);  // −1·1 + 0.4·0.6 + 0.3
    const double n = std::tanh(2 - 0.5 * r * 0.6 + 0.1);
    nn_test::check_near(s.z(0, 0), z, 1e-12, "z = σ(−0.38)");
    nn_test::check_near(s.r(0, 0), r, 1e-12, "r = σ(−0.46)");
    nn_test::check_near(s.n(0, 0), n, 1e-12,
                        "n = tanh(2 − 0.5·(r·0.6) + 0.1): r multiplies h_{t−1} before W_h");
    nn_test::check_near(s.h(0, 0), (1 - z) * 0.6 + z * n, 1e-12, "h_t = (1 − z)·0.6 + z·n");
}

BOOST_AUTO_TEST_CASE(every_gate_and_state_on_random_cells) {
    nn::Rng rng(2121);
    for (const auto& [D, H, N] : {std::array<nn::Index, 3>{3, 4, 3}, {1, 2, 1}, {4, 3, 5}}) {
        const Gru p = random_gru(rng, D, H);
        check_gru(p, rng.normal_matrix(D, N, 0, 1), rng.normal_matrix(H, N, 0, 0.8), sizes(D, H, N));
    }
}

BOOST_AUTO_TEST_CASE(a_closed_update_gate_keeps_the_state) {
    nn::Rng rng(2122);
    Gru p = random_gru(rng, 2, 3);
    const nn::Matrix h = rng.normal_matrix(3, 2, 0, 0.8);
    check_gru(p, nn::Matrix::Zero(2, 2), h, "x = 0");
    p.b.head(3).setConstant(-40);  // z = σ(−40) ≈ 0: keep h_{t−1}
    nn_test::check_matrix(gru_step(p, rng.normal_matrix(2, 2, 0, 1), h).h, h, 1e-12,
                          "with z = σ(−40) ≈ 0, h_t = (1 − z) ⊙ h_{t−1} + z ⊙ n must be h_{t−1}");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ex21_4_gru_step_backward)

BOOST_AUTO_TEST_CASE(every_gradient_matches_central_differences) {
    nn::Rng rng(2131);
    for (const auto& [D, H, N] : {std::array<nn::Index, 3>{3, 4, 3}, {2, 2, 1}, {1, 3, 4}}) {
        const Gru p = random_gru(rng, D, H);
        check_gru_backward(p, rng.normal_matrix(D, N, 0, 1), rng.normal_matrix(H, N, 0, 0.8),
                           rng.normal_matrix(H, N, 0, 1), sizes(D, H, N));
    }
}

BOOST_AUTO_TEST_CASE(a_gradient_on_one_unit_only) {
    nn::Rng rng(2132);
    const Gru p = random_gru(rng, 2, 3);
    nn::Matrix dh = nn::Matrix::Zero(3, 2);
    dh(1, 0) = 1;
    dh(2, 1) = -0.5;
    check_gru_backward(p, rng.normal_matrix(2, 2, 0, 1), rng.normal_matrix(3, 2, 0, 0.8), dh,
                       "dh nonzero at one unit per sample");
}

BOOST_AUTO_TEST_SUITE_END()
