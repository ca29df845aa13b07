// ./nn bench: how fast does nnsteps train an MLP on all 60,000 MNIST images, next to NumPy and
// PyTorch doing the same? Three configurations (docs/bench.md says where each comes from):
//   A  784-30-30-10 ReLU/softmax, cross-entropy, SGD lr 0.1, batch 32     (FruitPunch's model)
//   B  784-30-10 sigmoid, quadratic cost, SGD η 3.0, batch 10             (Nielsen's network.py)
//   C  784-256-128-10 ReLU/softmax, cross-entropy, Adam 1e-3, batch 128   (lesson 12's larger model)
// For each, ours and each peer run in turn (ours, NumPy, PyTorch, ours, ...) so that a slow spell
// of the shared machine hits all of them alike, and the table shows the ratios.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "fast_mlp.hpp"
#include "nn/data.hpp"
#include "nn/print.hpp"
#include "nn/progress.hpp"
#include "nn/rng.hpp"
#include "nn/timing.hpp"

namespace {

namespace fs = std::filesystem;
using nn::fast::Cost;
using nn::fast::Optimizer;

struct BenchConfig {
    std::string name;
    std::string description;
    std::vector<int> sizes;
    nn::Activation hidden;  // every hidden layer's; the last layer's goes with the cost
    Cost cost;
    Optimizer optimizer;
    double lr;
    int batch;
    int epochs;
    nn::Init init;
    double target;  // seconds per epoch on this project's machine
};

std::vector<BenchConfig> configurations() {
    return {
        {.name = "A",
         .description = "784-30-30-10 ReLU/softmax, SGD lr 0.1, batch 32",
         .sizes = {784, 30, 30, 10},
         .hidden = nn::Activation::relu,
         .cost = Cost::softmax_cross_entropy,
         .optimizer = Optimizer::sgd,
         .lr = 0.1,
         .batch = 32,
         .epochs = 5,
         .init = nn::Init::glorot_uniform,
         .target = 0.10},
        {.name = "B",
         .description = "784-30-10 sigmoid, quadratic, SGD η 3.0, batch 10",
         .sizes = {784, 30, 10},
         .hidden = nn::Activation::sigmoid,
         .cost = Cost::sigmoid_quadratic,
         .optimizer = Optimizer::sgd,
         .lr = 3.0,
         .batch = 10,
         .epochs = 30,
         .init = nn::Init::normal,
         .target = 0.15},
        {.name = "C",
         .description = "784-256-128-10 ReLU/softmax, Adam 1e-3, batch 128",
         .sizes = {784, 256, 128, 10},
         .hidden = nn::Activation::relu,
         .cost = Cost::softmax_cross_entropy,
         .optimizer = Optimizer::adam,
         .lr = 1e-3,
         .batch = 128,
         .epochs = 10,
         .init = nn::Init::glorot_uniform,
         .target = 0.45},
    };
}

// Our scalar type: 8 float or 4 double lanes in an AVX2 register.
enum class Precision { single, double_ };
const char* name(Precision p) { return p == Precision::single ? "float" : "double"; }
int lanes(Precision p) { return p == Precision::single ? 8 : 4; }
// GFLOP/s of one core: 3.2 GHz × 2 FMA units × lanes × 2 (an FMA is two operations).
double peak_per_core(Precision p) { return p == Precision::single ? 102.4 : 51.2; }

// Who trains: ours, or a peer (bench/<script>_mlp.py).
enum class Who { nnsteps, numpy, torch };
const char* name(Who w) {
    switch (w) {
        case Who::nnsteps:
            return "nnsteps";
        case Who::numpy:
            return "NumPy";
        case Who::torch:
            return "PyTorch";
    }
    return "?";
}
const char* script(Who peer) { return peer == Who::numpy ? "numpy" : "torch"; }

struct Measurement {
    Who who = Who::nnsteps;
    std::string detail;
    std::vector<double> epoch_seconds;
    double flops = 0;  // per epoch, the products' work actually done (0: the dense count)
    double accuracy = 0;
    bool ok = false;
    std::string error;
    double median() const {
        if (epoch_seconds.empty()) return 0;
        auto s = epoch_seconds;
        std::sort(s.begin(), s.end());
        const std::size_t m = s.size() / 2;
        return s.size() % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
};

struct Options {
    std::vector<BenchConfig> configs;
    std::vector<Who> peers;
    int epochs = 0;  // 0: each configuration's own
    int rounds = 1;
    int threads = 2;
    Precision precision = Precision::single;
    bool dense = false;  // ours without skipping zero inputs
    fs::path data_dir;
    fs::path bench_dir;
    std::string python = "/usr/bin/python3";
    std::uint64_t seed = 2026;
};

template <typename T>
Measurement run_ours(const BenchConfig& c, int epochs, const Options& opt, const nn::fast::ImageSet& train,
                     const nn::fast::ImageSet& test) {
    Measurement m;
    m.who = Who::nnsteps;
    nn::Rng rng(opt.seed);
    std::vector<nn::Activation> acts(c.sizes.size() - 2, c.hidden);
    acts.push_back(c.cost == Cost::sigmoid_quadratic ? nn::Activation::sigmoid : nn::Activation::identity);
    const nn::Mlp init(c.sizes, acts, c.init, rng);
    const nn::fast::Config cfg{.cost = c.cost,
                               .optimizer = c.optimizer,
                               .lr = c.lr,
                               .batch = c.batch,
                               .threads = opt.threads,
                               .sparse_input = !opt.dense};
    nn::fast::Trainer<T> trainer(init, cfg);
    trainer.prepare(train);  // the lit pixels listed once, as the peers turn the bytes into floats once
    std::vector<std::uint32_t> order(train.size());
    std::iota(order.begin(), order.end(), 0u);
    for (int e = 0; e < epochs; ++e) {
        nn::ProgressBar bar(fmt::format("  nnsteps {} epoch {}/{}", c.name, e + 1, epochs), 1);
        const auto start = std::chrono::steady_clock::now();
        rng.shuffle(order);
        trainer.epoch(train, order);
        m.epoch_seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        m.flops = trainer.last_epoch_flops();
        bar.finish(fmt::format("{:.3f} s", m.epoch_seconds.back()));
    }
    m.accuracy = trainer.accuracy(test);
    m.detail = fmt::format("C++ Eigen {}.{}.{}, {}, {}{}, {} thread{}", EIGEN_WORLD_VERSION,
                           EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION,
#ifdef NN_FAST_CBLAS
                           "OpenBLAS for large products",
#else
                           "Eigen's products",
#endif
                           name(opt.precision), trainer.sparse() ? ", sparse input" : "", opt.threads,
                           opt.threads == 1 ? "" : "s");
    m.ok = true;
    return m;
}

// Runs bench/<peer>_mlp.py and reads its lines: "epoch <k> <seconds>", "accuracy <a>", "info <text>".
Measurement run_peer(Who peer, const BenchConfig& c, int epochs, const Options& opt) {
    Measurement m;
    m.who = peer;
    const fs::path path = opt.bench_dir / (std::string(script(peer)) + "_mlp.py");
    const std::string command = fmt::format(
        "OMP_NUM_THREADS={0} OPENBLAS_NUM_THREADS={0} '{1}' '{2}' --config {3} --epochs {4} "
        "--threads {0} --data '{5}' --seed {6} 2>&1",
        opt.threads, opt.python, path.string(), c.name, epochs, opt.data_dir.string(), opt.seed);
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        m.error = "could not start " + opt.python;
        return m;
    }
    nn::ProgressBar bar(fmt::format("  {} {}", name(m.who), c.name), std::size_t(epochs), "epochs");
    std::string last_line;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe)) {
        std::string line(buffer);
        if (!line.empty() && line.back() == '\n') line.pop_back();
        int k = 0;
        double value = 0;
        if (std::sscanf(line.c_str(), "epoch %d %lf", &k, &value) == 2) {
            m.epoch_seconds.push_back(value);
            bar.update(m.epoch_seconds.size(), fmt::format("{:.3f} s", value));
        } else if (std::sscanf(line.c_str(), "accuracy %lf", &value) == 1) {
            m.accuracy = value;
        } else if (line.rfind("info ", 0) == 0) {
            m.detail = line.substr(5);
        } else if (!line.empty()) {
            last_line = line;
        }
    }
    bar.finish();
    const int status = pclose(pipe);
    m.ok = status == 0 && int(m.epoch_seconds.size()) == epochs;
    if (!m.ok) m.error = last_line.empty() ? fmt::format("exit status {}", status) : last_line;
    return m;
}

