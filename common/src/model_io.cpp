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
constexpr char kCnnMagic[8] = {'N', 'N', 'S', 'T', 'E', 'P', 'C', '1'};

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

// The checksum appended, then the bytes written to file.
void write_file(std::string out, const fs::path& file) {
    put(out, fnv1a(out));
    if (!file.parent_path().empty()) fs::create_directories(file.parent_path());
    std::ofstream f(file, std::ios::binary);
    f.write(out.data(), std::streamsize(out.size()));
    if (!f) throw Error(fmt::format("{}: cannot be written", file.string()));
}

std::string read_file(const fs::path& file) {
    if (!fs::exists(file)) throw Error(fmt::format("{}: no such model file", file.string()));
    if (fs::is_directory(file)) throw Error(fmt::format("{}: is a folder, not a model file", file.string()));
    // A device or a pipe could be endless.
    if (!fs::is_regular_file(file)) throw Error(fmt::format("{}: is not a regular file", file.string()));
    std::ifstream f(file, std::ios::binary);
    if (!f) throw Error(fmt::format("{}: cannot be opened", file.string()));
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

bool starts_with(const std::string& bytes, const char (&magic)[8]) {
    return bytes.size() >= sizeof magic && std::memcmp(bytes.data(), magic, sizeof magic) == 0;
}

// Before anything is allocated for them: the weights, biases and checksum must be exactly what
// follows the layer table.
void check_length(const Reader& r, std::uint64_t parameters) {
    const std::uint64_t needed = parameters * sizeof(double) + sizeof(std::uint64_t),
                        rest = r.bytes.size() - r.at;
    if (rest < needed)
        throw Error(fmt::format(
            "{}: truncated: the layers claim {} parameters, {} bytes of weights and biases "
            "and checksum, but only {} {} the layer table",
            r.file.string(), parameters, needed, rest, rest == 1 ? "byte follows" : "bytes follow"));
    if (rest > needed)
        throw Error(fmt::format("{}: {} unexpected bytes after the model", r.file.string(), rest - needed));
}

// After the weights: the checksum, and nothing after it.
void check_sum(Reader& r) {
    const std::size_t body = r.at;
    const auto stored = r.get<std::uint64_t>("the checksum");
    if (r.at != r.bytes.size())
        throw Error(
            fmt::format("{}: {} unexpected bytes after the model", r.file.string(), r.bytes.size() - r.at));
    if (stored != fnv1a(r.bytes.substr(0, body)))
        throw Error(fmt::format("{}: corrupt: the checksum does not match the contents", r.file.string()));
}

void read_matrix(Reader& r, Matrix& M, const char* what) {
    for (Index k = 0; k < M.size(); ++k) M.data()[k] = r.get<double>(what);
}

void check_finite(const Matrix& W, const Matrix& b, std::size_t layer, const fs::path& file) {
    if (!W.allFinite() || !b.allFinite())
        throw Error(
            fmt::format("{}: layer {} has weights that are NaN or infinite (was it saved from a "
                        "training that diverged?)",
                        file.string(), layer));
}

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
    write_file(std::move(out), file);
}

Mlp load_model(const fs::path& file, int expected_inputs, int expected_outputs) {
    const std::string bytes = read_file(file);
    if (starts_with(bytes, kCnnMagic))
        throw Error(
            fmt::format("{}: a convolutional network (NNSTEPC1), where an MLP is needed", file.string()));
    if (!starts_with(bytes, kMagic))
        throw Error(
            fmt::format("{}: not an nnsteps model file (it does not start with NNSTEPS1)", file.string()));
    Reader r{bytes, file, sizeof kMagic};
    const auto L = r.get<std::uint32_t>("the layer count");
    if (L < 1 || L > 64) throw Error(fmt::format("{}: corrupt: {} layers", file.string(), L));
    // The layer table first, checked whole, and nothing allocated by it until the file's length
    // confirms it: a 37-byte file may claim 80 GB of weights.
    struct LayerShape {
        std::uint32_t in, out, act;
    };
    std::vector<LayerShape> shapes;
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
    check_length(r, parameters);
    Mlp model;
    for (const LayerShape& s : shapes)
        model.layers.push_back({Matrix(s.out, s.in), Vector(s.out), static_cast<Activation>(s.act)});
    for (auto& layer : model.layers) {
        read_matrix(r, layer.W, "the weights");
        for (Index k = 0; k < layer.b.size(); ++k) layer.b(k) = r.get<double>("the biases");
    }
    check_sum(r);
    for (std::size_t l = 0; l < model.layers.size(); ++l)
        check_finite(model.layers[l].W, model.layers[l].b, l + 1, file);
    const auto inputs = int(model.layers.front().W.cols()), outputs = int(model.layers.back().W.rows());
    if ((expected_inputs && inputs != expected_inputs) || (expected_outputs && outputs != expected_outputs))
        throw Error(
            fmt::format("{}: the model takes {} inputs and gives {} outputs; {} and {} are needed here",
                        file.string(), inputs, outputs, expected_inputs, expected_outputs));
    return model;
}

namespace {

constexpr std::uint64_t kMaxImageValues = 1 << 18, kMaxPatchValues = 1 << 20;

}  // namespace

