// Lesson 14's load test (ctest lesson14.load): the latency of POST /predict on loopback at 1, 8 and
// 64 concurrent keep-alive clients, printed as p50 / p99 / max and requests per second. It passes
// on correctness (every answer 200 and the digit the model gives in process; the server counted
// every request) and on a sanity bound (p99 under 2 s), never on speed: the figures are for the docs.
// Run: build/<dir>/tests/test14_load [--requests N]   (N requests per level, default 6400)
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "nn/rng.hpp"
#include "serve.hpp"
// After Eigen: httplib.h brings <resolv.h>, whose macro _res breaks Eigen's headers.
#include <httplib.h>

using namespace lesson14;
using Clock = std::chrono::steady_clock;

namespace {

struct Level {
    int clients = 0;
    std::size_t requests = 0, errors = 0, wrong = 0;
    double p50 = 0, p99 = 0, max = 0, per_second = 0;  // milliseconds; requests per second
};

// Nearest rank: the smallest value with at least a fraction p of the values at or below it.
double percentile(const std::vector<double>& sorted, double p) {
    const auto rank = std::size_t(std::ceil(p * double(sorted.size())));
    return sorted[std::max<std::size_t>(rank, 1) - 1];
}

Level run(int port, int clients, std::size_t total, const std::vector<std::string>& bodies,
          const std::vector<int>& digits) {
    const std::size_t each = std::max<std::size_t>(1, total / std::size_t(clients));
    std::vector<std::vector<double>> times(static_cast<std::size_t>(clients));
    std::atomic<std::size_t> errors{0}, wrong{0};
    std::latch ready(clients + 1);
    std::vector<std::thread> threads;
    for (int t = 0; t < clients; ++t) {
        threads.emplace_back([&, t] {
            httplib::Client c("127.0.0.1", port);
            c.set_keep_alive(true);
            c.set_tcp_nodelay(true);  // the request's head and body in two writes: no Nagle wait
            c.set_connection_timeout(10);
            c.set_read_timeout(10);
            const bool warm = bool(c.Get("/health"));  // connected before the clock starts
            ready.arrive_and_wait();
            if (!warm) ++errors;
            auto& mine = times[std::size_t(t)];
            mine.reserve(each);
            for (std::size_t i = 0; i < each; ++i) {
                const std::size_t k = (std::size_t(t) * 7 + i) % bodies.size();
                const auto t0 = Clock::now();
                const auto res = c.Post("/predict", bodies[k], "application/json");
                mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                if (!res || res->status != 200) {
                    ++errors;
                    continue;
                }
                if (nlohmann::json::parse(res->body)["digit"].get<int>() != digits[k]) ++wrong;
            }
        });
    }
    ready.arrive_and_wait();
    const auto start = Clock::now();
    for (auto& t : threads) t.join();
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    for (const auto& v : times) all.insert(all.end(), v.begin(), v.end());
    std::sort(all.begin(), all.end());
    Level l;
    l.clients = clients;
    l.requests = all.size();
    l.errors = errors;
    l.wrong = wrong;
    l.p50 = percentile(all, 0.50);
    l.p99 = percentile(all, 0.99);
    l.max = all.back();
    l.per_second = double(all.size()) / wall;
    return l;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t total = 6400;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--requests") total = std::stoul(argv[i + 1]);
    // The shape ./nn run 14 serves by default (lesson 12's model), with seeded random weights: the
    // time of an answer does not depend on what the weights learned, and no data is needed.
    nn::Rng rng(14);
    nn::Mlp model({pixel_count, 256, 128, 10},
                  {nn::Activation::relu, nn::Activation::relu, nn::Activation::identity},
                  nn::Init::glorot_uniform, rng);
    // 64 drawings: a quarter of the pixels inked, as a digit on the page is.
    std::vector<std::string> bodies;
    std::vector<int> digits;
    for (int k = 0; k < 64; ++k) {
        nn::Vector img(pixel_count);
        for (int i = 0; i < pixel_count; ++i) img(i) = rng.uniform() < 0.25 ? rng.uniform() : 0.0;
        bodies.push_back(
            nlohmann::json{{"pixels", std::vector<double>(img.data(), img.data() + img.size())}}.dump());
        digits.push_back(predict(model, img).digit);
    }
    ModelServer server(model, "load test");
    const int port = server.bind("127.0.0.1", 0);
    server.start();

    fmt::print(
        "POST /predict on 127.0.0.1, model 784-256-128-10, bodies of about {} kB, {} hardware threads,\n"
        "keep-alive clients (one thread and one connection each), about {} requests per level.\n\n",
        (bodies[0].size() + 500) / 1000, std::thread::hardware_concurrency(), total);
    std::vector<Level> levels;
    for (int clients : {1, 8, 64}) levels.push_back(run(port, clients, total, bodies, digits));
    fmt::print("{:>7}  {:>8}  {:>6}  {:>8}  {:>8}  {:>8}  {:>9}\n", "clients", "requests", "errors", "p50 ms",
               "p99 ms", "max ms", "req/s");
    fmt::print("{}\n", std::string(64, '-'));
    std::size_t bad = 0, served = 0;
    for (const auto& l : levels) {
        fmt::print("{:>7}  {:>8}  {:>6}  {:>8.2f}  {:>8.2f}  {:>8.2f}  {:>9.0f}\n", l.clients, l.requests,
                   l.errors + l.wrong, l.p50, l.p99, l.max, l.per_second);
        bad += l.errors + l.wrong;
        served += l.requests - l.errors;
    }
    httplib::Client c("127.0.0.1", port);
    const auto health = c.Get("/health");
    const long counted = health ? nlohmann::json::parse(health->body)["requests"].get<long>() : -1;
    server.stop();

    bool ok = true;
    if (bad) {
        fmt::print("FAIL: {} requests failed or got the wrong digit\n", bad);
        ok = false;
    }
    if (counted != long(served)) {
        fmt::print("FAIL: the server counted {} requests to /predict, the clients {}\n", counted, served);
        ok = false;
    }
    for (const auto& l : levels) {
        if (l.p99 > 2000) {
            fmt::print("FAIL: p99 at {} clients is {:.0f} ms, over the sanity bound of 2 s\n", l.clients,
                       l.p99);
            ok = false;
        }
    }
    fmt::print("{}\n",
               ok ? "every answer right; latency within the sanity bound (2 s at p99)" : "load test failed");
    return ok ? 0 : 1;
}
