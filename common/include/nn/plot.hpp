// Plots as PNG files, drawn by gnuplot (Debian's gnuplot-nox): line plots (loss curves, error
// curves), scatter plots over coloured decision regions, and surfaces with a path drawn on them.
// Each function writes a gnuplot script with the data inline, runs gnuplot on it, and throws
// nn::Error if gnuplot is missing or fails.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "nn/types.hpp"

namespace nn::plot {

struct Series {
    std::string title;
    std::vector<double> x;
    std::vector<double> y;
    std::string style = "lines";  // "lines", "points", "linespoints"
};

// Where a line plot's legend goes: to the right of the plot area (the default, which narrows it), or
// inside it, boxed, in the corner the data leave free.
enum class Legend { outside_right, top_left, top_right, bottom_left, bottom_right };

struct LinePlot {
    std::string title;
    std::string xlabel;
    std::string ylabel;
    std::vector<Series> series;
    bool log_x = false;
    bool log_y = false;
    Legend legend = Legend::outside_right;
};
void save(const LinePlot& plot, const std::filesystem::path& png);
// The gnuplot script save() runs for `plot` (data inline), for the tests and for debugging.
std::string gnuplot_script(const LinePlot& plot, const std::filesystem::path& png);
// The colour of a line plot's k-th series, "#rrggbb": ten distinct colours, then from the first
// again.
std::string line_colour(std::size_t k);

// Points coloured by class over a grid of predicted classes (the decision regions).
struct RegionPlot {
    std::string title;
    std::string xlabel;
    std::string ylabel;
    std::vector<double> grid_x;  // grid coordinates, ascending
    std::vector<double> grid_y;
    Matrix grid_class;       // (grid_y.size(), grid_x.size()): class at (x, y)
    std::vector<double> px;  // the data points
    std::vector<double> py;
    std::vector<int> pclass;
    std::vector<std::string> class_names;
};
void save(const RegionPlot& plot, const std::filesystem::path& png);

// A surface z(x, y) seen from above as a heat map with contours, and optional paths on it
// (e.g. gradient descent's steps).
struct SurfacePlot {
    std::string title;
    std::string xlabel;
    std::string ylabel;
    std::string zlabel;
    std::vector<double> grid_x;
    std::vector<double> grid_y;
    Matrix z;                   // (grid_y.size(), grid_x.size())
    std::vector<Series> paths;  // drawn on top, in the (x, y) plane
    bool log_z = false;
};
void save(const SurfacePlot& plot, const std::filesystem::path& png);

// Small grayscale images (e.g. MNIST digits) side by side, each with its caption.
struct ImageGrid {
    std::string title;
    int rows = 0;  // each image's size in pixels
    int cols = 0;
    std::vector<std::vector<double>> images;  // row by row, 0 (white) to 1 (black)
    std::vector<std::string> captions;
    int per_row = 8;
    int pixels = 140;  // each image's width on the page (a few large images: more)
};
void save(const ImageGrid& grid, const std::filesystem::path& png);

// A graph in Graphviz's dot language, drawn by Graphviz's `dot` (Debian's graphviz).
struct DotGraph {
    std::string dot;  // "digraph { ... }"
};
void save(const DotGraph& graph, const std::filesystem::path& png);

}  // namespace nn::plot
