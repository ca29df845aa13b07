// libFuzzer harness: the model readers (load_model, load_cnn). If the first byte is odd, the harness puts
// the right checksum at the end of the rest (so the fuzzer gets past it to the layers and
// weights); otherwise the rest is the file as it is. Every input either loads into a consistent
// model or throws nn::Error naming the file.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz_util.hpp"
#include "nn/model_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    std::vector<std::uint8_t> bytes(data + 1, data + size);
    if ((data[0] & 1) && bytes.size() >= 8) {
        // FNV-1a of everything before the last 8 bytes, the format's checksum (model_io.hpp).
        std::uint64_t h = 1469598103934665603ULL;
        for (std::size_t i = 0; i + 8 < bytes.size(); ++i) {
            h ^= bytes[i];
            h *= 1099511628211ULL;
        }
        std::memcpy(bytes.data() + bytes.size() - 8, &h, 8);
    }
    const auto file = nn_fuzz::write_input("model.bin", bytes.data(), bytes.size());
    for (const auto& [in, out] : {std::pair{0, 0}, std::pair{784, 10}}) {
        try {
            const nn::Mlp m = nn::load_model(file, in, out);
            NN_FUZZ_REQUIRE(!m.layers.empty() && m.layers.size() <= 64);
            std::size_t parameters = 0;
            for (std::size_t l = 0; l < m.layers.size(); ++l) {
                const auto& layer = m.layers[l];
                NN_FUZZ_REQUIRE(layer.W.rows() == layer.b.size() && layer.W.rows() >= 1 &&
                                layer.W.cols() >= 1);
                if (l > 0) NN_FUZZ_REQUIRE(layer.W.cols() == m.layers[l - 1].W.rows());
                NN_FUZZ_REQUIRE(layer.W.allFinite() && layer.b.allFinite());
                parameters += std::size_t(layer.W.size() + layer.b.size());
            }
            NN_FUZZ_REQUIRE(parameters * 8 < bytes.size());  // every weight came from the file
            if (in) NN_FUZZ_REQUIRE(m.layers.front().W.cols() == in && m.layers.back().W.rows() == out);
            const nn::Matrix Y = m.predict(nn::Matrix::Zero(m.layers.front().W.cols(), 1));
            NN_FUZZ_REQUIRE(Y.rows() == m.layers.back().W.rows());
        } catch (const nn::Error& e) {
            NN_FUZZ_REQUIRE(std::string(e.what()).find(file.string()) != std::string::npos);
        }
    }
    for (const auto& [in, out] : {std::pair{nn::Shape{0, 0, 0}, 0}, std::pair{nn::Shape{1, 28, 28}, 10}}) {
        try {
            const nn::Cnn m = nn::load_cnn(file, in, out);
            NN_FUZZ_REQUIRE(!m.layers.empty() && m.layers.size() <= 64);
            std::size_t parameters = 0;
            for (const nn::CnnLayer& layer : m.layers) {
                NN_FUZZ_REQUIRE(layer.out.size() <= (1 << 18) && layer.W.rows() == layer.b.rows());
                NN_FUZZ_REQUIRE(layer.W.allFinite() && layer.b.allFinite());
                parameters += std::size_t(layer.W.size() + layer.b.size());
            }
            NN_FUZZ_REQUIRE(parameters * 8 < bytes.size());
            if (in.C) NN_FUZZ_REQUIRE(m.input == in && m.layers.back().out.size() == out);
            const nn::Matrix Y = m.predict(nn::Matrix::Zero(m.input.size(), 1));
            NN_FUZZ_REQUIRE(Y.rows() == m.layers.back().out.size() && Y.cols() == 1);
        } catch (const nn::Error& e) {
            NN_FUZZ_REQUIRE(std::string(e.what()).find(file.string()) != std::string::npos);
        }
    }
    return 0;
}
