#include "serve.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <optional>
#include <type_traits>
#include <variant>

#include "nn/activations.hpp"
#include "nn/losses.hpp"
#include "nn/model_io.hpp"
#include "nn/training.hpp"
// After Eigen: httplib.h brings <resolv.h>, whose macro _res breaks Eigen's headers.
#include <httplib.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>

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

using Clock = std::chrono::steady_clock;

int ms_until(Clock::time_point t) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - Clock::now()).count();
    return int(std::clamp<long long>(ms, 0, 1 << 30));
}
Clock::duration seconds(double s) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

// Set by a handler that answers without reading the body: the connection cannot carry on.
thread_local bool close_after_response = false;

// One connection's bytes, for httplib's process_request. httplib's own stream waits each read for
// the read timeout, so a client that sends a byte every few seconds holds its thread for ever;
// this one also gives a whole request a deadline, wakes at once when the server stops (the stop
// eventfd), buffers reads (httplib reads a request's head a byte at a time) and writes (a response
// goes out in one send, not a head and a body that Nagle's algorithm would hold 40 ms apart).
class ConnectionStream final : public httplib::Stream {
public:
    ConnectionStream(int sock, int stop_fd, const ServerLimits& limits)
        : sock_(sock), stop_fd_(stop_fd), limits_(limits) {}

    // Waits up to the keep-alive timeout for a request to begin (or the peer to close): false on
    // timeout, stop or error. Then the request has request_timeout_s from now.
    bool wait_for_request() {
        if (in_pos_ == in_.size() &&
            !wait(POLLIN, Clock::now() + std::chrono::seconds(limits_.keep_alive_timeout_s)))
            return false;
        deadline_ = Clock::now() + seconds(limits_.request_timeout_s);
        return true;
    }
    // Sends what the response left in the buffer; false if the client did not take it.
    bool flush() {
        std::size_t sent = 0;
        while (sent < out_.size()) {
            const ssize_t n =
                ::send(sock_, out_.data() + sent, out_.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                sent += std::size_t(n);
            } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
                if (!wait(POLLOUT, Clock::now() + seconds(limits_.write_timeout_s))) break;
            } else {
                break;
            }
        }
        const bool ok = sent == out_.size();
        out_.clear();
        failed_ = failed_ || !ok;
        return ok;
    }
    // Whether a read ran out of time or failed: what is left of the request cannot be trusted.
    bool read_failed() const { return read_failed_; }

    bool is_readable() const override { return in_pos_ < in_.size() || wait(POLLIN, read_deadline()); }
    bool is_writable() const override { return !failed_; }
    ssize_t read(char* ptr, std::size_t size) override {
        if (in_pos_ == in_.size()) {
            if (!out_.empty() && !flush()) return -1;  // a 100 Continue goes out before the body comes
            if (!wait(POLLIN, read_deadline())) {
                read_failed_ = true;  // a timeout, the deadline or a stop: this connection is done
                return -1;
            }
            in_.resize(16 * 1024);
            ssize_t n = 0;
            do n = ::recv(sock_, in_.data(), in_.size(), MSG_DONTWAIT);
            while (n < 0 && errno == EINTR);
            in_pos_ = 0;
            in_.resize(n > 0 ? std::size_t(n) : 0);
            if (n <= 0) {
                read_failed_ = true;
                return n == 0 ? 0 : -1;
            }
        }
        const std::size_t k = std::min(size, in_.size() - in_pos_);
        std::memcpy(ptr, in_.data() + in_pos_, k);
        in_pos_ += k;
        return ssize_t(k);
    }
    ssize_t write(const char* ptr, std::size_t size) override {
        if (failed_) return -1;
        out_.append(ptr, size);
        if (out_.size() >= 64 * 1024 && !flush()) return -1;
        return ssize_t(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override { address(false, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address(true, ip, port); }
    socket_t socket() const override { return sock_; }

private:
    Clock::time_point read_deadline() const {
        return std::min(deadline_, Clock::now() + seconds(limits_.read_timeout_s));
    }
    // Waits for `events` on the socket until `until`; false on timeout, error or stop.
    bool wait(short events, Clock::time_point until) const {
        for (;;) {
            pollfd fds[2] = {{sock_, events, 0}, {stop_fd_, POLLIN, 0}};
            const int r = ::poll(fds, 2, ms_until(until));
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0 || fds[1].revents) return false;
            return (fds[0].revents & (events | POLLHUP | POLLERR)) != 0;
        }
    }
    void address(bool local, std::string& ip, int& port) const {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        ip.clear();
        port = 0;
        auto* sa = reinterpret_cast<sockaddr*>(&addr);
        if ((local ? ::getsockname(sock_, sa, &len) : ::getpeername(sock_, sa, &len)) != 0) return;
        char host[NI_MAXHOST], serv[NI_MAXSERV];
        if (::getnameinfo(sa, len, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) ==
            0) {
            ip = host;
            port = std::atoi(serv);
        }
    }

    int sock_, stop_fd_;
    const ServerLimits& limits_;
    Clock::time_point deadline_ = Clock::now();
    std::string in_, out_;
    std::size_t in_pos_ = 0;
    bool failed_ = false, read_failed_ = false;
};

}  // namespace

