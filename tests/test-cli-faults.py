#!/usr/bin/python3
# test-cli-faults.py
#
# Copyright 2026 The Rectify authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Faults met by rectify-cli (issue #9): a file-size limit (ulimit -f), a full disk (a small
# tmpfs), a read-only medium (a tmpfs remounted read-only; a read-only folder and file), a
# register locked by another program, several programs writing at once (rectify-cli commands
# and a long-lived writer that works as the app does), a register whose folder is gone. Each
# failed command exits with 2, says what is wrong in words a user understands, and leaves the
# register as it was.
#
# The tmpfs cases need a private mount namespace (unshare -m, as root); the read-only folder
# case needs a user that file modes apply to (as root it runs as nobody through setpriv). Where
# neither is possible those cases are skipped.
#
# Environment: RECTIFY_CLI, RECTIFY_CRASH_WRITER (tests/crash-writer.c).

import csv
import hashlib
import json
import os
import pwd
import shlex
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
import unittest

CLI = os.environ.get('RECTIFY_CLI')
WRITER = os.environ.get('RECTIFY_CRASH_WRITER')
ENV = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
ENV.setdefault('RECTIFY_TODAY', '2026-06-15')

NO_ROOM = 'there is no room left: the disk is full or the register has reached its size limit'
READ_ONLY = 'read-only'
LOCKED = 'the register is being changed by another program'


def run(*args, prefix=(), timeout=120):
    proc = subprocess.run(list(prefix) + [CLI] + [str(a) for a in args], env=ENV,
                          capture_output=True, timeout=timeout)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8', 'replace')


def write_findings(path, n, tag, width=200):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['Finding No', 'Nonconformity', 'Control', 'Severity', 'Date'])
        for i in range(n):
            w.writerow(['%s-%04d' % (tag, i), ('%s finding %d ' % (tag, i)).ljust(width, 'x'),
                        'A.5.15', 'Minor', '2026-03-01'])


def content(path):
    """What the register holds, read with SQLite directly (read-only, and without leaving
    -wal and -shm files beside it when there is no write-ahead log): every row of the tables
    that matter, as text."""
    immutable = '' if os.path.exists(path + '-wal') else '&immutable=1'
    db = sqlite3.connect('file:%s?mode=ro%s' % (path, immutable), uri=True)
    try:
        out = []
        for table in ('nonconformity', 'audit', 'action', 'cause', 'history', 'register_info'):
            out += ['%s %r' % (table, row)
                    for row in db.execute('SELECT * FROM %s ORDER BY 1' % table)]
        return '\n'.join(out)
    finally:
        db.close()


def can_unshare():
    try:
        return subprocess.run(['unshare', '-m', 'true'], capture_output=True).returncode == 0
    except FileNotFoundError:
        return False


def nobody_prefix():
    """A command prefix that runs a program as a user that file modes apply to."""
    if os.geteuid() != 0:
        return []
    if shutil.which('setpriv') is None:
        return None
    try:
        pwd.getpwnam('nobody')
    except KeyError:
        return None
    return ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups']


