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

    def approve(self, *args):
        return run('approve', self.reg, *args)

    def approvals(self, ref):
        db = sqlite3.connect(self.reg)
        try:
            return db.execute('SELECT role, decision, decided_on, resubmit_by, comment FROM approval'
                              ' WHERE nc_id = (SELECT id FROM nonconformity WHERE ref = ?)'
                              ' ORDER BY id', (ref,)).fetchall()
        finally:
            db.close()

    def test_approve_with_resubmit_by(self):
        # NC-016, a major awaiting approval: management approves, the CB does not accept the plan
        # and wants it back by a date that has passed by now (TODAY is fixed)
        self.assertEqual(self.statuses()['NC-016'], 'awaiting-approval')
        rc, out, err = self.approve('NC-016', 'management', 'approved', '--by', 'Max Manager',
                                    '--on', '2026-06-01')
        self.assertEqual((rc, out, err), (0, 'NC-016: management approved 2026-06-01\n', ''))
        rc, out, err = self.approve('nc-016', 'certification-body', 'not-accepted', '--by',
                                    'Example CB', '--on', '2026-06-02', '--resubmit-by',
                                    '2026-06-10', '--comment', 'Add a monthly restore test')
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, 'NC-016: certification-body not-accepted 2026-06-02 '
                              'resubmit-by 2026-06-10\n')
        self.assertEqual(self.approvals('NC-016')[-1],
                         ('certification-body', 'rejected', '2026-06-02', '2026-06-10',
                          'Add a monthly restore test'))
        self.assert_refused('NC-016', 'implementation', 'Missing: cb-acceptance')

        rc, out, err = run('show', self.reg, 'NC-016')
        self.assertEqual(rc, 0, err)
        section = out[out.index('\nApprovals\n'):out.index('\nVerifications\n')]
        self.assertIn('Management: Approved; by Max Manager; on 2026-06-01', section)
        self.assertIn('Certification body: Not accepted; by Example CB; on 2026-06-02; '
                      'resubmit by 2026-06-10 (overdue by 5 days)', section)
        self.assertIn('Add a monthly restore test', section)
        self.assertIn('approval: - → certification-body rejected Example CB 2026-06-02',
                      out[out.index('\nHistory\n'):])
        db = sqlite3.connect(self.reg)
        self.assertEqual(db.execute("SELECT count(*) FROM history WHERE new_value ="
                                    " 'certification-body rejected Example CB 2026-06-02"
                                    " resubmit-by 2026-06-10'").fetchone(), (2,))
        db.close()

        # The history chain covers the date: verify passes
        rc, out, err = self.verify()
        self.assertEqual(rc, 0, err)

        # Resubmitted and accepted: the old date is no longer awaited, the NC moves on
        rc, out, err = self.approve('NC-016', 'certification-body', 'accepted', '--by',
                                    'Example CB')
        self.assertEqual((rc, err), (0, ''))
        self.assertEqual(out, 'NC-016: certification-body accepted %s\n' % TODAY)
        rc, out, err = run('show', self.reg, 'NC-016')
        self.assertIn('resubmit by 2026-06-10\n', out)
        self.assertNotIn('overdue by 5 days', out)
        self.assert_moved('NC-016', 'awaiting-approval', 'implementation')
        rc, out, err = self.verify()
        self.assertEqual(rc, 0, err)

        # ... and notices when the date in it is changed behind the register's back
        db = sqlite3.connect(self.reg)
        db.execute('DROP TRIGGER history_no_update')
        db.execute("UPDATE history SET new_value = replace(new_value, '2026-06-10', '2026-08-10')"
                   " WHERE entity = 'approval' AND new_value LIKE '%resubmit-by 2026-06-10'")
        db.commit()
        db.close()
        rc, out, err = self.verify()
        self.assertEqual(rc, 2)
        self.assertIn('has been altered', err)

    def test_approve_usage_and_bad_input(self):
        before = read_bytes(self.reg)
        n_approvals = len(self.approvals('NC-016'))
        # Unknown words, a missing --by: wrong usage
        for args, text in ((['janitor', 'approved', '--by', 'X'], 'unknown role “janitor”'),
                           (['management', 'maybe', '--by', 'X'], 'unknown decision “maybe”'),
                           (['management', 'approved'], '--by NAME is required'),
                           (['management'], 'missing argument')):
            rc, out, err = self.approve('NC-016', *args)
            self.assertEqual(rc, 1, args)
            self.assertEqual(out, '', args)
            self.assertIn(text, err)
        # Wrong dates and a resubmit-by date where there can be none: bad input
        cb = ['certification-body', 'not-accepted', '--by', 'Example CB', '--on', '2026-06-05']
        for args, text in ((cb + ['--resubmit-by', '2026-02-30'],
                            '--resubmit-by needs a date (YYYY-MM-DD), not “2026-02-30”'),
                           (cb + ['--resubmit-by', 'next week'],
                            '--resubmit-by needs a date (YYYY-MM-DD), not “next week”'),
                           (cb[:4] + ['--on', 'yesterday'], '--on needs a date'),
                           (cb + ['--resubmit-by', '2026-06-04'],
                            'before the decision on 2026-06-05'),
                           (['management', 'not-approved', '--by', 'Max', '--resubmit-by',
                             '2026-07-01'], 'Only a certification body that does not accept'),
                           (['certification-body', 'accepted', '--by', 'Example CB',
                             '--resubmit-by', '2026-07-01'],
                            'Only a certification body that does not accept')):
            rc, out, err = self.approve('NC-016', *args)
            self.assertEqual(rc, 2, args)
            self.assertEqual(out, '', args)
            self.assertIn(text, err)
        rc, out, err = self.approve('NC-999', 'management', 'approved', '--by', 'X')
        self.assertEqual(rc, 2)
        self.assertIn('NC-999', err)
        # Nothing was written
        self.assertEqual(read_bytes(self.reg), before)
        self.assertEqual(len(self.approvals('NC-016')), n_approvals)
        # A day-first date is understood, as other date options do
        rc, out, err = self.approve('NC-016', *cb, '--resubmit-by', '30.06.2026')
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.approvals('NC-016')[-1][3], '2026-06-30')
        # --help names the options
        rc, out, err = run('approve', '--help')
        self.assertEqual(rc, 0)
        self.assertIn('REGISTER REF ROLE DECISION', out)
        for option in ('--by', '--on', '--resubmit-by', '--comment'):
            self.assertIn(option, out)

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
