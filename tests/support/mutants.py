#!/usr/bin/env python3
"""./nn mutants: derive mutants from each exercise's reference (lessons/NN_slug/solution.cpp),
build each against the lesson's exercise tests, and report the survivors.

A mutant is the reference with ONE small edit of the kind a slip or a misconception makes:
an arithmetic, comparison or logical operator swapped, a constant changed, a term or statement
dropped, two arguments or indices swapped, a transpose removed, max for min, a loop bound moved,
a branch removed. All mutants of a lesson are compiled at once (mutant schemata): for each
mutated function f the file build/<preset>/mutants/NN_slug.cpp holds one renamed copy per mutant,
f__m<k>, and f itself first asks which mutant is active (the environment variable NN_MUTANT=k) and
calls that copy. So a lesson is compiled once (target test<NN>_mutant, see cmake/NnLesson.cmake),
and each mutant is one run of the lesson's whole exercise suite through
tests/support/expect_fail.sh. A mutant is KILLED when the suite fails (a check, or an exception, a
crash or a hang, which ./nn check reports as failures too), SURVIVES when every check passes, and
is STILLBORN when its copy does not compile (left out of the file; not counted). A survivor is either killed by a new test case or recorded, with the reason it
cannot be told from a right answer, in lessons/NN_slug/equivalent-mutants.txt:
    <key><TAB><reason>
where <key> is the mutant's key as this tool prints it.

Usage: mutants.py ROOT BUILD [--lesson NN]... [--share K/N] [--jobs J] [--report FILE] [--list]
  --share K/N  only the mutants whose number is K modulo N (a fixed, deterministic share, for CI)
  --report     write the per-exercise table (docs/mutants.md)
  --list       print the mutants without building them
  --jobs J     mutant runs at a time (default: every core, or $NN_MUTANT_JOBS)
Exit status: 1 if a mutant survives that is not recorded as equivalent, else 0.
"""
import argparse, concurrent.futures, hashlib, os, re, resource, signal, subprocess, sys, time

# --------------------------------------------------------------------------- reading the reference
def code_mask(src):
    """For each character: True where it is code (not a comment, string or character literal)."""
    mask = [True] * len(src)
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith('//', i):
            j = src.find('\n', i)
            j = n if j < 0 else j
            for k in range(i, j): mask[k] = False
            i = j
        elif src.startswith('/*', i):
            j = src.find('*/', i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j): mask[k] = False
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == '\\' else 1
            for k in range(i, min(j + 1, n)): mask[k] = False
            i = j + 1
        else:
            i += 1
    return mask

def function_spans(src, mask):
    """(name, body_start, body_end) of each function defined at namespace level."""
    spans, depth, i = [], 0, 0
    ns_depths = set()
    code = ''.join(ch if ok else ' ' for ch, ok in zip(src, mask))
    while i < len(src):
        if not mask[i]:
            i += 1; continue
        c = src[i]
        if c == '{':
            cut = max(code.rfind(';', 0, i), code.rfind('}', 0, i), code.rfind('{', 0, i)) + 1
            while cut < i and (not mask[cut] or src[cut].isspace()):
                cut += 1  # the head starts at its first character of code, after any comment
            head = src[cut:i]
            head_code = re.sub(r'//[^\n]*', '', head)
            if re.search(r'\bnamespace\b', head_code):
                depth += 1; ns_depths.add(depth); i += 1; continue
            if depth in ns_depths or depth == 0:
                m = re.search(r'([A-Za-z_][A-Za-z0-9_:]*)\s*\([^;{}]*\)\s*(const)?\s*(->[^{]*)?$', head_code.strip())
                # find matching brace
                d, j = 0, i
                while j < len(src):
                    if mask[j]:
                        if src[j] == '{': d += 1
                        elif src[j] == '}':
                            d -= 1
                            if d == 0: break
                    j += 1
                if m and not re.search(r'\b(struct|class|enum|union)\b', head_code):
                    head_start = cut
                    spans.append((m.group(1), i + 1, j, head_start))
                i = j + 1; continue
            depth += 1
        elif c == '}':
            ns_depths.discard(depth)
            depth -= 1
        i += 1
    return spans