@unittest.skipIf(not CLI, 'RECTIFY_CLI is not set')
class FaultsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='rectify-faults-')
        os.chmod(cls.tmp, 0o755)
        cls.template = os.path.join(cls.tmp, 'template.rectify')
        rc, out, err = run('demo', cls.template, '--count', 100, '--seed', 5)
        if rc != 0:
            raise AssertionError('demo failed: %s' % err)
        cls.findings = os.path.join(cls.tmp, 'findings.csv')
        write_findings(cls.findings, 3000, 'F')

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def setUp(self):
        self.dir = tempfile.mkdtemp(dir=self.tmp)
        os.chmod(self.dir, 0o755)
        self.reg = os.path.join(self.dir, 'register.rectify')
        shutil.copy(self.template, self.reg)

    def tearDown(self):
        subprocess.run(['chmod', '-R', 'u+w', self.dir])
        shutil.rmtree(self.dir)

    def assert_refused(self, result, *phrases):
        rc, out, err = result
        self.assertEqual(rc, 2, 'expected exit 2: %s%s' % (out, err))
        for phrase in phrases:
            self.assertIn(phrase, err)
        # one clear message, not SQLite's words
        for word in ('disk I/O error', 'database is locked', 'SQLITE', 'attempt to write'):
            self.assertNotIn(word, err)

    def assert_verifies(self, path):
        rc, out, err = run('verify', path)
        self.assertEqual((rc, out), (0, 'OK\n'), err)

    def assert_reads(self, path, prefix=()):
        """Every command that reads a register works on @path (opened for reading only when it
        cannot be written), and writes nothing beside it."""
        folder = os.path.dirname(path)
        files_before = sorted(os.listdir(folder))
        out_dir = tempfile.mkdtemp(dir=self.dir)
        os.chmod(out_dir, 0o777)
        for args, expected in ((('list', path), 'NC-001'),
                               (('list', path, '--format', 'json'), '"NC-001"'),
                               (('show', path, 'NC-001'), 'NC-001'),
                               (('stats', path), path),
                               (('verify', path), 'OK'),
                               (('export', path, os.path.join(out_dir, 'plan.xlsx')), ''),
                               (('fishbone', path, 'NC-001', os.path.join(out_dir, 'f.svg')),
                                'f.svg'),
                               (('import', path, self.findings, '--dry-run'), 'Dry run')):
            rc, out, err = run(*args, prefix=prefix)
            self.assertEqual(rc, 0, '%s: %s' % (args[0], err))
            self.assertIn(expected, out, args[0])
        self.assertTrue(os.path.getsize(os.path.join(out_dir, 'plan.xlsx')) > 0)
        self.assertTrue(os.path.getsize(os.path.join(out_dir, 'f.svg')) > 0)
        self.assertEqual(sorted(os.listdir(folder)), files_before)

    # File-size limit

    def test_file_size_limit(self):
        """An import under `ulimit -f` that needs more room than the limit allows."""
        before = content(self.reg)
        shell = ['bash', '-c', 'ulimit -f 400 && exec "$@"', 'bash']
        # the message names the register, which has no room, not the findings file
        self.assert_refused(run('import', self.reg, self.findings, prefix=shell),
                            '%s: Could not save the change: %s' % (self.reg, NO_ROOM),
                            'nothing was imported')
        self.assertEqual(content(self.reg), before)
        self.assert_verifies(self.reg)

        # a move needs little room: under a limit the register's own files stay within
        shell = ['bash', '-c', 'ulimit -f 2000 && exec "$@"', 'bash']
        rc, out, err = run('move', self.reg, 'NC-001', 'analysis', prefix=shell)
        self.assertIn(rc, (0, 3), err)
        self.assert_verifies(self.reg)

    def test_file_size_limit_on_open(self):
        """A limit below the size of SQLite's shared-memory file: the open fails, clearly."""
        before = content(self.reg)
        shell = ['bash', '-c', 'ulimit -f 8 && exec "$@"', 'bash']
        self.assert_refused(run('move', self.reg, 'NC-001', 'analysis', prefix=shell), NO_ROOM)
        self.assertEqual(content(self.reg), before)
        self.assert_verifies(self.reg)

    # A small file system: a tmpfs in a private mount namespace

    def in_tmpfs(self, script, size='1200k'):
        """Runs the shell @script with a tmpfs of @size mounted at $M (a private mount of this
        process's own) and $CLI, $REG (a copy of the register in the tmpfs) and $OUT (a folder
        outside it) set. Returns $OUT."""
        out = os.path.join(self.dir, 'out')
        os.mkdir(out)
        mnt = os.path.join(self.dir, 'mnt')
        os.mkdir(mnt)
        prologue = ('set -u; M=%s; OUT=%s; CLI=%s; mount -t tmpfs -o size=%s tmpfs "$M" || exit 99;'
                    ' cp %s "$M/register.rectify"; REG="$M/register.rectify"; '
                    % (shlex.quote(mnt), shlex.quote(out), shlex.quote(CLI), size,
                       shlex.quote(self.reg)))
        proc = subprocess.run(['unshare', '-m', '--propagation', 'private', 'sh', '-c',
                               prologue + script], env=ENV, capture_output=True, timeout=120)
        if proc.returncode == 99:
            self.skipTest('cannot mount a tmpfs: %s' % proc.stderr.decode())
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        return out

    def read(self, out, name):
        with open(os.path.join(out, name), encoding='utf-8') as f:
            return f.read()

    @unittest.skipIf(not can_unshare(), 'no private mount namespace (unshare -m) here')
    def test_disk_full(self):
        """A register on a small disk: an import that does not fit, then a move when the disk
        is full to the last byte; both refused, the register as it was; it works again once
        there is room."""
        out = self.in_tmpfs('''
            "$CLI" list "$REG" --format json > "$OUT/before.json"
            "$CLI" import "$REG" %s 2> "$OUT/import.err"; echo $? > "$OUT/import.rc"
            "$CLI" list "$REG" --format json > "$OUT/after-import.json"
            "$CLI" verify "$REG" > "$OUT/verify1.out" 2>&1
            dd if=/dev/zero of="$M/filler" bs=4k 2>/dev/null
            "$CLI" move "$REG" NC-001 analysis 2> "$OUT/move.err"; echo $? > "$OUT/move.rc"
            "$CLI" demo "$M/new.rectify" --count 50 2> "$OUT/demo.err"; echo $? > "$OUT/demo.rc"
            ls "$M" > "$OUT/files"
            rm "$M/filler"
            "$CLI" verify "$REG" > "$OUT/verify2.out" 2>&1
            "$CLI" list "$REG" --format json > "$OUT/after.json"
            ''' % shlex.quote(self.findings))
        self.assertEqual(self.read(out, 'import.rc'), '2\n')
        self.assertIn(NO_ROOM, self.read(out, 'import.err'))
        self.assertIn('nothing was imported', self.read(out, 'import.err'))
        self.assertEqual(self.read(out, 'after-import.json'), self.read(out, 'before.json'))
        self.assertEqual(self.read(out, 'verify1.out'), 'OK\n')
        self.assertEqual(self.read(out, 'move.rc'), '2\n')
        self.assertIn(NO_ROOM, self.read(out, 'move.err'))
        self.assertEqual(self.read(out, 'demo.rc'), '2\n')
        self.assertIn(NO_ROOM, self.read(out, 'demo.err'))
        # a create that did not fit leaves no register behind
        self.assertNotIn('new.rectify\n', self.read(out, 'files'))
        self.assertEqual(self.read(out, 'verify2.out'), 'OK\n')
        self.assertEqual(self.read(out, 'after.json'), self.read(out, 'before.json'))

    # Read-only media

    @unittest.skipIf(not can_unshare(), 'no private mount namespace (unshare -m) here')
    def test_read_only_medium(self):
        """A register on a file system mounted read-only: every write refused, nothing changed."""
        out = self.in_tmpfs('''
            sha256sum "$REG" > "$OUT/before.sum"
            mount -o remount,ro "$M" || exit 98
            "$CLI" list "$REG" > "$OUT/list.out" 2> "$OUT/list.err"; echo $? > "$OUT/list.rc"
            "$CLI" show "$REG" NC-001 > "$OUT/show.out" 2> "$OUT/show.err"; echo $? > "$OUT/show.rc"
            "$CLI" verify "$REG" > "$OUT/verify.out" 2> "$OUT/verify.err"
            echo $? > "$OUT/verify.rc"
            "$CLI" export "$REG" "$OUT/plan.xlsx" 2> "$OUT/export.err"; echo $? > "$OUT/export.rc"
            "$CLI" move "$REG" NC-001 analysis 2> "$OUT/move.err"; echo $? > "$OUT/move.rc"
            "$CLI" import "$REG" %s 2> "$OUT/import.err"; echo $? > "$OUT/import.rc"
            "$CLI" demo "$M/new.rectify" 2> "$OUT/demo.err"; echo $? > "$OUT/demo.rc"
            sha256sum "$REG" > "$OUT/after.sum"
            ls -a "$M" > "$OUT/files"
            ''' % shlex.quote(self.findings))
        # read: opened for reading only
        for command in ('list', 'show', 'verify', 'export'):
            self.assertEqual(self.read(out, command + '.rc'), '0\n', self.read(out, command + '.err'))
        self.assertIn('NC-001', self.read(out, 'list.out'))
        self.assertIn('NC-001', self.read(out, 'show.out'))
        self.assertEqual(self.read(out, 'verify.out'), 'OK\n')
        self.assertTrue(os.path.getsize(os.path.join(out, 'plan.xlsx')) > 0)
        # changed: refused
        for command in ('move', 'import', 'demo'):
            self.assertEqual(self.read(out, command + '.rc'), '2\n')
            self.assertIn(READ_ONLY, self.read(out, command + '.err'))
        self.assertEqual(self.read(out, 'after.sum'), self.read(out, 'before.sum'))
        self.assertEqual(self.read(out, 'files').split(), ['.', '..', 'register.rectify'])

    def test_read_only_folder_and_file(self):
        """A register in a read-only folder, and a read-only register file."""
        prefix = nobody_prefix()
        if prefix is None:
            self.skipTest('no unprivileged user to run as')
        folder = os.path.join(self.dir, 'ro')
        os.mkdir(folder)
        path = os.path.join(folder, 'register.rectify')
        shutil.copy(self.reg, path)
        if prefix:
            subprocess.run(['chown', '-R', 'nobody', folder], check=True)
        before = content(path)

        # A read-only file: read, not changed
        os.chmod(path, 0o444)
        self.assert_reads(path, prefix)
        self.assert_refused(run('move', path, 'NC-001', 'analysis', prefix=prefix), READ_ONLY,
                            'Copy it to a folder you can write to')
        self.assert_refused(run('import', path, self.findings, prefix=prefix), READ_ONLY)
        # A read-only folder: the same
        os.chmod(path, 0o644)
        os.chmod(folder, 0o555)
        self.assert_reads(path, prefix)
        self.assert_refused(run('move', path, 'NC-001', 'analysis', prefix=prefix), READ_ONLY)
        self.assert_refused(run('import', path, self.findings, prefix=prefix), READ_ONLY)
        self.assert_refused(run('demo', os.path.join(folder, 'new.rectify'), prefix=prefix),
                            READ_ONLY)
        self.assertEqual(sorted(os.listdir(folder)), ['register.rectify'])
        os.chmod(folder, 0o755)
        self.assertEqual(content(path), before)

    # Locks and several writers

    def test_locked_by_another_program(self):
        """Another program holds the write lock: the CLI waits a while, then says what is
        wrong; when the lock is let go in time, the CLI's change goes through."""
        before = content(self.reg)
        other = sqlite3.connect(self.reg, isolation_level=None, check_same_thread=False)
        other.execute('BEGIN IMMEDIATE')
        try:
            self.assert_refused(run('import', self.reg, self.findings), LOCKED,
                                'nothing was imported')
        finally:
            other.execute('ROLLBACK')
        self.assertEqual(content(self.reg), before)

        # released after a moment: the CLI was waiting and goes on
        other.execute('BEGIN IMMEDIATE')
        timer = threading.Timer(0.5, lambda: other.execute('ROLLBACK'))
        timer.start()
        try:
            rc, out, err = run('import', self.reg, self.findings)
        finally:
            timer.join()
            other.close()
        self.assertEqual(rc, 0, err)
        self.assert_verifies(self.reg)

    def test_several_writers_at_once(self):
        """Imports and moves from several rectify-cli processes at once, while a long-lived
        writer (as the app) edits. The writes take turns: each command is done, or (when it
        waited longer than the register waits for a lock, on a slow machine) refused with the
        message that another program is changing the register and nothing written; everything
        reported as done is there, and the refs of new NCs are all different."""
        before = {nc['ref']: nc for nc in json.loads(run('list', self.reg, '--format', 'json')[1])}
        movable = sorted(ref for ref, nc in before.items() if nc['status'] == 'closed')[:6]
        self.assertTrue(movable)
        files = []
        for k in range(2):
            path = os.path.join(self.dir, 'batch-%d.csv' % k)
            write_findings(path, 300, 'B%d' % k)
            files.append(path)

        writer = None
        log = tempfile.TemporaryFile(dir=self.dir)
        if WRITER:
            # edits with a pause between them, as a person makes them
            writer = subprocess.Popen([WRITER, self.reg, '11', str(10**6), '20'], env=ENV,
                                      stdout=log, stderr=subprocess.PIPE)
        procs = []
        for k, path in enumerate(files):
            procs.append(('import', k, subprocess.Popen(
                [CLI, 'import', self.reg, path, '--audit', 'Parallel %d' % k], env=ENV,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE)))
        for ref in movable:
            procs.append(('move', ref, subprocess.Popen(
                [CLI, 'move', self.reg, ref, 'analysis'], env=ENV, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE)))
        results = []
        for kind, what, proc in procs:
            out, err = proc.communicate(timeout=120)
            results.append((kind, what, proc.returncode, out.decode(), err.decode()))
        writer_err = ''
        if writer:
            if writer.poll() is None:
                writer.send_signal(signal.SIGKILL)
            writer.wait()
            writer_err = writer.stderr.read().decode()
            writer.stderr.close()
            if writer.returncode != -signal.SIGKILL:
                self.assertEqual(writer.returncode, 2)
                self.assertIn(LOCKED, writer_err)

        self.assert_verifies(self.reg)
        after = {nc['ref']: nc for nc in json.loads(run('list', self.reg, '--format', 'json')[1])}
        done = 0
        for kind, what, rc, out, err in results:
            if rc != 0:
                self.assertEqual(rc, 2, '%s %s: %s' % (kind, what, err))
                self.assertIn(LOCKED, err)
            if kind == 'import':
                imported = sum(1 for nc in after.values() if nc['audit'] == 'Parallel %d' % what)
                self.assertEqual(imported, 300 if rc == 0 else 0)
            else:
                self.assertEqual(after[what]['status'], 'analysis' if rc == 0 else 'closed')
            done += rc == 0
        # the first command to get the register does not wait for anyone
        self.assertGreater(done, 0)

        # the long-lived writer's saved edits are there (nobody else edits those fields)
        log.seek(0)
        expected = {}
        pending = []
        for line in log.read().decode().splitlines():
            fields = line.split('\t')
            if fields[0] == 'try':
                pending.append(fields)
            elif fields[0] == 'saved':
                expected.update({(ref, field): value for _, _, ref, field, value in pending})
                pending = []
            elif fields[0] == 'added':
                self.assertIn(fields[2], after)
        log.close()
        for (ref, field), value in expected.items():
            in_flight = [p[4] for p in pending if p[2] == ref and p[3] == field]
            self.assertIn(after[ref][field], [value] + in_flight, '%s %s' % (ref, field))

    # A register that is gone

    def test_folder_gone(self):
        """The folder of a register is removed or renamed between two commands."""
        folder = os.path.join(self.dir, 'gone')
        os.mkdir(folder)
        path = os.path.join(folder, 'register.rectify')
        shutil.copy(self.reg, path)
        self.assertEqual(run('list', path)[0], 0)
        os.rename(folder, folder + '-renamed')
        self.assert_refused(run('move', path, 'NC-001', 'analysis'), 'There is no file at')
        shutil.rmtree(folder + '-renamed')
        self.assert_refused(run('import', path, self.findings), 'There is no file at')
        self.assert_refused(run('demo', path), 'does not exist')
        self.assertFalse(os.path.exists(folder))


if __name__ == '__main__':
    unittest.main(verbosity=2)
