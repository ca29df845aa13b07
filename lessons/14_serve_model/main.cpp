// Lesson 14 — serving the MNIST model over HTTP, with a page to draw a digit on.
// Deck Intro-ANN: "Web Application Development for ML/DL Models" (a RESTful web service that any
// web application can call for the trained model's predictions).
// Run: ./nn run 14 [--port 8014] [--model FILE|small] [--once]   Exercises: exercises/14_serve_model.cpp
// FILE: lesson 12's MLP (models/12-mnist.nnm, the default) or lesson 16's CNN (models/16-cnn.nnm).
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>

#include "exercise.hpp"
#include "nn/data.hpp"
#include "nn/lesson.hpp"
#include "nn/model_io.hpp"
#include "nn/print.hpp"
#include "serve.hpp"
// After Eigen: httplib.h brings <resolv.h>, whose macro _res breaks Eigen's headers.
#include <httplib.h>

using namespace lesson14;

namespace {

struct Settings {
    std::string model = "models/12-mnist.nnm";  // lesson 12's larger model, or "small"
    std::string host = "127.0.0.1";
    int port = 8014;
    bool once = false;
};

std::pair<double, double> center_of_mass(const nn::Vector& img) {
    double m = 0, r = 0, c = 0;
    for (int i = 0; i < pixel_count; ++i) {
        m += img(i);
        r += img(i) * (i / side);
        c += img(i) * (i % side);
    }
    return {r / m, c / m};
}

nn::Vector test_image(const nn::Mnist& test, std::size_t k) { return test.X(k, 1).col(0); }

std::pair<Model, std::string> the_model(const Settings& s, const nn::Mnist& train, const nn::Mnist& test) {
    nn::heading("1. The model to serve");
    Model model;
    std::string name;
    const bool default_file = s.model == Settings{}.model;
    if (s.model != "small" && !default_file && !std::filesystem::exists(s.model))
        throw nn::Error(fmt::format(
            "no model file {} (./nn run 12 saves an MLP, ./nn run 16 a CNN; --model small trains one)",
            s.model));
    if (s.model != "small" && std::filesystem::exists(s.model)) {
        model = load_served_model(s.model);
        name = s.model;
        const bool cnn = std::holds_alternative<nn::Cnn>(model);
        std::string layers;
        for (const std::string& l : layer_names(model))
            layers += (layers.empty() ? "" : cnn ? ", " : "-") + l;
        fmt::print("Loaded {}, {} saved by ./nn run {}:\n  {}\n", s.model, cnn ? "a CNN" : "an MLP",
                   cnn ? 16 : 12, layers);
    } else {
        if (s.model != "small") fmt::print("No {} yet (./nn run 12 saves it), so:\n", s.model);
        model = train_small_model(train);
        name = "small (784-30-30-10, 2 epochs on 20,000 images)";
        fmt::print(
            "Trained a small model: lesson 12's 784-30-30-10, SGD lr 0.1, batch 32, two epochs on\n"
            "the first 20,000 training images (seed 14).\n");
    }
    std::size_t correct = 0;
    for (std::size_t k = 0; k < test.size(); ++k)
        correct += predict(model, test_image(test, k)).digit == test.labels[k];
    fmt::print("{} parameters; test accuracy {:.4f} on all {} test images.\n",
               nn::thousands(parameter_count(model)), double(correct) / double(test.size()), test.size());
    return {std::move(model), name};
}

void the_preprocessing(const Model& model, const nn::Mnist& test) {
    nn::heading("2. Looking like MNIST: fit into 20x20, center by mass in 28x28");
    fmt::print(
        "MNIST's digits were scaled to fit a 20x20 box and then moved so that their center of\n"
        "mass sits in the middle of the 28x28 field. A digit drawn in a corner, or large, is\n"
        "not what the model learned from; the same two steps make it so.\n\n");
    const nn::Vector seven = test_image(test, 0);
    const nn::Vector drawn = nn::moved(seven, side, side, -5, 6);
    const nn::Vector fixed = preprocess(drawn);
    std::vector<std::vector<std::string>> rows;
    for (const auto& [what, img] : {std::pair{"test image 0 (a 7)", seven},
                                    {"moved 5 up, 6 right", drawn},
                                    {"after preprocess", fixed}}) {
        const auto [r, c] = center_of_mass(img);
        const Prediction p = predict(model, img);
        rows.push_back({what, fmt::format("({:.2f}, {:.2f})", r, c), fmt::format("{}", p.digit),
                        fmt::format("{:.4f}", p.probabilities(7))});
    }
    nn::print_table({"image", "center of mass", "predicted", "P(7)"}, rows);

    // The same on the first 1,000 test images, each moved by a different amount.
    const std::size_t n = std::min<std::size_t>(1000, test.size());
    std::size_t plain = 0, off = 0, off_fixed = 0, plain_fixed = 0, unchanged = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const nn::Vector img = test_image(test, k);
        const nn::Vector shifted =
            nn::moved(img, side, side, nn::Index(k % 9) - 4, nn::Index((k / 9) % 9) - 4);
        plain += predict(model, img).digit == test.labels[k];
        plain_fixed += predict(model, preprocess(img)).digit == test.labels[k];
        unchanged += preprocess(img) == img;
        off += predict(model, shifted).digit == test.labels[k];
        off_fixed += predict(model, preprocess(shifted)).digit == test.labels[k];
    }
    fmt::print("\nOn the first {} test images (accuracy):\n", n);
    nn::print_table({"", "as they are", "after preprocess"},
                    {{"MNIST's own", fmt::format("{:.3f}", double(plain) / n),
                      fmt::format("{:.3f}", double(plain_fixed) / n)},
                     {"moved by -4..4 pixels", fmt::format("{:.3f}", double(off) / n),
                      fmt::format("{:.3f}", double(off_fixed) / n)}});
    // "Undoes the move": the moved images, preprocessed, score within a point of the unmoved ones.
    const bool undone = double(off_fixed) >= double(plain) - 0.01 * double(n);
    fmt::print(
        "Preprocessing {} the move. MNIST's own images are already 20 pixels on their longer\n"
        "side with the center of mass within half a pixel of (14, 14): {} of the {} come through\n"
        "unchanged.\n",
        undone ? "undoes" : "does not undo", unchanged, n);
}

