// libFuzzer harness: lesson 14's handling of a POST /predict body, ModelServer::answer (the
// JSON parsing of exercise 14.1's reference, the preprocessing, the prediction and the JSON
// answer). Every body gets an answer or a BadRequest (400 or 422); the answer is valid JSON.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "fuzz_util.hpp"
#include "serve.hpp"

namespace lesson14 {
const char* const page_html = "";  // the page itself is not fuzzed
}

namespace {
nn::Mlp small_model() {
    nn::Rng rng(14);
    return nn::Mlp({lesson14::pixel_count, 16, 10}, {nn::Activation::relu, nn::Activation::identity},
                   nn::Init::glorot_uniform, rng);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const lesson14::ModelServer server(small_model(), "fuzz");  // never bound: no port
    if (size < 1) return 0;
    const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        const auto answer = nlohmann::json::parse(server.answer(body, data[0] & 1));
        NN_FUZZ_REQUIRE(answer.at("digit").get<int>() >= 0 && answer.at("digit").get<int>() <= 9);
        NN_FUZZ_REQUIRE(answer.at("probabilities").size() == 10);
    } catch (const lesson14::BadRequest& e) {
        NN_FUZZ_REQUIRE(e.status == 400 || e.status == 422);
    }
    return 0;
}
