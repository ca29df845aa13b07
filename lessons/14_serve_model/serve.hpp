// Lesson 14's code beyond the exercises: the preprocessing around center_by_mass, the model, and
// the HTTP server (cpp-httplib) that answers GET /, POST /predict and GET /health.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "exercise.hpp"
#include "nn/data.hpp"
#include "nn/mlp.hpp"

namespace httplib {
class Server;
}

namespace lesson14 {

// MNIST's first step: crop to the ink (pixels above 0), scale so that the longer side is 20
// pixels (aspect ratio kept; each new pixel the average of the area it covers), and put the result
// at the top left of an empty 28 × 28 field. center_by_mass then moves it to the middle.
nn::Vector fit_20x20(const nn::Vector& image);
// Both steps: what a drawing goes through before the model sees it.
nn::Vector preprocess(const nn::Vector& image);

struct Prediction {
    int digit = 0;
    nn::Vector probabilities;  // 10 values, summing to 1
};
// The model's softmax output for one image of 784 pixels in [0, 1].
Prediction predict(const nn::Mlp& model, const nn::Vector& pixels);

// The small model the lesson trains when no saved one is given: lesson 12's 784-30-30-10 (ReLU,
// Glorot-uniform, softmax cross-entropy), SGD lr 0.1, batch 32, on the first `images` training
// images for `epochs` epochs (seeded: the same model every time).
nn::Mlp train_small_model(const nn::Mnist& train, std::size_t images = 20000, int epochs = 2);

struct ServerLimits {
    std::size_t max_body_bytes = 64 * 1024;  // 784 numbers with 17 digits each fit in 16 KiB
    int threads = 8;
};

// The model behind HTTP. Every handler only reads the model, so requests run in parallel.
class ModelServer {
public:
    ModelServer(nn::Mlp model, std::string model_name, ServerLimits limits = {});
    ~ModelServer();
    ModelServer(const ModelServer&) = delete;
    ModelServer& operator=(const ModelServer&) = delete;

    // Binds host:port (port 0: any free port) and returns the port; throws nn::Error if it cannot.
    int bind(const std::string& host, int port);
    // Serves until stop() (from another thread or a signal handler's thread).
    void serve();
    // serve() on a thread of its own.
    void start();
    void stop();

    // The JSON answer to a POST /predict body: {"digit", "probabilities"} or, when preprocess is
    // set, also "preprocessed" (the 784 pixels the model saw). Throws BadRequest.
    std::string answer(const std::string& body, bool preprocess) const;

private:
    void routes();  // the handlers and limits of the HTTP server, set up by the constructor
    nn::Mlp model_;
    std::string model_name_;
    ServerLimits limits_;
    std::unique_ptr<httplib::Server> http_;
    std::thread thread_;
    std::atomic<long> requests_{0};
};

// The page GET / serves (page.html, compiled in).
extern const char* const page_html;

}  // namespace lesson14
