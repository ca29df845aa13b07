#include "nn/print.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

namespace nn {

void not_implemented(const std::string& exercise) {
    throw NotImplemented(fmt::format("not implemented yet: exercise {} — run ./nn hint {}", exercise,
                                     exercise.substr(0, exercise.find('.'))));
}

bool matches(double computed, SlideValue slide) {
    const double half_unit = 0.5 * std::pow(10.0, -slide.decimals);
    // A tiny allowance so that 0.125 shown as 0.13 is not lost to binary rounding.
    return std::abs(computed - slide.value) <= half_unit * (1 + 1e-9);
}

std::string format_number(double value, int decimals, int min_decimals) {
    if (!std::isfinite(value)) return fmt::format("{}", value);
    // A double carries about 17 significant digits; decimals beyond them are noise.
    const int magnitude = value == 0 ? 0 : int(std::floor(std::log10(std::abs(value))));
    decimals = std::clamp(decimals, 0, std::max(0, 16 - magnitude));
    std::string s = fmt::format("{:.{}f}", value, decimals);
    if (decimals > min_decimals) {
        const auto point = s.find('.');
        std::size_t keep = point + 1 + std::size_t(min_decimals);
        std::size_t end = s.find_last_not_of('0');
        end = std::max(end, keep - 1);
        s.erase(end + 1);
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::string format_matrix(const Matrix& M, int decimals) {
    std::vector<std::string> cells(std::size_t(M.size()));
    std::size_t width = 1;
    for (Index i = 0; i < M.rows(); ++i)
        for (Index j = 0; j < M.cols(); ++j) {
            auto& cell = cells[std::size_t(i * M.cols() + j)];
            cell = format_number(M(i, j), decimals);
            width = std::max(width, cell.size());
        }
    std::string out = "[";
    for (Index i = 0; i < M.rows(); ++i) {
        out += i == 0 ? "[" : " [";
        for (Index j = 0; j < M.cols(); ++j) {
            out += fmt::format("{:>{}}", cells[std::size_t(i * M.cols() + j)], width);
            if (j + 1 < M.cols()) out += ", ";
        }
        out += i + 1 < M.rows() ? "],\n" : "]";
    }
    return out + "]";
}

void print_matrix(std::string_view name, const Matrix& M, int decimals) {
    const std::string body = format_matrix(M, decimals);
    const std::string label = fmt::format("{} ({}x{}) = ", name, M.rows(), M.cols());
    const std::string indent(display_width(label), ' ');
    std::string out = label;
    for (char c : body) {
        out += c;
        if (c == '\n') out += indent;
    }
    fmt::print("{}\n", out);
}

void heading(std::string_view title) { fmt::print("\n== {} ==\n", title); }

SlideTable::SlideTable(std::string quantity_header) : header_(std::move(quantity_header)) {}

void SlideTable::row(std::string quantity, double computed, SlideValue slide, std::string note,
                     int extra_decimals) {
    const bool ok = matches(computed, slide);
    text_row(std::move(quantity), format_number(computed, slide.decimals + extra_decimals, slide.decimals),
             format_number(slide.value, slide.decimals, slide.decimals), ok, std::move(note));
}

void SlideTable::near_row(std::string quantity, double computed, double slide, double tolerance, int decimals,
                          std::string note) {
    const bool ok = std::abs(computed - slide) <= tolerance;  // NaN never passes
    const std::string within = fmt::format("within {}", tolerance);
    if (ok) note = note.empty() ? within : within + "; " + note;
    text_row(std::move(quantity), fmt::format("{:.{}f}", computed, decimals), fmt::format("≈ {}", slide), ok,
             std::move(note));
}

void SlideTable::text_row(std::string quantity, std::string computed, std::string slide, bool ok,
                          std::string note) {
    std::string check;
    if (ok)
        check = note.empty() ? "ok" : "ok: " + note;
    else if (note.empty())
        check = "MISMATCH";  // a bug in the lesson or an unexplained slide error
    else
        check = "differs: " + note;
    if (!ok && note.empty()) all_match_ = false;
    rows_.push_back({std::move(quantity), std::move(computed), std::move(slide), std::move(check)});
}

void SlideTable::print() const {
    std::vector<std::vector<std::string>> cells;
    for (const auto& r : rows_) cells.push_back({r.quantity, r.computed, r.slide, r.check});
    print_table({header_, "computed", "slide", "check"}, cells, "lrrl");
}

// Columns on a terminal: one per UTF-8 character (σ, ′, −, · take one column, not 2-3 bytes).
std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string pad(std::string_view s, std::size_t width, bool left) {
    const std::string fill(width > display_width(s) ? width - display_width(s) : 0, ' ');
    return left ? std::string(s) + fill : fill + std::string(s);
}

void print_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                 std::string_view align) {
    std::vector<std::size_t> width(header.size());
    auto measure = [&](const std::vector<std::string>& r) {
        for (std::size_t c = 0; c < r.size() && c < width.size(); ++c)
            width[c] = std::max(width[c], display_width(r[c]));
    };
    measure(header);
    for (const auto& r : rows) measure(r);
    auto left = [&](std::size_t c) { return c < align.size() ? align[c] == 'l' : c == 0; };
    auto print_row = [&](const std::vector<std::string>& r) {
        std::string line;
        for (std::size_t c = 0; c < r.size() && c < width.size(); ++c) {
            line += pad(r[c], width[c], left(c));
            line += "  ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        fmt::print("{}\n", line);
    };
    print_row(header);
    // The rule spans the columns, but a long note in the last column does not stretch it past
    // a terminal's 80 columns.
    std::size_t total = 0;
    for (std::size_t c = 0; c < width.size(); ++c) total += width[c] + 2;
    total = std::max(std::min(total - 2, std::size_t{80}), total - 2 - width.back());
    fmt::print("{}\n", std::string(total, '-'));
    for (const auto& r : rows) print_row(r);
}

}  // namespace nn
