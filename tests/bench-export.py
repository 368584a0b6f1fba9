#!/usr/bin/python3
# bench-export.py: time and peak memory of "rectify-cli export" on a register of 10,000 NCs.
# Not a test. Run with `meson test -C _build --benchmark export -v` or directly:
#   RECTIFY_CLI=_build/src/cli/rectify-cli tests/bench-export.py [--count N] [--runs N]
# Targets: under 2 s and 80 MB peak RSS for 10,000 NCs.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_SECONDS = 2.0
TARGET_MB = 80.0

parser = argparse.ArgumentParser()
parser.add_argument('--count', type=int, default=10000)
parser.add_argument('--runs', type=int, default=3)
args = parser.parse_args()

cli = os.environ.get('RECTIFY_CLI', 'rectify-cli')
env = dict(os.environ, LC_ALL='C.UTF-8')
env.setdefault('RECTIFY_TODAY', '2026-06-15')


def run_measured(argv):
    """Runs argv in a child of its own, so RUSAGE_CHILDREN holds only its peak RSS."""
    code = ('import resource, subprocess, sys, time\n'
            't = time.perf_counter()\n'
            'subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n'
            'print(time.perf_counter() - t, '
            'resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n')
    out = subprocess.run([sys.executable, '-c', code] + argv, env=env, check=True,
                         capture_output=True, text=True, timeout=600).stdout.split()
    return float(out[0]), float(out[1]) / 1024.0


with tempfile.TemporaryDirectory() as tmp:
    reg = os.path.join(tmp, 'bench.rectify')
    plan = os.path.join(tmp, 'plan.xlsx')
    subprocess.run([cli, 'demo', reg, '--count', str(args.count)], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    seconds, peaks = [], []
    for _ in range(args.runs):
        s, mb = run_measured([cli, 'export', reg, plan])
        seconds.append(s)
        peaks.append(mb)
    size_mb = os.path.getsize(plan) / 1e6

print(f'export of {args.count} NCs: median {statistics.median(seconds):.2f} s '
      f'(min {min(seconds):.2f}, max {max(seconds):.2f}), peak RSS {max(peaks):.1f} MB, '
      f'workbook {size_mb:.1f} MB')
ok = statistics.median(seconds) < TARGET_SECONDS and max(peaks) < TARGET_MB
print('within targets' if ok else
      f'OVER TARGET (aim: under {TARGET_SECONDS} s and {TARGET_MB} MB)')
sys.exit(0 if ok else 1)