void save_model(const Cnn& model, const fs::path& file) {
    std::string out(kCnnMagic, sizeof kCnnMagic);
    for (Index d : {model.input.C, model.input.H, model.input.W}) put(out, std::uint32_t(d));
    put(out, std::uint32_t(model.layers.size()));
    for (const CnnLayer& l : model.layers)
        for (Index v : {Index(l.spec.kind), l.spec.size, l.spec.k, l.spec.pad}) put(out, std::uint32_t(v));
    for (const CnnLayer& l : model.layers) {
        for (Index k = 0; k < l.W.size(); ++k) put(out, l.W.data()[k]);
        for (Index k = 0; k < l.b.size(); ++k) put(out, l.b.data()[k]);
    }
    write_file(std::move(out), file);
}

Cnn load_cnn(const fs::path& file, Shape expected_input, int expected_outputs) {
    const std::string bytes = read_file(file);
    if (starts_with(bytes, kMagic))
        throw Error(
            fmt::format("{}: an MLP (NNSTEPS1), where a convolutional network is needed", file.string()));
    if (!starts_with(bytes, kCnnMagic))
        throw Error(
            fmt::format("{}: not an nnsteps CNN file (it does not start with NNSTEPC1)", file.string()));
    Reader r{bytes, file, sizeof kCnnMagic};
    const auto C = r.get<std::uint32_t>("the input shape"), H = r.get<std::uint32_t>("the input shape"),
               W = r.get<std::uint32_t>("the input shape");
    if (C < 1 || H < 1 || W < 1 || std::uint64_t{C} * H * W > kMaxImageValues)
        throw Error(fmt::format("{}: corrupt: an input of {} channels, {} rows and {} columns", file.string(),
                                C, H, W));
    const Shape input{Index(C), Index(H), Index(W)};
    const auto L = r.get<std::uint32_t>("the layer count");
    if (L < 1 || L > 64) throw Error(fmt::format("{}: corrupt: {} layers", file.string(), L));
    // The layer table, checked whole against the rules of nn::Cnn's constructor, before anything is
    // allocated: every value below is bounded by kMaxImageValues or kMaxPatchValues.
    std::vector<LayerSpec> specs;
    std::uint64_t parameters = 0;
    Shape s = input;
    for (std::uint32_t l = 1; l <= L; ++l) {
        const auto kind = r.get<std::uint32_t>("a layer's kind"),
                   size = r.get<std::uint32_t>("a layer's size"),
                   k = r.get<std::uint32_t>("a layer's kernel"),
                   pad = r.get<std::uint32_t>("a layer's padding");
        const auto corrupt = [&](const char* why) {
            return Error(
                fmt::format("{}: corrupt: layer {} (kind {}, size {}, k {}, pad {}) {} an input of shape {}",
                            file.string(), l, kind, size, k, pad, why, to_string(s)));
        };
        Shape out = s;
        switch (kind) {
            case std::uint32_t(LayerKind::conv): {
                if (size < 1 || k < 1 || k > 64 || pad > 64 || k > s.H + 2 * pad || k > s.W + 2 * pad)
                    throw corrupt("does not fit");
                out = {Index(size), s.H + 2 * pad - k + 1, s.W + 2 * pad - k + 1};
                if (std::uint64_t{k} * k * std::uint64_t(s.C) * std::uint64_t(out.H * out.W) >
                    kMaxPatchValues)
                    throw corrupt("needs too large a patch matrix for");
                parameters += std::uint64_t{size} * k * k * std::uint64_t(s.C) + size;
                break;
            }
            case std::uint32_t(LayerKind::relu):
                if (size || k || pad) throw corrupt("is a ReLU with parameters, on");
                break;
            case std::uint32_t(LayerKind::max_pool):
                if (size < 1 || size > s.H || size > s.W || k || pad) throw corrupt("does not fit");
                out = {s.C, s.H / size, s.W / size};
                break;
            case std::uint32_t(LayerKind::dense):
                if (size < 1 || k || pad) throw corrupt("does not fit");
                out = {Index(size), 1, 1};
                parameters += std::uint64_t{size} * std::uint64_t(s.size()) + size;
                break;
            default:
                throw corrupt("is of no kind known (0 conv, 1 relu, 2 max_pool, 3 dense), on");
        }
        if (std::uint64_t(out.size()) > kMaxImageValues) throw corrupt("gives too many values per image for");
        specs.push_back({LayerKind(kind), Index(size), Index(k), Index(pad)});
        s = out;
    }
    check_length(r, parameters);
    Rng unused(0);
    Cnn model(input, specs, unused);
    for (CnnLayer& layer : model.layers) {
        read_matrix(r, layer.W, "the weights");
        read_matrix(r, layer.b, "the biases");
    }
    check_sum(r);
    for (std::size_t l = 0; l < model.layers.size(); ++l)
        check_finite(model.layers[l].W, model.layers[l].b, l + 1, file);
    const Index outputs = model.layers.back().out.size();
    if ((expected_input.C && model.input != expected_input) ||
        (expected_outputs && outputs != expected_outputs))
        throw Error(fmt::format(
            "{}: the network takes images of shape {} and gives {} outputs; {} and {} are "
            "needed here",
            file.string(), to_string(model.input), outputs, to_string(expected_input), expected_outputs));
    return model;
}

ModelKind model_kind(const fs::path& file) {
    const std::string bytes = read_file(file);
    if (starts_with(bytes, kMagic)) return ModelKind::mlp;
    if (starts_with(bytes, kCnnMagic)) return ModelKind::cnn;
    throw Error(fmt::format("{}: not an nnsteps model file (it starts with neither NNSTEPS1 nor NNSTEPC1)",
                            file.string()));
}

}  // namespace nn
