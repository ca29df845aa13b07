#!/usr/bin/env bash
# Every value of a slide is defined once (lessons/NN_*/slide.hpp) and used: each name declared in
# namespace slide (a variable, a function, a struct) must appear as slide::<name> in some file of
# its lesson other than slide.hpp (the printout, the tests), or for a type, be the type of another
# slide value. A name nobody uses is a slide value
# re-typed by hand somewhere, or dead.
#   slide_names.sh ROOT      fail, naming lesson and name, for every unused name (a CTest test)
set -u
root=$1
status=0 names=0
# The names declared at the top level of namespace ...slide { ... }: comments dropped, nested
# blocks (bodies, initialisers) and template arguments collapsed, then one declaration at a time.
declared_names() {
    awk '
        { sub(/\/\/.*/, ""); text = text $0 " " }
        END {
            depth = 0; inside = 0; top = ""; n = length(text)
            for (i = 1; i <= n; i++) {
                c = substr(text, i, 1)
                if (c == "{") {
                    if (!inside && substr(text, 1, i) ~ /namespace[ \t]+[A-Za-z0-9_:]*slide[ \t]*\{$/) {
                        inside = 1; depth = 0; top = ""; continue
                    }
                    if (inside && depth == 0) top = top "{}"
                    depth++
                } else if (c == "}") {
                    depth--
                    if (inside && depth < 0) { inside = 0; print_names(top); top = "" }
                } else if (inside && depth == 0) top = top c
            }
        }
        function print_names(s,    stmts, k, m, st, head, decl, parts, p, q, name) {
            while (gsub(/<[^<>]*>/, "", s)) {}             # template arguments
            gsub(/\)[ \t]*(const|noexcept)?[ \t]*\{\}/, ");", s)  # a function body ends a declaration
            gsub(/\[[^]]*\]/, "", s)                         # array bounds
            m = split(s, stmts, ";")
            for (k = 1; k <= m; k++) {
                st = stmts[k]
                gsub(/^[ \t]+|[ \t]+$/, "", st)
                if (st == "" || st ~ /^(using namespace|namespace|static_assert)/) continue
                if (st ~ /^(struct|class|enum|union)[ \t]/) {
                    sub(/^enum[ \t]+(class|struct)[ \t]+/, "enum ", st)
                    split(st, parts, /[ \t{:]+/); print parts[2], "type"; continue
                }
                if (st ~ /^using[ \t]/) { split(st, parts, /[ \t=]+/); print parts[2], "type"; continue }
                head = st; sub(/=.*/, "", head)
                if (head ~ /\(/) {                            # a function: the name before "("
                    sub(/[ \t]*\(.*/, "", head); sub(/.*[^A-Za-z0-9_]/, "", head); print head; continue
                }
                decl = st
                while (gsub(/\([^()]*\)/, "", decl)) {}        # calls in initialisers
                gsub(/\{\}/, "", decl)
                q = split(decl, parts, ",")
                for (p = 1; p <= q; p++) {
                    name = parts[p]; sub(/=.*/, "", name); gsub(/[ \t]+$/, "", name)
                    sub(/.*[^A-Za-z0-9_]/, "", name)
                    if (name != "") print name
                }
            }
        }' "$1"
}
for slide in "$root"/lessons/[0-9][0-9]_*/slide.hpp; do
    lesson=$(dirname "$slide")
    nn=$(basename "$lesson"); nn=${nn%%_*}
    while read -r name kind; do
        names=$((names + 1))
        # A type is used when another slide value is of that type (slide::attend of AttendRow).
        if [[ $kind == type ]] && (($(sed 's|//.*||' "$slide" | grep -cwF "$name") > 1)); then continue; fi
        if ! grep -rqE --exclude=slide.hpp "slide::${name}([^A-Za-z0-9_]|\$)" "$lesson"; then
            echo "lesson $nn: slide::$name is declared in slide.hpp but used by no other file of the lesson"
            status=1
        fi
    done < <(declared_names "$slide")
done
echo "$names slide names checked, $([[ $status -eq 0 ]] && echo 0 || echo some) unused"
exit $status
