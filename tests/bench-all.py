#!/usr/bin/python3
# bench-all.py: the performance figures of issue #9 in one run, for registers of 100, 1,000 and
# 10,000 NCs made by `rectify-cli demo --count N` (and an empty register, the baseline of the
# first frames):
#   - open: rectify_register_open () alone (bench-register-view --open), median;
#   - first frame of the register view and of the board, from the start of the program
#     (bench-register-view, bench-board --hold), median, and the peak memory of the view;
#   - full-text search: median and slowest of a set of queries (bench-core --search);
#   - CAP export: `rectify-cli export`, median time and peak memory;
#   - a fishbone of 200 causes: layout, a frame of the analysis window fitted to the diagram,
#     and the whole diagram at 100 % as an export draws it (bench-fishbone).
# Each figure is shown with the one of the previous run when a results file exists (by default
# BUILD/bench-results.json), so that a regression shows; the new figures replace them.
#
#   build-aux/bench [--runs N] [--counts 100,1000,10000] [--renderer cairo|gl] [--results FILE]
#   meson test -C _build --benchmark all -v
#   RECTIFY_CLI=... RECTIFY_BENCH=... RECTIFY_BENCH_BOARD=... RECTIFY_BENCH_CORE=... \
#     RECTIFY_BENCH_FISHBONE=... tests/bench-all.py [options]
#
# Without a display it runs itself under xvfb-run. Aims (issue #9) for 10,000 NCs: first frame
# within 1.25 times that of an empty register; search under 20 ms; export under 2 s and 80 MB.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser(description='Rectify performance figures')
parser.add_argument('--runs', type=int, default=3, help='runs of each measurement (median)')
parser.add_argument('--counts', default='100,1000,10000', help='register sizes, in NCs')
parser.add_argument('--causes', type=int, default=200, help='causes of the fishbone')
parser.add_argument('--renderer', default='cairo', help='GSK_RENDERER for the first frames')
parser.add_argument('--build-dir', default=None, help='where the programs are (default: '
                    'the environment, else _build beside tests/)')
parser.add_argument('--results', default=None, help='results file (default: '
                    'BUILD/bench-results.json)')
args = parser.parse_args()

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = args.build_dir or os.path.join(top, '_build')


def program(var, rel):
    return os.environ.get(var) or os.path.join(build, rel)


CLI = program('RECTIFY_CLI', 'src/cli/rectify-cli')
VIEW = program('RECTIFY_BENCH', 'tests/bench-register-view')
BOARD = program('RECTIFY_BENCH_BOARD', 'tests/bench-board')
CORE = program('RECTIFY_BENCH_CORE', 'tests/bench-core')
FISHBONE = program('RECTIFY_BENCH_FISHBONE', 'tests/bench-fishbone')
# the build folder of the programs: BUILD/tests/bench-core
BUILD = os.path.dirname(os.path.dirname(CORE))
RESULTS = args.results or os.path.join(BUILD, 'bench-results.json')

for p in (CLI, VIEW, BOARD, CORE, FISHBONE):
    if not os.access(p, os.X_OK):
        sys.exit('%s is not built (ninja -C %s)' % (p, build))

if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
    if shutil.which('xvfb-run') and not os.environ.get('RECTIFY_BENCH_NO_XVFB'):
        env = dict(os.environ, RECTIFY_BENCH_NO_XVFB='1')
        os.execvpe('xvfb-run', ['xvfb-run', '-a', '-s', '-screen 0 1280x800x24',
                                sys.executable] + sys.argv, env)
    sys.exit('no display, and no xvfb-run to make one')

ENV = dict(os.environ, LC_ALL='C.UTF-8', GTK_A11Y='none', NO_AT_BRIDGE='1',
           GSETTINGS_BACKEND='memory', GSK_RENDERER=args.renderer)
ENV.setdefault('RECTIFY_TODAY', '2026-06-15')
ENV.setdefault('GSETTINGS_SCHEMA_DIR', os.path.join(BUILD, 'data'))