void the_api(const ModelServer& server) {
    nn::heading("3. The API");
    nn::print_table(
        {"request", "answer"},
        {{"GET /", "the page: draw a digit, see the ten probabilities"},
         {"POST /predict", "{\"pixels\": [784 numbers in [0, 1]]} -> {\"digit\", \"probabilities\"}"},
         {"POST /predict?preprocess=1", "the same after fit 20x20 + center by mass (the page uses it)"},
         {"GET /health",
          "{\"status\": \"ok\", \"model\", \"kind\", \"layers\", \"parameters\", \"requests\"}"}},
        "ll");
    fmt::print("\nWhat a bad request gets (a 4xx status and {{\"error\": ...}}; the server carries on):\n");
    std::string ok = "{\"pixels\": [";
    for (int i = 0; i < pixel_count; ++i) ok += i ? ",0" : "0";
    std::vector<std::vector<std::string>> rows;
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"not JSON", "{\"pixels\": [0, 0"},
        {"no pixels", "{\"image\": []}"},
        {"783 values", ok.substr(0, ok.size() - 2) + "]}"},
        {"a string", "{\"pixels\": [\"0.5\"" + ok.substr(13) + "]}"},
        {"1.5", "{\"pixels\": [1.5" + ok.substr(13) + "]}"},
    };
    for (const auto& [what, body] : bad) {
        try {
            server.answer(body, false);
            rows.push_back({what, "200", "accepted!"});
        } catch (const BadRequest& e) {
            std::string message = e.what();
            if (message.size() > 60) message = message.substr(0, 57) + "...";
            rows.push_back({what, std::to_string(e.status), message});
        }
    }
    nn::print_table({"request", "status", "error"}, rows, "lrl");
    fmt::print(
        "A body over 64 KiB, a wrong method and an unknown path are refused by the HTTP layer;\n"
        "section 4 sends them to the running server.\n");
}

