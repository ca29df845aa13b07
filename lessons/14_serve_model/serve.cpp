#include "serve.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>

#include "nn/activations.hpp"
#include "nn/losses.hpp"
#include "nn/training.hpp"
// After Eigen: httplib.h brings <resolv.h>, whose macro _res breaks Eigen's headers.
#include <httplib.h>

namespace lesson14 {

namespace {

// overlap(n_out, n_in): (n_out, n_in), entry (i, k) = the length of [i·s, (i+1)·s) ∩ [k, k+1) with
// s = n_in / n_out: how much of input pixel k output pixel i covers along one axis.
nn::Matrix overlap(nn::Index n_out, nn::Index n_in) {
    const double s = double(n_in) / double(n_out);
    nn::Matrix M = nn::Matrix::Zero(n_out, n_in);
    for (nn::Index i = 0; i < n_out; ++i) {
        const double lo = double(i) * s, hi = double(i + 1) * s;
        for (nn::Index k = nn::Index(std::floor(lo)); k < n_in && double(k) < hi; ++k)
            M(i, k) = std::min(hi, double(k + 1)) - std::max(lo, double(k));
    }
    return M;
}

nlohmann::json to_json(const nn::Vector& v) { return std::vector<double>(v.data(), v.data() + v.size()); }

std::string error_json(const std::string& message) { return nlohmann::json{{"error", message}}.dump(); }

}  // namespace

nn::Vector fit_20x20(const nn::Vector& image) {
    if (image.size() != pixel_count) throw std::invalid_argument("fit_20x20: an image has 784 pixels");
    const Eigen::Map<const Eigen::Matrix<double, side, side, Eigen::RowMajor>> img(image.data());
    int r0 = side, r1 = -1, c0 = side, c1 = -1;
    for (int r = 0; r < side; ++r) {
        for (int c = 0; c < side; ++c) {
            if (img(r, c) <= 0) continue;
            r0 = std::min(r0, r);
            r1 = std::max(r1, r);
            c0 = std::min(c0, c);
            c1 = std::max(c1, c);
        }
    }
    if (r1 < 0) return image;  // no ink
    const int h = r1 - r0 + 1, w = c1 - c0 + 1;
    const double scale = 20.0 / std::max(h, w);
    const nn::Index h2 = std::max<nn::Index>(1, std::lround(h * scale)),
                    w2 = std::max<nn::Index>(1, std::lround(w * scale));
    // Area averaging is separable: rows, then columns, each a matrix of overlaps.
    const nn::Matrix crop = img.block(r0, c0, h, w);
    const nn::Matrix scaled = overlap(h2, h) * crop * overlap(w2, w).transpose() *
                              (double(h2) * double(w2) / (double(h) * double(w)));
    nn::Vector out = nn::Vector::Zero(pixel_count);
    for (nn::Index r = 0; r < h2; ++r)
        for (nn::Index c = 0; c < w2; ++c) out(r * side + c) = std::min(1.0, scaled(r, c));
    return out;
}

nn::Vector preprocess(const nn::Vector& image) { return center_by_mass(fit_20x20(image)); }

Prediction predict(const nn::Mlp& model, const nn::Vector& pixels) {
    const nn::Matrix P = nn::softmax(model.predict(pixels));
    Prediction p;
    p.probabilities = P.col(0);
    p.digit = nn::argmax_columns(P)[0];
    return p;
}

nn::Mlp train_small_model(const nn::Mnist& train, std::size_t images, int epochs) {
    images = std::min(images, train.size());
    nn::Rng rng(14);
    nn::Mlp model({pixel_count, 30, 30, 10},
                  {nn::Activation::relu, nn::Activation::relu, nn::Activation::identity},
                  nn::Init::glorot_uniform, rng);
    const auto get = [&](const std::vector<nn::Index>& idx) { return nn::Batch{train.X(idx), train.Y(idx)}; };
    const auto step = [&](const nn::Matrix& X, const nn::Matrix& Y) {
        const auto loss = nn::softmax_cross_entropy(model.forward(X), Y);
        model.sgd_step(model.backward(loss.grad), 0.1);
        return loss.loss;
    };
    for (int e = 0; e < epochs; ++e) nn::train_epoch(nn::minibatches, nn::Index(images), 32, rng, get, step);
    return model;
}

ModelServer::ModelServer(nn::Mlp model, std::string model_name, ServerLimits limits)
    : model_(std::move(model)),
      model_name_(std::move(model_name)),
      limits_(limits),
      http_(std::make_unique<httplib::Server>()) {
    if (model_.layers.empty() || model_.layers.front().W.cols() != pixel_count ||
        model_.layers.back().W.rows() != 10)
        throw nn::Error("the served model must take 784 pixels and give 10 classes");
    routes();
}

void ModelServer::routes() {
    const int threads = limits_.threads;
    http_->new_task_queue = [threads] { return new httplib::ThreadPool(std::size_t(threads)); };
    http_->set_payload_max_length(limits_.max_body_bytes);
    http_->set_read_timeout(5, 0);
    http_->set_write_timeout(5, 0);
    http_->set_keep_alive_timeout(2);
    // httplib's default also sets SO_REUSEPORT, with which a second server on the same port binds
    // without an error and the two share the traffic. SO_REUSEADDR alone: restart at once after a
    // stop, but a port in use is an error.
    http_->set_socket_options([](int sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });

    http_->Get("/", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(page_html, "text/html; charset=utf-8");
    });
    http_->Get("/health", [this](const httplib::Request&, httplib::Response& res) {
        nlohmann::json sizes = nlohmann::json::array({model_.layers.front().W.cols()});
        for (const auto& layer : model_.layers) sizes.push_back(layer.W.rows());
        const nlohmann::json body{{"status", "ok"},
                                  {"model", model_name_},
                                  {"layers", sizes},
                                  {"parameters", model_.parameter_count()},
                                  {"requests", requests_.load()}};
        res.set_content(body.dump(), "application/json");
    });
    http_->Post("/predict", [this](const httplib::Request& req, httplib::Response& res) {
        ++requests_;
        const bool pre = req.has_param("preprocess") && req.get_param_value("preprocess") != "0";
        try {
            res.set_content(answer(req.body, pre), "application/json");
        } catch (const BadRequest& e) {
            res.status = e.status;
            res.set_content(error_json(e.what()), "application/json");
        }
    });
    // A known path with the wrong method: 405 and the method it takes.
    const auto wrong_method = [](const char* allowed) {
        return [allowed](const httplib::Request& req, httplib::Response& res) {
            res.status = 405;
            res.set_header("Allow", allowed);
            res.set_content(
                error_json(fmt::format("{} {} is not served; use {}", req.method, req.path, allowed)),
                "application/json");
        };
    };
    for (const char* path : {"/", "/health"}) {
        http_->Post(path, wrong_method("GET"));
        http_->Put(path, wrong_method("GET"));
        http_->Delete(path, wrong_method("GET"));
        http_->Patch(path, wrong_method("GET"));
    }
    http_->Get("/predict", wrong_method("POST"));
    http_->Put("/predict", wrong_method("POST"));
    http_->Delete("/predict", wrong_method("POST"));
    http_->Patch("/predict", wrong_method("POST"));
    // Anything else that ends in an error without a body (404, 413 for a body over the limit, a
    // request httplib cannot parse) still answers in JSON.
    http_->set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        std::string message = fmt::format("HTTP {}", res.status);
        if (res.status == 404)
            message = fmt::format("no such path: {} (there are /, /predict and /health)", req.path);
        if (res.status == 413)
            message = fmt::format("the body is over the limit of {} bytes", limits_.max_body_bytes);
        res.set_content(error_json(message), "application/json");
    });
    http_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = std::string("internal error: ") + e.what();
        } catch (...) {}
        res.status = 500;
        res.set_content(error_json(what), "application/json");
    });
}

