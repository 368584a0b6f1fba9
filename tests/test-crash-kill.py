#!/usr/bin/python3
# test-crash-kill.py
#
# Copyright 2026 The Rectify authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Crash safety (issue #9): writers are killed with SIGKILL at random moments, many times over, on
# one register that lives on from kill to kill. The writers are the real rectify-cli (`import` of
# a large findings file, chains of `move`, `demo`), a long-lived writer that edits through the
# core API as the app does (tests/crash-writer.c) and the app's editor itself in a window
# (tests/crash-editor.c, when there is a display). After every kill:
#   - `rectify-cli verify` passes (integrity, foreign keys, history hash chain);
#   - every change the writer reported as done is in the register (a `move` or `import` that
#     exited 0, a "saved" line of a writer);
#   - the change in flight is all there or not there at all (an import, a batch of edits).
#
# The app itself, told to stop as at a logout (SIGTERM), closes its windows (which saves an edit
# still waiting for the pause after typing) and the register.
#
# Environment: RECTIFY_CLI, RECTIFY_CRASH_WRITER, RECTIFY_CRASH_EDITOR (the helper programs),
# RECTIFY_APP (the app);
# RECTIFY_CRASH_SEED replays a run (the seed is printed); RECTIFY_CRASH_ROUNDS the number of kills.

import csv
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

CLI = os.environ.get('RECTIFY_CLI')
WRITER = os.environ.get('RECTIFY_CRASH_WRITER')
EDITOR = os.environ.get('RECTIFY_CRASH_EDITOR')
APP = os.environ.get('RECTIFY_APP')
SEED = int(os.environ.get('RECTIFY_CRASH_SEED', '0')) or random.SystemRandom().randrange(1, 2**31)
ROUNDS = int(os.environ.get('RECTIFY_CRASH_ROUNDS', '26'))
# the app's editor takes a second or more to start: a few of its rounds
EDITOR_ROUNDS = 3
ENV = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
os.environ.setdefault('RECTIFY_TODAY', '2026-06-15')

STATUSES = ['reported', 'analysis', 'action-planned', 'awaiting-approval', 'implementation',
            'verification', 'closed']
IMPORT_ROWS = 1200


def run(*args, timeout=120):
    proc = subprocess.run([CLI] + [str(a) for a in args], env=ENV, capture_output=True,
                          timeout=timeout)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8', 'replace')


def start(argv, stdout=subprocess.PIPE):
    # stderr to a file: a program may leave a helper behind that holds a pipe open
    err = tempfile.TemporaryFile()
    proc = subprocess.Popen([str(a) for a in argv], env=ENV, stdout=stdout, stderr=err)
    proc.errfile = err
    return proc


def finish(proc):
    """The output and error output of a program that has ended; closes its files."""
    out = ''
    if proc.stdout is not None:
        out = proc.stdout.read().decode('utf-8', 'replace')
        proc.stdout.close()
    proc.errfile.seek(0)
    err = proc.errfile.read().decode('utf-8', 'replace')
    proc.errfile.close()
    return out, err


def kill_after(proc, delay):
    """Waits up to @delay seconds for @proc, then kills it with SIGKILL. Returns the exit
    status: the program's own when it finished first, -SIGKILL when it was killed."""
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    return proc.returncode


def write_findings(path, batch):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['Finding No', 'Nonconformity', 'Control', 'Severity', 'Date', 'Evidence',
                    'Area'])
        for i in range(IMPORT_ROWS):
            w.writerow(['B%d-%04d' % (batch, i),
                        'Batch %d finding %d: access reviews were not done for system %d'
                        % (batch, i, i % 37),
                        'A.5.%d' % (15 + i % 4), 'Minor' if i % 5 else 'Major', '2026-03-%02d'
                        % (1 + i % 28), 'Sample %d of 40 had no review record' % i, 'IT'])


def complete_lines(data):
    """The complete (newline-terminated) lines of a writer's output, split on tabs."""
    text = data.decode('utf-8', 'replace')
    if not text.endswith('\n'):
        text = text[:text.rfind('\n') + 1]
    return [line.split('\t') for line in text.splitlines()]


