// ./nn bench: how fast does nnsteps train an MLP on all 60,000 MNIST images, next to NumPy and
// PyTorch doing the same? Three configurations (docs/bench.md says where each comes from):
//   A  784-30-30-10 ReLU/softmax, cross-entropy, SGD lr 0.1, batch 32     (FruitPunch's model)
//   B  784-30-10 sigmoid, quadratic cost, SGD η 3.0, batch 10             (Nielsen's network.py)
//   C  784-256-128-10 ReLU/softmax, cross-entropy, Adam 1e-3, batch 128   (lesson 12's larger model)
// and a CNN, lesson 16's network, through the fast path (bench/fast_cnn.hpp, float) and lesson 16's
// nn::Cnn (double) against the same network in PyTorch (float32, and float64 beside it):
//   D  conv 32 5×5, pool, conv 64 5×5, pool, 128, 10; cross-entropy, Adam 1e-3, batch 64
// For each, ours and each peer run in turn (ours, NumPy, PyTorch, ours, ...) so that a slow spell
// of the shared machine hits all of them alike, and the table shows the ratios.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif
#ifdef __linux__
#include <unistd.h>
#endif

#include "fast_cnn.hpp"
#include "fast_mlp.hpp"
#include "nn/cnn.hpp"
#include "nn/data.hpp"
#include "nn/lesson.hpp"
#include "nn/losses.hpp"
#include "nn/optim.hpp"
#include "nn/print.hpp"
#include "nn/progress.hpp"
#include "nn/rng.hpp"
#include "nn/timing.hpp"
#include "nn/training.hpp"

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
    // The targets (issues 14 and 17): ours at least this many times as fast as NumPy and as PyTorch
    // (float32) in the same interleaved run, at the same accuracy; 0: no target against that peer.
    double vs_numpy;
    double vs_torch;
    bool cnn;  // D: lesson 16's nn::Cnn (the fields above that it uses: lr, batch)
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
         .vs_numpy = 5,
         .vs_torch = 9,
         .cnn = false},
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
         .vs_numpy = 6,
         .vs_torch = 0,
         .cnn = false},
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
         .vs_numpy = 1.9,
         .vs_torch = 1.9,
         .cnn = false},
        {.name = "D",
         .description = "CNN conv 32 5×5, pool 2, conv 64 5×5, pool 2, 128, 10; Adam 1e-3, batch 64",
         .sizes = {},
         .hidden = nn::Activation::relu,
         .cost = Cost::softmax_cross_entropy,
         .optimizer = Optimizer::adam,
         .lr = 1e-3,
         .batch = 64,
         .epochs = 1,
         .init = nn::Init::he_normal,
         .vs_numpy = 0,
         .vs_torch = 1,
         .cnn = true},
    };
}

// Our scalar type: 8 float or 4 double lanes in an AVX2 register.
enum class Precision { single, double_ };
const char* name(Precision p) { return p == Precision::single ? "float" : "double"; }
int lanes(Precision p) { return p == Precision::single ? 8 : 4; }
// GFLOP/s of one core: 3.2 GHz × 2 FMA units × lanes × 2 (an FMA is two operations).
double peak_per_core(Precision p) { return p == Precision::single ? 102.4 : 51.2; }

// Who trains: ours, or a peer (bench/<script>_mlp.py; D: bench/torch_cnn.py, in float32 or, as
// torch64, in float64).
// On D, ours is the fast path (bench/fast_cnn.hpp) and lesson 16's nn::Cnn runs beside it, in
// double, the network the lessons train.
enum class Who { nnsteps, numpy, torch, torch64, lesson_cnn };
const char* name(Who w) {
    switch (w) {
        case Who::nnsteps:
            return "nnsteps";
        case Who::lesson_cnn:
            return "nn::Cnn";
        case Who::numpy:
            return "NumPy";
        case Who::torch:
            return "PyTorch";
        case Who::torch64:
            return "PyTorch f64";
    }
    return "?";
}
const char* script(Who peer) { return peer == Who::numpy ? "numpy" : "torch"; }

// The median of v (0 when empty).
double median_of(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

// One participant's run in one round.
struct Measurement {
    Who who = Who::nnsteps;
    int round = 0;
    std::string detail;
    std::vector<double> epoch_seconds;
    double flops = 0;  // per epoch, the products' work actually done (0: the dense count)
    double accuracy = 0;
    bool ok = false;
    std::string error;
    std::string kernel;               // the BLAS kernel it ran (OpenBLAS's core name, or Eigen's own)
    bool openblas = false;            // its products ran on OpenBLAS's kernels (a peer's always do)
    int threads = 0;                  // as the participant itself reports them
    std::vector<std::string> config;  // a peer's "config" lines (PyTorch's build and threads)
    double median() const { return median_of(epoch_seconds); }
};

// All of one participant's rounds as one measurement: every epoch time, and the last round's
// accuracy and details (the first config seen). Not ok if any round failed (with its error).
Measurement merged(const std::vector<Measurement>& results, Who who) {
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
        all.kernel = m.kernel;
        all.openblas = m.openblas;
        all.threads = m.threads;
        if (all.config.empty()) all.config = m.config;
    }
    return all;
}

