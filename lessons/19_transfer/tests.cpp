// Lesson 19 exercises: one suite per exercise (see lessons/00_matmul/tests.cpp for the pattern).
// 19.1's expected draws replay the documented shuffle on an nn::Rng of the same seed; the label sets
// give every class a different count, so a class swapped or missed shows. 19.2's heads are drawn
// again from a copy of the generator; 19.3's steps are written out per layer, and a frozen layer is
// handed NaN gradients and −0 weights, which any arithmetic on it would change.
#define BOOST_TEST_MODULE lesson 19 exercises
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "exercise.hpp"
#include "nn/rng.hpp"
#include "nn_test.hpp"

using namespace lesson19;

namespace {

// A labelled set of digits 0-9 where digit c appears 4 + c times, in a seeded order.
std::vector<int> label_set(std::uint64_t seed) {
    std::vector<int> labels;
    for (int c = 0; c < 10; ++c)
        for (int k = 0; k < 4 + c; ++k) labels.push_back(c);
    nn::Rng rng(seed);
    rng.shuffle(labels);
    return labels;
}

// The draw exercise.hpp describes, replayed: per class in order, its positions shuffled, the first n.
std::vector<nn::Index> replay(const std::vector<int>& labels, int first, int classes, nn::Index n,
                              nn::Rng& rng) {
    std::vector<nn::Index> out;
    for (int c = first; c < first + classes; ++c) {
        std::vector<nn::Index> of;
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (labels[i] == c) of.push_back(nn::Index(i));
        rng.shuffle(of);
        out.insert(out.end(), of.begin(), of.begin() + n);
    }
    return out;
}

std::string show(const std::vector<nn::Index>& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s + "]";
}

std::string draw_text(int first, int classes, nn::Index n, std::uint64_t seed) {
    return std::to_string(n) + " per class of classes " + std::to_string(first) + " .. " +
           std::to_string(first + classes - 1) + ", seed " + std::to_string(seed);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex19_1_few_labels)

BOOST_AUTO_TEST_CASE(every_class_gets_exactly_n_and_its_labels_count_from_0) {
    const std::vector<int> labels = label_set(7);
    for (const auto& [first, classes, n] :
         {std::tuple{5, 5, nn::Index(3)}, std::tuple{0, 10, nn::Index(4)}, std::tuple{2, 3, nn::Index(1)},
          std::tuple{6, 2, nn::Index(10)}, std::tuple{9, 1, nn::Index(5)}}) {
        nn::Rng rng(11);
        const FewLabels f = few_labels(labels, first, classes, n, rng);
        BOOST_TEST_CONTEXT(draw_text(first, classes, n, 11)) {
            BOOST_TEST_REQUIRE(f.idx.size() == std::size_t(classes * n),
                               "classes·n positions: expected " << classes * n << ", got " << f.idx.size());
            BOOST_TEST_REQUIRE(
                f.labels.size() == f.idx.size(),
                "one label per position: " << f.idx.size() << " positions, " << f.labels.size() << " labels");
            std::set<nn::Index> distinct;
            for (std::size_t k = 0; k < f.idx.size(); ++k) {
                const int want = int(nn::Index(k) / n);  // n of class first, then n of the next, ...
                BOOST_TEST_REQUIRE((f.idx[k] >= 0 && f.idx[k] < std::ssize(labels)),
                                   "position " << f.idx[k] << " is not in the set of " << labels.size());
                BOOST_TEST(labels[std::size_t(f.idx[k])] == first + want,
                           "entry " << k << " must be a " << first + want
                                    << " (the classes in order, n each), got a "
                                    << labels[std::size_t(f.idx[k])]);
                BOOST_TEST(f.labels[k] == want, "entry " << k << ": digit " << first + want << " is label "
                                                         << want << " (counted from first = " << first
                                                         << "), got " << f.labels[k]);
                distinct.insert(f.idx[k]);
            }
            BOOST_TEST(distinct.size() == f.idx.size(), "a position was drawn twice: " << show(f.idx));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_draw_is_each_class_shuffled_in_order_then_its_first_n) {
    const std::vector<int> labels = label_set(3);
    for (const std::uint64_t seed : {1u, 2u, 19u})
        for (const auto& [first, classes, n] :
             {std::tuple{5, 5, nn::Index(2)}, std::tuple{0, 10, nn::Index(4)},
              std::tuple{3, 4, nn::Index(6)}}) {
            nn::Rng rng(seed), again(seed);
            const std::vector<nn::Index> expected = replay(labels, first, classes, n, again);
            const FewLabels f = few_labels(labels, first, classes, n, rng);
            BOOST_TEST_CONTEXT(draw_text(first, classes, n, seed)) {
                BOOST_TEST(f.idx == expected, "the positions: expected "
                                                  << show(expected) << ", got " << show(f.idx)
                                                  << " (per class: its positions in increasing "
                                                     "order, rng.shuffle, the first n)");
            }
        }
}

BOOST_AUTO_TEST_CASE(only_positions_inside_the_set_are_drawn) {
    // The memory just past the set's last label holds a 5 (pushed, then popped): a loop that runs
    // one position too far finds a sixth... tenth 5 there.
    std::vector<int> labels = {5, 6, 5, 6, 5};
    labels.reserve(16);
    labels.push_back(5);
    labels.pop_back();
    nn::Rng rng(1);
    const FewLabels f = few_labels(labels, 5, 1, 3, rng);
    std::vector<nn::Index> sorted = f.idx;
    std::sort(sorted.begin(), sorted.end());
    BOOST_TEST(sorted == (std::vector<nn::Index>{0, 2, 4}),
               "the three 5s of {5, 6, 5, 6, 5} are at 0, 2 and 4, got "
                   << show(f.idx) << " (positions run from 0 to size − 1)");
    BOOST_TEST(f.labels == (std::vector<int>{0, 0, 0}), "digit 5 with first = 5 is label 0");
}

BOOST_AUTO_TEST_CASE(another_seed_gives_another_draw_not_the_first_n) {
    const std::vector<int> labels = label_set(5);
    std::set<std::vector<nn::Index>> draws;
    std::vector<nn::Index> first_n;  // the first 2 positions of each of 5 .. 9: no draw at all
    for (int c = 5; c < 10; ++c) {
        int taken = 0;
        for (std::size_t i = 0; i < labels.size() && taken < 2; ++i)
            if (labels[i] == c) {
                first_n.push_back(nn::Index(i));
                ++taken;
            }
    }
    int unshuffled = 0;
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        nn::Rng rng(seed);
        const FewLabels f = few_labels(labels, 5, 5, 2, rng);
        draws.insert(f.idx);
        if (f.idx == first_n) ++unshuffled;
    }
    BOOST_TEST(draws.size() == 6u, "6 seeds must give 6 different draws (the draw comes from rng), got "
                                       << draws.size() << " different");
    BOOST_TEST(unshuffled == 0, unshuffled << " of 6 seeds gave the first 2 images of each digit "
                                           << show(first_n)
                                           << ": a draw must be a random sample, not the first n");
}

BOOST_AUTO_TEST_CASE(the_callers_generator_moves_on) {
    const std::vector<int> labels = label_set(9);
    nn::Rng rng(4), again(4);
    const FewLabels one = few_labels(labels, 5, 5, 3, rng);
    const FewLabels two = few_labels(labels, 5, 5, 3, rng);
    replay(labels, 5, 5, 3, again);
    const std::vector<nn::Index> second = replay(labels, 5, 5, 3, again);
    BOOST_TEST(one.idx != two.idx, "two draws from the same generator gave the same positions "
                                       << show(one.idx)
                                       << ": draw from rng "
                                          "itself, not a copy");
    BOOST_TEST(two.idx == second,
               "the second draw from one generator: expected " << show(second) << ", got " << show(two.idx));
}

BOOST_AUTO_TEST_CASE(n_up_to_the_smallest_class_is_drawn_and_more_is_refused) {
    const std::vector<int> labels = label_set(2);  // digit 5 appears 9 times, the fewest of 5-9
    nn::Rng rng(8);
    // How many positions a draw gives; a refusal here is a failed check, not an escaped exception.
    const auto drawn = [&](int first, int classes, nn::Index n, const std::string& why) -> std::size_t {
        try {
            return few_labels(labels, first, classes, n, rng).idx.size();
        } catch (const std::exception& e) {
            BOOST_TEST(false, why << ": must be drawn, but few_labels refused it (" << e.what() << ")");
            return 0;
        }
    };
    BOOST_TEST(drawn(5, 5, 9, "n = 9, every image of the smallest class (5 has 9)") == 45u,
               "n = 9 of classes 5 .. 9: expected 45 positions");
    bool named = false;
    try {
        few_labels(labels, 5, 5, 10, rng);
        BOOST_TEST(false,
                   "n = 10, but digit 5 has only 9 images: few_labels must throw std::invalid_argument");
    } catch (const std::invalid_argument& e) {
        named = std::string(e.what()).find('5') != std::string::npos &&
                std::string(e.what()).find('9') != std::string::npos;
    }
    BOOST_TEST(named, "the refusal of n = 10 must name the class (5) and how many it has (9)");
    // Classes 0 .. 1 have 4 and 5 images: n = 4 is fine, 5 is not.
    BOOST_TEST(drawn(0, 2, 4, "n = 4 of classes 0 .. 1 (4 and 5 images)") == 8u,
               "n = 4 of classes 0 .. 1: expected 8 positions");
    BOOST_CHECK_THROW(few_labels(labels, 0, 2, 5, rng), std::invalid_argument);
    BOOST_CHECK_THROW(few_labels(labels, 5, 5, 0, rng), std::invalid_argument);   // n = 0
    BOOST_CHECK_THROW(few_labels(labels, 5, 5, -1, rng), std::invalid_argument);  // n < 0
    BOOST_CHECK_THROW(few_labels(labels, 5, 0, 2, rng), std::invalid_argument);   // no classes
    BOOST_CHECK_THROW(few_labels(labels, 8, 3, 2, rng), std::invalid_argument);   // class 10 has no image
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// A 6-5-4-3 source with non-zero biases and a sigmoid hidden layer, so every field of a layer counts.
nn::Mlp source_network() {
    nn::Rng rng(31);
    nn::Mlp m({6, 5, 4, 3}, {nn::Activation::sigmoid, nn::Activation::relu, nn::Activation::identity},
              nn::Init::glorot_uniform, rng);
    for (auto& layer : m.layers) layer.b = rng.uniform_matrix(layer.b.size(), 1, -1, 1);
    return m;
}

void check_same_layer(const nn::DenseLayer& got, const nn::DenseLayer& want, const std::string& what) {
    nn_test::check_matrix(got.W, want.W, 0, what + ": W");
    nn_test::check_matrix(got.b, want.b, 0, what + ": b");
    BOOST_TEST((got.act == want.act),
               what << ": the activation must be " << nn::name(want.act) << ", got " << nn::name(got.act));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex19_2_transferred)

BOOST_AUTO_TEST_CASE(the_hidden_layers_are_copied_and_the_source_kept) {
    const nn::Mlp source = source_network(), before = source_network();
    nn::Rng rng(5);
    const nn::Mlp t = transferred(source, 2, nn::Init::he_normal, rng);
    BOOST_TEST_REQUIRE(t.layers.size() == 3u,
                       "the 6-5-4-3 source's two hidden layers and a new head: expected 3 "
                       "layers, got "
                           << t.layers.size());
    check_same_layer(t.layers[0], source.layers[0], "layer 1 (copied)");
    check_same_layer(t.layers[1], source.layers[1], "layer 2 (copied)");
    BOOST_TEST((t.layers[2].W.rows() == 2 && t.layers[2].W.cols() == 4),
               "the head maps the 4 features to the 2 classes: expected a 2x4 W, got "
                   << t.layers[2].W.rows() << "x" << t.layers[2].W.cols());
    for (std::size_t l = 0; l < 3; ++l)
        check_same_layer(source.layers[l], before.layers[l],
                         "the source, layer " + std::to_string(l + 1) + " (must not change)");
}

BOOST_AUTO_TEST_CASE(the_head_is_new_drawn_from_rng_with_zero_bias) {
    const nn::Mlp source = source_network();
    for (const nn::Init init : {nn::Init::he_normal, nn::Init::glorot_uniform})
        for (const int classes : {3, 2, 1, 7})
            for (const std::uint64_t seed : {5u, 6u}) {
                nn::Rng rng(seed), again(seed);
                const nn::Matrix W = nn::init_weights(init, classes, 4, again);
                const nn::Mlp t = transferred(source, classes, init, rng);
                BOOST_TEST_CONTEXT(classes << " classes, " << nn::name(init) << ", seed " << seed) {
                    BOOST_TEST_REQUIRE(t.layers.size() == 3u, "expected 3 layers, got " << t.layers.size());
                    check_same_layer(
                        t.layers[2],
                        {.W = W, .b = nn::Vector::Zero(classes), .act = nn::Activation::identity},
                        "the head (nn::init_weights(init, classes, 4, rng), b = 0, identity; never the "
                        "source's, even when its shape fits)");
                    BOOST_TEST(
                        rng.next() == again.next(),
                        "rng must move on by exactly the head's draw (nothing else drawn, not a copy)");
                }
            }
}

BOOST_AUTO_TEST_CASE(a_deeper_source_keeps_all_its_hidden_layers) {
    nn::Rng r(2);
    const nn::Mlp deep(
        {3, 6, 5, 4, 2},
        {nn::Activation::tanh, nn::Activation::relu, nn::Activation::sigmoid, nn::Activation::sigmoid},
        nn::Init::he_normal, r);
    nn::Rng rng(1), again(1);
    const nn::Mlp t = transferred(deep, 3, nn::Init::he_normal, rng);
    BOOST_TEST_REQUIRE(
        t.layers.size() == 4u,
        "a 3-6-5-4-2 source gives 3 copied layers and a head: expected 4, got " << t.layers.size());
    for (std::size_t l = 0; l < 3; ++l)
        check_same_layer(t.layers[l], deep.layers[l], "layer " + std::to_string(l + 1) + " (copied)");
    // The source's last layer is a sigmoid: the new head is identity all the same (the logits).
    check_same_layer(t.layers[3],
                     {.W = nn::init_weights(nn::Init::he_normal, 3, 4, again),
                      .b = nn::Vector::Zero(3),
                      .act = nn::Activation::identity},
                     "the head (new, b = 0, identity whatever the source's head was)");
}

BOOST_AUTO_TEST_CASE(a_source_with_one_hidden_layer_gives_it_and_a_head) {
    nn::Rng r(6);
    const nn::Mlp shallow({5, 3, 4}, {nn::Activation::relu, nn::Activation::identity}, nn::Init::he_normal,
                          r);
    nn::Rng rng(2), again(2);
    const nn::Mlp t = transferred(shallow, 2, nn::Init::glorot_uniform, rng);
    BOOST_TEST_REQUIRE(
        t.layers.size() == 2u,
        "a 5-3-4 source gives its hidden layer and a head: expected 2 layers, got " << t.layers.size());
    check_same_layer(t.layers[0], shallow.layers[0], "layer 1 (copied)");
    check_same_layer(t.layers[1],
                     {.W = nn::init_weights(nn::Init::glorot_uniform, 2, 3, again),
                      .b = nn::Vector::Zero(2),
                      .act = nn::Activation::identity},
                     "the head (3 features to 2 classes)");
}

BOOST_AUTO_TEST_CASE(refuses_a_source_without_hidden_layers_and_no_classes) {
    nn::Rng r(3);
    const nn::Mlp one({4, 3}, {nn::Activation::identity}, nn::Init::he_normal, r);
    nn::Rng rng(1);
    BOOST_CHECK_THROW(transferred(one, 3, nn::Init::he_normal, rng), std::invalid_argument);
    BOOST_CHECK_THROW(transferred(source_network(), 0, nn::Init::he_normal, rng), std::invalid_argument);
    BOOST_CHECK_THROW(transferred(nn::Mlp{}, 2, nn::Init::he_normal, rng), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// A 3-4-2-2 network and gradients of its shape, all seeded.
struct Step {
    nn::Mlp model;
    std::vector<nn::DenseGrads> grads;
};
Step step_case() {
    nn::Rng rng(41);
    Step s{
        .model = nn::Mlp({3, 4, 2, 2}, {nn::Activation::relu, nn::Activation::relu, nn::Activation::identity},
                         nn::Init::he_normal, rng),
        .grads = {}};
    for (auto& layer : s.model.layers) {
        layer.b = rng.uniform_matrix(layer.b.size(), 1, -1, 1);
        s.grads.push_back({.dX = {},
                           .dW = rng.uniform_matrix(layer.W.rows(), layer.W.cols(), -1, 1),
                           .db = rng.uniform_matrix(layer.b.size(), 1, -1, 1)});
    }
    return s;
}

// Every bit of the matrix the same (== would let −0 for +0 pass, and NaN fail).
bool same_bits(const nn::Matrix& a, const nn::Matrix& b) {
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), std::size_t(a.size()) * sizeof(double)) == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ex19_3_step_layers)

BOOST_AUTO_TEST_CASE(every_layer_steps_at_its_own_rate) {
    for (const std::vector<double>& rates :
         {std::vector<double>{0.1, 0.2, 0.3}, std::vector<double>{0.01, 0.01, 0.5},
          std::vector<double>{0.5, 0.5, 0.5}}) {
        Step s = step_case();
        const nn::Mlp before = s.model;
        step_layers(s.model, s.grads, rates);
        BOOST_TEST_CONTEXT("rates " << rates[0] << ", " << rates[1] << ", " << rates[2]) {
            for (std::size_t l = 0; l < 3; ++l) {
                const std::string what =
                    "layer " + std::to_string(l + 1) + " at rate " + std::to_string(rates[l]);
                nn_test::check_matrix(s.model.layers[l].W, before.layers[l].W - rates[l] * s.grads[l].dW,
                                      1e-15, what + ": W − rate·dW");
                nn_test::check_matrix(s.model.layers[l].b, before.layers[l].b - rates[l] * s.grads[l].db,
                                      1e-15, what + ": b − rate·db");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_frozen_layer_is_untouched_bit_for_bit_while_the_head_learns) {
    for (const std::vector<double>& rates : {std::vector<double>{0, 0, 0.1}, std::vector<double>{0, 0.2, 0.1},
                                             std::vector<double>{0.3, 0, 0.1}}) {
        Step s = step_case();
        // −0 weights in every layer, and NaN gradients for the frozen ones: a frozen layer's gradient
        // is not needed, and W − 0·dW would turn −0 into +0 and NaN into NaN.
        for (std::size_t l = 0; l < 3; ++l) {
            s.model.layers[l].W(0, 0) = -0.0;
            s.grads[l].dW(0, 0) = -0.5;
            if (rates[l] == 0) {
                s.grads[l].dW(1, 1) = std::numeric_limits<double>::quiet_NaN();
                s.grads[l].db(1) = std::numeric_limits<double>::quiet_NaN();
            }
        }
        const nn::Mlp before = s.model;
        step_layers(s.model, s.grads, rates);
        BOOST_TEST_CONTEXT("rates " << rates[0] << ", " << rates[1] << ", " << rates[2]) {
            for (std::size_t l = 0; l < 3; ++l) {
                const std::string what = "layer " + std::to_string(l + 1);
                if (rates[l] == 0) {
                    BOOST_TEST(
                        same_bits(s.model.layers[l].W, before.layers[l].W),
                        what << " is frozen (rate 0): its W must stay bit for bit as it was, without reading "
                                "its gradient (which is NaN here) or computing W − 0·dW (−0 becomes +0)");
                    BOOST_TEST(same_bits(s.model.layers[l].b, before.layers[l].b),
                               what << " is frozen (rate 0): its b must stay bit for bit as it was");
                } else {
                    nn_test::check_matrix(s.model.layers[l].W, before.layers[l].W - rates[l] * s.grads[l].dW,
                                          1e-15, what + " learns: W − rate·dW");
                    nn_test::check_matrix(s.model.layers[l].b, before.layers[l].b - rates[l] * s.grads[l].db,
                                          1e-15, what + " learns: b − rate·db");
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(refuses_wrong_counts_and_negative_rates) {
    Step s = step_case();
    const nn::Mlp before = s.model;
    BOOST_CHECK_THROW(step_layers(s.model, s.grads, {0.1, 0.1}), std::invalid_argument);
    BOOST_CHECK_THROW(step_layers(s.model, s.grads, {0.1, 0.1, 0.1, 0.1}), std::invalid_argument);
    std::vector<nn::DenseGrads> two(s.grads.begin(), s.grads.begin() + 2);
    BOOST_CHECK_THROW(step_layers(s.model, two, {0.1, 0.1, 0.1}), std::invalid_argument);
    BOOST_CHECK_THROW(step_layers(s.model, s.grads, {0.1, -0.1, 0.1}), std::invalid_argument);
    BOOST_CHECK_THROW(step_layers(s.model, s.grads, {-0.1, 0.1, 0.1}), std::invalid_argument);
    BOOST_CHECK_THROW(step_layers(s.model, s.grads, {0.1, 0.1, -1e-9}), std::invalid_argument);
    for (std::size_t l = 0; l < 3; ++l)
        BOOST_TEST(same_bits(s.model.layers[l].W, before.layers[l].W),
                   "a refused step must change nothing: layer "
                       << l + 1 << " moved (check every rate before the first step)");
    step_layers(s.model, s.grads, {0.1, 0.1, 0.1});
    nn_test::check_matrix(s.model.layers[0].W, before.layers[0].W - 0.1 * s.grads[0].dW, 1e-15,
                          "after the refusals, a good step: layer 1's W − 0.1·dW");
}

BOOST_AUTO_TEST_SUITE_END()