# --------------------------------------------------------------------------- the mutation operators
BINARY = [  # (regex on code, replacement, kind); the regexes need spaces around the operator
    (r'(?<=\s)\+(?=\s)', '-', 'arithmetic + -> -'),
    (r'(?<=\s)-(?=\s)', '+', 'arithmetic - -> +'),
    (r'(?<=\s)\*(?=\s)', '/', 'arithmetic * -> /'),
    (r'(?<=\s)/(?=\s)', '*', 'arithmetic / -> *'),
    (r'(?<=\s)\+=(?=\s)', '-=', 'compound += -> -='),
    (r'(?<=\s)-=(?=\s)', '+=', 'compound -= -> +='),
    (r'(?<=\s)\*=(?=\s)', '/=', 'compound *= -> /='),
    (r'(?<=\s)/=(?=\s)', '*=', 'compound /= -> *='),
    (r'(?<=\s)<(?=\s)', '<=', 'comparison < -> <='),
    (r'(?<=\s)<=(?=\s)', '<', 'comparison <= -> <'),
    (r'(?<=\s)>(?=\s)', '>=', 'comparison > -> >='),
    (r'(?<=\s)>=(?=\s)', '>', 'comparison >= -> >'),
    (r'(?<=\s)==(?=\s)', '!=', 'comparison == -> !='),
    (r'(?<=\s)!=(?=\s)', '==', 'comparison != -> =='),
    (r'(?<=\s)&&(?=\s)', '||', 'logical && -> ||'),
    (r'(?<=\s)\|\|(?=\s)', '&&', 'logical || -> &&'),
    (r'\bstd::max\b', 'std::min', 'max -> min'),
    (r'\bstd::min\b', 'std::max', 'min -> max'),
    (r'\bmaxCoeff\b', 'minCoeff', 'maxCoeff -> minCoeff'),
    (r'\bminCoeff\b', 'maxCoeff', 'minCoeff -> maxCoeff'),
    (r'\.transpose\(\)', '', 'transpose removed'),
    (r'\bstd::log\(', 'std::log10(', 'log -> log10'),
    (r'\bstd::sqrt\(', '(', 'sqrt removed'),
    (r'\bstd::exp\(', '(', 'exp removed'),
    (r'\bstd::abs\(', '(', 'abs removed'),
    (r'(?<![\w.])-(?=[A-Za-z_(])', '', 'unary minus removed'),
    (r'\bif \(', 'if (false && ', 'branch removed (condition never true)'),
    (r'\bif \(', 'if (true || ', 'branch always taken'),
    (r'\bbreak;', ';', 'break removed'),
    (r'\bcontinue;', ';', 'continue removed'),
]

def constant_mutants(text):
    for m in re.finditer(r'(?<![\w.])(\d+\.\d*(?:e-?\d+)?|\d+(?:e-?\d+)?)(?![\w.])', text):
        v = m.group(1)
        try:
            x = float(v)
        except ValueError:
            continue
        if x == 0:
            reps = ['1']
        elif x == 1:
            reps = ['0', '2']
        elif x == int(x) and 'e' not in v and '.' not in v:
            reps = [str(int(x) + 1), str(int(x) - 1)]
        else:
            reps = [repr(x * 1.5), repr(x / 2)]
        for r in reps:
            yield m.start(1), m.end(1), r, 'constant %s -> %s' % (v, r)

def swap_mutants(text):
    # two simple arguments or indices: f(a, b) -> f(b, a); X(i, j) -> X(j, i)
    for m in re.finditer(r'\(([A-Za-z_][\w.]*(?:\(\))?), ([A-Za-z_][\w.]*(?:\(\))?)\)', text):
        a, b = m.group(1), m.group(2)
        if a != b:
            yield m.start(), m.end(), '(%s, %s)' % (b, a), 'arguments swapped (%s, %s)' % (a, b)

