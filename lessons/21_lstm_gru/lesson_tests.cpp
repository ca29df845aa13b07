// Lesson 21's own code (beyond the exercises): the sequence loops and their BPTT, the reach, the
// recall task and the models' gradients, each against central differences or counted by hand.
#define BOOST_TEST_MODULE lesson 21 lesson code
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "lesson.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson21;

namespace {
Sequence random_sequence(nn::Rng& rng, nn::Index D, nn::Index N, nn::Index T) {
    Sequence xs;
    for (nn::Index t = 0; t < T; ++t) xs.push_back(rng.normal_matrix(D, N, 0, 1));
    return xs;
}
}  // namespace

BOOST_AUTO_TEST_CASE(lstm_bptt_matches_differences_for_a_loss_at_every_step) {
    nn::Rng rng(211);
    Lstm p = random_lstm(3, 4, 1.0, rng);
    Sequence xs = random_sequence(rng, 3, 2, 6);
    std::vector<nn::Matrix> w;
    for (int t = 0; t < 6; ++t) w.push_back(rng.normal_matrix(4, 2, 0, 1));
    nn::Matrix h0 = rng.normal_matrix(4, 2, 0, 0.5), c0 = rng.normal_matrix(4, 2, 0, 0.5);
    const auto L = [&] {
        const std::vector<LstmCache> s = lstm_forward(p, xs, h0, c0);
        double sum = 0;
        for (std::size_t t = 0; t < s.size(); ++t) sum += (w[t].array() * s[t].h.array()).sum();
        return sum;
    };
    const LstmSequenceGrads g = lstm_backward(p, lstm_forward(p, xs, h0, c0), w);
    nn_test::check_gradient(g.dW_x, nn::central_gradient(L, p.W_x), 1e-6, "dW_x over 6 steps");
    nn_test::check_gradient(g.dW_h, nn::central_gradient(L, p.W_h), 1e-6, "dW_h over 6 steps");
    nn_test::check_gradient(g.db, nn::central_gradient(L, p.b), 1e-6, "db over 6 steps");
    nn_test::check_gradient(g.dh[0], nn::central_gradient(L, h0), 1e-6, "dh_0");
    nn_test::check_gradient(g.dc[0], nn::central_gradient(L, c0), 1e-6, "dc_0");
    nn_test::check_gradient(g.dxs[2], nn::central_gradient(L, xs[2]), 1e-6, "dx_3");
}

BOOST_AUTO_TEST_CASE(gru_bptt_matches_differences_for_a_loss_at_every_step) {
    nn::Rng rng(212);
    Gru p = random_gru(2, 3, -1.0, rng);
    Sequence xs = random_sequence(rng, 2, 3, 5);
    std::vector<nn::Matrix> w;
    for (int t = 0; t < 5; ++t) w.push_back(rng.normal_matrix(3, 3, 0, 1));
    nn::Matrix h0 = rng.normal_matrix(3, 3, 0, 0.5);
    const auto L = [&] {
        const std::vector<GruCache> s = gru_forward(p, xs, h0);
        double sum = 0;
        for (std::size_t t = 0; t < s.size(); ++t) sum += (w[t].array() * s[t].h.array()).sum();
        return sum;
    };
    const GruSequenceGrads g = gru_backward(p, gru_forward(p, xs, h0), w);
    nn_test::check_gradient(g.dW_x, nn::central_gradient(L, p.W_x), 1e-6, "dW_x over 5 steps");
    nn_test::check_gradient(g.dW_h, nn::central_gradient(L, p.W_h), 1e-6, "dW_h over 5 steps");
    nn_test::check_gradient(g.db, nn::central_gradient(L, p.b), 1e-6, "db over 5 steps");
    nn_test::check_gradient(g.dh[0], nn::central_gradient(L, h0), 1e-6, "dh_0");
    nn_test::check_gradient(g.dxs[0], nn::central_gradient(L, xs[0]), 1e-6, "dx_1");
}