@unittest.skipIf(not CLI, 'RECTIFY_CLI is not set')
class CrashKillTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        print('RECTIFY_CRASH_SEED=%d' % SEED, file=sys.stderr)
        cls.rng = random.Random(SEED)
        cls.tmp = tempfile.mkdtemp(prefix='rectify-crash-')
        cls.reg = os.path.join(cls.tmp, 'register.rectify')
        rc, out, err = run('demo', cls.reg, '--count', 300, '--seed', 3)
        if rc != 0:
            raise AssertionError('demo failed: %s' % err)
        cls.timings = {}
        cls.kills = {}
        cls.batch = 0

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)
        print('kills: %s' % ', '.join('%s %d' % kv for kv in sorted(cls.kills.items())),
              file=sys.stderr)

    # Helpers

    def ncs(self, path=None):
        rc, out, err = run('list', path or self.reg, '--format', 'json')
        self.assertEqual(rc, 0, err)
        return {nc['ref']: nc for nc in json.loads(out)}

    def assert_verifies(self, path=None, what=''):
        rc, out, err = run('verify', path or self.reg)
        self.assertEqual(rc, 0, 'verify failed after a kill (%s, seed %d): %s%s'
                         % (what, SEED, out, err))

    def delay(self, kind):
        """A random moment within the usual duration of @kind (measured on its first run)."""
        return self.rng.uniform(0, 1.2 * self.timings[kind])

    def run_or_kill(self, kind, proc):
        """The first run of @kind is left to finish, to see how long it takes; later runs are
        killed at a random moment within that time."""
        if kind in self.timings:
            return kill_after(proc, self.delay(kind))
        t0 = time.monotonic()
        proc.wait()
        self.timings[kind] = time.monotonic() - t0
        return proc.returncode

    def count_kill(self, kind, rc):
        if rc == -signal.SIGKILL:
            self.kills[kind] = self.kills.get(kind, 0) + 1

    # Rounds

    def round_import(self):
        self.__class__.batch += 1
        batch = self.batch
        findings = os.path.join(self.tmp, 'findings-%d.csv' % batch)
        write_findings(findings, batch)
        audit = 'Crash batch %d' % batch
        before = self.ncs()

        proc = start([CLI, 'import', self.reg, findings, '--audit', audit])
        rc = self.run_or_kill('import', proc)
        self.count_kill('import', rc)
        out, err = finish(proc)
        self.assertIn(rc, (0, -signal.SIGKILL), err)

        self.assert_verifies(what='import')
        after = self.ncs()
        imported = [nc for nc in after.values() if nc['audit'] == audit]
        if rc == 0:
            self.assertEqual(len(imported), IMPORT_ROWS)
        else:
            # all or nothing
            self.assertIn(len(imported), (0, IMPORT_ROWS))
        for ref, nc in before.items():
            self.assertEqual(after[ref], nc, 'an import changed %s' % ref)
        os.unlink(findings)

    def round_moves(self):
        ncs = self.ncs()
        # the NCs of the demo data that are past analysis can go back and forth
        pool = sorted(ref for ref, nc in ncs.items() if nc['status'] != 'reported')
        status = {ref: ncs[ref]['status'] for ref in pool}
        in_flight = None
        n_moves = self.rng.randint(3, 8)
        kill_at = self.rng.randrange(n_moves)

        for i in range(n_moves):
            ref = self.rng.choice(pool)
            k = STATUSES.index(status[ref])
            to = STATUSES[k + self.rng.choice([-1, 1]) if 0 < k < len(STATUSES) - 1
                          else (1 if k == 0 else k - 1)]
            proc = start([CLI, 'move', self.reg, ref, to])
            if i != kill_at:
                rc = proc.wait()
                out, err = finish(proc)
                self.assertIn(rc, (0, 3), err)
                if rc == 0:
                    self.assertEqual(out, '%s: %s -> %s\n' % (ref, status[ref], to))
                    status[ref] = to
                continue
            rc = self.run_or_kill('move', proc)
            finish(proc)
            self.count_kill('move', rc)
            if rc == 0:
                status[ref] = to
            elif rc == -signal.SIGKILL:
                in_flight = (ref, to)
            break

        self.assert_verifies(what='move')
        after = self.ncs()
        for ref in pool:
            allowed = {status[ref]}
            if in_flight and in_flight[0] == ref:
                allowed.add(in_flight[1])
            self.assertIn(after[ref]['status'], allowed,
                          '%s: a move reported as done is missing (seed %d)' % (ref, SEED))

    def round_demo(self):
        path = os.path.join(self.tmp, 'demo-%d.rectify' % self.rng.randrange(10**9))
        proc = start([CLI, 'demo', path, '--count', 400])
        rc = self.run_or_kill('demo', proc)
        out, err = finish(proc)
        self.count_kill('demo', rc)
        self.assertIn(rc, (0, -signal.SIGKILL), err)
        if rc == 0 or os.path.exists(path):
            # a killed demo leaves no file, or an empty register, or the whole demo
            self.assert_verifies(path, 'demo')
            self.assertIn(len(self.ncs(path)), (0, 400) if rc != 0 else (400,))
        for suffix in ('', '-wal', '-shm'):
            if os.path.exists(path + suffix):
                os.unlink(path + suffix)
        # killed while it built the register under its temporary name: the next create of the
        # same register removes what it left
        if self.part_files(path):
            self.count_kill('demo-part-left', -signal.SIGKILL)
            rc, out, err = run('demo', path, '--count', 5)
            self.assertEqual(rc, 0, err)
            self.assertEqual(self.part_files(path), [])
            for suffix in ('', '-wal', '-shm'):
                if os.path.exists(path + suffix):
                    os.unlink(path + suffix)

    @staticmethod
    def part_files(path):
        """The files a create of @path builds the register in (PATH.part-XXXXXXXX and its
        journal)."""
        folder, base = os.path.split(path)
        return sorted(n for n in os.listdir(folder) if n.startswith(base + '.part-'))

    def check_writer_log(self, lines, before, after):
        """Replays a writer's log over @before; checks @after against it."""
        expected = {ref: {'title': nc['title'], 'owner': nc['owner'], 'area': nc['area']}
                    for ref, nc in before.items()}
        pending = []       # try lines of the change in flight
        pending_add = None
        for line in lines:
            if line[0] == 'try':
                pending.append(line)
            elif line[0] == 'saved':
                for _, change, ref, field, value in pending:
                    self.assertEqual(change, line[1])
                    expected[ref][field] = value
                pending = []
            elif line[0] == 'add':
                pending_add = line[2]
            elif line[0] == 'added':
                self.assertNotIn(line[2], expected)
                expected[line[2]] = {'title': pending_add, 'owner': None, 'area': None}
                pending_add = None

        extra = set(after) - set(expected)
        if pending_add is None:
            self.assertEqual(extra, set(), 'NCs that no writer added')
        else:
            # the add in flight was committed, or not
            self.assertLessEqual(len(extra), 1)
            for ref in extra:
                self.assertEqual(after[ref]['title'], pending_add)
        self.assertEqual(set(expected) - set(after), set(), 'NCs reported as added are missing')

        for ref, fields in expected.items():
            for field, value in fields.items():
                in_flight = [p[4] for p in pending if p[2] == ref and p[3] == field]
                self.assertIn(after[ref][field], [value] + in_flight,
                              '%s %s: an edit reported as saved is missing (seed %d)'
                              % (ref, field, SEED))
        if len(pending) > 1:
            # a batch in flight is all there or not at all
            applied = [after[p[2]][p[3]] == p[4] for p in pending]
            self.assertIn(sum(applied), (0, len(pending)), 'half a batch was written')

    def round_writer(self, program, kind, extra_args=()):
        before = self.ncs()
        log = tempfile.TemporaryFile(dir=self.tmp)
        proc = start([program, self.reg, self.rng.randrange(1, 10**6)] + list(extra_args),
                     stdout=log)
        if kind not in self.timings:
            # a first run to see how long a writer takes to get going
            self.timings[kind] = 0.0
            t0 = time.monotonic()
            while proc.poll() is None and log.tell() < 200:
                time.sleep(0.01)
            self.timings[kind] = 2 * (time.monotonic() - t0) + 0.2
            delay = self.timings[kind] / 2
        else:
            delay = self.delay(kind)
        rc = kill_after(proc, delay)
        out, err = finish(proc)
        if rc == 77:
            return False
        self.assertEqual(rc, -signal.SIGKILL, 'the writer stopped by itself: %s' % err)
        self.count_kill(kind, rc)
        log.seek(0)
        lines = complete_lines(log.read())
        log.close()
        self.assert_verifies(what=kind)
        self.check_writer_log(lines, before, self.ncs())
        return True

    # The test

    def test_stale_part_files(self):
        """A create that is killed while it builds the register under its temporary name
        (PATH.part-XXXXXXXX) leaves that file; the next create of PATH removes it, and only
        those whose creator is gone: not one another program is building now (it holds its
        lock), not an empty one that may be about to be locked, not those of other registers."""
        import fcntl
        folder = tempfile.mkdtemp(dir=self.tmp)
        path = os.path.join(folder, 'new.rectify')

        # Real kills, early in a create, until one leaves its part file (or a few tries)
        left = False
        for attempt in range(40):
            proc = start([CLI, 'demo', path, '--count', 400])
            rc = kill_after(proc, self.rng.uniform(0.005, 0.15))
            finish(proc)
            parts = self.part_files(path)
            # (an empty one, killed before it was locked, is kept for a while: see
            # remove_stale_parts () in rectify-register.c; checked below)
            if (rc == -signal.SIGKILL and parts and not os.path.exists(path) and
                    all(os.path.getsize(os.path.join(folder, n)) > 0 for n in parts)):
                left = True
                break
            for name in os.listdir(folder):
                os.unlink(os.path.join(folder, name))
        print('a killed create left its part file: %s (after %d tries)' % (left, attempt + 1),
              file=sys.stderr)
        if left:
            self.count_kill('create', -signal.SIGKILL)
            parts = self.part_files(path)
            # killed between making its part file and locking it (no content, no journal yet):
            # left for a while, in case its creator is alive
            young = all(os.path.getsize(os.path.join(folder, n)) == 0 for n in parts) and \
                not any(n.endswith('-journal') for n in parts)
            rc, out, err = run('demo', path, '--count', 5)
            self.assertEqual(rc, 0, err)
            self.assertEqual(self.part_files(path), parts if young else [])
            self.assert_verifies(path, 'demo')
            for name in os.listdir(folder):
                os.unlink(os.path.join(folder, name))

        # Left by creates that are gone: a part file with content (and its journal), an empty
        # one with its journal (killed in its first transaction), an empty one that is old
        with open(self.reg, 'rb') as f:
            content = f.read(64 * 1024)
        stale = path + '.part-0badc0de'
        for name, data in ((stale, content), (stale + '-journal', b'x' * 512),
                           (path + '.part-0000abcd', b''),
                           (path + '.part-0000abcd-journal', b'x' * 512),
                           (path + '.part-00000000', b'')):
            with open(name, 'wb') as f:
                f.write(data)
        old = time.time() - 3600
        os.utime(path + '.part-00000000', (old, old))
        # Not stale: one being built now (its creator holds the lock), an empty one just made,
        # the part file of another register, a file that only looks alike
        busy = path + '.part-1234abcd'
        with open(busy, 'wb') as f:
            f.write(content)
        keep = [busy, path + '.part-feedf00d', os.path.join(folder, 'other.rectify.part-0badc0de'),
                path + '.part-0badc0de.bak', path + '.part-xyz']
        for name in keep[1:]:
            with open(name, 'wb') as f:
                f.write(content if 'other' in name else b'')
        holder = open(busy, 'rb')
        try:
            fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
            rc, out, err = run('demo', path, '--count', 5)
            self.assertEqual(rc, 0, err)
            self.assert_verifies(path, 'demo')
            self.assertEqual(sorted(os.path.join(folder, n) for n in os.listdir(folder)
                                    if '.part-' in n), sorted(keep))
        finally:
            holder.close()

        # Once its creator is gone, the next create removes it too
        os.unlink(path)
        for suffix in ('-wal', '-shm'):
            if os.path.exists(path + suffix):
                os.unlink(path + suffix)
        rc, out, err = run('demo', path, '--count', 5)
        self.assertEqual(rc, 0, err)
        self.assertEqual(sorted(os.path.join(folder, n) for n in os.listdir(folder)
                                if '.part-' in n), sorted(keep[1:]))

        # Opening the register (for changing) removes them too, when its creator is gone
        with open(stale, 'wb') as f:
            f.write(content)
        self.assert_verifies(path, 'demo')
        self.assertEqual(sorted(os.path.join(folder, n) for n in os.listdir(folder)
                                if '.part-' in n), sorted(keep[1:]))

    def test_kill_writers(self):
        kinds = ['import', 'moves', 'moves', 'demo']
        if WRITER:
            kinds += ['writer', 'writer']
        if EDITOR and os.environ.get('DISPLAY'):
            kinds += ['editor']
        spent = {}
        for _ in range(ROUNDS):
            kind = self.rng.choice(kinds)
            t0 = time.monotonic()
            if kind == 'import':
                self.round_import()
            elif kind == 'moves':
                self.round_moves()
            elif kind == 'demo':
                self.round_demo()
            elif kind == 'writer':
                self.round_writer(WRITER, 'writer', [10**6])
            elif kind == 'editor':
                if not self.round_writer(EDITOR, 'editor') or \
                        self.kills.get('editor', 0) >= EDITOR_ROUNDS:
                    kinds = [k for k in kinds if k != 'editor']
            spent[kind] = spent.get(kind, 0) + time.monotonic() - t0
        print('seconds spent: %s' % ', '.join('%s %.1f' % kv for kv in sorted(spent.items())),
              file=sys.stderr)
        # the rounds did kill writers in the middle of their work
        self.assertGreater(sum(self.kills.values()), ROUNDS // 2, self.kills)

    def test_editor_kill_after_save(self):
        """The app's editor: an edit that was saved survives a SIGKILL right after."""
        if not (EDITOR and os.environ.get('DISPLAY')):
            self.skipTest('no display for the editor')
        path = os.path.join(self.tmp, 'editor.rectify')
        shutil.copy(self.reg, path)
        before = self.ncs(path)
        proc = start([EDITOR, path, 7])
        lines = []
        # wait for three saves, then kill at once
        while sum(1 for line in lines if line[0] == 'saved') < 3:
            data = proc.stdout.readline()
            if not data:
                proc.wait()
                self.fail('the editor stopped: %s' % finish(proc)[1])
            lines.append(data.decode('utf-8').rstrip('\n').split('\t'))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        finish(proc)
        self.assert_verifies(path, 'editor')
        after = self.ncs(path)
        saved = {line[1] for line in lines if line[0] == 'saved'}
        for line in lines:
            if line[0] == 'try' and line[1] in saved:
                self.assertEqual(after[line[2]]['title'], line[4])
        self.check_writer_log(lines, before, after)

    def test_app_quits_cleanly_on_sigterm(self):
        """Logging out (SIGTERM, then SIGHUP): the app closes its windows and the register. While
        it has the register open, rectify-cli imports into it (before SIGHUP, long enough for the
        app to read the register again)."""
        if not (APP and os.environ.get('DISPLAY')):
            self.skipTest('no display for the app')
        for sig in (signal.SIGTERM, signal.SIGHUP):
            path = os.path.join(self.tmp, 'app-%d.rectify' % sig)
            shutil.copy(self.reg, path)
            # (on the test's session bus, where no other instance runs: this test runs alone)
            env = dict(ENV, GSETTINGS_BACKEND='memory')
            with tempfile.TemporaryFile() as app_err:
                proc = subprocess.Popen([APP, path], env=env, stdout=subprocess.DEVNULL,
                                        stderr=app_err)
                try:
                    # the register is open when its write-ahead log is there
                    for _ in range(600):
                        if os.path.exists(path + '-wal') or proc.poll() is not None:
                            break
                        time.sleep(0.05)
                    self.assertIsNone(proc.poll(), 'the app did not start')
                    self.assertTrue(os.path.exists(path + '-wal'),
                                    'the app did not open the register')
                    # rectify-cli writes to the register the app has open
                    findings = os.path.join(self.tmp, 'app-findings.csv')
                    write_findings(findings, 100 + sig)
                    rc, out, err = run('import', path, findings, '--audit',
                                       'While the app is open')
                    self.assertEqual(rc, 0, err)
                    if sig == signal.SIGHUP:
                        # the app notices the import (it looks every 2 s) and reads the
                        # register again: the first reading must be closed, the second too
                        time.sleep(2.5)
                    proc.send_signal(sig)
                    rc = proc.wait(timeout=60)
                finally:
                    if proc.poll() is None:
                        proc.kill()
                        proc.wait()
                app_err.seek(0)
                self.assertEqual(rc, 0, app_err.read().decode('utf-8', 'replace'))
            # closed: the log was written back and removed
            self.assertFalse(os.path.exists(path + '-wal'))
            self.assert_verifies(path, 'app')
            self.assertEqual(sum(1 for nc in self.ncs(path).values()
                                 if nc['audit'] == 'While the app is open'), IMPORT_ROWS)


if __name__ == '__main__':
    unittest.main(verbosity=2)