def run(argv, pattern, timeout=600):
    out = subprocess.run(argv, env=ENV, check=True, capture_output=True, text=True,
                         timeout=timeout).stdout
    m = re.search(pattern, out)
    if not m:
        sys.exit('unexpected output of %s: %s' % (' '.join(argv), out))
    return m


def timed_child(argv):
    """Wall time (s) and peak RSS (MB) of one run of @argv, in a process of its own."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=ENV, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit('%s failed (%d)' % (' '.join(argv), proc.returncode))
    return seconds, usage.ru_maxrss / 1024.0


def med(values):
    return statistics.median(values)


def measure(path, count, tmp):
    r = {}
    runs = args.runs
    r['open_ms'] = med(float(run([VIEW, '--open', path],
                                 r'register_open_ms=([\d.]+)')[1]) for _ in range(runs))
    view = [run([VIEW, path], r'rows=(\d+) open_ms=[\d.]+ first_frame_ms=([\d.]+) '
                r'peak_rss_mb=([\d.]+) renderer=\S+ first_frame_cpu_ms=([\d.]+)'
                r'(?:\s+fill_frames=\d+ fill_ms=([\d.]+) max_fill_frame_cpu_ms=([\d.]+))?')
            for _ in range(runs)]
    assert int(view[0][1]) == count, 'view shows %s rows, register has %d' % (view[0][1], count)
    r['view_first_frame_ms'] = med(float(m[2]) for m in view)
    r['view_first_frame_cpu_ms'] = med(float(m[4]) for m in view)
    # the frames after the first while the table gets the rest of its rows
    if view[0][5] is not None:
        r['view_fill_ms'] = med(float(m[5]) for m in view)
        r['view_fill_max_frame_cpu_ms'] = max(float(m[6]) for m in view)
    r['view_peak_mb'] = max(float(m[3]) for m in view)
    board = [run([BOARD, path, '--hold', '1'], r'ncs=(\d+) first_frame_ms=([\d.]+) .*'
                 r'first_frame_cpu_ms=([\d.]+)') for _ in range(runs)]
    r['board_first_frame_ms'] = med(float(m[2]) for m in board)
    r['board_first_frame_cpu_ms'] = med(float(m[3]) for m in board)
    if count > 0:
        m = run([CORE, '--search', path], r'search_median_ms=([\d.]+) search_max_ms=([\d.]+)')
        r['search_median_ms'] = float(m[1])
        r['search_max_ms'] = float(m[2])
        plan = os.path.join(tmp, 'plan-%d.xlsx' % count)
        export = [timed_child([CLI, 'export', path, plan]) for _ in range(runs)]
        r['export_s'] = med(s for s, _ in export)
        r['export_peak_mb'] = max(mb for _, mb in export)
    return r


LABELS = [
    ('open_ms', 'open', 'ms'),
    ('view_first_frame_ms', 'register view, first frame', 'ms'),
    ('view_first_frame_cpu_ms', '  main thread CPU to it', 'ms'),
    ('view_fill_ms', '  then all rows after', 'ms'),
    ('view_fill_max_frame_cpu_ms', '  slowest frame of the fill', 'ms'),
    ('view_peak_mb', 'register view, peak memory', 'MB'),
    ('board_first_frame_ms', 'board, first frame', 'ms'),
    ('board_first_frame_cpu_ms', '  main thread CPU to it', 'ms'),
    ('search_median_ms', 'search, median', 'ms'),
    ('search_max_ms', 'search, slowest', 'ms'),
    ('export_s', 'CAP export', 's'),
    ('export_peak_mb', 'CAP export, peak memory', 'MB'),
]


def show(value, previous, unit):
    text = '%10.2f %-2s' % (value, unit) if unit == 's' else '%10.1f %-2s' % (value, unit)
    if previous is None:
        return text
    change = (value - previous) / previous * 100 if previous else 0.0
    flag = '  <- slower' if change > 20 and unit in ('ms', 's') else \
           '  <- more' if change > 20 and unit == 'MB' else ''
    return '%s   (previous %.1f, %+.0f%%)%s' % (text, previous, change, flag)


previous = {}
if os.path.exists(RESULTS):
    with open(RESULTS) as f:
        previous = json.load(f)
    print('previous run: %s (%s)' % (previous.get('date', '?'), RESULTS))
prev_sizes = previous.get('sizes', {})

counts = [int(c) for c in args.counts.split(',')]
results = {'date': datetime.datetime.now().isoformat(timespec='seconds'),
           'renderer': args.renderer, 'runs': args.runs, 'sizes': {}}

with tempfile.TemporaryDirectory(prefix='rectify-bench-') as tmp:
    empty = os.path.join(tmp, 'empty.rectify')
    subprocess.run([VIEW, '--create', empty, '0'], env=ENV, check=True)
    base = measure(empty, 0, tmp)
    results['sizes']['0'] = base
    print('empty register: register view first frame %.1f ms, board first frame %.1f ms'
          % (base['view_first_frame_ms'], base['board_first_frame_ms']))

    for count in counts:
        path = os.path.join(tmp, '%d.rectify' % count)
        subprocess.run([CLI, 'demo', path, '--count', str(count), '--seed', '1'], env=ENV,
                       check=True, stdout=subprocess.DEVNULL)
        r = measure(path, count, tmp)
        results['sizes'][str(count)] = r
        old = prev_sizes.get(str(count), {})
        print('\n%d NCs (register file %.1f MB)' % (count, os.path.getsize(path) / 1e6))
        for key, label, unit in LABELS:
            if key in r:
                print('  %-30s %s' % (label, show(r[key], old.get(key), unit)))
        print('  %-30s %10.2f    (aim <= 1.25 at 10,000)' % (
            'view first frame / empty', r['view_first_frame_ms'] / base['view_first_frame_ms']))
        print('  %-30s %10.2f    (aim <= 1.25 at 10,000)' % (
            'board first frame / empty',
            r['board_first_frame_ms'] / base['board_first_frame_ms']))
        # The main thread's CPU time to the first frame: what the window's work costs, which a
        # busy machine (another build, another program) does not skew as it does the wall time
        print('  %-30s %10.2f    (view), %.2f (board)' % (
            'main thread CPU / empty',
            r['view_first_frame_cpu_ms'] / base['view_first_frame_cpu_ms'],
            r['board_first_frame_cpu_ms'] / base['board_first_frame_cpu_ms']))

out = subprocess.run([FISHBONE, str(args.causes), '20'], env=ENV, check=True, capture_output=True,
                     text=True, timeout=600).stdout
fishbone = {'causes': args.causes}
for name, median_ms in re.findall(r'name=(\w+) median_ms=([\d.]+)', out):
    fishbone[name + '_ms'] = float(median_ms)
results['fishbone'] = fishbone
old = previous.get('fishbone', {})
if old.get('causes') != args.causes:
    old = {}
print('\nfishbone of %d causes (%s)' % (args.causes, re.search(r'diagram=(\S+)', out)[1]))
for key, label in (('layout_ms', 'layout'), ('frame_fit_ms', 'a window frame, fitted'),
                   ('frame_100_ms', 'a window frame, at 100 %'),
                   ('whole_100_ms', 'the whole diagram, at 100 %')):
    if key in fishbone:
        print('  %-30s %s' % (label, show(fishbone[key], old.get(key), 'ms')))

big = results['sizes'].get('10000')
if big:
    aims = [
        ('register view first frame <= 1.25 x empty',
         big['view_first_frame_ms'] <= 1.25 * base['view_first_frame_ms']),
        ('board first frame <= 1.25 x empty',
         big['board_first_frame_ms'] <= 1.25 * base['board_first_frame_ms']),
        ('search under 20 ms', big['search_median_ms'] < 20),
        ('export under 2 s', big['export_s'] < 2),
        ('export under 80 MB', big['export_peak_mb'] < 80),
    ]
    print('\naims at 10,000 NCs: ' + ', '.join(
        '%s %s' % (name, 'met' if ok else 'MISSED') for name, ok in aims))

with open(RESULTS, 'w') as f:
    json.dump(results, f, indent=2)
    f.write('\n')
print('results written to %s' % RESULTS)
