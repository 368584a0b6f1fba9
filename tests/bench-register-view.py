#!/usr/bin/env python3
# bench-register-view.py: first frame and peak memory of the register view, for an empty register
# and for 10,000 NCs, with each renderer. Run with `meson test -C _build --benchmark
# register-view -v` (under Xvfb) or directly:
#   RECTIFY_BENCH=_build/tests/bench-register-view tests/bench-register-view.py [--runs N]
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
parser.add_argument('--runs', type=int, default=5)
parser.add_argument('--count', type=int, default=10000)
parser.add_argument('--renderers', default='cairo,gl')
args = parser.parse_args()

bench = os.environ.get('RECTIFY_BENCH', 'bench-register-view')
env = dict(os.environ, GTK_A11Y='none', NO_AT_BRIDGE='1', GSETTINGS_BACKEND='memory')

def measure(path, renderer):
    e = dict(env, GSK_RENDERER=renderer)
    out = subprocess.run([bench, path], env=e, check=True, capture_output=True, text=True,
                         timeout=60).stdout
    m = re.search(r'rows=(\d+) open_ms=([\d.]+) first_frame_ms=([\d.]+) peak_rss_mb=([\d.]+) '
                  r'renderer=(\S+)', out)
    if not m:
        sys.exit('unexpected output: ' + out)
    return int(m[1]), float(m[2]), float(m[3]), float(m[4]), m[5]

with tempfile.TemporaryDirectory() as tmp:
    paths = {}
    for count in (0, args.count):
        paths[count] = os.path.join(tmp, f'{count}.rectify')
        subprocess.run([bench, '--create', paths[count], str(count)], check=True, env=env)

    # The register alone, without a window: rectify_register_open ()
    for count, path in paths.items():
        times = []
        for _ in range(args.runs):
            out = subprocess.run([bench, '--open', path], env=env, check=True,
                                 capture_output=True, text=True, timeout=60).stdout
            m = re.search(r'rows=(\d+) register_open_ms=([\d.]+)', out)
            if not m:
                sys.exit('unexpected output: ' + out)
            assert int(m[1]) == count, f'register has {m[1]} NCs, expected {count}'
            times.append(float(m[2]))
        print(f'register alone {count:>7} NCs: open {statistics.median(times):.1f} ms '
              f'(median of {args.runs})')

    print(f'{"renderer":<18}{"NCs":>7}{"window ms":>10}{"first frame ms":>16}{"peak MB":>10}')
    for renderer in args.renderers.split(','):
        results = {}
        for count, path in paths.items():
            runs = [measure(path, renderer) for _ in range(args.runs)]
            rows = runs[0][0]
            assert rows == count, f'view shows {rows} rows, register has {count}'
            open_ms = statistics.median(r[1] for r in runs)
            frame = statistics.median(r[2] for r in runs)
            peak = max(r[3] for r in runs)
            results[count] = (frame, peak)
            print(f'{runs[0][4]:<18}{count:>7}{open_ms:>10.1f}{frame:>16.1f}{peak:>10.1f}')
        (f0, m0), (f1, m1) = results[0], results[args.count]
        print(f'  {renderer}: first frame ratio {f1 / f0:.2f} (aim <= 1.25), '
              f'memory +{m1 - m0:.1f} MB (aim <= 60 MB)')
