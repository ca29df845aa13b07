// libFuzzer harness: the CSV reader (load_labelled_csv, load_iris). Every input either loads into
// a consistent table of finite numbers or throws nn::Error naming the file.
#include <cmath>
#include <cstdint>
#include <string>

#include "fuzz_util.hpp"
#include "nn/data.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = nn_fuzz::write_input("data.csv", data, size);
    const std::vector<std::string> classes = {"Iris-setosa", "Iris-versicolor", "Iris-virginica"};
    try {
        const nn::LabelledData d = nn::load_labelled_csv(file, classes);
        NN_FUZZ_REQUIRE(d.X.rows() == std::ssize(d.feature_names) && d.X.rows() >= 1);
        NN_FUZZ_REQUIRE(d.X.cols() == std::ssize(d.labels) && d.X.cols() >= 1);
        NN_FUZZ_REQUIRE(d.X.allFinite());
        for (const int l : d.labels) NN_FUZZ_REQUIRE(l >= 0 && l < 3);
        // What lesson 11 does next: one-hot labels, standardized features.
        NN_FUZZ_REQUIRE(nn::one_hot(d.labels, 3).colwise().sum().isOnes());
    } catch (const nn::Error& e) {
        NN_FUZZ_REQUIRE(std::string(e.what()).find(file.string()) != std::string::npos);
    }
    try {
        const nn::LabelledData iris = nn::load_iris(file);
        NN_FUZZ_REQUIRE(iris.X.rows() == 4 && iris.X.allFinite());
    } catch (const nn::Error& e) {
        NN_FUZZ_REQUIRE(std::string(e.what()).find(file.string()) != std::string::npos);
    }
    return 0;
}