struct Options {
    std::vector<BenchConfig> configs;
    std::vector<Who> peers;
    int epochs = 0;  // 0: each configuration's own
    // Rounds of ours-then-peers for A-C (D: cnn_rounds unless given). The host places the two vCPUs
    // near or far from each other, which moves our two-thread path most between runs (issue 17):
    // each round's ratio is measured in one stretch of time, and the figure is their median.
    int rounds = 3;
    int threads = 2;
    Precision precision = Precision::single;
    bool dense = false;  // ours without skipping zero inputs
    fs::path data_dir;
    fs::path bench_dir;
    std::string python = "/usr/bin/python3";
    std::uint64_t seed = 2026;
    // D: the training images of each timed round, the rounds (unless --rounds), and then one epoch on
    // all of them for the accuracy check (not with --quick).
    int cnn_images = 10000;
    int cnn_rounds = 5;
    bool rounds_given = false;
    bool cnn_full_epoch = true;
    bool cnn_lesson = true;  // lesson 16's nn::Cnn in the rounds too
    // OPENBLAS_CORETYPE for every participant, ours and the peers: the best kernel this CPU runs
    // (issue 17: Debian's OpenBLAS 0.3.21 does not know recent CPUs and falls back to generic SSE3
    // kernels, or to AVX2 ones on a CPU with AVX-512). Empty: OpenBLAS's own choice.
    std::string coretype;
};

// OpenBLAS's best kernel for this CPU, the name OPENBLAS_CORETYPE takes: what OpenBLAS 0.3.21 would
// pick itself if it recognised the CPU by its features rather than by its model number.
std::string best_coretype() {
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl"))
        return "SkylakeX";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "Haswell";
    if (__builtin_cpu_supports("avx")) return "Sandybridge";
#endif
    return "";
}

// The SIMD instructions Eigen's own kernels were compiled for (ours on D: nn::Cnn's products).
const char* eigen_simd() {
#if defined(EIGEN_VECTORIZE_AVX512)
    return "AVX-512";
#elif defined(EIGEN_VECTORIZE_AVX2)
    return "AVX2";
#elif defined(EIGEN_VECTORIZE_AVX)
    return "AVX";
#elif defined(EIGEN_VECTORIZE_SSE2)
    return "SSE2";
#else
    return "no SIMD";
#endif
}

// OpenBLAS's name for the kernels it runs in this process (ours), as the peers report theirs.
std::string openblas_core() {
#ifdef NN_FAST_CBLAS
    const char* core = openblas_get_corename();
    return core ? core : "kernel unknown";
#else
    return "";
#endif
}

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
    const long blas_before = nn::fast::blas_products.load();
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
    m.threads = trainer.last_epoch_threads();
    m.openblas = nn::fast::blas_products.load() > blas_before;  // A and B have no product large enough
    m.kernel = m.openblas ? openblas_core() : fmt::format("Eigen's own ({})", eigen_simd());
    m.detail = fmt::format(
        "C++ Eigen {}.{}.{}, {}, {}{}, {} thread{}", EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION,
        EIGEN_MINOR_VERSION, m.openblas ? "OpenBLAS for large products" : "Eigen's products",
        name(opt.precision), trainer.sparse() ? ", sparse input" : "", m.threads, m.threads == 1 ? "" : "s");
    m.ok = true;
    return m;
}

// Runs a peer's script and reads its lines: "epoch <k> <seconds>", "accuracy <a>", "info <text>",
// and from bench/torch_cnn.py also "kernel <OpenBLAS core>", "threads <n>", "config <text>".
Measurement run_script(Who peer, const std::string& label, const std::string& command, int epochs) {
    Measurement m;
    m.who = peer;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        m.error = "could not start " + command;
        return m;
    }
    nn::ProgressBar bar(label, std::size_t(epochs), "epochs");
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
        } else if (line.rfind("kernel ", 0) == 0) {
            m.kernel = line.substr(7);
        } else if (std::sscanf(line.c_str(), "threads %d", &k) == 1) {
            m.threads = k;
        } else if (line.rfind("config ", 0) == 0) {
            m.config.push_back(line.substr(7));
        } else if (!line.empty()) {
            last_line = line;
        }
    }
    bar.finish();
    const int status = pclose(pipe);
    m.openblas = true;  // NumPy's and PyTorch's dense products: the refusal checks the kernel it names
    m.ok = status == 0 && int(m.epoch_seconds.size()) == epochs;
    if (!m.ok) m.error = last_line.empty() ? fmt::format("exit status {}", status) : last_line;
    return m;
}

