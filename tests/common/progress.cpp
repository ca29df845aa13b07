#define BOOST_TEST_MODULE nn progress
#include <boost/test/unit_test.hpp>

#include <cstdlib>

#include "nn/progress.hpp"

BOOST_AUTO_TEST_CASE(the_bar_fills_in_proportion) {
    BOOST_TEST(nn::progress_bar(0.0, 10) == "[----------]");
    BOOST_TEST(nn::progress_bar(0.5, 10) == "[#####-----]");
    BOOST_TEST(nn::progress_bar(1.0, 4) == "[####]");
    BOOST_TEST(nn::progress_bar(2.0, 4) == "[####]");  // clamped
    BOOST_TEST(nn::progress_bar(-1.0, 4) == "[----]");
}

BOOST_AUTO_TEST_CASE(it_is_silent_when_told_or_not_on_a_terminal) {
    setenv("NN_NO_PROGRESS", "1", 1);
    BOOST_TEST(!nn::ProgressBar::enabled());
    nn::ProgressBar bar("epoch 1/1", 100);
    bar.update(50, "loss 1.0");  // must not write (and must not crash)
    bar.finish();
    BOOST_TEST(bar.seconds() >= 0.0);
}
