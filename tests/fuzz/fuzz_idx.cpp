// libFuzzer harness: the plain IDX readers (load_idx_images, load_idx_labels). Every input either
// loads into a consistent object or throws nn::Error naming the file.
#include <cstdint>
#include <string>

#include "fuzz_util.hpp"
#include "nn/data.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = nn_fuzz::write_input("idx", data, size);
    try {
        const nn::IdxImages images = nn::load_idx_images(file);
        NN_FUZZ_REQUIRE(images.rows > 0 && images.cols > 0);
        NN_FUZZ_REQUIRE(images.pixels.size() == images.count * images.rows * images.cols);
        NN_FUZZ_REQUIRE(images.pixels.size() + 16 == size);
        if (images.count > 0) {  // the last pixel of the last image, as Mnist::X would read it
            volatile std::uint8_t last = images.pixels[images.count * images.rows * images.cols - 1];
            (void)last;
        }
    } catch (const nn::Error& e) {
        NN_FUZZ_REQUIRE(std::string(e.what()).find(file.string()) != std::string::npos);
    }
    try {
        const auto labels = nn::load_idx_labels(file);
        NN_FUZZ_REQUIRE(labels.size() + 8 == size);
        for (const auto l : labels) NN_FUZZ_REQUIRE(l <= 9);
    } catch (const nn::Error& e) {
        NN_FUZZ_REQUIRE(std::string(e.what()).find(file.string()) != std::string::npos);
    }
    return 0;
}