// A peer's environment: its threads, and OpenBLAS on opt.coretype's kernels.
std::string peer_env(const Options& opt) {
    std::string env = fmt::format("OMP_NUM_THREADS={0} OPENBLAS_NUM_THREADS={0}", opt.threads);
    if (!opt.coretype.empty()) env += " OPENBLAS_CORETYPE=" + opt.coretype;
    return env;
}

// bench/<peer>_mlp.py on configuration c.
Measurement run_peer(Who peer, const BenchConfig& c, int epochs, const Options& opt) {
    const fs::path path = opt.bench_dir / (std::string(script(peer)) + "_mlp.py");
    const std::string command = fmt::format(
        "{} '{}' '{}' --config {} --epochs {} --threads {} --data '{}' --seed {} 2>&1", peer_env(opt),
        opt.python, path.string(), c.name, epochs, opt.threads, opt.data_dir.string(), opt.seed);
    return run_script(peer, fmt::format("  {} {}", name(peer), c.name), command, epochs);
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
        "share of the cores' peak, test accuracy and the ratios. D is lesson 16's CNN (the fast path\n"
        "in float, and lesson 16's nn::Cnn in double) against the same network in PyTorch (float32;\n"
        "float64 with --peers torch,torch64):\n"
        "rounds of one epoch on --cnn-images images, then one epoch on all 60,000 each for the\n"
        "accuracy. Not a test: figures only.",
        "nn_bench"};
    const auto all = configurations();
    std::vector<std::string> config_names;
    for (const auto& c : all) config_names.push_back(c.name);
    std::vector<std::string> configs = config_names, peers{"numpy", "torch"};
    std::string coretype = "auto";
    std::string precision = name(opt.precision);
    app.add_option("--config", configs, "Configurations to run, comma-separated (A, B, C, D)")
        ->delimiter(',')
        ->check(CLI::IsMember(config_names))
        ->default_str("A,B,C,D");
    app.add_option("--peers", peers,
                   "Peers to run beside ours: numpy (A-C), torch, torch64 (PyTorch in float64, D "
                   "only), or none")
        ->delimiter(',')
        ->check(CLI::IsMember({"numpy", "torch", "torch64", "none"}))
        ->default_str("numpy,torch");
    app.add_option("--epochs", opt.epochs,
                   "Epochs for every configuration but D (default: A 5, B 30, C 10, "
                   "the peers' published accuracy)")
        ->check(CLI::Range(1, 1000));
    app.add_flag_callback(
        "--quick",
        [&] {
            opt.epochs = 1;
            opt.cnn_full_epoch = false;
        },
        "One epoch each, and D without its full epoch (times only; accuracy is not comparable)");
    auto* rounds = app.add_option("--rounds", opt.rounds,
                                  "Rounds of ours-then-peers for each configuration; the figures are "
                                  "their medians (D: 5 unless given)")
                       ->check(CLI::Range(1, 100))
                       ->capture_default_str();
    app.add_option("--cnn-images", opt.cnn_images, "D: training images of each timed round (the first ones)")
        ->check(CLI::Range(64, 60000))
        ->capture_default_str();
    app.add_flag("!--no-cnn-lesson", opt.cnn_lesson,
                 "D: leave lesson 16's nn::Cnn (double) out of the rounds (ours is the fast path)");
    app.add_flag("!--no-cnn-check", opt.cnn_full_epoch,
                 "D: skip the accuracy check (one epoch on all 60,000 images, ours and PyTorch float32)");
    app.add_option("--coretype", coretype,
                   "OPENBLAS_CORETYPE for every participant: auto (the best this CPU runs), none "
                   "(OpenBLAS's own choice) or a kernel name (letters and digits: SkylakeX, Haswell, ...)")
        ->check(CLI::Validator(
            [](const std::string& v) {
                const bool name =
                    !v.empty() && v.size() <= 32 &&
                    std::all_of(v.begin(), v.end(), [](char ch) { return std::isalnum(ch) != 0; });
                return name ? std::string()
                            : "--coretype takes a kernel name of letters and digits, got '" + v + "'";
            },
            "NAME"))
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
    app.add_option("--seed", opt.seed, "Seed for weights and shuffling")
        ->check(nn::seed_value())
        ->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    for (const auto& n : configs)
        opt.configs.push_back(
            *std::find_if(all.begin(), all.end(), [&](const BenchConfig& c) { return c.name == n; }));
    for (const auto& p : peers) {  // "none": no peer
        if (p != "none")
            opt.peers.push_back(p == "numpy" ? Who::numpy : p == "torch" ? Who::torch : Who::torch64);
    }
    opt.rounds_given = rounds->count() > 0;
    opt.coretype = coretype == "auto" ? best_coretype() : coretype == "none" ? "" : coretype;
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
        for (const Who p : opt.peers)
            if (p != Who::torch64) results.push_back(run_peer(p, c, epochs, opt));
        for (auto& m : results)
            if (m.round == 0) m.round = r + 1;
    }
    return results;
}

