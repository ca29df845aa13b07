// nn::Cnn (nn/cnn.hpp): shapes, the layers' names, the backward pass against central differences,
// results that do not depend on the number of threads, and Adam's general step against its Mlp step.
#define EIGEN_DONT_PARALLELIZE  // as in common/src/cnn.cpp: the threads are ours, not Eigen's
#define BOOST_TEST_MODULE cnn
#include <omp.h>

#include <boost/test/unit_test.hpp>

#include "nn/cnn.hpp"
#include "nn/data.hpp"
#include "nn/losses.hpp"
#include "nn/mlp.hpp"
#include "nn/optim.hpp"
#include "nn_test.hpp"

namespace {

// A network with every kind of layer, padding, an odd size for the pooling to floor, and more
// than one group of images (cnn_group) in a batch of 37.
nn::Cnn small(nn::Rng& rng) {
    return nn::Cnn({2, 9, 7},
                   {nn::conv(3, 3, 1), nn::relu(), nn::max_pool(2), nn::conv(4, 2), nn::relu(), nn::dense(6),
                    nn::relu(), nn::dense(5)},
                   rng);
}

}  // namespace

BOOST_AUTO_TEST_CASE(shapes_and_parameter_counts) {
    nn::Rng rng(1);
    nn::Cnn m = small(rng);
    // conv 3×3 pad 1 keeps 9×7; pooling floors to 4×3; conv 2×2 gives 3×2; dense 4·3·2 = 24 → 6 → 5
    const nn::Shape expected[] = {{3, 9, 7}, {3, 9, 7}, {3, 4, 3}, {4, 3, 2},
                                  {4, 3, 2}, {6, 1, 1}, {6, 1, 1}, {5, 1, 1}};
    for (std::size_t l = 0; l < m.layers.size(); ++l) {
        const bool same = m.layers[l].out == expected[l];
        BOOST_TEST(same, "layer " << l << ": " << nn::to_string(m.layers[l].out) << ", expected "
                                  << nn::to_string(expected[l]));
    }
    // 3·(9·2 + 1) + 4·(4·3 + 1) + 6·(24 + 1) + 5·(6 + 1)
    BOOST_TEST(m.parameter_count() == std::size_t(57 + 52 + 150 + 35));
    BOOST_TEST(m.params().size() == std::size_t(8));
}

BOOST_AUTO_TEST_CASE(layer_names_as_keras_writes_them) {
    BOOST_TEST(nn::to_string(nn::conv(32, 5)) == "Conv2D(32, 5x5)");
    BOOST_TEST(nn::to_string(nn::conv(6, 3, 1)) == "Conv2D(6, 3x3, pad 1)");
    BOOST_TEST(nn::to_string(nn::relu()) == "ReLU");
    BOOST_TEST(nn::to_string(nn::max_pool(2)) == "MaxPooling2D(2)");
    BOOST_TEST(nn::to_string(nn::dense(10)) == "Dense(10)");
    // The layer that does not fit is named in the error.
    nn::Rng rng(2);
    BOOST_CHECK_EXCEPTION(nn::Cnn({1, 4, 4}, {nn::conv(2, 5)}, rng), nn::Error, [](const nn::Error& e) {
        return std::string(e.what()) == "Conv2D(2, 5x5) does not fit an input of shape (4, 4, 1)";
    });
}

BOOST_AUTO_TEST_CASE(a_layer_that_does_not_fit_is_an_error) {
    nn::Rng rng(2);
    BOOST_CHECK_THROW(nn::Cnn({1, 4, 4}, {nn::conv(2, 5)}, rng), nn::Error);
    BOOST_CHECK_THROW(nn::Cnn({1, 4, 4}, {nn::conv(2, 3), nn::max_pool(3)}, rng), nn::Error);
    BOOST_CHECK_THROW(nn::Cnn({1, 4, 4}, {nn::dense(0)}, rng), nn::Error);
    nn::Cnn m({1, 4, 4}, {nn::conv(2, 3), nn::dense(3)}, rng);
    BOOST_CHECK_THROW(m.forward(nn::Matrix::Zero(15, 2)), nn::Error);
    BOOST_CHECK_THROW(m.predict(nn::Matrix::Zero(17, 2)), nn::Error);
}

BOOST_AUTO_TEST_CASE(backward_matches_central_differences) {
    nn::Rng rng(3);
    nn::Cnn m = small(rng);
    const nn::Matrix X = rng.normal_matrix(m.input.size(), 37, 0, 1);
    std::vector<int> labels;
    for (int n = 0; n < 37; ++n) labels.push_back(n % 5);
    const nn::Matrix Y = nn::one_hot(labels, 5);
    const auto lg = nn::softmax_cross_entropy(m.forward(X), Y);
    const std::vector<nn::Matrix> grads = m.backward(lg.grad);
    const std::vector<nn::Matrix*> params = m.params();
    BOOST_TEST_REQUIRE(grads.size() == params.size());
    const auto loss = [&] { return nn::softmax_cross_entropy(m.predict(X), Y).loss; };
    for (std::size_t p = 0; p < params.size(); ++p) {
        BOOST_TEST_CONTEXT("parameter matrix " << p) {
            const nn::Matrix numeric = nn::central_gradient(loss, *params[p]);
            BOOST_TEST_REQUIRE(grads[p].rows() == numeric.rows());
            BOOST_TEST_REQUIRE(grads[p].cols() == numeric.cols());
            BOOST_TEST(nn::rel_error(grads[p], numeric) < 1e-6);
        }
    }
}

