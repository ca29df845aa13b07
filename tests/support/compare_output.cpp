// compare_output: runs a program and compares what it prints with an expected file.
//
//   compare_output [--rel R] [--abs A] [--write] EXPECTED -- PROGRAM [ARGS...]
//
// Lines are compared in order. Within a line, numbers are compared as numbers: equal within a
// relative tolerance R (default 1e-6) or an absolute one A (default 0, so a small number is
// compared as strictly as a large one and only zero equals zero; NaN equals NaN and an infinity
// the same infinity); the text between them must be equal.
// A number written right after "~" in EXPECTED is measured, not computed (a time, a speed, a
// rounding error whose digits depend on the exact operations the compiler emits; the lessons
// print it with nn::measured): the output must have a number there too, also right after "~",
// but its value is not compared, and the spaces that pad it (its width varies) count as one.
// A line of EXPECTED that holds the tag "[address]" (a network address with a port the system
// chose) is compared by its words only, the tag left out: the tag is in EXPECTED only, the program
// prints the bare address (a learner sees no test machinery). The program must exit 0. --write
// stores the program's output as EXPECTED instead (for a maintainer, after checking the output by
// eye), tagging each line that holds an address with a port (http://host:port).
#include <fmt/core.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Token {
    bool is_number;
    std::string text;
    double value;
};

bool starts_number(const std::string& s, std::size_t i) {
    auto digit = [&](std::size_t k) { return k < s.size() && std::isdigit(std::uint8_t(s[k])); };
    if (digit(i)) return true;
    if (s[i] == '-' || s[i] == '+') return digit(i + 1) || (s[i + 1] == '.' && digit(i + 2));
    if (s[i] == '.') return digit(i + 1);
    return false;
}

std::vector<Token> tokenize(const std::string& line) {
    std::vector<Token> out;
    std::string text;
    std::size_t i = 0;
    while (i < line.size()) {
        // A sign only belongs to a number at the start or after a space, an opening bracket or a "~".
        const bool sign_ok = i == 0 || std::string(" ([{=,~").find(line[i - 1]) != std::string::npos;
        if (starts_number(line, i) && (std::isdigit(std::uint8_t(line[i])) || line[i] == '.' || sign_ok)) {
            const char* begin = line.c_str() + i;
            char* end = nullptr;
            const double v = std::strtod(begin, &end);
            if (end != begin) {
                if (!text.empty()) out.push_back({false, text, 0});
                text.clear();
                out.push_back({true, std::string(begin, std::size_t(end - begin)), v});
                i += std::size_t(end - begin);
                continue;
            }
        }
        text += line[i++];
    }
    if (!text.empty()) out.push_back({false, text, 0});
    return out;
}

// Runs of spaces as one.
std::string squeezed(const std::string& text) {
    std::string s;
    for (char c : text)
        if (c != ' ' || s.empty() || s.back() != ' ') s += c;
    return s;
}

// The line's words: every number as '#', runs of spaces as one.
std::string masked(const std::vector<Token>& tokens) {
    std::string s;
    for (const auto& t : tokens) s += t.is_number ? std::string("#") : t.text;
    return squeezed(s);
}

// Whether token k is a measured number: a number right after "~".
bool measured(const std::vector<Token>& tokens, std::size_t k) {
    return tokens[k].is_number && k > 0 && !tokens[k - 1].is_number && tokens[k - 1].text.back() == '~';
}

bool near(double a, double b, double rel, double abs_tol) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b)) return a == b;
    return std::abs(a - b) <= abs_tol || std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b));
}

constexpr std::string_view kAddressTag = "[address]";

