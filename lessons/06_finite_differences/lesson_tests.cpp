// Lesson 06's own code: the backprop gradient it compares the estimates with.
#define BOOST_TEST_MODULE lesson 06 lesson code
#include <boost/test/unit_test.hpp>

#include "lesson.hpp"
#include "nn_test.hpp"
#include "slide.hpp"

using namespace lesson06;

BOOST_AUTO_TEST_CASE(backprop_matches_central_differences) {
    const DataSet d = make_blobs(5, 12);
    nn::Rng rng(8);
    auto [w, b] = nn_parameter_maker({2, 4, 3, 1}, rng);
    const Grads g = backprop_gradient(d.X, d.y, w, b);
    for (std::size_t l = 0; l < w.size(); ++l) {
        auto cost = [&] { return cost_function(d.X, d.y, w, b); };
        BOOST_TEST_CONTEXT("layer " << l) {
            BOOST_TEST(nn_test::rel_error(g.w_pds[l], nn_test::central_gradient(cost, w[l])) < 1e-7);
            BOOST_TEST(nn_test::rel_error(g.b_pds[l], nn_test::central_gradient(cost, b[l])) < 1e-7);
        }
    }
}

BOOST_AUTO_TEST_CASE(blobs_are_seeded_and_labelled_half_and_half) {
    const DataSet a = make_blobs(5, 10), c = make_blobs(5, 10);
    BOOST_TEST((a.X == c.X));
    BOOST_TEST(a.y.sum() == 5);
    BOOST_TEST(a.X.rows() == 10);
    BOOST_TEST(a.X.cols() == 2);
}
