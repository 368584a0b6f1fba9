#!/usr/bin/python3
# test-cli-lifecycle.py
#
# Copyright 2026 The Rectify authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `rectify-cli move` on the hand-written demo register, whose nonconformities in each status
# already meet the gates of the statuses before (tests/test-lifecycle.c checks that): allowed
# moves exit 0, refused ones exit 3 with the missing conditions on stderr and leave the file as it
# was, and `verify` notices a history row changed behind the register's back.
# Environment: RECTIFY_CLI = path of the binary; RECTIFY_TODAY fixes the clock.

import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

CLI = os.environ.get('RECTIFY_CLI')
TODAY = os.environ.setdefault('RECTIFY_TODAY', '2026-06-15')


def run(*args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    proc = subprocess.run([CLI] + [str(a) for a in args], env=env, capture_output=True,
                          timeout=60)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8', 'replace')


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


@unittest.skipIf(not CLI, 'RECTIFY_CLI is not set')
class MoveTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='rectify-cli-lifecycle-')
        cls.pristine = os.path.join(cls.tmp, 'pristine.rectify')
        rc, out, err = run('demo', cls.pristine)
        if rc != 0:
            raise AssertionError('demo failed: %d %s' % (rc, err))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        # A fresh copy per test (the CLI checkpoints and removes the -wal when it closes)
        self.reg = os.path.join(self.tmp, self.id().rsplit('.', 1)[-1] + '.rectify')
        shutil.copyfile(self.pristine, self.reg)

    def statuses(self):
        rc, out, err = run('list', self.reg, '--format', 'json')
        self.assertEqual(rc, 0, err)
        return {nc['ref']: nc['status'] for nc in json.loads(out)}

    def move(self, ref, status):
        return run('move', self.reg, ref, status)

    def assert_moved(self, ref, frm, to):
        rc, out, err = self.move(ref, to)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, '%s: %s -> %s\n' % (ref, frm, to))
        self.assertEqual(err, '')
        self.assertEqual(self.statuses()[ref], to)

    def assert_refused(self, ref, to, *texts):
        before = read_bytes(self.reg)
        listed = self.statuses()
        rc, out, err = self.move(ref, to)
        self.assertEqual(rc, 3, err)
        self.assertEqual(out, '')
        self.assertIn('%s cannot move from %s to %s' % (ref, listed[ref], to), err)
        for text in texts:
            self.assertIn(text, err)
        # Nothing written: the same bytes, the same list
        self.assertFalse(os.path.exists(self.reg + '-wal') and
                         os.path.getsize(self.reg + '-wal') > 0)
        self.assertEqual(read_bytes(self.reg), before)
        self.assertEqual(self.statuses(), listed)
        return err

    def verify(self):
        return run('verify', self.reg)

    def test_demo_statuses(self):
        # The demo has NCs in every status, which the moves below rely on
        statuses = self.statuses()
        self.assertEqual(statuses['NC-001'], 'closed')
        self.assertEqual(statuses['NC-026'], 'reported')
        self.assertEqual(statuses['NC-011'], 'action-planned')
        self.assertEqual(statuses['NC-014'], 'awaiting-approval')
        self.assertEqual(statuses['NC-004'], 'implementation')
        self.assertEqual(statuses['NC-013'], 'verification')
        self.assertEqual(set(statuses.values()),
                         {'reported', 'analysis', 'action-planned', 'awaiting-approval',
                          'implementation', 'verification', 'closed'})

    def test_full_cycle(self):
        # A closed NC reopened, then taken through every status back to closed by the CLI
        self.assert_moved('NC-001', 'closed', 'analysis')
        self.assert_moved('NC-001', 'analysis', 'action-planned')
        self.assert_moved('NC-001', 'action-planned', 'awaiting-approval')
        self.assert_moved('NC-001', 'awaiting-approval', 'implementation')
        self.assert_moved('NC-001', 'implementation', 'verification')
        self.assert_moved('NC-001', 'verification', 'closed')

        rc, out, err = run('show', self.reg, 'NC-001')
        self.assertEqual(rc, 0, err)
        self.assertIn('REOPENED: closed → analysis', out)
        self.assertIn('status: verification → closed', out)
        self.assertIn('Closed on:   %s' % TODAY, out)
        self.assertRegex(out, r'Closed by:\s+\S')

        rc, out, err = self.verify()
        self.assertEqual(rc, 0, err)

    def test_allowed_moves(self):
        self.assert_moved('NC-026', 'reported', 'analysis')
        self.assert_moved('NC-011', 'action-planned', 'awaiting-approval')
        # One step back is always allowed
        self.assert_moved('NC-004', 'implementation', 'awaiting-approval')
        # Reference words are found in any case
        rc, out, err = self.move('nc-013', 'implementation')
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, 'NC-013: verification -> implementation\n')
        # Light path: an observation with a recorded correction closes at once
        self.assert_moved('NC-024', 'analysis', 'closed')
        rc, out, err = self.verify()
        self.assertEqual(rc, 0, err)

    def test_refused_moves(self):
        # No root cause yet, no correction: the gate of Analysis
        self.assert_moved('NC-026', 'reported', 'analysis')
        err = self.assert_refused('NC-026', 'action-planned', 'No root cause is marked',
                                  'No correction is recorded', 'root-cause')
        # Not approved
        self.assert_refused('NC-014', 'implementation', 'not approved', 'Missing: approval')
        # Actions not done and without evidence, named by reference
        err = self.assert_refused('NC-004', 'verification', 'action-done', 'action-evidence')
        self.assertRegex(err, r'1 action is not done: A-\d{3}')
        # No effective review
        self.assert_refused('NC-013', 'closed', 'No effectiveness review is recorded as effective')
        # Skips, and moves out of Closed other than a reopening
        self.assert_refused('NC-023', 'closed', 'one step at a time', 'one-step')
        self.assert_refused('NC-001', 'verification', 'reopened to Analysis')
        self.assert_refused('NC-001', 'closed', 'already in')
        # The light path still needs a response
        self.assert_refused('NC-025', 'closed', 'No response is recorded', 'Missing: response')

        rc, out, err = self.verify()
        self.assertEqual(rc, 0, err)

    def test_usage_and_bad_input(self):
        before = read_bytes(self.reg)
        # An unknown status word is wrong usage
        rc, out, err = self.move('NC-004', 'done')
        self.assertEqual(rc, 1)
        self.assertIn('unknown status “done”', err)
        self.assertIn('action-planned', err)
        rc, out, err = run('move', self.reg, 'NC-004')
        self.assertEqual(rc, 1)
        rc, out, err = run('move', self.reg, 'NC-004', 'closed', 'extra')
        self.assertEqual(rc, 1)
        # An unknown reference or file is bad input
        rc, out, err = self.move('NC-999', 'analysis')
        self.assertEqual(rc, 2)
        self.assertIn('NC-999', err)
        rc, out, err = run('move', os.path.join(self.tmp, 'missing.rectify'), 'NC-001',
                           'analysis')
        self.assertEqual(rc, 2)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, 'missing.rectify')))
        self.assertEqual(read_bytes(self.reg), before)
        # --help is not an error
        rc, out, err = run('move', '--help')
        self.assertEqual(rc, 0)
        self.assertIn('REGISTER REF STATUS', out)

    def test_verify_detects_history_edit(self):
        self.assert_moved('NC-026', 'reported', 'analysis')
        rc, out, err = self.verify()
        self.assertEqual(rc, 0, err)

        db = sqlite3.connect(self.reg)
        row = db.execute("SELECT id FROM history WHERE field = 'status' AND new_value = 'analysis'"
                         " ORDER BY id DESC LIMIT 1").fetchone()
        self.assertIsNotNone(row)
        # The trigger keeps history append-only ...
        with self.assertRaises(sqlite3.DatabaseError):
            db.execute("UPDATE history SET new_value = 'closed' WHERE id = ?", row)
        db.rollback()
        # ... unless someone drops it first
        db.execute('DROP TRIGGER history_no_update')
        db.execute("UPDATE history SET new_value = 'closed' WHERE id = ?", row)
        db.commit()
        db.close()

        rc, out, err = self.verify()
        self.assertEqual(rc, 2)
        self.assertIn('History row %d' % row[0], err)


if __name__ == '__main__':
    unittest.main(verbosity=2)