ModelServer::~ModelServer() { stop(); }

int ModelServer::bind(const std::string& host, int port) {
    if (port < 0 || port > 65535) throw nn::Error(fmt::format("port {} is not in 0 to 65535", port));
    const int bound =
        port == 0 ? http_->bind_to_any_port(host) : (http_->bind_to_port(host, port) ? port : -1);
    if (bound < 0)
        throw nn::Error(
            fmt::format("cannot listen on {}:{} (in use by another program? try --port 0 for any free port)",
                        host, port));
    return bound;
}

void ModelServer::serve() { http_->listen_after_bind(); }

void ModelServer::start() {
    thread_ = std::thread([this] { serve(); });
    // listen_after_bind sets is_running as it starts; wait for it, so stop() cannot come first.
    for (int i = 0; i < 5000 && !http_->is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void ModelServer::stop() {
    http_->stop();
    if (thread_.joinable()) thread_.join();
}

std::string ModelServer::answer(const std::string& body, bool pre) const {
    nn::Vector pixels = parse_pixels(body);
    if (pre) pixels = preprocess(pixels);
    const Prediction p = predict(model_, pixels);
    nlohmann::json out{{"digit", p.digit}, {"probabilities", to_json(p.probabilities)}};
    if (pre) out["preprocessed"] = to_json(pixels);
    return out.dump();
}

}  // namespace lesson14
