// Lesson 14's server, tested over real HTTP on a free loopback port: the answers, every bad
// request of the issue, a burst of parallel clients, and the served predictions against the
// in-process ones on the first 100 test images. Needs MNIST, which ./nn test fetches first.
#define BOOST_TEST_MODULE lesson 14 server
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <thread>

#include "nn/model_io.hpp"
#include "serve.hpp"
// After Eigen: httplib.h brings <resolv.h>, whose macro _res breaks Eigen's headers.
#include <httplib.h>

using namespace lesson14;
using nlohmann::json;

namespace {

// One small model for the whole run (trained once: a few seconds).
struct Shared {
    nn::Mnist train = nn::load_mnist(nn::default_data_dir() / "mnist", "train");
    nn::Mnist test = nn::load_mnist(nn::default_data_dir() / "mnist", "t10k");
    nn::Mlp model = train_small_model(train, 5000, 1);
};
Shared& shared() {
    static Shared s;
    return s;
}

std::string pixels_body(const nn::Vector& v) {
    return json{{"pixels", std::vector<double>(v.data(), v.data() + v.size())}}.dump();
}
nn::Vector image(std::size_t k) { return shared().test.X(k, 1).col(0); }

// A server on a free port, started for one test and stopped after it.
struct Running {
    ModelServer server{shared().model, "test model"};
    int port = server.bind("127.0.0.1", 0);
    Running() { server.start(); }
    ~Running() { server.stop(); }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_connection_timeout(5);
        c.set_read_timeout(10);
        return c;
    }
};

void check_json_error(const httplib::Result& res, int status, const std::string& contains) {
    BOOST_TEST_REQUIRE(bool(res));
    BOOST_TEST(res->status == status);
    BOOST_TEST(res->get_header_value("Content-Type") == "application/json");
    const json body = json::parse(res->body);
    BOOST_TEST_REQUIRE(body.contains("error"));
    BOOST_TEST(body["error"].get<std::string>().find(contains) != std::string::npos, body["error"]);
}

}  // namespace