// The line without the tag "[address]" and the blanks that end it.
std::string without_tag(std::string line) {
    if (const auto at = line.find(kAddressTag); at != std::string::npos) line.erase(at, kAddressTag.size());
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

// Whether the line shows a network address with a port, such as http://127.0.0.1:8014/.
bool shows_address(const std::string& line) {
    static const std::regex address(R"(://[^ /]+:[0-9]+)");
    return std::regex_search(line, address);
}

// "" when the lines agree, else what differs.
std::string compare_line(const std::string& expected, const std::string& actual, double rel, double abs_tol) {
    const auto e = tokenize(expected), a = tokenize(actual);
    if (expected.find(kAddressTag) != std::string::npos)
        return masked(tokenize(without_tag(expected))) == masked(tokenize(without_tag(actual)))
                   ? ""
                   : "the words of an [address] line differ";
    if (e.size() != a.size()) return "the lines differ";
    for (std::size_t k = 0; k < e.size(); ++k) {
        if (e[k].is_number != a[k].is_number) return "the lines differ";
        if (!e[k].is_number) {
            // The padding beside a measured number follows its width, which varies.
            const bool beside_measured =
                (k + 1 < e.size() && measured(e, k + 1)) || (k > 0 && measured(e, k - 1));
            if (beside_measured ? squeezed(e[k].text) != squeezed(a[k].text) : e[k].text != a[k].text)
                return "the text differs";
        } else if (!measured(e, k) && !near(e[k].value, a[k].value, rel, abs_tol)) {
            return fmt::format("number {} is {}, expected {}", k, a[k].text, e[k].text);
        }
    }
    return "";
}

int run_capture(std::vector<std::string> argv, std::string& output) {
    int fds[2];
    if (pipe(fds) != 0) return -1;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        std::vector<char*> args;
        for (auto& s : argv) args.push_back(s.data());
        args.push_back(nullptr);
        execvp(args[0], args.data());
        std::perror(args[0]);
        _exit(127);
    }
    close(fds[1]);
    char buf[65536];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) output.append(buf, std::size_t(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

}  // namespace

int main(int argc, char** argv) {
    double rel = 1e-6, abs_tol = 0;
    bool write = false;
    std::string expected_file;
    std::vector<std::string> command;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") {
            command.assign(argv + i + 1, argv + argc);
            break;
        }
        if (arg == "--rel" && i + 1 < argc)
            rel = std::atof(argv[++i]);
        else if (arg == "--abs" && i + 1 < argc)
            abs_tol = std::atof(argv[++i]);
        else if (arg == "--write")
            write = true;
        else
            expected_file = arg;
    }
    if (expected_file.empty() || command.empty()) {
        fmt::print(stderr,
                   "usage: compare_output [--rel R] [--abs A] [--write] EXPECTED -- PROGRAM [ARGS...]\n");
        return 2;
    }
    std::string output;
    const int code = run_capture(command, output);
    if (code != 0) {
        fmt::print(stderr, "compare_output: {} exited with {}\n--- its output ---\n{}", command[0], code,
                   output);
        return 1;
    }
    if (write) {
        std::ofstream out(expected_file);
        for (const auto& line : lines_of(output))
            out << line
                << (shows_address(line) && line.find(kAddressTag) == std::string::npos ? "  [address]" : "")
                << '\n';
        fmt::print("wrote {}\n", expected_file);
        return 0;
    }
    std::ifstream in(expected_file);
    if (!in) {
        fmt::print(stderr, "compare_output: cannot read {}\n", expected_file);
        return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const auto expected = lines_of(ss.str()), actual = lines_of(output);
    int differences = 0;
    for (std::size_t k = 0; k < std::max(expected.size(), actual.size()); ++k) {
        const std::string e = k < expected.size() ? expected[k] : "<end of output>";
        const std::string a = k < actual.size() ? actual[k] : "<end of output>";
        const std::string why = (k < expected.size() && k < actual.size()) ? compare_line(e, a, rel, abs_tol)
                                                                           : "one output is longer";
        if (why.empty()) continue;
        if (++differences <= 10)
            fmt::print(stderr, "line {}: {}\n  expected: {}\n  actual:   {}\n", k + 1, why, e, a);
    }
    if (differences) {
        fmt::print(stderr, "{} line(s) differ from {}\n", differences, expected_file);
        return 1;
    }
    fmt::print("output matches {} ({} lines)\n", expected_file, expected.size());
    return 0;
}