// The tour's own request: test image 0 to /predict, then /health.
void one_request(int port, const nn::Mnist& test) {
    httplib::Client client("127.0.0.1", port);
    const nn::Vector img = test_image(test, 0);
    const nlohmann::json body{{"pixels", std::vector<double>(img.data(), img.data() + img.size())}};
    const auto res = client.Post("/predict", body.dump(), "application/json");
    if (!res) throw nn::Error("the server did not answer: " + httplib::to_string(res.error()));
    const auto answer = nlohmann::json::parse(res->body);
    fmt::print("POST /predict with test image 0 (label {}): HTTP {}, digit {}\n", test.labels[0], res->status,
               answer["digit"].get<int>());
    std::string probs;
    for (const auto& p : answer["probabilities"]) probs += fmt::format(" {:.4f}", p.get<double>());
    fmt::print("probabilities:{}\n", probs);
    const auto health = client.Get("/health");
    if (!health) throw nn::Error("the server did not answer /health");
    fmt::print("GET /health: HTTP {}, status \"{}\"\n", health->status,
               nlohmann::json::parse(health->body)["status"].get<std::string>());

    // What the HTTP layer refuses, asked of the running server.
    std::vector<std::vector<std::string>> rows;
    const auto row = [&](const std::string& what, const httplib::Result& r) {
        if (!r) throw nn::Error("the server did not answer: " + what);
        rows.push_back(
            {what, std::to_string(r->status), nlohmann::json::parse(r->body)["error"].get<std::string>()});
    };
    row("POST /predict, 100 kB", client.Post("/predict", std::string(100000, ' '), "application/json"));
    row("GET /predict", client.Get("/predict"));
    row("GET /nothing", client.Get("/nothing"));
    fmt::print("\n");
    nn::print_table({"request", "status", "error"}, rows, "lrl");
}

}  // namespace

int main(int argc, char** argv) {
    nn::Lesson lesson(nn::this_lesson);
    Settings s;
    lesson.cli()
        .add_option(
            "--model", s.model,
            "a model saved by lesson 12 (an MLP) or lesson 16 (a CNN: models/16-cnn.nnm), or \"small\" "
            "to train one now")
        ->capture_default_str();
    lesson.cli()
        .add_option("--host", s.host, "address to listen on")
        // An empty address is no address: cpp-httplib would quietly listen on IPv6's ::1 alone,
        // while the lesson prints http://:port/ as where to find it.
        ->check(CLI::Validator(
            [](const std::string& host) { return host.empty() ? std::string("an empty address") : ""; }, ""))
        ->capture_default_str();
    lesson.cli()
        .add_option("--port", s.port, "port to listen on (0: any free port)")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    lesson.cli().add_flag("--once", s.once,
                          "send the server a few requests of our own, then stop (the course tour)");
    return lesson.run(argc, argv, [&](const nn::LessonOptions& opt) {
        const nn::Mnist train = nn::load_mnist(opt.data_dir / "mnist", "train");
        const nn::Mnist test = nn::load_mnist(opt.data_dir / "mnist", "t10k");
        auto [model, name] = the_model(s, train, test);
        the_preprocessing(model, test);
        ModelServer server(std::move(model), name);
        the_api(server);

        nn::heading("4. Serving");
        const int port = server.bind(s.host, s.port);
        fmt::print("Serving on http://{}:{}/\n", s.host, port);
        if (s.once) {
            server.start();
            one_request(port, test);
            server.stop();
            fmt::print(
                "(--once: the tour's own requests answered, server stopped. ./nn run 14 serves until "
                "Ctrl-C.)\n");
            return;
        }
        fmt::print("Open that address in a browser and draw a digit. Ctrl-C stops the server.\n");
        std::fflush(stdout);
        // Ctrl-C and SIGTERM wait in sigwait on this thread, not in a handler: stop() is safe here.
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGINT);
        sigaddset(&signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
        server.start();
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
        fmt::print("\nStopped ({}).\n", received == SIGINT ? "Ctrl-C" : "SIGTERM");
    });
}