BOOST_AUTO_TEST_CASE(shapes_that_do_not_fit_are_refused) {
    nn::Rng rng(213);
    const Lstm p = random_lstm(3, 4, 1.0, rng);
    const nn::Matrix h0 = nn::Matrix::Zero(4, 2);
    nn_test::invalid_argument_message([&] { lstm_forward(p, random_sequence(rng, 2, 2, 3), h0, h0); },
                                      "steps of 2 inputs for a cell of 3");
    nn_test::invalid_argument_message(
        [&] { lstm_forward(p, random_sequence(rng, 3, 2, 3), nn::Matrix::Zero(3, 2), h0); },
        "h0 of 3 units for a cell of 4");
    nn_test::invalid_argument_message([&] { lstm_backward(p, {}, {}); }, "no steps");
    const Gru q = random_gru(3, 4, 0.0, rng);
    nn_test::invalid_argument_message([&] { gru_forward(q, random_sequence(rng, 3, 3, 2), h0); },
                                      "steps of 3 samples for a state of 2");
}

BOOST_AUTO_TEST_CASE(reach_is_the_norm_of_the_jacobian_by_differences) {
    // ∂h_T/∂h_{T−k} for the GRU by central differences: run the last k steps from a nudged h_{T−k}.
    nn::Rng rng(214);
    const Gru p = random_gru(2, 3, -1.0, rng);
    const Sequence xs = random_sequence(rng, 2, 1, 5);
    const std::vector<double> r = gru_reach(p, xs);
    BOOST_TEST_REQUIRE(r.size() == 6u);
    const std::vector<GruCache> s = gru_forward(p, xs, nn::Matrix::Zero(3, 1));
    for (const nn::Index k : {1, 3, 5}) {
        const Sequence tail(xs.end() - k, xs.end());
        const nn::Matrix start = k == 5 ? nn::Matrix::Zero(3, 1) : s[std::size_t(4 - k)].h;
        nn::Matrix J(3, 3);
        for (nn::Index j = 0; j < 3; ++j) {
            const auto last = [&](double d) {
                nn::Matrix h = start;
                h(j, 0) += d;
                return gru_forward(p, tail, h).back().h;
            };
            J.col(j) = (last(1e-6) - last(-1e-6)) / 2e-6;
        }
        nn_test::check_near(r[std::size_t(k)], spectral_norm(J), 1e-6 * spectral_norm(J),
                            "GRU reach[" + std::to_string(k) + "]");
    }
    nn_test::check_near(lstm_reach(random_lstm(2, 3, 1.0, rng), xs)[0], 1.0, 1e-12,
                        "LSTM reach[0] (∂h_T/∂h_T = I)");
}

BOOST_AUTO_TEST_CASE(the_recall_task_marks_the_first_symbol) {
    nn::Rng rng(215);
    const Recall d = make_recall(6, 4, 50, rng);
    BOOST_TEST_REQUIRE(d.xs.size() == 6u);
    BOOST_TEST_REQUIRE(d.labels.size() == 50u);
    for (nn::Index n = 0; n < 50; ++n) {
        BOOST_TEST(d.xs[0](d.labels[std::size_t(n)], n) == 1.0);
        BOOST_TEST(d.xs[0](4, n) == 1.0);
        for (std::size_t t = 0; t < 6; ++t) {
            BOOST_TEST(d.xs[t].col(n).head(4).sum() == 1.0, "one symbol per step");
            if (t > 0) BOOST_TEST(d.xs[t](4, n) == 0.0, "the marker at step 1 only");
        }
    }
}

BOOST_AUTO_TEST_CASE(every_models_gradient_matches_differences) {
    for (const Cell cell : {Cell::rnn, Cell::lstm, Cell::gru}) {
        nn::Rng rng(216);
        Model m = make_model(cell, 3, 4, 2, cell == Cell::gru ? -1.0 : 1.0, rng);
        const Recall batch = make_recall(4, 2, 3, rng);
        const LossAndGrads lg = loss_and_grads(m, batch);
        std::vector<nn::Matrix> P = parameters(m);
        for (std::size_t k = 0; k < P.size(); ++k) {
            const auto L = [&] {
                Model q = m;
                set_parameters(q, P);
                return loss_and_grads(q, batch).loss;
            };
            nn_test::check_gradient(lg.grads[k], nn::central_gradient(L, P[k]), 1e-6,
                                    name(cell) + " parameter " + std::to_string(k));
        }
        nn_test::check_near(accuracy(m, batch), accuracy(m, batch), 0, "accuracy is deterministic");
    }
}
