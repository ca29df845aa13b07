// Lesson 22's own code (beyond the exercises): the transformer's backward pass against differences,
// and the task's helpers.
#define BOOST_TEST_MODULE lesson 22 lesson code
#include <boost/test/unit_test.hpp>

#include "lesson.hpp"
#include "nn/gradcheck.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson22;

BOOST_AUTO_TEST_CASE(transformer_gradient_matches_differences) {
    nn::Rng rng(2231);
    Transformer m = make_transformer(5, 6, 2, 7, rng);
    for (nn::Matrix* p : m.params()) *p += rng.normal_matrix(p->rows(), p->cols(), 0, 0.1);  // nonzero biases
    const std::vector<int> x{3, 1, 4, 1, 0}, y{0, 2, 4, 4, 1};
    auto loss = [&] { return sequence_cross_entropy(transformer_forward(m, x).Z, y).loss; };
    const TransformerPass f = transformer_forward(m, x);
    const std::vector<nn::Matrix> g = transformer_backward(m, f, sequence_cross_entropy(f.Z, y).dZ);
    const auto params = m.params();
    BOOST_TEST_REQUIRE(g.size() == params.size());
    const char* names[] = {"E", "Wq", "Wk", "Wv", "Wo", "bo", "W1", "b1", "W2", "b2", "Wout", "bout"};
    for (std::size_t k = 0; k < params.size(); ++k)
        nn_test::check_gradient(g[k], nn::central_gradient(loss, *params[k]), 1e-6, names[k]);
}

BOOST_AUTO_TEST_CASE(task_helpers) {
    BOOST_TEST((reversed({1, 2, 3}) == std::vector<int>{3, 2, 1}));
    nn::Rng rng(2232);
    const std::vector<int> s = random_digits(100, rng);
    BOOST_TEST(s.size() == 100u);
    for (const int v : s) BOOST_TEST((v >= 0 && v <= 9));
    nn::Rng r2(2233);
    Transformer m = make_transformer(10, 8, 2, 16, r2);
    BOOST_TEST(parameter_count(m) == 10 * 8 + 4 * 8 * 8 + 8 + 8 * 16 + 16 + 16 * 8 + 8 + 8 * 10 + 10);
}

BOOST_AUTO_TEST_CASE(lstm_gradient_matches_differences) {
    nn::Rng rng(2234);
    lesson21::Model m = make_lstm(4, rng);
    m.lstm.b += rng.normal_matrix(m.lstm.b.rows(), 1, 0, 0.2);
    m.b_y += rng.normal_matrix(10, 1, 0, 0.2);
    const std::vector<std::vector<int>> x{{3, 1, 4}, {9, 0, 2}}, y{reversed(x[0]), reversed(x[1])};
    auto loss = [&] { return lstm_loss_and_grads(m, x, y).loss; };
    const lesson21::LossAndGrads g = lstm_loss_and_grads(m, x, y);
    BOOST_TEST_REQUIRE(g.grads.size() == 5u);
    nn_test::check_gradient(g.grads[0], nn::central_gradient(loss, m.lstm.W_x), 1e-6, "W_x");
    nn_test::check_gradient(g.grads[1], nn::central_gradient(loss, m.lstm.W_h), 1e-6, "W_h");
    nn_test::check_gradient(g.grads[2], nn::central_gradient(loss, m.lstm.b), 1e-6, "b");
    nn_test::check_gradient(g.grads[3], nn::central_gradient(loss, m.W_y), 1e-6, "W_y");
    nn_test::check_gradient(g.grads[4], nn::central_gradient(loss, m.b_y), 1e-6, "b_y");
    BOOST_TEST(lstm_predict(m, x).size() == 2u);
    BOOST_TEST(lstm_predict(m, x)[0].size() == 3u);
    BOOST_TEST(lesson21::parameter_count(m) == 4 * 4 * (11 + 4) + 4 * 4 + 10 * 4 + 10);
}