BOOST_AUTO_TEST_CASE(health_and_page) {
    Running r;
    auto c = r.client();
    const auto health = c.Get("/health");
    BOOST_TEST_REQUIRE(bool(health));
    BOOST_TEST(health->status == 200);
    const json h = json::parse(health->body);
    BOOST_TEST(h["status"] == "ok");
    BOOST_TEST(h["parameters"].get<std::size_t>() == 24790u);
    BOOST_TEST((h["layers"] == json::array({784, 30, 30, 10})));
    const auto page = c.Get("/");
    BOOST_TEST_REQUIRE(bool(page));
    BOOST_TEST(page->status == 200);
    BOOST_TEST(page->body.find("<canvas id=\"canvas\"") != std::string::npos);
    BOOST_TEST(page->body.find("/predict?preprocess=1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(predict_answers_like_the_model_in_process) {
    Running r;
    auto c = r.client();
    const auto res = c.Post("/predict", pixels_body(image(0)), "application/json");
    BOOST_TEST_REQUIRE(bool(res));
    BOOST_TEST(res->status == 200);
    const json a = json::parse(res->body);
    const Prediction p = predict(shared().model, image(0));
    BOOST_TEST(a["digit"].get<int>() == p.digit);
    BOOST_TEST_REQUIRE(a["probabilities"].size() == 10u);
    double sum = 0;
    for (int d = 0; d < 10; ++d) {
        BOOST_TEST(std::abs(a["probabilities"][std::size_t(d)].get<double>() - p.probabilities(d)) < 1e-12);
        sum += a["probabilities"][std::size_t(d)].get<double>();
    }
    BOOST_TEST(std::abs(sum - 1.0) < 1e-9);
    BOOST_TEST(!a.contains("preprocessed"));
    // with ?preprocess=1 the answer also holds what the model saw
    const auto pre = c.Post("/predict?preprocess=1", pixels_body(image(0)), "application/json");
    BOOST_TEST_REQUIRE(bool(pre));
    const json b = json::parse(pre->body);
    BOOST_TEST(b["preprocessed"].size() == 784u);
    BOOST_TEST(b["digit"].get<int>() == predict(shared().model, preprocess(image(0))).digit);
}

BOOST_AUTO_TEST_CASE(every_bad_request_gets_a_4xx_json_error_and_the_server_carries_on) {
    Running r;
    auto c = r.client();
    std::string zeros = "[0";
    for (int i = 1; i < 784; ++i) zeros += ",0";
    check_json_error(c.Post("/predict", "{\"pixels\": [0, 0", "application/json"), 400, "malformed JSON");
    check_json_error(c.Post("/predict", "", "application/json"), 400, "malformed JSON");
    // a number too large for a double (found by tests/fuzz/fuzz_request.cpp): 400, not a 500
    check_json_error(c.Post("/predict", "{\"pixels\": [1e400" + zeros.substr(2) + "]}", "application/json"),
                     400, "number overflow");
    check_json_error(c.Post("/predict", "{\"image\": " + zeros + "]}", "application/json"), 422,
                     "expected {");
    check_json_error(c.Post("/predict", "{\"pixels\": [0,0,0]}", "application/json"), 422, "got 3");
    check_json_error(c.Post("/predict", "{\"pixels\": " + zeros + ",0]}", "application/json"), 422,
                     "got 785");
    check_json_error(c.Post("/predict", "{\"pixels\": [\"x\"" + zeros.substr(2) + "]}", "application/json"),
                     422, "pixel 0 is not a number");
    check_json_error(c.Post("/predict", "{\"pixels\": [null" + zeros.substr(2) + "]}", "application/json"),
                     422, "not a number");
    check_json_error(
        c.Post("/predict", "{\"pixels\": [0" + zeros.substr(2, 100) + ",7" + zeros.substr(104) + "]}",
               "application/json"),
        422, "outside [0, 1]");
    check_json_error(c.Post("/predict", "{\"pixels\": [-1e-3" + zeros.substr(2) + "]}", "application/json"),
                     422, "outside [0, 1]");
    // a body over the limit: 413, before any parsing
    check_json_error(c.Post("/predict", std::string(100000, ' ') + "{}", "application/json"), 413,
                     "over the limit");
    // wrong method on a known path: 405 with Allow; unknown path: 404
    const auto get_predict = c.Get("/predict");
    check_json_error(get_predict, 405, "use POST");
    BOOST_TEST(get_predict->get_header_value("Allow") == "POST");
    check_json_error(c.Post("/health", "{}", "application/json"), 405, "use GET");
    check_json_error(c.Delete("/predict"), 405, "use POST");
    check_json_error(c.Get("/nothing"), 404, "no such path");
    check_json_error(c.Post("/nothing", "{}", "application/json"), 404, "no such path");
    // and after all that, a good request still gets its answer
    const auto ok = c.Post("/predict", pixels_body(image(1)), "application/json");
    BOOST_TEST_REQUIRE(bool(ok));
    BOOST_TEST(ok->status == 200);
}

BOOST_AUTO_TEST_CASE(parallel_clients_each_get_their_own_answer) {
    Running r;
    constexpr int clients = 8, each = 25;
    std::vector<int> expected(clients * each);
    for (int k = 0; k < clients * each; ++k)
        expected[std::size_t(k)] = predict(shared().model, image(std::size_t(k))).digit;
    std::atomic<int> right{0}, wrong{0}, failed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < clients; ++t) {
        threads.emplace_back([&, t] {
            auto c = r.client();
            for (int i = 0; i < each; ++i) {
                const int k = t * each + i;
                const auto res = c.Post("/predict", pixels_body(image(std::size_t(k))), "application/json");
                if (!res || res->status != 200) {
                    ++failed;
                    continue;
                }
                (json::parse(res->body)["digit"].get<int>() == expected[std::size_t(k)] ? right : wrong)++;
            }
        });
    }
    for (auto& t : threads) t.join();
    BOOST_TEST(failed.load() == 0);
    BOOST_TEST(wrong.load() == 0);
    BOOST_TEST(right.load() == clients * each);
    const json h = json::parse(r.client().Get("/health")->body);
    BOOST_TEST(h["requests"].get<long>() == clients * each);
}

BOOST_AUTO_TEST_CASE(a_saved_model_served_predicts_the_first_100_test_images_as_in_process) {
    // The model goes through lesson 12's file format, as ./nn run 14 loads models/12-mnist.nnm.
    const auto file = std::filesystem::temp_directory_path() / "nnsteps-lesson14-test.nnm";
    nn::save_model(shared().model, file);
    const nn::Mlp loaded = nn::load_model(file, 784, 10);
    std::filesystem::remove(file);
    ModelServer server(loaded, "saved");
    const int port = server.bind("127.0.0.1", 0);
    server.start();
    httplib::Client c("127.0.0.1", port);
    int same = 0;
    for (std::size_t k = 0; k < 100; ++k) {
        const auto res = c.Post("/predict", pixels_body(image(k)), "application/json");
        BOOST_TEST_REQUIRE(bool(res));
        const json a = json::parse(res->body);
        const Prediction p = predict(shared().model, image(k));
        bool equal = a["digit"].get<int>() == p.digit;
        for (int d = 0; d < 10; ++d)
            equal = equal && a["probabilities"][std::size_t(d)].get<double>() == p.probabilities(d);
        same += equal;
    }
    server.stop();
    BOOST_TEST(same == 100);  // bit for bit: the file keeps every double, JSON prints them exactly
}

BOOST_AUTO_TEST_CASE(a_port_in_use_is_a_clear_error) {
    Running r;
    ModelServer second(shared().model, "second");
    BOOST_CHECK_EXCEPTION(second.bind("127.0.0.1", r.port), nn::Error, [](const nn::Error& e) {
        return std::string(e.what()).find("cannot listen") != std::string::npos;
    });
    BOOST_CHECK_THROW(second.bind("127.0.0.1", 70000), nn::Error);
}

BOOST_AUTO_TEST_CASE(preprocessing_recovers_digits_moved_off_center) {
    const auto& s = shared();
    int off = 0, fixed = 0;
    for (std::size_t k = 0; k < 300; ++k) {
        nn::Vector img = image(k), moved = nn::Vector::Zero(784);
        for (int r = 0; r < 28; ++r)
            for (int c = 0; c < 28; ++c)
                if (r + 4 < 28 && c - 4 >= 0) moved((r + 4) * 28 + c - 4) = img(r * 28 + c);
        off += predict(s.model, moved).digit == s.test.labels[k];
        fixed += predict(s.model, preprocess(moved)).digit == s.test.labels[k];
    }
    BOOST_TEST_MESSAGE("moved 4 down, 4 left: " << off << "/300, preprocessed: " << fixed << "/300");
    BOOST_TEST(fixed > off + 60);  // the move costs the model a lot; preprocessing wins most back
}

BOOST_AUTO_TEST_CASE(fit_20x20_scales_the_ink_to_20_pixels_on_its_longer_side) {
    nn::Vector img = nn::Vector::Zero(784);
    for (int r = 2; r < 12; ++r)
        for (int c = 5; c < 10; ++c) img(r * 28 + c) = 1.0;  // 10 tall, 5 wide
    const nn::Vector f = fit_20x20(img);
    int rows = 0, cols = 0;
    for (int r = 0; r < 28; ++r) rows += f(r * 28) > 0;
    for (int c = 0; c < 28; ++c) cols += f(c) > 0;
    BOOST_TEST(rows == 20);
    BOOST_TEST(cols == 10);
    BOOST_TEST(std::abs(f.sum() - 200.0) < 1e-9);  // area averaging keeps a full block full
    BOOST_TEST((fit_20x20(nn::Vector::Zero(784)) == nn::Vector::Zero(784)));
}