def statement_mutants(line):
    s = line.strip()
    # an assignment statement (not a declaration, not a return): dropped
    if re.match(r'^[A-Za-z_][\w.()\[\], ]*\s*(\+=|-=|\*=|/=|=)\s*[^=].*;$', s) and not re.match(
            r'^(const\s+)?(auto|double|int|float|bool|long|nn::\w+|std::\w+|Eigen::\w+|\w+::\w+)\s+\w', s):
        yield 'statement dropped', re.sub(r'\S.*', ';', line)
    # a term dropped from a sum: "x + y" -> "x"
    for m in re.finditer(r' [+-] [A-Za-z_][\w.]*(\([^()]*\))?(?=[ ;)])', line):
        yield 'term dropped' + m.group(0).rstrip(), line[:m.start()] + line[m.end():]

def forwardable_params(head, name):
    """The parameter names of a function head 'T name(A a, const B& b)', or None."""
    m = re.search(r'\b' + re.escape(name) + r'\s*\((.*)\)\s*(const)?\s*(noexcept)?\s*$', head, re.S)
    if not m:
        return None
    inner, parts, depth, cur = m.group(1), [], 0, ''
    for ch in inner:
        if ch in '(<[{': depth += 1
        elif ch in ')>]}': depth -= 1
        if ch == ',' and depth == 0:
            parts.append(cur); cur = ''
        else:
            cur += ch
    if cur.strip(): parts.append(cur)
    names = []
    for p in parts:
        p = p.split('=')[0].strip()
        if '&&' in p or '...' in p: return None
        w = re.search(r'([A-Za-z_]\w*)\s*$', p)
        if not w or len(p.split()) < 2 and '&' not in p and '*' not in p: return None
        names.append(w.group(1))
    return names

def schemata(src, mutants, lesson):
    """One file with every mutant: per mutated function, renamed copies and a dispatch."""
    by_span = {}
    for k, m in mutants:
        by_span.setdefault(m.span[:3], []).append((k, m))
    lines_of_copy = {}  # k -> (first line, last line) of its copy in the output
    pos = 0
    header = ('#include <cstdlib>\n'
              'namespace { int nn_mutant_id() { static const int id = std::getenv("NN_MUTANT") ? '
              'std::atoi(std::getenv("NN_MUTANT")) : -1; return id; } }\n'
              '#line 1 "lessons/%s/solution.cpp"\n' % lesson)
    out = header
    for (head_start, start, end) in sorted(by_span):
        group = by_span[(head_start, start, end)]
        params = group[0][1].span[3]
        name = group[0][1].function
        out += src[pos:head_start]
        func = src[head_start:end + 1]
        first_line = src.count('\n', 0, head_start)
        for k, m in group:
            lines = func.split('\n')
            lines[m.lineno - first_line] = m.mutated
            copy = '\n'.join(lines)
            hl = start - head_start
            head = re.sub(r'\b' + re.escape(name) + r'(\s*\()', name + '__m%d' % k + r'\1', copy[:hl], count=1)
            copy = head + copy[hl:]
            begin = out.count('\n') + 1
            out += '#line %d\n' % (first_line + 1) + copy + '\n'
            lines_of_copy[k] = (begin, out.count('\n') + 1)
        out += '#line %d\n' % (first_line + 1)
        dispatch = ' switch (nn_mutant_id()) {' + ''.join(
            ' case %d: return %s__m%d(%s);' % (k, name, k, ', '.join(params)) for k, _ in group) + ' default: break; }'
        out += src[head_start:start] + dispatch + src[start:end + 1]
        pos = end + 1
    out += src[pos:]
    return out, lines_of_copy

class Mutant:
    def __init__(self, lesson, function, lineno, kind, original, mutated, occurrence):
        self.lesson, self.function, self.lineno = lesson, function, lineno
        self.kind, self.original, self.mutated = kind, original, mutated
        key_text = '%s|%s|%s|%d' % (function, original.strip(), kind, occurrence)
        self.key = '%s:%s' % (function, hashlib.sha1(key_text.encode()).hexdigest()[:10])

