#!/usr/bin/env python3
# run-libfuzzer.py FUZZER CORPUS-DIR [libFuzzer options...]
#
# A bounded libFuzzer run for the test suite: the fuzzer works on a temporary copy of the
# repository corpus (which stays untouched); a crash, leak or timeout input is saved to
# crashes/<target>/ in the current (build) folder and its path printed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile

fuzzer, corpus = sys.argv[1], sys.argv[2]
options = sys.argv[3:]
target = os.path.basename(fuzzer)
artifacts = os.path.abspath(os.path.join('crashes', target))
os.makedirs(artifacts, exist_ok=True)

with tempfile.TemporaryDirectory(prefix='rectify-' + target + '-') as tmp:
    work = os.path.join(tmp, 'corpus')
    shutil.copytree(corpus, work)
    cmd = [fuzzer, *options, '-artifact_prefix=' + artifacts + '/', '-print_final_stats=1', work]
    print(' '.join(cmd), flush=True)
    rc = subprocess.call(cmd)

if rc != 0:
    print(f'{target}: libFuzzer exited with {rc}; reproducers in {artifacts}:', flush=True)
    for name in sorted(os.listdir(artifacts)):
        print('  ' + os.path.join(artifacts, name))
sys.exit(rc)