std::string lower(std::string s) {
    for (char& ch : s) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// Why no ratio may be given with this participant (issue 17): its products ran on another OpenBLAS
// kernel than the best one this CPU supports (typically a generic fallback Debian's OpenBLAS 0.3.21
// picks on a CPU it does not know), or on no OpenBLAS at all. Ours is checked only when it called
// OpenBLAS. Empty when the ratio stands.
std::string fallback(const Measurement& m) {
    const std::string best = best_coretype();
    if (!m.openblas || best.empty() || lower(m.kernel) == lower(best)) return "";
    return fmt::format("refused: {} ran OpenBLAS {} (not {})", name(m.who),
                       m.kernel.empty() ? "kernel unknown" : m.kernel, best);
}

// Each round's median epoch of one participant (its successful rounds).
std::vector<double> round_times(const std::vector<Measurement>& results, Who who) {
    std::vector<double> t;
    for (const auto& m : results)
        if (m.who == who && m.ok && !m.epoch_seconds.empty()) t.push_back(m.median());
    return t;
}

// The peer's time over ours, round by round: each ratio measured in one stretch of the machine's
// time, so that a slow spell slows both sides of it.
std::vector<double> round_ratios(const std::vector<Measurement>& results, Who peer) {
    std::vector<double> ratios;
    for (const auto& p : results) {
        if (p.who != peer || !p.ok || p.epoch_seconds.empty()) continue;
        for (const auto& o : results)
            if (o.who == Who::nnsteps && o.round == p.round && o.ok && !o.epoch_seconds.empty())
                ratios.push_back(p.median() / o.median());
    }
    return ratios;
}

std::string range(const std::vector<double>& v, const char* format) {
    if (v.empty()) return "";
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    return fmt::format(fmt::runtime(format), *lo) + "-" + fmt::format(fmt::runtime(format), *hi);
}

using Rows = std::vector<std::vector<std::string>>;

// The "time vs ours" cell: 1.00 for ours, the refusal, or the median of the rounds' ratios.
std::string time_vs_ours(Who who, const std::string& refused, const std::vector<double>& ratios) {
    if (who == Who::nnsteps) return "1.00";
    if (!refused.empty()) return refused;
    return ratios.empty() ? "" : fmt::format("{:.2f}x", median_of(ratios));
}

// A row of the kernels' table: the BLAS kernel a participant ran and its threads, as it reports them.
std::vector<std::string> kernel_row(const Measurement& m) {
    const char* reported = m.who == Who::nnsteps      ? "OpenMP's team (omp_get_num_threads)"
                           : m.who == Who::lesson_cnn ? "OpenMP (omp_get_max_threads)"
                           : m.who == Who::numpy      ? "OpenBLAS (openblas_get_num_threads)"
                                                      : "torch.get_num_threads()";
    return {name(m.who), m.openblas ? "OpenBLAS " + m.kernel : m.kernel, fmt::format("{}", m.threads),
            reported};
}

// Issues 14 and 17: ours at least `target` times as fast as the peer (the median of the rounds'
// ratios), at the same accuracy (ours at most same_accuracy below the peer's: 50 of the 10,000 test
// images), and no ratio at all when either side ran a fallback kernel.
constexpr double same_accuracy = 0.005;
std::vector<std::string> target_row(const BenchConfig& c, Who peer, double target,
                                    const std::vector<double>& ratios, const std::string& refused,
                                    double ours_accuracy, double peer_accuracy) {
    const double ratio = median_of(ratios);
    const bool accurate = ours_accuracy >= peer_accuracy - same_accuracy;
    const std::string verdict = !refused.empty()
                                    ? "no ratio: " + refused.substr(std::string("refused: ").size())
                                : ratios.empty() ? "no ratio: a run failed"
                                : ratio < target ? "missed"
                                : !accurate      ? "missed (accuracy)"
                                                 : "met";
    return {c.name,
            name(peer),
            ratios.empty() || !refused.empty() ? "" : fmt::format("{:.2f}x", ratio),
            refused.empty() ? range(ratios, "{:.2f}") : "",
            fmt::format("≥ {}x", target),
            verdict,
            fmt::format("{:.4f} / {:.4f}", ours_accuracy, peer_accuracy)};
}

// A configuration's three tables: one row per participant in the order they ran (the median over
// the rounds of each round's median epoch, the rounds' spread, the median ratio to ours), the BLAS
// kernel and threads each ran, and the targets.
struct Summary {
    Rows rows, kernels, targets;
};

Summary summarize(const BenchConfig& c, const std::vector<Measurement>& results, std::size_t train_size,
                  double peak) {
    std::vector<Who> order;
    for (const auto& m : results)
        if (std::find(order.begin(), order.end(), m.who) == order.end()) order.push_back(m.who);
    const double flops = nn::fast::train_flops_per_sample(c.sizes) * double(train_size);
    const Measurement ours = merged(results, Who::nnsteps);
    const std::string ours_refused = fallback(ours);
    Summary summary;
    for (const Who who : order) {
        const Measurement all = merged(results, who);
        if (!all.ok || all.epoch_seconds.empty()) {
            summary.rows.push_back({name(who), "failed: " + all.error, "", "", "", "", "", "", "", ""});
            continue;
        }
        const std::vector<double> times = round_times(results, who);
        const double s = median_of(times);
        const double done = all.flops > 0 ? all.flops : flops;
        const std::vector<double> ratios = round_ratios(results, who);
        const std::string refused = who == Who::nnsteps     ? ""
                                    : !ours_refused.empty() ? ours_refused
                                                            : fallback(all);
        summary.rows.push_back(
            {name(who), fmt::format("{:.3f}", s), range(times, "{:.3f}"),
             fmt::format("{:.0f}", double(train_size) / s), fmt::format("{:.1f}", flops / s / 1e9),
             fmt::format("{:.1f}", done / s / 1e9), fmt::format("{:.0f}%", 100 * done / s / 1e9 / peak),
             fmt::format("{:.4f}", all.accuracy), time_vs_ours(who, refused, ratios), all.detail});
        summary.kernels.push_back(kernel_row(all));
        const double target = who == Who::numpy ? c.vs_numpy : who == Who::torch ? c.vs_torch : 0;
        if (target > 0 && ours.ok)
            summary.targets.push_back(
                target_row(c, who, target, ratios, refused, ours.accuracy, all.accuracy));
    }
    return summary;
}

void print_results(const Summary& summary, int rounds) {
    nn::print_table({"", "s/epoch", fmt::format("{} round{}", rounds, rounds == 1 ? "" : "s"), "samples/s",
                     "GFLOP/s", "done", "of peak", "test acc", "time vs ours", "what"},
                    summary.rows, "lrrrrrrrrl");
    fmt::print("\n");
    nn::print_table({"", "BLAS kernel", "threads", "as reported by"}, summary.kernels, "llrl");
    fmt::print("\n");
}

void print_targets(const Rows& targets, const std::string& coretype) {
    fmt::print(
        "Targets (issues 14 and 17): ours at least so many times as fast as each peer, the median of the\n"
        "rounds' ratios (each round's measured in one stretch of time), at the same accuracy (ours at most\n"
        "{} below the peer's), every participant on the best OpenBLAS kernel this CPU runs ({}):\n",
        same_accuracy, coretype.empty() ? "not set: --coretype none" : coretype);
    nn::print_table({"config", "against", "ours faster", "rounds", "target", "", "test acc (ours / peer)"},
                    targets, "llrrrll");
    fmt::print(
        "\nThe epoch time is the median over the rounds of each round's median epoch; it covers\n"
        "shuffling, gathering the batches and training, not the evaluation. GFLOP/s counts the dense\n"
        "products' work (the same for everyone); \"done\" and the share of peak count the work actually\n"
        "done: ours skips the zero pixels in the first layer unless --dense. On D, GFLOP/s counts nn::Cnn's\n"
        "products (cnn_train_flops_per_sample), the same for both, and the share of peak is of each\n"
        "one's own precision. A ratio with a participant whose OpenBLAS ran another kernel than the\n"
        "best is refused.\n");
}

// ------------------------------------------------------------------------------------------------
// D: lesson 16's CNN, ours (nn::fast::CnnTrainer, float) and lesson 16's nn::Cnn (double), against the
// same network in PyTorch (bench/torch_cnn.py). Each round trains one epoch on the first --cnn-images
// training images from fresh weights (ours, nn::Cnn, then PyTorch in float32, then in float64) and
// tests on all 10,000; the median over the rounds is the figure. Then, for the accuracy, one epoch on
// all 60,000 each (ours and PyTorch float32).

std::vector<nn::LayerSpec> cnn_layers() {
    return {nn::conv(32, 5), nn::relu(),     nn::max_pool(2), nn::conv(64, 5), nn::relu(),
            nn::max_pool(2), nn::dense(128), nn::relu(),      nn::dense(10)};
}
constexpr nn::Shape mnist_shape{1, 28, 28};
// After one epoch on all 60,000 (issue 14: "same accuracy"): both land near 0.985-0.987 (ours 0.9849 and
// PyTorch 0.9873 in one run, from different random streams); the bar says both learned the same thing.
constexpr double cnn_accuracy_target = 0.98;

// Ours on D: one epoch of nn::fast::CnnTrainer on the first n images, the batches of lesson 16's
// loop (nn::minibatches drawn right after the weights, as nn::train_epoch draws them), then the
// test accuracy.
template <typename T>
Measurement run_ours_cnn(const BenchConfig& c, const Options& opt, const nn::fast::ImageSet& train,
                         nn::Index n, const nn::fast::ImageSet& test) {
    Measurement m;
    m.who = Who::nnsteps;
    nn::Rng rng(opt.seed);
    const nn::Cnn init(mnist_shape, cnn_layers(), rng);
    nn::fast::CnnTrainer<T> trainer(init, {.lr = c.lr, .batch = c.batch, .threads = opt.threads});
    const long blas_before = nn::fast::blas_products.load();
    nn::ProgressBar bar(fmt::format("  nnsteps D, {} images", n), 1);
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::uint32_t> order;
    order.reserve(std::size_t(n));
    for (const auto& batch : nn::minibatches(n, c.batch, rng))
        for (const nn::Index i : batch) order.push_back(std::uint32_t(i));
    trainer.epoch(train, order);
    m.epoch_seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    bar.finish(fmt::format("{:.3f} s", m.epoch_seconds.back()));
    if (!std::isfinite(trainer.last_epoch_loss())) throw nn::Error("D: ours' training loss is not finite");
    m.accuracy = trainer.accuracy(test);
    m.threads = trainer.last_epoch_threads();
    m.openblas = nn::fast::blas_products.load() > blas_before;
    m.kernel = m.openblas ? openblas_core() : fmt::format("Eigen's own ({})", eigen_simd());
    m.detail =
        fmt::format("C++ nn::fast::CnnTrainer, {}, {}, {} OpenMP thread{}",
                    m.openblas ? "OpenBLAS for large products" : "Eigen's products",
                    std::is_same_v<T, float> ? "float" : "double", m.threads, m.threads == 1 ? "" : "s");
    m.ok = true;
    return m;
}

// Lesson 16's own training loop on nn::Cnn (nn::train_epoch, Adam's step(params, grads)) on the
// first n images, then the test accuracy.
Measurement run_lesson_cnn(const BenchConfig& c, const Options& opt, const nn::Mnist& train, nn::Index n,
                           const nn::Matrix& X_test, const std::vector<int>& labels) {
    Measurement m;
    m.who = Who::lesson_cnn;
#ifdef _OPENMP
    omp_set_num_threads(opt.threads);
    m.threads = omp_get_max_threads();
#else
    m.threads = 1;
#endif
    nn::Rng rng(opt.seed);
    nn::Cnn model(mnist_shape, cnn_layers(), rng);
    nn::Adam adam;
    adam.lr = c.lr;
    const auto get = [&](const std::vector<nn::Index>& idx) { return nn::Batch{train.X(idx), train.Y(idx)}; };
    const auto step = [&](const nn::Matrix& X, const nn::Matrix& Y) {
        const auto lg = nn::softmax_cross_entropy(model.forward(X), Y);
        adam.step(model.params(), model.backward(lg.grad));
        return lg.loss;
    };
    nn::ProgressBar bar(fmt::format("  nn::Cnn D, {} images", n), std::size_t(n));
    const auto progress = [&](nn::Index seen, double loss) {
        bar.update(std::size_t(seen), fmt::format("loss {:.4f}", loss));
    };
    const auto start = std::chrono::steady_clock::now();
    nn::train_epoch(nn::minibatches, n, c.batch, rng, get, step, progress);
    m.epoch_seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    bar.finish(fmt::format("{:.3f} s", m.epoch_seconds.back()));
    m.accuracy = nn::accuracy(nn::argmax_columns(model.predict(X_test)), labels);
    m.kernel = fmt::format("Eigen's own ({})", eigen_simd());
    m.detail = fmt::format("C++ nn::Cnn, Eigen {}.{}.{}'s products ({}), double, {} OpenMP thread{}",
                           EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION, eigen_simd(),
                           m.threads, m.threads == 1 ? "" : "s");
    m.ok = true;
    return m;
}

// bench/torch_cnn.py on the first n images, with OpenBLAS on opt.coretype's kernels.
Measurement run_torch_cnn(Who peer, const Options& opt, nn::Index n) {
    const fs::path path = opt.bench_dir / "torch_cnn.py";
    const std::string command =
        fmt::format("{} '{}' '{}' --images {} --epochs 1 --threads {} --dtype {} --data '{}' --seed {} 2>&1",
                    peer_env(opt), opt.python, path.string(), n, opt.threads,
                    peer == Who::torch64 ? "float64" : "float32", opt.data_dir.string(), opt.seed);
    return run_script(peer, fmt::format("  {} D, {} images", name(peer), n), command, 1);
}

Precision precision_of(Who w, Precision ours) {
    return w == Who::nnsteps ? ours : w == Who::torch ? Precision::single : Precision::double_;
}

// Returns D's row of the targets' table.
Rows run_cnn(const BenchConfig& c, const Options& opt, const nn::Mnist& train, const nn::Mnist& test,
             const nn::fast::ImageSet& train_set, const nn::fast::ImageSet& test_set) {
    const nn::Index n = std::min<nn::Index>(opt.cnn_images, nn::Index(train.size()));
    const int rounds = opt.rounds_given ? opt.rounds : opt.cnn_rounds;
    std::vector<Who> peers;
    for (const Who p : opt.peers)
        if (p == Who::torch || p == Who::torch64) peers.push_back(p);
    const nn::Matrix X_test = test.X(0, test.size());
    const std::vector<int> labels = test.labels_of(0, test.size());
    nn::Rng probe_rng(opt.seed);
    const double flops =
        nn::cnn_train_flops_per_sample(nn::Cnn(mnist_shape, cnn_layers(), probe_rng)) * double(n);

    fmt::print(
        "{}  {}\n   peak: {:.1f} GFLOP/s in double, {:.1f} in float ({} core{} × 3.2 GHz × 2 FMA units ×"
        " 4 or 8 lanes × 2)\n",
        c.name, c.description, peak_per_core(Precision::double_) * opt.threads,
        peak_per_core(Precision::single) * opt.threads, opt.threads, opt.threads == 1 ? "" : "s");
    fmt::print(
        "   one epoch of {} training images per round, {} round{} interleaved; ours in {}{},\n"
        "   PyTorch in float32 (its normal){}; PyTorch's OpenBLAS on {}\n",
        n, rounds, rounds == 1 ? "" : "s", name(opt.precision),
        opt.cnn_lesson ? " and lesson 16's nn::Cnn in double" : "",
        std::find(peers.begin(), peers.end(), Who::torch64) != peers.end() ? " and float64" : "",
        opt.coretype.empty() ? std::string("its own choice of kernel") : "OPENBLAS_CORETYPE=" + opt.coretype);
    if (std::find(opt.peers.begin(), opt.peers.end(), Who::numpy) != opt.peers.end())
        fmt::print("   (no NumPy CNN: NumPy runs A-C only)\n");
    const auto ours = [&](nn::Index images) {
        return opt.precision == Precision::single ? run_ours_cnn<float>(c, opt, train_set, images, test_set)
                                                  : run_ours_cnn<double>(c, opt, train_set, images, test_set);
    };
    std::vector<Measurement> results;
    for (int r = 0; r < rounds; ++r) {
        results.push_back(ours(n));
        if (opt.cnn_lesson) results.push_back(run_lesson_cnn(c, opt, train, n, X_test, labels));
        for (const Who p : peers) results.push_back(run_torch_cnn(p, opt, n));
        for (auto& m : results)
            if (m.round == 0) m.round = r + 1;
    }

    // One row per participant: the median of its rounds, their spread, and the median of the
    // rounds' ratios to ours.
    std::vector<Who> order{Who::nnsteps};
    if (opt.cnn_lesson) order.push_back(Who::lesson_cnn);
    order.insert(order.end(), peers.begin(), peers.end());
    Rows rows, kernels;
    std::optional<double> ours_accuracy, torch32_accuracy;
    std::string torch32_refused;
    std::vector<std::string> config;
    for (const Who who : order) {
        const Measurement all = merged(results, who);  // one epoch per round on D
        if (config.empty()) config = all.config;
        if (!all.ok || all.epoch_seconds.empty()) {
            rows.push_back({name(who), "failed: " + all.error, "", "", "", "", "", "", ""});
            continue;
        }
        const double s = all.median();
        const double peak = peak_per_core(precision_of(who, opt.precision)) * opt.threads;
        const std::string refused = fallback(all);  // ours on D uses no OpenBLAS
        const std::vector<double> ratios = round_ratios(results, who);
        if (who == Who::nnsteps) ours_accuracy = all.accuracy;
        if (who == Who::torch) {
            torch32_accuracy = all.accuracy;
            torch32_refused = refused;
        }
        rows.push_back({name(who), fmt::format("{:.3f}", s), range(all.epoch_seconds, "{:.3f}"),
                        fmt::format("{:.0f}", double(n) / s), fmt::format("{:.1f}", flops / s / 1e9),
                        fmt::format("{:.0f}%", 100 * flops / s / 1e9 / peak),
                        fmt::format("{:.4f}", all.accuracy), time_vs_ours(who, refused, ratios), all.detail});
        kernels.push_back(kernel_row(all));
    }
    nn::print_table(
        {"", "s/epoch", "rounds", "images/s", "GFLOP/s", "of peak", "test acc", "time vs ours", "what"}, rows,
        "lrrrrrrrl");
    fmt::print("\n");
    nn::print_table({"", "BLAS kernel", "threads", "as reported by"}, kernels, "llrl");
    fmt::print("\n");

    if (opt.cnn_full_epoch) {
        const nn::Index all = nn::Index(train.size());
        fmt::print("D, the accuracy check: one epoch on all {} training images each, tested on {}\n", all,
                   test.size());
        std::vector<Measurement> full{ours(all)};
        if (std::find(peers.begin(), peers.end(), Who::torch) != peers.end())
            full.push_back(run_torch_cnn(Who::torch, opt, all));
        Rows check;
        for (const auto& m : full) {
            if (!m.ok) {
                check.push_back({name(m.who), "failed: " + m.error, "", ""});
                continue;
            }
            check.push_back({name(m.who), fmt::format("{:.3f}", m.epoch_seconds.front()),
                             fmt::format("{:.4f}", m.accuracy),
                             m.accuracy >= cnn_accuracy_target ? "met" : "missed"});
        }
        nn::print_table({"", "s/epoch", "test acc", fmt::format("≥ {}", cnn_accuracy_target)}, check, "lrrl");
        fmt::print("\n");
        // The targets' accuracy is the full epoch's (the rounds' is that of 10,000 images only).
        for (const auto& m : full) {
            if (m.who == Who::nnsteps) ours_accuracy = m.ok ? std::optional(m.accuracy) : std::nullopt;
            if (m.who == Who::torch) torch32_accuracy = m.ok ? std::optional(m.accuracy) : std::nullopt;
        }
    }
    if (!config.empty()) {
        fmt::print("PyTorch's build and threads (torch.__config__.show(), parallel_info()):\n");
        for (const auto& line : config) fmt::print("  {}\n", line);
        fmt::print("\n");
    }
    if (!ours_accuracy || !torch32_accuracy) return {};
    return {target_row(c, Who::torch, c.vs_torch, round_ratios(results, Who::torch), torch32_refused,
                       *ours_accuracy, *torch32_accuracy)};
}

void run(const Options& opt) {
    const nn::Mnist train = nn::load_mnist(opt.data_dir, "train");
    const nn::Mnist test = nn::load_mnist(opt.data_dir, "t10k");
    const auto train_set = image_set(train), test_set = image_set(test);
    const double peak = peak_per_core(opt.precision) * opt.threads;
    const bool mlps =
        std::any_of(opt.configs.begin(), opt.configs.end(), [](const BenchConfig& c) { return !c.cnn; });
    fmt::print("nnsteps bench: {} training images, {} test images, {} thread{}{}\n", train.size(),
               test.size(), opt.threads, opt.threads == 1 ? "" : "s",
               fmt::format(", ours in {}", name(opt.precision)));
    if (mlps)
        fmt::print("peak: {:.1f} GFLOP/s ({} core{} × 3.2 GHz × 2 FMA units × {} {} lanes × 2)\n", peak,
                   opt.threads, opt.threads == 1 ? "" : "s", lanes(opt.precision), name(opt.precision));
    const std::string best = best_coretype();
    fmt::print("OpenBLAS: {} for every participant; the best kernel this CPU runs is {}{}\n",
               opt.coretype.empty() ? std::string("OPENBLAS_CORETYPE not set (--coretype none)")
                                    : "OPENBLAS_CORETYPE=" + opt.coretype,
               best.empty() ? "unknown" : best,
#ifdef NN_FAST_CBLAS
               fmt::format(" (ours loaded {})", openblas_core())
#else
               std::string(" (ours: no OpenBLAS in this build)")
#endif
    );
    fmt::print("\n");
    Rows targets;
    for (const auto& c : opt.configs) {
        if (c.cnn) {
            for (auto& row : run_cnn(c, opt, train, test, train_set, test_set))
                targets.push_back(std::move(row));
            continue;
        }
        const int epochs = opt.epochs > 0 ? opt.epochs : c.epochs;
        fmt::print("{}  {}  ({} epoch{}, {} round{} interleaved)\n", c.name, c.description, epochs,
                   epochs == 1 ? "" : "s", opt.rounds, opt.rounds == 1 ? "" : "s");
        const Summary summary =
            summarize(c, run_configuration(c, epochs, opt, train_set, test_set), train.size(), peak);
        print_results(summary, opt.rounds);
        for (const auto& row : summary.targets) targets.push_back(row);
    }
    print_targets(targets, opt.coretype);
}

// Ours calls OpenBLAS for C's large products: on the same kernels as the peers. OpenBLAS reads
// OPENBLAS_CORETYPE when it is loaded, before main, so the program starts itself again with it set
// (once: the second time the variable already says so).
void use_coretype(const std::string& coretype, char** argv) {
#if defined(NN_FAST_CBLAS) && defined(__linux__)
    const char* set = std::getenv("OPENBLAS_CORETYPE");
    if (coretype.empty() || (set && coretype == set)) return;
    ::setenv("OPENBLAS_CORETYPE", coretype.c_str(), 1);
    std::fflush(stdout);
    ::execv("/proc/self/exe", argv);
    fmt::print(
        stderr,
        "warning: could not restart with OPENBLAS_CORETYPE={} ({}): ours keeps OpenBLAS's own kernel\n",
        coretype, std::strerror(errno));
#else
    (void)coretype;
    (void)argv;
#endif
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    if (const auto exit_code = parse_options(argc, argv, opt)) return *exit_code;
    use_coretype(opt.coretype, argv);
    try {
        run(opt);
    } catch (const std::exception& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 1;
    }
    return 0;
}