nn::fast::ImageSet image_set(const nn::Mnist& m) {
    return {m.images.pixels, m.labels, int(m.images.rows * m.images.cols)};
}

// Reads the command line into opt; returns an exit code when the program should stop there (--help,
// or a bad option).
std::optional<int> parse_options(int argc, char** argv, Options& opt) {
    opt.data_dir = nn::default_data_dir() / "mnist";
    opt.bench_dir = fs::path(NN_SOURCE_DIR) / "bench";
    CLI::App app{
        "Trains configurations A, B and C on all 60,000 MNIST images with nnsteps' fast path and,\n"
        "in turn, with NumPy and PyTorch, and prints seconds per epoch, samples/s, GFLOP/s,\n"
        "share of the cores' peak, test accuracy and the ratios. Not a test: figures only.",
        "nn_bench"};
    const auto all = configurations();
    std::vector<std::string> config_names;
    for (const auto& c : all) config_names.push_back(c.name);
    std::vector<std::string> configs = config_names, peers{"numpy", "torch"};
    std::string precision = name(opt.precision);
    app.add_option("--config", configs, "Configurations to run, comma-separated (A, B, C)")
        ->delimiter(',')
        ->check(CLI::IsMember(config_names))
        ->default_str("A,B,C");
    app.add_option("--peers", peers, "Peers to run beside ours: numpy, torch, or none")
        ->delimiter(',')
        ->check(CLI::IsMember({"numpy", "torch", "none"}))
        ->default_str("numpy,torch");
    app.add_option("--epochs", opt.epochs,
                   "Epochs for every configuration (default: A 5, B 30, C 10, "
                   "the peers' published accuracy)")
        ->check(CLI::Range(1, 1000));
    app.add_flag_callback(
        "--quick", [&] { opt.epochs = 1; }, "One epoch each (times only; accuracy is not comparable)");
    app.add_option("--rounds", opt.rounds, "Times to repeat ours-then-peers for each configuration")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    app.add_option("--threads", opt.threads, "Threads for ours and the peers")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    app.add_option("--precision", precision, "Our scalar type")
        ->check(CLI::IsMember({name(Precision::single), name(Precision::double_)}))
        ->capture_default_str();
    app.add_flag("--dense", opt.dense, "Ours without skipping the zero pixels in the first layer");
    app.add_option("--data", opt.data_dir, "Folder with MNIST's IDX files")->capture_default_str();
    app.add_option("--python", opt.python, "Python with numpy and torch (Debian's)")->capture_default_str();
    app.add_option("--seed", opt.seed, "Seed for weights and shuffling")->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    for (const auto& n : configs)
        opt.configs.push_back(
            *std::find_if(all.begin(), all.end(), [&](const BenchConfig& c) { return c.name == n; }));
    for (const auto& p : peers) {  // "none": no peer
        if (p != "none") opt.peers.push_back(p == "numpy" ? Who::numpy : Who::torch);
    }
    opt.precision = precision == name(Precision::single) ? Precision::single : Precision::double_;
    return std::nullopt;
}