// httplib::Server with its connection loop replaced (process_and_close_socket is virtual; the
// request parsing, routing and answers stay httplib's own, through its protected process_request).
class HttpServer final : public httplib::Server {
public:
    explicit HttpServer(const ServerLimits& limits) : limits_(limits), stop_fd_(::eventfd(0, EFD_CLOEXEC)) {
        if (stop_fd_ < 0) throw nn::Error("cannot create an eventfd for the server");
    }
    ~HttpServer() override { ::close(stop_fd_); }
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // httplib listens with a backlog of 5 (compiled into Debian's library): a burst of 64 clients
    // connecting at once would see SYNs dropped and retried a second later. Linux lets listen() be
    // called again on a listening socket to change it.
    void widen_backlog() const {
        const socket_t s = svr_sock_;
        if (s != INVALID_SOCKET) ::listen(s, SOMAXCONN);
    }
    // Wakes every connection that waits for its next request or bytes, then stops httplib's loop.
    void stop_all() {
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto w = ::write(stop_fd_, &one, sizeof one);
        stop();
    }
    int open_connections() const { return open_.load(); }  // served now (refused ones not counted)

private:
    bool process_and_close_socket(socket_t sock) override {
        int yes = 1;
        ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        // Count the connection in if there is room (a refused one never counts).
        int open = open_.load();
        while (open < limits_.max_connections && !open_.compare_exchange_weak(open, open + 1)) {}
        if (open < limits_.max_connections) {
            serve_connection(sock);
            open_.fetch_sub(1);
        } else {
            refuse(sock);
        }
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
        return true;
    }

    void serve_connection(socket_t sock) {
        ConnectionStream strm(sock, stop_fd_, limits_);
        for (int left = limits_.keep_alive_requests; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
            if (!strm.wait_for_request()) break;
            close_after_response = false;
            bool client_closes = false;
            const bool ok = process_request(strm, left == 1, client_closes, nullptr);
            if (!strm.flush() || !ok || client_closes || close_after_response || strm.read_failed()) break;
        }
    }

    // Over the limit: a 503 in one send, without reading the request, and the connection closed.
    void refuse(socket_t sock) const {
        const std::string body = error_json(
            fmt::format("the server is at its limit of {} connections; try again", limits_.max_connections));
        const std::string response = fmt::format(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: {}\r\n"
            "Retry-After: 1\r\nConnection: close\r\n\r\n{}",
            body.size(), body);
        ConnectionStream strm(sock, stop_fd_, limits_);
        strm.write(response.data(), response.size());
        if (!strm.flush()) return;
        // Closing with the request unread would reset the connection, and the client might lose the
        // answer: say we are done, and read what it sent for a moment.
        ::shutdown(sock, SHUT_WR);
        const auto until = Clock::now() + std::chrono::milliseconds(200);
        char sink[4096];
        for (pollfd p{sock, POLLIN, 0}; ::poll(&p, 1, ms_until(until)) > 0;)
            if (::recv(sock, sink, sizeof sink, MSG_DONTWAIT) <= 0) break;
    }

    const ServerLimits& limits_;
    int stop_fd_;
    std::atomic<int> open_{0};
};

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

namespace {

Prediction from_logits(const nn::Matrix& logits) {
    const nn::Matrix P = nn::softmax(logits);
    Prediction p;
    p.probabilities = P.col(0);
    p.digit = nn::argmax_columns(P)[0];
    return p;
}

const nn::Shape kImage{1, side, side};

}  // namespace

Prediction predict(const nn::Mlp& model, const nn::Vector& pixels) {
    return from_logits(model.predict(pixels));
}
Prediction predict(const nn::Cnn& model, const nn::Vector& pixels) {
    return from_logits(model.predict(pixels));
}
Prediction predict(const Model& model, const nn::Vector& pixels) {
    return std::visit([&](const auto& m) { return predict(m, pixels); }, model);
}

Model load_served_model(const std::filesystem::path& file) {
    if (nn::model_kind(file) == nn::ModelKind::cnn) return nn::load_cnn(file, kImage, 10);
    return nn::load_model(file, pixel_count, 10);
}

std::size_t parameter_count(const Model& model) {
    return std::visit([](const auto& m) { return m.parameter_count(); }, model);
}

