// The checked build only: where in the learner's exercise file an Eigen check failed.
#include <boost/stacktrace.hpp>
#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

#include "nn/checked.hpp"

namespace nn {

// Eigen's accessors are inlined into the learner's function, so the frame's own line is inside
// Eigen; addr2line -i lists the chain of inlined calls, whose outer end is the learner's line.
std::string learner_location() {
    // The program's own path: in popen's shell, /proc/self/exe would be the shell.
    char exe[4096];
    const auto n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return "";
    exe[n] = '\0';
    for (const auto& frame : boost::stacktrace::stacktrace()) {
        const auto address = reinterpret_cast<std::uintptr_t>(frame.address()) - 1;
        char hex[32];
        std::snprintf(hex, sizeof hex, "%#jx", std::uintmax_t(address));
        const std::string command =
            std::string("addr2line -i -C -f -e '") + exe + "' " + hex + " 2>/dev/null";
        FILE* pipe = popen(command.c_str(), "r");
        if (!pipe) return "";
        std::string function, found;
        char line[4096];
        for (int k = 0; std::fgets(line, sizeof line, pipe); ++k) {
            std::string text = line;
            if (!text.empty() && text.back() == '\n') text.pop_back();
            if (k % 2 == 0) {
                function = text;
            } else if (const auto at = text.rfind("/exercises/"); at != std::string::npos) {
                if (const auto space = text.find(' ', at); space != std::string::npos) text.resize(space);
                if (const auto paren = function.find('('); paren != std::string::npos) function.resize(paren);
                found = "at exercises/" + text.substr(at + 11) + " (in " + function + ")";
            }
        }
        pclose(pipe);
        if (!found.empty()) return found;
    }
    return "";
}

}  // namespace nn
