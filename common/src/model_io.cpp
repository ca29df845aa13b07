#include "nn/model_io.hpp"

#include <fmt/core.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace nn {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'N', 'N', 'S', 'T', 'E', 'P', 'S', '1'};

std::uint64_t fnv1a(const std::string& bytes) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

template <class T>
void put(std::string& out, T v) {  // little-endian on the machines we build for (x86-64, arm64)
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out.append(b, sizeof(T));
}

struct Reader {
    const std::string& bytes;
    const fs::path& file;
    std::size_t at = 0;
    template <class T>
    T get(const char* what) {
        if (at + sizeof(T) > bytes.size())
            throw Error(fmt::format("{}: truncated: the file ends inside {} (byte {} of {})", file.string(),
                                    what, at, bytes.size()));
        T v;
        std::memcpy(&v, bytes.data() + at, sizeof(T));
        at += sizeof(T);
        return v;
    }
};

}  // namespace

void save_model(const Mlp& model, const fs::path& file) {
    std::string out(kMagic, sizeof kMagic);
    put(out, std::uint32_t(model.layers.size()));
    for (const auto& l : model.layers) {
        put(out, std::uint32_t(l.W.cols()));
        put(out, std::uint32_t(l.W.rows()));
        put(out, static_cast<std::uint32_t>(l.act));
    }
    for (const auto& l : model.layers) {
        for (Index k = 0; k < l.W.size(); ++k) put(out, l.W.data()[k]);  // column-major, as Eigen keeps it
        for (Index k = 0; k < l.b.size(); ++k) put(out, l.b(k));
    }
    put(out, fnv1a(out));
    if (!file.parent_path().empty()) fs::create_directories(file.parent_path());
    std::ofstream f(file, std::ios::binary);
    f.write(out.data(), std::streamsize(out.size()));
    if (!f) throw Error(fmt::format("{}: cannot be written", file.string()));
}

Mlp load_model(const fs::path& file, int expected_inputs, int expected_outputs) {
    if (!fs::exists(file)) throw Error(fmt::format("{}: no such model file", file.string()));
    if (fs::is_directory(file)) throw Error(fmt::format("{}: is a folder, not a model file", file.string()));
    std::ifstream f(file, std::ios::binary);
    if (!f) throw Error(fmt::format("{}: cannot be opened", file.string()));
    const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        throw Error(
            fmt::format("{}: not an nnsteps model file (it does not start with NNSTEPS1)", file.string()));
    Reader r{bytes, file, sizeof kMagic};
    const auto L = r.get<std::uint32_t>("the layer count");
    if (L < 1 || L > 64) throw Error(fmt::format("{}: corrupt: {} layers", file.string(), L));
    // The layer table first, checked whole, and nothing allocated by it until the file's length
    // confirms it: a 37-byte file may claim 80 GB of weights.
    struct Shape {
        std::uint32_t in, out, act;
    };
    std::vector<Shape> shapes;
    std::uint64_t parameters = 0;  // at most 64 · (100,000² + 100,000): no overflow
    for (std::uint32_t l = 0; l < L; ++l) {
        const auto in = r.get<std::uint32_t>("a layer's shape"),
                   out = r.get<std::uint32_t>("a layer's shape");
        const auto act = r.get<std::uint32_t>("a layer's activation");
        if (in < 1 || out < 1 || in > 100000 || out > 100000 ||
            act > static_cast<std::uint32_t>(Activation::elu))
            throw Error(fmt::format("{}: corrupt: layer {} is {}x{} with activation {}", file.string(), l + 1,
                                    out, in, act));
        if (l > 0 && in != shapes.back().out)
            throw Error(fmt::format("{}: corrupt: layer {} takes {} inputs but layer {} gives {}",
                                    file.string(), l + 1, in, l, shapes.back().out));
        shapes.push_back({in, out, act});
        parameters += std::uint64_t{out} * in + out;
    }
    const std::uint64_t needed = parameters * sizeof(double) + sizeof(std::uint64_t),
                        rest = bytes.size() - r.at;
    if (rest < needed)
        throw Error(fmt::format(
            "{}: truncated: the layers claim {} parameters, {} bytes of weights and biases "
            "and checksum, but only {} {} the layer table",
            file.string(), parameters, needed, rest, rest == 1 ? "byte follows" : "bytes follow"));
    if (rest > needed)
        throw Error(fmt::format("{}: {} unexpected bytes after the model", file.string(), rest - needed));
    Mlp model;
    for (const Shape& s : shapes)
        model.layers.push_back({Matrix(s.out, s.in), Vector(s.out), static_cast<Activation>(s.act)});
    for (auto& layer : model.layers) {
        for (Index k = 0; k < layer.W.size(); ++k) layer.W.data()[k] = r.get<double>("the weights");
        for (Index k = 0; k < layer.b.size(); ++k) layer.b(k) = r.get<double>("the biases");
    }
    const std::size_t body = r.at;
    const auto stored = r.get<std::uint64_t>("the checksum");
    if (r.at != bytes.size())
        throw Error(
            fmt::format("{}: {} unexpected bytes after the model", file.string(), bytes.size() - r.at));
    if (stored != fnv1a(bytes.substr(0, body)))
        throw Error(fmt::format("{}: corrupt: the checksum does not match the contents", file.string()));
    for (std::size_t l = 0; l < model.layers.size(); ++l)
        if (!model.layers[l].W.allFinite() || !model.layers[l].b.allFinite())
            throw Error(
                fmt::format("{}: layer {} has weights that are NaN or infinite (was it saved from a "
                            "training that diverged?)",
                            file.string(), l + 1));
    const auto inputs = int(model.layers.front().W.cols()), outputs = int(model.layers.back().W.rows());
    if ((expected_inputs && inputs != expected_inputs) || (expected_outputs && outputs != expected_outputs))
        throw Error(
            fmt::format("{}: the model takes {} inputs and gives {} outputs; {} and {} are needed here",
                        file.string(), inputs, outputs, expected_inputs, expected_outputs));
    return model;
}

}  // namespace nn
