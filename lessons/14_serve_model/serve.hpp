// Lesson 14's code beyond the exercises: the preprocessing around center_by_mass, the model, and
// the HTTP server (cpp-httplib) that answers GET /, POST /predict and GET /health.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "exercise.hpp"
#include "nn/cnn.hpp"
#include "nn/data.hpp"
#include "nn/mlp.hpp"

namespace lesson14 {

// MNIST's first step: crop to the ink (pixels above 0), scale so that the longer side is 20
// pixels (aspect ratio kept; each new pixel the average of the area it covers), and put the result
// at the top left of an empty 28 × 28 field. center_by_mass then moves it to the middle.
nn::Vector fit_20x20(const nn::Vector& image);
// Both steps: what a drawing goes through before the model sees it.
nn::Vector preprocess(const nn::Vector& image);

// What the server answers with: lesson 12's MLP or lesson 16's CNN.
using Model = std::variant<nn::Mlp, nn::Cnn>;
// The model in a file saved by lesson 12 (an MLP) or lesson 16 (a CNN), whichever the file holds
// (nn::model_kind); an nn::Error unless it takes a 28x28 image and gives 10 classes.
Model load_served_model(const std::filesystem::path& file);
std::size_t parameter_count(const Model& model);
// Its layers, as /health lists them: an MLP's sizes ("784", "30", "30", "10"), a CNN's layers as
// Keras names them ("Conv2D(32, 5x5)", "ReLU", "MaxPooling2D(2)", ..., "Dense(10)").
std::vector<std::string> layer_names(const Model& model);

struct Prediction {
    int digit = 0;
    nn::Vector probabilities;  // 10 values, summing to 1
};
// The model's softmax output for one image of 784 pixels in [0, 1].
Prediction predict(const nn::Mlp& model, const nn::Vector& pixels);
Prediction predict(const nn::Cnn& model, const nn::Vector& pixels);
Prediction predict(const Model& model, const nn::Vector& pixels);

// The small model the lesson trains when no saved one is given: lesson 12's 784-30-30-10 (ReLU,
// Glorot-uniform, softmax cross-entropy), SGD lr 0.1, batch 32, on the first `images` training
// images for `epochs` epochs (seeded: the same model every time).
nn::Mlp train_small_model(const nn::Mnist& train, std::size_t images = 20000, int epochs = 2);

// What one server takes on. cpp-httplib serves a connection on one thread for as long as it is
// open (blocking reads), so the limits are about connections and how long each may hold a thread:
// the pool has a thread for every connection it serves at once, plus a few that only refuse.
struct ServerLimits {
    std::size_t max_body_bytes = 64 * 1024;  // 784 numbers with 17 digits each fit in 16 KiB
    int max_connections = 128;               // open at once; one more gets 503 and is closed
    int spare_threads = 8;                   // threads beyond max_connections, to refuse at once
    double read_timeout_s = 2;               // the longest wait for the next bytes of a request under way
    double request_timeout_s = 5;            // a whole request (head and body) from its first byte
    int keep_alive_timeout_s = 5;            // an idle keep-alive connection is closed after this
    int keep_alive_requests = 100;           // requests on one connection; the last is answered "close"
    double write_timeout_s = 5;              // the longest wait for a client to take the next bytes
};

class HttpServer;  // httplib::Server with lesson 14's own connection loop (serve.cpp)

// The model behind HTTP. Every handler only reads the model, so requests run in parallel.
class ModelServer {
public:
    // Throws nn::Error unless the model takes 784 pixels and gives 10 classes.
    ModelServer(Model model, std::string model_name, ServerLimits limits = {});
    ~ModelServer();
    ModelServer(const ModelServer&) = delete;
    ModelServer& operator=(const ModelServer&) = delete;

    // Connections served now (answering, or waiting for their next request); refused ones not counted.
    int open_connections() const;

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
    Model model_;
    std::string model_name_;
    ServerLimits limits_;
    std::unique_ptr<HttpServer> http_;
    std::thread thread_;
    std::atomic<long> requests_{0};
};

// The page GET / serves (page.html, compiled in).
extern const char* const page_html;

}  // namespace lesson14
