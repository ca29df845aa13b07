// Lesson 12's reduced training run: a subset of MNIST, one epoch, an accuracy floor. (The full
// training is the lesson itself, ./nn run 12.) Needs MNIST, which ./nn test fetches first.
#define BOOST_TEST_MODULE lesson 12 reduced run
#include <boost/test/unit_test.hpp>

#include "lesson.hpp"
#include "nn/data.hpp"

using namespace lesson12;

// One epoch at lr 0.1 on the first 10,000 images reaches 0.808 on the first 2,000 test images
// (seed 12); chance is 0.1, and a broken gradient or update stays near it.
BOOST_AUTO_TEST_CASE(one_epoch_on_10000_images_passes_75_percent) {
    const DataSet d = load_dataset(nn::default_data_dir(), "mnist");
    const RunConfig c{.title = "test",
                      .sizes = {784, 30, 30, 10},
                      .lr = 0.1,
                      .epochs = 1,
                      .train_limit = 10000,
                      .test_limit = 2000};
    const RunResult r = run(d, c);
    BOOST_TEST(r.test_accuracy.back() > 0.75);
}

BOOST_AUTO_TEST_CASE(fashion_mnist_loads_unchanged) {
    const DataSet d = load_dataset(nn::default_data_dir(), "fashion");
    BOOST_TEST(d.train.size() == 60000u);
    BOOST_TEST(d.test.size() == 10000u);
    BOOST_TEST(d.class_names[9] == "Boot");
}