BOOST_AUTO_TEST_CASE(forward_and_predict_agree_and_predict_keeps_nothing) {
    nn::Rng rng(4);
    nn::Cnn m = small(rng);
    const nn::Matrix X = rng.normal_matrix(m.input.size(), 300, 0, 1);  // predict's blocks of 64 and a rest
    const nn::Matrix P = m.predict(X);
    nn_test::check_matrix(m.forward(X), P, 1e-12, "forward and predict");
    nn_test::check_matrix(m.predict(X.middleCols(100, 50)), P.middleCols(100, 50), 1e-12,
                          "predict of a slice");
}

BOOST_AUTO_TEST_CASE(the_same_digits_on_one_thread_and_on_several) {
    nn::Rng rng(5);
    const nn::Cnn start = small(rng);
    const nn::Matrix X = rng.normal_matrix(start.input.size(), 53, 0, 1);
    std::vector<int> labels;
    for (int n = 0; n < 53; ++n) labels.push_back((n * 7) % 5);
    const nn::Matrix Y = nn::one_hot(labels, 5);
    std::vector<nn::Matrix> after;
    for (const int threads : {1, 2, 3}) {
        omp_set_num_threads(threads);
        nn::Cnn m = start;
        nn::Adam adam;
        for (int step = 0; step < 3; ++step)
            adam.step(m.params(), m.backward(nn::softmax_cross_entropy(m.forward(X), Y).grad));
        after.push_back(m.predict(X));
    }
    for (std::size_t t = 1; t < after.size(); ++t)
        BOOST_TEST((after[t] == after[0]),
                   "three Adam steps on " << t + 1 << " threads differ from one thread");
}

BOOST_AUTO_TEST_CASE(adam_on_a_list_of_parameters_is_adam_on_an_mlp) {
    nn::Rng rng(6);
    nn::Mlp a({4, 5, 3}, {nn::Activation::relu, nn::Activation::identity}, nn::Init::he_normal, rng);
    nn::Mlp b = a;
    nn::Adam on_mlp{.lr = 0.01}, on_list{.lr = 0.01};
    const nn::Matrix X = rng.normal_matrix(4, 8, 0, 1);
    const nn::Matrix Y = nn::one_hot({0, 1, 2, 0, 1, 2, 0, 1}, 3);
    for (int step = 0; step < 4; ++step) {
        on_mlp.step(a, a.backward(nn::softmax_cross_entropy(a.forward(X), Y).grad));
        const auto g = b.backward(nn::softmax_cross_entropy(b.forward(X), Y).grad);
        std::vector<nn::Matrix*> params;
        std::vector<nn::Matrix> grads;
        std::vector<nn::Matrix> biases;  // b's biases as (out, 1) matrices, copied back after the step
        for (auto& L : b.layers) biases.push_back(L.b);
        for (std::size_t l = 0; l < b.layers.size(); ++l) {
            params.push_back(&b.layers[l].W);
            params.push_back(&biases[l]);
            grads.push_back(g[l].dW);
            grads.push_back(g[l].db);
        }
        on_list.step(params, grads);
        for (std::size_t l = 0; l < b.layers.size(); ++l) b.layers[l].b = biases[l].col(0);
    }
    for (std::size_t l = 0; l < a.layers.size(); ++l) {
        nn_test::check_matrix(b.layers[l].W, a.layers[l].W, 1e-15, "W of layer " + std::to_string(l));
        nn_test::check_matrix(b.layers[l].b, a.layers[l].b, 1e-15, "b of layer " + std::to_string(l));
    }
    BOOST_CHECK_THROW(on_list.step({&b.layers[0].W}, {}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(an_exception_in_a_patch_function_leaves_no_thread) {
    nn::Rng rng(7);
    nn::Cnn m = small(rng);
    m.patches = [](const nn::Matrix&, nn::Shape, nn::Index, nn::Index, nn::Index, nn::Index) -> nn::Matrix {
        throw std::logic_error("not written yet");
    };
    BOOST_CHECK_THROW(m.forward(rng.normal_matrix(m.input.size(), 40, 0, 1)), std::logic_error);
    m.patches = [](const nn::Matrix&, nn::Shape, nn::Index, nn::Index, nn::Index, nn::Index) {
        return nn::Matrix(2, 2);  // the wrong shape
    };
    BOOST_CHECK_THROW(m.forward(rng.normal_matrix(m.input.size(), 40, 0, 1)), std::logic_error);
}
