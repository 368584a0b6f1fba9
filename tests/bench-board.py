#!/usr/bin/env python3
# bench-board.py: the board on an empty register and on 10,000 NCs, with each renderer: time to
# the first frame, the longest frame interval and the longest frame while every column is
# scrolled from top to bottom, and the peak memory. Run with `meson test -C _build --benchmark
# board -v` (under Xvfb) or directly:
#   RECTIFY_BENCH_BOARD=_build/tests/bench-board tests/bench-board.py [--runs N]
#
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument('--runs', type=int, default=1)
parser.add_argument('--count', type=int, default=10000)
parser.add_argument('--renderers', default='cairo,gl')
args = parser.parse_args()

bench = os.environ.get('RECTIFY_BENCH_BOARD', 'bench-board')
env = dict(os.environ, GTK_A11Y='none', NO_AT_BRIDGE='1', GSETTINGS_BACKEND='memory')
PATTERN = (r'ncs=(\d+) first_frame_ms=([\d.]+) frames=(\d+) max_interval_ms=([\d.]+) '
           r'p95_interval_ms=([\d.]+) max_frame_ms=([\d.]+) max_frame_cpu_ms=([\d.]+) '
           r'p95_frame_cpu_ms=([\d.]+) peak_rss_mb=([\d.]+) renderer=(\S+) '
           r'first_frame_cpu_ms=([\d.]+)')


def measure(path, renderer):
    e = dict(env, GSK_RENDERER=renderer)
    out = subprocess.run([bench, path], env=e, check=True, capture_output=True, text=True,
                         timeout=300).stdout
    m = re.search(PATTERN, out)
    if not m:
        sys.exit('unexpected output: ' + out)
    return dict(ncs=int(m[1]), first=float(m[2]), frames=int(m[3]), max_interval=float(m[4]),
                p95=float(m[5]), max_frame=float(m[6]), max_cpu=float(m[7]), p95_cpu=float(m[8]),
                rss=float(m[9]), renderer=m[10], first_cpu=float(m[11]))


with tempfile.TemporaryDirectory() as tmp:
    paths = {}
    for count in (0, args.count):
        paths[count] = os.path.join(tmp, f'{count}.rectify')
        subprocess.run([bench, '--create', paths[count], str(count)], check=True, env=env)

    print(f'{"renderer":<18}{"NCs":>7}{"first frame ms":>16}{"(main cpu)":>12}{"frames":>8}{"max gap ms":>12}'
          f'{"p95 gap ms":>12}{"max frame ms":>14}{"max cpu ms":>12}{"p95 cpu ms":>12}'
          f'{"peak MB":>10}')
    for renderer in args.renderers.split(','):
        results = {}
        for count, path in paths.items():
            runs = [measure(path, renderer) for _ in range(args.runs)]
            assert runs[0]['ncs'] == count, f'board shows {runs[0]["ncs"]} NCs, register has {count}'
            r = dict(first=statistics.median(x['first'] for x in runs),
                     first_cpu=statistics.median(x['first_cpu'] for x in runs),
                     frames=runs[0]['frames'],
                     max_interval=max(x['max_interval'] for x in runs),
                     p95=max(x['p95'] for x in runs),
                     max_frame=max(x['max_frame'] for x in runs),
                     max_cpu=max(x['max_cpu'] for x in runs),
                     p95_cpu=max(x['p95_cpu'] for x in runs),
                     rss=max(x['rss'] for x in runs))
            results[count] = r
            print(f'{runs[0]["renderer"]:<18}{count:>7}{r["first"]:>16.1f}{r["first_cpu"]:>12.1f}{r["frames"]:>8}'
                  f'{r["max_interval"]:>12.1f}{r["p95"]:>12.1f}{r["max_frame"]:>14.1f}'
                  f'{r["max_cpu"]:>12.1f}{r["p95_cpu"]:>12.1f}{r["rss"]:>10.1f}')
        big, empty = results[args.count], results[0]
        print(f'  {renderer}: while scrolling, longest frame {big["max_frame"]:.1f} ms wall / '
              f'{big["max_cpu"]:.1f} ms CPU, 95th percentile {big["p95_cpu"]:.1f} ms CPU '
              f'(aim < 16 ms; wall time includes the 60 Hz pacing and other load on the machine), '
              f'first frame {big["first"] / max(empty["first"], 1):.2f}x the empty register\'s '
              f'(aim <= 1.25x; main thread CPU to it {big["first_cpu"] / max(empty["first_cpu"], 1):.2f}x), '
              f'memory +{big["rss"] - empty["rss"]:.1f} MB (aim <= 100 MB)')