std::vector<std::string> layer_names(const Model& model) {
    std::vector<std::string> names;
    if (const auto* mlp = std::get_if<nn::Mlp>(&model)) {
        if (!mlp->layers.empty()) names.push_back(fmt::format("{}", mlp->layers.front().W.cols()));
        for (const auto& layer : mlp->layers) names.push_back(fmt::format("{}", layer.W.rows()));
        return names;
    }
    for (const nn::CnnLayer& l : std::get<nn::Cnn>(model).layers) names.push_back(nn::to_string(l.spec));
    return names;
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

ModelServer::ModelServer(Model model, std::string model_name, ServerLimits limits)
    : model_(std::move(model)),
      model_name_(std::move(model_name)),
      limits_(limits),
      http_(std::make_unique<HttpServer>(limits_)) {
    const bool fits = std::visit(
        [](const auto& m) {
            if constexpr (std::is_same_v<std::decay_t<decltype(m)>, nn::Mlp>)
                return !m.layers.empty() && m.layers.front().W.cols() == pixel_count &&
                       m.layers.back().W.rows() == 10;
            else
                return !m.layers.empty() && m.input == kImage && m.layers.back().out.size() == 10;
        },
        model_);
    if (!fits) throw nn::Error("the served model must take 784 pixels (28x28x1) and give 10 classes");
    routes();
}

void ModelServer::routes() {
    // How the server holds load. httplib's model is a thread per connection, held for as long as
    // the connection is open, so: a thread for every connection served at once (max_connections;
    // 64 clients at once with room to spare) and a few spare threads, so that a connection beyond
    // the limit gets its 503 at once rather than waiting in the queue for a thread. An idle
    // keep-alive connection holds its thread but not another client's: it waits in poll() for its
    // next request (keep_alive_timeout_s), and a slow client is cut off by the read timeout and the
    // deadline of a whole request (HttpServer's loop, above). A slow client can thus hold a thread
    // for request_timeout_s at most, and max_connections of them fill the server for that long: a
    // limit on connections per address, or an event loop, would go further than a lesson needs.
    const auto pool = std::size_t(limits_.max_connections + limits_.spare_threads);
    http_->new_task_queue = [pool] { return new httplib::ThreadPool(pool); };
    http_->set_payload_max_length(limits_.max_body_bytes);
    http_->set_keep_alive_timeout(limits_.keep_alive_timeout_s);  // for the Keep-Alive header it sends
    http_->set_keep_alive_max_count(std::size_t(limits_.keep_alive_requests));
    // httplib 0.11 checks the limit against Content-Length only: a chunked body goes past it (one of
    // 100 kB reached the handler), and a POST with no length is read until the client closes or a
    // read times out. Neither is taken: 411, and the connection closed.
    http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        const bool body = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
        if (!req.has_header("Transfer-Encoding") && (!body || req.has_header("Content-Length")))
            return httplib::Server::HandlerResponse::Unhandled;
        res.status = 411;
        res.set_header("Connection", "close");
        res.set_content(error_json(fmt::format("a body needs a Content-Length (at most {} bytes); chunked "
                                               "bodies are not taken",
                                               limits_.max_body_bytes)),
                        "application/json");
        close_after_response = true;  // the body is still unread
        return httplib::Server::HandlerResponse::Handled;
    });
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
        // An MLP's layers are its sizes, numbers ([784, 30, 30, 10]); a CNN's are names.
        nlohmann::json layers = nlohmann::json::array();
        if (const auto* mlp = std::get_if<nn::Mlp>(&model_)) {
            layers.push_back(mlp->layers.front().W.cols());
            for (const auto& layer : mlp->layers) layers.push_back(layer.W.rows());
        } else {
            for (const std::string& name : layer_names(model_)) layers.push_back(name);
        }
        const nlohmann::json body{{"status", "ok"},
                                  {"model", model_name_},
                                  {"kind", std::holds_alternative<nn::Mlp>(model_) ? "mlp" : "cnn"},
                                  {"layers", layers},
                                  {"parameters", parameter_count(model_)},
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
        // A request httplib could not parse (or whose body did not come): the bytes after it
        // cannot be trusted to start the next request.
        if (res.status == 400) {
            close_after_response = true;
            res.set_header("Connection", "close");
        }
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
    http_->widen_backlog();
    return bound;
}

int ModelServer::open_connections() const { return http_->open_connections(); }

void ModelServer::serve() { http_->listen_after_bind(); }

void ModelServer::start() {
    thread_ = std::thread([this] { serve(); });
    // listen_after_bind sets is_running as it starts; wait for it, so stop() cannot come first.
    for (int i = 0; i < 5000 && !http_->is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void ModelServer::stop() {
    http_->stop_all();
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