// Ours, then each peer, over the rounds (so that a slow spell of the machine hits all alike).
std::vector<Measurement> run_configuration(const BenchConfig& c, int epochs, const Options& opt,
                                           const nn::fast::ImageSet& train, const nn::fast::ImageSet& test) {
    std::vector<Measurement> results;
    for (int r = 0; r < opt.rounds; ++r) {
        results.push_back(opt.precision == Precision::single ? run_ours<float>(c, epochs, opt, train, test)
                                                             : run_ours<double>(c, epochs, opt, train, test));
        for (const Who p : opt.peers) results.push_back(run_peer(p, c, epochs, opt));
    }
    return results;
}

using Rows = std::vector<std::vector<std::string>>;

// One row per implementation, in the order they ran: the median epoch over all its rounds, and the
// ratios to ours. Ours also gives a row of the targets' table.
struct Summary {
    Rows rows;
    std::optional<std::vector<std::string>> target;
};

Summary summarize(const BenchConfig& c, const std::vector<Measurement>& results, std::size_t train_size,
                  double peak) {
    std::vector<Who> order;
    for (const auto& m : results)
        if (std::find(order.begin(), order.end(), m.who) == order.end()) order.push_back(m.who);
    const double flops = nn::fast::train_flops_per_sample(c.sizes) * double(train_size);
    std::optional<double> ours;
    Summary summary;
    for (const Who who : order) {
        Measurement all;
        all.who = who;
        all.ok = true;
        for (const auto& m : results) {
            if (m.who != who) continue;
            if (!m.ok) {
                all.ok = false;
                all.error = m.error;
                continue;
            }
            all.epoch_seconds.insert(all.epoch_seconds.end(), m.epoch_seconds.begin(), m.epoch_seconds.end());
            all.accuracy = m.accuracy;
            all.detail = m.detail;
            all.flops = m.flops;
        }
        if (!all.ok || all.epoch_seconds.empty()) {
            summary.rows.push_back({name(who), "failed: " + all.error, "", "", "", "", "", "", ""});
            continue;
        }
        const double s = all.median();
        const double done = all.flops > 0 ? all.flops : flops;
        if (!ours) ours = s;
        summary.rows.push_back(
            {name(who), fmt::format("{:.3f}", s), fmt::format("{:.0f}", double(train_size) / s),
             fmt::format("{:.1f}", flops / s / 1e9), fmt::format("{:.1f}", done / s / 1e9),
             fmt::format("{:.0f}%", 100 * done / s / 1e9 / peak), fmt::format("{:.4f}", all.accuracy),
             who == Who::nnsteps ? "1.00" : fmt::format("{:.2f}x", s / *ours), all.detail});
        if (who == Who::nnsteps) {
            summary.target = {c.name, fmt::format("{:.3f}", s), fmt::format("{:.2f}", c.target),
                              s <= c.target ? "met" : "missed", fmt::format("{:.4f}", all.accuracy)};
        }
    }
    return summary;
}

