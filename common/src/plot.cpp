#include "nn/plot.hpp"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

namespace nn::plot {

namespace fs = std::filesystem;

namespace {

// gnuplot's double-quoted strings take backslash escapes.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// Single-quoted for file names: a ' is written twice.
std::string path_quoted(const fs::path& p) {
    std::string out = "'";
    for (char c : p.string()) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

std::string number(double v) { return std::isfinite(v) ? fmt::format("{:.9g}", v) : "NaN"; }

// Colours for classes: light ones for regions, strong ones for points and lines.
const char* const kLight[] = {"#f4c7c3", "#c6e2c3", "#c3d4f4", "#f4e8c3", "#e2c3f4"};
const char* const kStrong[] = {"#c0392b", "#27ae60", "#2e5fc0", "#d4a017", "#8e44ad"};
// A line plot's series: the strong colours, then five more as different from them and from each other.
const char* const kLines[] = {"#c0392b", "#27ae60", "#2e5fc0", "#d4a017", "#8e44ad",
                              "#17becf", "#8c564b", "#e377c2", "#000000", "#7f7f7f"};

std::string preamble(const fs::path& png, const std::string& title, const std::string& xlabel,
                     const std::string& ylabel) {
    return fmt::format(
        "set terminal pngcairo size 900,600 enhanced font 'sans,11'\n"
        "set output {}\nset title {}\nset xlabel {}\nset ylabel {}\n"
        "set grid lc rgb '#dddddd'\nset key outside right top\n",
        path_quoted(png), quoted(title), quoted(xlabel), quoted(ylabel));
}

std::string datablock(const std::string& name, const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size())
        throw std::invalid_argument(
            fmt::format("plot: series {} has {} x and {} y values", name, x.size(), y.size()));
    std::string s = "$" + name + " << EOD\n";
    for (std::size_t i = 0; i < x.size(); ++i) s += number(x[i]) + " " + number(y[i]) + "\n";
    return s + "EOD\n";
}

std::string grid_block(const std::string& name, const std::vector<double>& gx, const std::vector<double>& gy,
                       const Matrix& z) {
    if (z.rows() != std::ssize(gy) || z.cols() != std::ssize(gx))
        throw std::invalid_argument(fmt::format("plot: grid of {}x{} values for {} y by {} x points",
                                                z.rows(), z.cols(), gy.size(), gx.size()));
    std::string s = "$" + name + " << EOD\n";
    for (std::size_t i = 0; i < gy.size(); ++i) {
        for (std::size_t j = 0; j < gx.size(); ++j)
            s += number(gx[j]) + " " + number(gy[i]) + " " + number(z(Index(i), Index(j))) + "\n";
        s += "\n";  // a blank line ends a scan line
    }
    return s + "EOD\n";
}

// Runs a drawing program (gnuplot or dot) on a script written next to the PNG; its messages go
// to a file that is shown if it fails. `env_override` names a variable that can replace the
// program (the tests use it to simulate a missing one).
void run_drawing_program(const std::string& default_program, const char* env_override,
                         std::vector<std::string> args, const std::string& script, const fs::path& png,
                         const char* package) {
    if (!png.parent_path().empty()) fs::create_directories(png.parent_path());
    const fs::path script_file = fs::path(png).replace_extension(".script");
    const fs::path log_file = fs::path(png).replace_extension(".log");
    {
        std::ofstream out(script_file);
        out << script;
        if (!out) throw Error(fmt::format("{}: cannot write the plot script", script_file.string()));
    }
    const char* env = std::getenv(env_override);
    const std::string program = env && *env ? env : default_program;
    args.insert(args.begin(), program);
    args.push_back(script_file.string());
    const pid_t pid = fork();
    if (pid < 0) throw Error(fmt::format("plot: cannot start {} (fork failed)", program));
    if (pid == 0) {
        std::FILE* log = std::fopen(log_file.c_str(), "w");
        if (log) {
            dup2(fileno(log), STDERR_FILENO);
            dup2(fileno(log), STDOUT_FILENO);
        }
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::string log_text;
    {
        std::ifstream in(log_file);
        log_text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (code == 127)
        throw Error(
            fmt::format("plot: '{}' was not found; install Debian's {} "
                        "(./nn does this) or run the lesson with --no-plots",
                        program, package));
    if (code != 0 || !fs::exists(png) || fs::file_size(png) == 0)
        throw Error(fmt::format("plot: {} failed on {} (exit {}):\n{}", program, script_file.string(), code,
                                log_text));
    fs::remove(log_file);
    fs::remove(script_file);
}

void run_gnuplot(const std::string& script, const fs::path& png) {
    run_drawing_program("gnuplot", "NN_GNUPLOT", {}, script, png, "gnuplot-nox");
}

std::string key_of(Legend legend) {
    switch (legend) {
        case Legend::outside_right:
            break;
        case Legend::top_left:
            return "set key inside left top box opaque\n";
        case Legend::top_right:
            return "set key inside right top box opaque\n";
        case Legend::bottom_left:
            return "set key inside left bottom box opaque\n";
        case Legend::bottom_right:
            return "set key inside right bottom box opaque\n";
    }
    return "";  // the preamble's "outside right top"
}

std::string style_of(const Series& s, std::size_t k) {
    const std::string colour = line_colour(k);
    if (s.style == "points") return fmt::format("with points pt 7 ps 0.8 lc rgb '{}'", colour);
    if (s.style == "linespoints") return fmt::format("with linespoints pt 7 ps 0.6 lw 2 lc rgb '{}'", colour);
    return fmt::format("with lines lw 2 lc rgb '{}'", colour);
}

}  // namespace

std::string line_colour(std::size_t k) { return kLines[k % std::size(kLines)]; }

std::string gnuplot_script(const LinePlot& plot, const fs::path& png) {
    std::string script = preamble(png, plot.title, plot.xlabel, plot.ylabel) + key_of(plot.legend);
    if (plot.log_x) script += "set logscale x\nset format x '10^{%L}'\n";
    if (plot.log_y) script += "set logscale y\nset format y '10^{%L}'\n";
    std::string cmd = "plot ";
    for (std::size_t k = 0; k < plot.series.size(); ++k) {
        const auto& s = plot.series[k];
        const std::string name = fmt::format("s{}", k);
        script += datablock(name, s.x, s.y);
        cmd +=
            fmt::format("{}${} using 1:2 {} title {}", k ? ", " : "", name, style_of(s, k), quoted(s.title));
    }
    return script + cmd + "\n";
}

void save(const LinePlot& plot, const fs::path& png) { run_gnuplot(gnuplot_script(plot, png), png); }

void save(const RegionPlot& plot, const fs::path& png) {
    std::string script = preamble(png, plot.title, plot.xlabel, plot.ylabel);
    const std::size_t classes = plot.class_names.size();
    // Regions: each grid cell painted in its class's light colour (rgbimage takes r g b 0-255).
    Matrix rgb_index = plot.grid_class;
    script += grid_block("grid", plot.grid_x, plot.grid_y, rgb_index);
    std::string palette = "set palette defined (";
    for (std::size_t c = 0; c < classes; ++c)
        palette += fmt::format("{}{} '{}'", c ? ", " : "", c, kLight[c % 5]);
    script += palette + ")\nset cbrange [-0.5:" + number(double(classes) - 0.5) +
              "]\nunset colorbox\nset palette maxcolors " + std::to_string(classes) + "\n";
    script +=
        fmt::format("set xrange [{}:{}]\nset yrange [{}:{}]\n", number(plot.grid_x.front()),
                    number(plot.grid_x.back()), number(plot.grid_y.front()), number(plot.grid_y.back()));
    std::string cmd = "plot $grid using 1:2:3 with image notitle";
    for (std::size_t c = 0; c < classes; ++c) {
        std::vector<double> x, y;
        for (std::size_t i = 0; i < plot.px.size(); ++i)
            if (plot.pclass[i] == int(c)) {
                x.push_back(plot.px[i]);
                y.push_back(plot.py[i]);
            }
        const std::string name = fmt::format("p{}", c);
        script += datablock(name, x, y);
        cmd += fmt::format(", ${} using 1:2 with points pt 7 ps 1.6 lc rgb '{}' title {}", name,
                           kStrong[c % 5], quoted(plot.class_names[c]));
    }
    run_gnuplot(script + cmd + "\n", png);
}

void save(const SurfacePlot& plot, const fs::path& png) {
    std::string script = preamble(png, plot.title, plot.xlabel, plot.ylabel);
    Matrix z = plot.z;
    if (plot.log_z) z = z.array().max(1e-300).log10().matrix();
    script += grid_block("grid", plot.grid_x, plot.grid_y, z);
    // Contour lines are computed by gnuplot into a datablock, then drawn over the heat map.
    script +=
        "set contour base\nset cntrparam levels 14\nunset surface\nset table $contours\n"
        "splot $grid using 1:2:3 with lines\nunset table\nunset contour\nset surface\n";
    script += fmt::format("set palette rgb 33,13,10\nset cblabel {}\n",
                          quoted(plot.log_z ? "log10 " + plot.zlabel : plot.zlabel));
    script +=
        fmt::format("set xrange [{}:{}]\nset yrange [{}:{}]\n", number(plot.grid_x.front()),
                    number(plot.grid_x.back()), number(plot.grid_y.front()), number(plot.grid_y.back()));
    std::string cmd =
        "plot $grid using 1:2:3 with image notitle, "
        "$contours using 1:2 with lines lc rgb '#ffffff' lw 0.6 notitle";
    for (std::size_t k = 0; k < plot.paths.size(); ++k) {
        const auto& s = plot.paths[k];
        const std::string name = fmt::format("path{}", k);
        script += datablock(name, s.x, s.y);
        cmd += fmt::format(", ${} using 1:2 with linespoints pt 7 ps 0.5 lw 2 lc rgb '{}' title {}", name,
                           k == 0 ? "#000000" : kStrong[(k - 1) % 5], quoted(s.title));
    }
    run_gnuplot(script + cmd + "\n", png);
}

void save(const ImageGrid& grid, const fs::path& png) {
    const int n = int(grid.images.size());
    if (n == 0) throw std::invalid_argument("plot: an image grid needs at least one image");
    if (grid.pixels < 16 || grid.pixels > 2000)
        throw std::invalid_argument("plot: an image grid's images must be 16 to 2000 pixels wide");
    const int across = std::min(n, grid.per_row), down = (n + across - 1) / across;
    std::string script = fmt::format(
        "set terminal pngcairo size {},{} enhanced font 'sans,10'\nset output {}\n"
        "set palette gray negative\nunset colorbox\nunset key\nunset tics\nunset border\n"
        "set size ratio -1\nset multiplot layout {},{} title {}\n",
        // wide enough for the title too (about 8 pixels a character at this font)
        std::max(grid.pixels * across, 8 * int(grid.title.size()) + 40), (grid.pixels + 10) * down + 40,
        path_quoted(png), down, across, quoted(grid.title));
    for (int k = 0; k < n; ++k) {
        const auto& img = grid.images[std::size_t(k)];
        if (int(img.size()) != grid.rows * grid.cols)
            throw std::invalid_argument("plot: an image of the wrong size in the grid");
        std::string block = fmt::format("$img{} << EOD\n", k);
        for (int r = 0; r < grid.rows; ++r) {
            for (int c = 0; c < grid.cols; ++c)
                block += fmt::format("{} {} {}\n", c, grid.rows - 1 - r,
                                     number(img[std::size_t(r * grid.cols + c)]));
            block += "\n";
        }
        script += block + "EOD\n";
        script += fmt::format("set title {}\nplot $img{} using 1:2:3 with image\n",
                              quoted(k < int(grid.captions.size()) ? grid.captions[std::size_t(k)] : ""), k);
    }
    run_gnuplot(script + "unset multiplot\n", png);
}

void save(const DotGraph& graph, const fs::path& png) {
    run_drawing_program("dot", "NN_DOT", {"-Tpng", "-Gdpi=110", "-o", png.string()}, graph.dot, png,
                        "graphviz");
}

}  // namespace nn::plot