def mutants_of(lesson_dir, lesson):
    src = open(os.path.join(lesson_dir, 'solution.cpp')).read()
    mask = code_mask(src)
    lines = src.split('\n')
    offsets, pos = [], 0
    for l in lines:
        offsets.append(pos); pos += len(l) + 1
    out = []
    for qname, start, end, head_start in function_spans(src, mask):
        name = qname.split('::')[-1]
        params = forwardable_params(src[head_start:start - 1], name)
        if '::' in qname or params is None or 'template' in src[head_start:start]:
            continue  # a member, a template or parameters it cannot forward: not mutated
        first = src.count('\n', 0, start)
        last = src.count('\n', 0, end)
        for ln in range(first, last + 1):
            line = lines[ln]
            if line.strip().startswith('#') or not line.strip():
                continue
            # the code part of the line (no trailing comment), strings masked
            code = ''.join(ch if mask[offsets[ln] + k] else ' ' for k, ch in enumerate(line)) \
                if offsets[ln] + len(line) <= len(mask) else line
            seen = {}
            def add(kind, new_line):
                if new_line == line: return
                seen[kind] = seen.get(kind, 0) + 1
                mu = Mutant(lesson, name, ln, kind, line, new_line, seen[kind])
                mu.span = (head_start, start, end, params)
                out.append(mu)
            for rx, rep, kind in BINARY:
                for m in re.finditer(rx, code):
                    add(kind, line[:m.start()] + rep + line[m.end():])
            for s, e, rep, kind in constant_mutants(code):
                add(kind, line[:s] + rep + line[e:])
            for s, e, rep, kind in swap_mutants(code):
                add(kind, line[:s] + rep + line[e:])
            for kind, new_line in statement_mutants(line if code == line else code):
                if code == line:
                    add(kind, new_line)
    # one mutant per distinct edited source
    unique, texts = [], set()
    for m in out:
        t = (m.lineno, m.mutated)
        if t not in texts:
            texts.add(t); unique.append(m)
    return src, unique

# --------------------------------------------------------------------------- exercises of functions
def exercise_of_functions(lesson_dir):
    hdr = open(os.path.join(lesson_dir, 'exercise.hpp')).read()
    result, current = {}, None
    for line in hdr.split('\n'):
        m = re.search(r'[Ee]xercise (\d+)\.(\d+)', line)
        if m: current = '%s.%s' % (m.group(1), m.group(2))
        d = re.match(r'^\s*[\w:<>,\s&*]+?\b(\w+)\s*\(', line)
        if d and current and not line.strip().startswith('//'):
            result.setdefault(d.group(1), current)
    return result

def equivalents(lesson_dir):
    path = os.path.join(lesson_dir, 'equivalent-mutants.txt')
    eq = {}
    if os.path.exists(path):
        for line in open(path):
            if line.strip() and not line.startswith('#'):
                key, _, reason = line.rstrip('\n').partition('\t')
                eq[key.strip()] = reason.strip()
    return eq

# --------------------------------------------------------------------------- running
def limit_memory():
    # A mutant may ask for a huge allocation (a size mutated into a product of sizes): 4 GiB at most.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))