void print_results(const Rows& rows) {
    nn::print_table(
        {"", "s/epoch", "samples/s", "GFLOP/s", "done", "of peak", "test acc", "time vs ours", "what"}, rows,
        "lrrrrrrrl");
    fmt::print("\n");
}

void print_targets(const Rows& targets) {
    fmt::print("Targets (seconds per epoch on this machine):\n");
    nn::print_table({"config", "ours", "target", "", "test acc"}, targets, "lrrll");
    fmt::print(
        "\nThe epoch time is the median over epochs and rounds; it covers shuffling, gathering the\n"
        "batches and training, not the evaluation. GFLOP/s counts the dense products' work (the\n"
        "same for everyone); \"done\" and the share of peak count the work actually done: ours\n"
        "skips the zero pixels in the first layer unless --dense.\n");
}

void run(const Options& opt) {
    const nn::Mnist train = nn::load_mnist(opt.data_dir, "train");
    const nn::Mnist test = nn::load_mnist(opt.data_dir, "t10k");
    const auto train_set = image_set(train), test_set = image_set(test);
    const double peak = peak_per_core(opt.precision) * opt.threads;
    fmt::print("nnsteps bench: {} training images, {} test images, {} thread{}, ours in {}\n", train.size(),
               test.size(), opt.threads, opt.threads == 1 ? "" : "s", name(opt.precision));
    fmt::print("peak: {:.1f} GFLOP/s ({} core{} × 3.2 GHz × 2 FMA units × {} {} lanes × 2)\n\n", peak,
               opt.threads, opt.threads == 1 ? "" : "s", lanes(opt.precision), name(opt.precision));
    Rows targets;
    for (const auto& c : opt.configs) {
        const int epochs = opt.epochs > 0 ? opt.epochs : c.epochs;
        fmt::print("{}  {}  ({} epoch{})\n", c.name, c.description, epochs, epochs == 1 ? "" : "s");
        const Summary summary =
            summarize(c, run_configuration(c, epochs, opt, train_set, test_set), train.size(), peak);
        print_results(summary.rows);
        if (summary.target) targets.push_back(*summary.target);
    }
    print_targets(targets);
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    if (const auto exit_code = parse_options(argc, argv, opt)) return *exit_code;
    try {
        run(opt);
    } catch (const std::exception& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 1;
    }
    return 0;
}
