// Lesson 19's own code (beyond the exercises): the layer rates of the three ways, the step budget,
// the digits of a range of classes, and a frozen training run that leaves the copied layers as they
// were while the head learns.
#define BOOST_TEST_MODULE lesson 19 lesson code
#include <boost/test/unit_test.hpp>

#include <cstring>
#include <vector>

#include "exercise.hpp"
#include "lesson.hpp"
#include "nn/data.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson19;

BOOST_AUTO_TEST_CASE(the_three_ways_rates) {
    BOOST_TEST(layer_rates(Way::scratch, 3, 0.05, 0.1) == (std::vector<double>{0.05, 0.05, 0.05}));
    BOOST_TEST(layer_rates(Way::frozen, 3, 0.05, 0.1) == (std::vector<double>{0.0, 0.0, 0.05}));
    BOOST_TEST(layer_rates(Way::augmented, 3, 0.05, 0.1) == (std::vector<double>{0.05, 0.05, 0.05}));
    const std::vector<double> fine = layer_rates(Way::fine_tuned, 3, 0.05, 0.1);
    BOOST_TEST(fine.size() == 3u);
    BOOST_TEST(fine[0] == 0.05 * 0.1);
    BOOST_TEST(fine[1] == 0.05 * 0.1);
    BOOST_TEST(fine[2] == 0.05);
}

BOOST_AUTO_TEST_CASE(every_way_has_its_name) {
    BOOST_TEST(name(Way::scratch) == "from scratch");
    BOOST_TEST(name(Way::frozen) == "frozen");
    BOOST_TEST(name(Way::fine_tuned) == "fine-tuned");
    BOOST_TEST(name(Way::augmented) == "augmented");
}

BOOST_AUTO_TEST_CASE(the_budget_is_about_the_same_number_of_steps) {
    BOOST_TEST(epochs_for(5, 32, 300) == 300);     // one batch of 5 per epoch
    BOOST_TEST(epochs_for(50, 32, 300) == 150);    // 2 batches per epoch
    BOOST_TEST(epochs_for(2500, 32, 300) == 4);    // 79 batches per epoch: 316 steps
    BOOST_TEST(epochs_for(100000, 32, 300) == 1);  // at least one epoch
}

BOOST_AUTO_TEST_CASE(positions_of_a_range_of_classes) {
    const std::vector<int> labels = {5, 0, 9, 4, 7, 10, 5};
    BOOST_TEST(positions_of(labels, 5, 5) == (std::vector<nn::Index>{0, 2, 4, 6}));
    BOOST_TEST(positions_of(labels, 0, 5) == (std::vector<nn::Index>{1, 3}));
}

BOOST_AUTO_TEST_CASE(frozen_training_moves_only_the_head_and_learns) {
    nn::Rng rng(3);
    const nn::Mlp source({6, 8, 4, 2}, {nn::Activation::relu, nn::Activation::relu, nn::Activation::identity},
                         nn::Init::he_normal, rng);
    // Two separable classes: the sign of the first input.
    nn::Matrix X = rng.normal_matrix(6, 40, 0, 1);
    std::vector<int> labels;
    for (nn::Index j = 0; j < 40; ++j) labels.push_back(X(0, j) > 0 ? 1 : 0);
    nn::Rng head(4);
    nn::Mlp model = transferred(source, 2, nn::Init::he_normal, head);
    const nn::Mlp start = model;
    const TargetTraining t{.lr = 0.1, .fine = 0.1, .batch = 8, .steps = 50, .seed = 1};
    train_target(model, X, labels, layer_rates(Way::frozen, 3, t.lr, t.fine), t);
    for (std::size_t l = 0; l < 2; ++l)
        BOOST_TEST(std::memcmp(model.layers[l].W.data(), source.layers[l].W.data(),
                               std::size_t(source.layers[l].W.size()) * sizeof(double)) == 0,
                   "frozen layer " << l + 1 << " moved");
    BOOST_TEST((model.layers[2].W - start.layers[2].W).norm() > 0, "the head did not learn");
    // The same run again gives the same head (seeded batches).
    nn::Mlp again = start;
    train_target(again, X, labels, layer_rates(Way::frozen, 3, t.lr, t.fine), t);
    BOOST_TEST((again.layers[2].W - model.layers[2].W).norm() == 0);
}

BOOST_AUTO_TEST_CASE(random_moves_stay_within_m_and_follow_the_seed) {
    nn::Rng rng(9);
    const nn::Matrix X = rng.uniform_matrix(784, 6, 0, 1);
    nn::Rng a(1), b(1), c(1);
    BOOST_TEST((randomly_moved(X, 0, c) - X).norm() == 0, "m = 0 moves nothing");
    const nn::Matrix M = randomly_moved(X, 2, a);
    BOOST_TEST((randomly_moved(X, 2, b) - M).norm() == 0, "the same seed gives the same moves");
    nn::Rng d(1);
    for (nn::Index j = 0; j < X.cols(); ++j) {
        const auto dr = nn::Index(d.below(5)) - 2, dc = nn::Index(d.below(5)) - 2;
        BOOST_TEST((nn::moved(X.col(j), 28, 28, dr, dc) - M.col(j)).norm() == 0,
                   "image " << j << " moved by (" << dr << ", " << dc << ")");
    }
}