def run(cmd, timeout, env=None, limited=False):
    """Runs cmd in a session of its own; on a time-out the whole session is killed (not only the
    shell script, which would leave the test program running)."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                         start_new_session=True, preexec_fn=limit_memory if limited else None)
    try:
        out, _ = p.communicate(timeout=timeout)
        return p.returncode, out
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return None, ''

def mutant_env(i):
    """The environment of a run with mutant i active (-1: none). A crash ends the run: a mutant
    that writes past the end of a buffer corrupts the heap, and Boost.Test, which turns a signal
    into an exception, then allocates, aborts in malloc, catches that abort, and so on without end
    (measured: 17 of the 18 time-outs of a whole sweep, each holding a worker for the full
    time-out; the sweep took 720 s with them, 307 s without). Without the catching the run dies of
    the signal at once, which is as much a kill."""
    return dict(os.environ, NN_MUTANT=str(i), NN_NO_PROGRESS='1', BOOST_TEST_CATCH_SYSTEM_ERRORS='no')

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('root'); ap.add_argument('build')
    ap.add_argument('--lesson', action='append', default=[])
    ap.add_argument('--share', default='0/1')
    ap.add_argument('--report')
    ap.add_argument('--list', action='store_true')
    ap.add_argument('--timeout', type=int, default=30)
    ap.add_argument('--jobs', type=int, default=int(os.environ.get('NN_MUTANT_JOBS', os.cpu_count() or 1)),
                    help='mutant runs at a time (default: every core, or $NN_MUTANT_JOBS)')
    a = ap.parse_args()
    k, n = (int(x) for x in a.share.split('/'))
    lessons = sorted(d for d in os.listdir(os.path.join(a.root, 'lessons')) if re.match(r'^\d\d_', d))
    if a.lesson:
        want = {'%02d' % int(x) for x in a.lesson}
        lessons = [d for d in lessons if d[:2] in want]
        if not lessons:
            print('mutants: no such lesson: %s' % ' '.join(a.lesson), file=sys.stderr); return 2
    expect_fail = os.path.join(a.root, 'tests', 'support', 'expect_fail.sh')
    rows, survivors_total, t0 = [], 0, time.time()
    for lesson in lessons:
        nn = lesson[:2]
        ldir = os.path.join(a.root, 'lessons', lesson)
        src, mutants = mutants_of(ldir, nn)
        ex_of = exercise_of_functions(ldir)
        eq = equivalents(ldir)
        chosen = [(i, m) for i, m in enumerate(mutants) if i % n == k]
        stats = {}
        target = os.path.join(a.build, 'mutants', lesson + '.cpp')
        os.makedirs(os.path.dirname(target), exist_ok=True)
        print('lesson %s: %d mutants%s' % (nn, len(mutants), '' if n == 1 else ', %d in share %d/%d' % (len(chosen), k, n)), flush=True)
        exe = os.path.join(a.build, 'tests', 'test%s_mutant' % nn)
        stillborn = set()
        t_build = time.time()
        if not a.list and chosen:
            for attempt in range(8):
                text, copies = schemata(src, [(i, m) for i, m in chosen if i not in stillborn], lesson)
                with open(target, 'w') as f:
                    f.write(text)
                code, log = run(['cmake', '--build', a.build, '--target', 'test%s_mutant' % nn], 1800)
                if code == 0:
                    break
                # gcc names the function of each error: "In function '... f__m17(...)'"
                bad = {int(k) for k in re.findall(r'__m(\d+)\(', log)} - stillborn
                for ln in re.findall(r'mutants/%s\.cpp:(\d+):\d+: error' % re.escape(lesson), log):
                    bad |= {k for k, (b, e) in copies.items() if b <= int(ln) <= e}
                if not bad:
                    print(log[-3000:]); print('mutants: lesson %s: the mutant file does not compile' % nn, file=sys.stderr)
                    return 2
                stillborn |= bad
            else:
                print('mutants: lesson %s: could not compile the mutants' % nn, file=sys.stderr); return 2
        if not a.list and chosen:
            # No mutant active, run exactly as a mutant is (same script, limits and time): it must
            # pass, or a "kill" could be the harness failing, not the tests rejecting the mutant.
            code, log = run(['bash', expect_fail, 'any', exe], a.timeout, mutant_env(-1), limited=True)
            if 'PASSES:' not in log:
                print(log[-3000:]); print('mutants: lesson %s: the tests do not pass with no mutant active' % nn, file=sys.stderr)
                return 2
        # Each mutant is one run of the lesson's test program, independent of the others: they run
        # a.jobs at a time (every core; a mutant that loops holds one worker for its time-out), and
        # their results are read in mutant order, so the report is the same on any number of cores.
        def run_mutant(i):
            return run(['bash', expect_fail, 'any', exe], a.timeout, mutant_env(i), limited=True)
        results = {}
        t_run = time.time()
        if not a.list:
            todo = [i for i, _ in chosen if i not in stillborn]
            with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
                results = dict(zip(todo, pool.map(run_mutant, todo)))
            hung = sum(1 for c, _ in results.values() if c is None)
            print('  built in %.0f s (%d attempt%s), %d runs in %.0f s, %d timed out after %d s' % (
                t_run - t_build, attempt + 1 if chosen else 0, '' if chosen and attempt == 0 else 's',
                len(todo), time.time() - t_run, hung, a.timeout), flush=True)
        for i, m in chosen:
            ex = ex_of.get(m.function, 'helpers')
            st = stats.setdefault(ex, {'made': 0, 'killed': 0, 'equivalent': 0, 'survived': 0, 'stillborn': 0})
            label = '%s #%d %s line %d: %s' % (m.key, i, m.function, m.lineno + 1, m.kind)
            if a.list:
                print('  ' + label + '\n      ' + m.mutated.strip()); continue
            if i in stillborn:
                st['stillborn'] += 1; continue
            st['made'] += 1
            code, log = results[i]
            if 'NO TEST CASE RAN' in log:
                print(log[-3000:]); print('mutants: lesson %s: no test case ran' % nn, file=sys.stderr)
                return 2
            if code is None:  # killed by the time-out: say which, as each one costs its length
                print('  timed out: %s\n      %s\n   -> %s' % (label, m.original.strip(), m.mutated.strip()), flush=True)
            if 'PASSES:' not in log:
                # failed checks, an exception, a crash (with or without a verdict) or a time-out:
                # ./nn check would report each of these to a learner as a failure
                st['killed'] += 1
            elif m.key in eq:
                st['equivalent'] += 1
            else:
                st['survived'] += 1; survivors_total += 1
                print('  SURVIVED %s\n      %s\n   -> %s' % (label, m.original.strip(), m.mutated.strip()), flush=True)
        # the reference again, so the target is never left mutated
        with open(target, 'w') as f:
            f.write(src)
        for ex in sorted(stats):
            s = stats[ex]
            rows.append((nn, ex, s))
            print('  %s: %d made, %d killed, %d equivalent, %d survived (%d did not compile)' % (
                ex, s['made'], s['killed'], s['equivalent'], s['survived'], s['stillborn']), flush=True)
    elapsed = time.time() - t0
    if a.report and not a.list:
        with open(a.report, 'w') as f:
            f.write('# Mutation sweep of the exercises\n\n')
            f.write('Written by `./nn mutants --report` (tests/support/mutants.py): every mutant of each\n'
                    'exercise\'s reference (`solution.cpp`), built against the lesson\'s exercise tests.\n'
                    'Killed: a check fails (or the run hangs or crashes). Equivalent: recorded with its reason\n'
                    'in `lessons/NN_slug/equivalent-mutants.txt`. Mutants that do not compile are not counted.\n\n')
            f.write('%s Time: %.0f s on a 2-core machine.\n\n' % (
                'All mutants.' if n == 1 else 'Share %s of the mutants.' % a.share, elapsed))
            f.write('| lesson | exercise | made | killed | equivalent | survived |\n|---|---|---|---|---|---|\n')
            for nn, ex, s in rows:
                f.write('| %s | %s | %d | %d | %d | %d |\n' % (nn, ex, s['made'], s['killed'], s['equivalent'], s['survived']))
            tot = {x: sum(s[x] for _, _, s in rows) for x in ('made', 'killed', 'equivalent', 'survived')}
            f.write('| all | | %d | %d | %d | %d |\n' % (tot['made'], tot['killed'], tot['equivalent'], tot['survived']))
    if not a.list:
        tot = {x: sum(s[x] for _, _, s in rows) for x in ('made', 'killed', 'equivalent', 'survived')}
        print('%d mutants built: %d killed, %d equivalent, %d survived (%.0f s)' % (
            tot['made'], tot['killed'], tot['equivalent'], tot['survived'], elapsed))
    return 1 if survivors_total else 0

if __name__ == '__main__':
    sys.exit(main())
