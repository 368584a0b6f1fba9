#!/usr/bin/python3
# test-cli.py
#
# Copyright 2026 The Rectify authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the real rectify-cli on real register files (design.md, "The command line").
# Environment: RECTIFY_CLI = path of the binary; RECTIFY_TODAY fixes the clock.

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

CLI = os.environ.get('RECTIFY_CLI')
TODAY = os.environ.setdefault('RECTIFY_TODAY', '2026-06-15')

GRADES = {'major', 'minor', 'observation', 'ofi'}
STATUSES = {'reported', 'analysis', 'action-planned', 'awaiting-approval', 'implementation',
            'verification', 'closed'}
SOURCES = {'internal-audit', 'external-audit', 'incident', 'monitoring', 'management-review',
           'complaint', 'other'}
FIELDS = ['id', 'ref', 'title', 'statement', 'requirement', 'evidence', 'area', 'source',
          'audit-id', 'audit', 'occurred-on', 'location', 'reported-by', 'reported-on', 'owner',
          'grade', 'correction', 'correction-on', 'status', 'cap-due-on', 'due-on', 'closed-on',
          'created-at', 'updated-at', 'overdue']


def run(*args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    proc = subprocess.run([CLI] + [str(a) for a in args], env=env, capture_output=True,
                          timeout=60)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8', 'replace')


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


@unittest.skipIf(not CLI, 'RECTIFY_CLI is not set')
class CliTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='rectify-cli-test-')
        cls.demo = os.path.join(cls.tmp, 'demo.rectify')
        rc, out, err = run('demo', cls.demo)
        if rc != 0:
            raise AssertionError('demo failed: %d %s' % (rc, err))
        rc, out, err = run('list', cls.demo, '--format', 'json')
        if rc != 0:
            raise AssertionError('list failed: %d %s' % (rc, err))
        cls.ncs = json.loads(out)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def list_json(self, *args):
        rc, out, err = run('list', self.demo, '--format', 'json', *args)
        self.assertEqual(rc, 0, err)
        return json.loads(out)

    def assert_usage(self, *args):
        rc, out, err = run(*args)
        self.assertEqual(rc, 1, 'expected wrong usage for %r: %s' % (args, err))
        self.assertTrue(err.strip(), 'no message on stderr for %r' % (args,))
        self.assertEqual(out, '', 'output on stdout for %r' % (args,))

    # demo

    def test_demo_contents(self):
        self.assertGreaterEqual(len(self.ncs), 20)
        self.assertEqual({nc['grade'] for nc in self.ncs}, GRADES)
        self.assertEqual({nc['status'] for nc in self.ncs}, STATUSES)
        self.assertEqual({nc['source'] for nc in self.ncs}, SOURCES)
        self.assertTrue(any(nc['overdue'] for nc in self.ncs), 'no overdue NC in the demo')
        self.assertTrue(any(not nc['overdue'] for nc in self.ncs))
        refs = [nc['ref'] for nc in self.ncs]
        self.assertEqual(len(refs), len(set(refs)))
        for nc in self.ncs:
            self.assertEqual(list(nc.keys()), FIELDS)
            for field in ('ref', 'title', 'statement', 'requirement', 'evidence', 'area',
                          'reported-by', 'reported-on', 'owner'):
                self.assertTrue(nc[field], '%s has no %s' % (nc['ref'], field))
            if nc['status'] != 'reported':
                self.assertTrue(nc['correction'], '%s has no correction' % nc['ref'])
                self.assertTrue(nc['correction-on'])
            self.assertEqual(nc['closed-on'] is not None, nc['status'] == 'closed', nc['ref'])
            self.assertLessEqual(nc['reported-on'], TODAY)
            if nc['source'] in ('internal-audit', 'external-audit'):
                self.assertTrue(nc['audit'], '%s has no audit' % nc['ref'])

    def test_demo_info_and_application_id(self):
        db = sqlite3.connect('file:%s?mode=ro' % self.demo, uri=True)
        try:
            (app_id,) = db.execute('PRAGMA application_id').fetchone()
            self.assertEqual(app_id, 0x52454354)
        finally:
            db.close()

    def test_demo_refuses_existing_file(self):
        before = read_bytes(self.demo)
        rc, out, err = run('demo', self.demo)
        self.assertEqual(rc, 2)
        self.assertTrue(err.strip())
        self.assertEqual(read_bytes(self.demo), before)

        text = self.path('notes.txt')
        with open(text, 'w') as f:
            f.write('not a register\n')
        rc, out, err = run('demo', text, '--count', '5')
        self.assertEqual(rc, 2)
        self.assertTrue(err.strip())
        self.assertEqual(read_bytes(text), b'not a register\n')

    def test_demo_synthetic_is_deterministic(self):
        outputs = {}
        for name, seed in (('a', 7), ('b', 7), ('c', 8)):
            path = self.path('synthetic-%s.rectify' % name)
            rc, out, err = run('demo', path, '--count', 500, '--seed', seed)
            self.assertEqual(rc, 0, err)
            rc, out, err = run('list', path)
            self.assertEqual(rc, 0, err)
            outputs[name] = out
        self.assertEqual(outputs['a'], outputs['b'])
        self.assertNotEqual(outputs['a'], outputs['c'])
        # a header and one line per NC
        self.assertEqual(len(outputs['a'].splitlines()), 501)

        rc, out, err = run('list', self.path('synthetic-a.rectify'), '--format', 'json')
        ncs = json.loads(out)
        self.assertEqual(len(ncs), 500)
        self.assertEqual({nc['grade'] for nc in ncs}, GRADES)
        self.assertEqual({nc['status'] for nc in ncs}, STATUSES)

        rc, out, err = run('verify', self.path('synthetic-a.rectify'))
        self.assertEqual((rc, out.strip()), (0, 'OK'), err)

    # list

    def test_list_filters(self):
        for status in STATUSES:
            expected = [nc['ref'] for nc in self.ncs if nc['status'] == status]
            got = [nc['ref'] for nc in self.list_json('--status', status)]
            self.assertEqual(got, expected, status)
            self.assertTrue(got, 'the demo has no %s NC' % status)
        for grade in GRADES:
            expected = [nc['ref'] for nc in self.ncs if nc['grade'] == grade]
            self.assertEqual([nc['ref'] for nc in self.list_json('--grade', grade)], expected)

        # Overdue: open and past the due date, computed here independently.
        expected = [nc['ref'] for nc in self.ncs
                    if nc['status'] != 'closed' and nc['due-on'] and nc['due-on'] < TODAY]
        self.assertTrue(expected)
        self.assertEqual([nc['ref'] for nc in self.list_json('--overdue')], expected)
        self.assertEqual([nc['ref'] for nc in self.ncs if nc['overdue']], expected)

        expected = [nc['ref'] for nc in self.ncs
                    if nc['grade'] == 'minor' and nc['status'] == 'implementation'
                    and nc['overdue']]
        got = self.list_json('--grade', 'minor', '--status', 'implementation', '--overdue')
        self.assertEqual([nc['ref'] for nc in got], expected)

        # Words are case-insensitive, as rectify_enum_from_nick takes them.
        self.assertEqual(self.list_json('--grade', 'MAJOR'), self.list_json('--grade', 'major'))

    def test_list_text(self):
        rc, out, err = run('list', self.demo)
        self.assertEqual(rc, 0, err)
        lines = out.splitlines()
        self.assertEqual(len(lines), len(self.ncs) + 1)
        self.assertTrue(lines[0].startswith('REF'))
        title_column = lines[0].index('TITLE')
        for line, nc in zip(lines[1:], self.ncs):
            words = line.split()
            self.assertEqual(words[:3], [nc['ref'], nc['grade'], nc['status']])
            self.assertIn(nc['requirement'], words)
            self.assertEqual(line[title_column:], nc['title'])

    def test_list_csv_matches_json(self):
        rc, out, err = run('list', self.demo, '--format', 'csv')
        self.assertEqual(rc, 0, err)
        self.assertIn('\r\n', out)
        rows = list(csv.DictReader(io.StringIO(out, newline='')))
        self.assertEqual(len(rows), len(self.ncs))
        for row, nc in zip(rows, self.ncs):
            self.assertEqual(list(row.keys()), FIELDS)
            for field in FIELDS:
                value = nc[field]
                if value is None:
                    value = ''
                elif isinstance(value, bool):
                    value = 'true' if value else 'false'
                else:
                    value = str(value)
                self.assertEqual(row[field], value, '%s %s' % (nc['ref'], field))
        # Texts with commas, quotes and backslashes survive both formats.
        self.assertTrue(any('"' in nc['evidence'] for nc in self.ncs))
        self.assertTrue(any('\\' in nc['evidence'] for nc in self.ncs))
        self.assertTrue(any(',' in nc['evidence'] for nc in self.ncs))

        rc, out, err = run('list', self.demo, '--format', 'csv', '--grade', 'ofi')
        rows = list(csv.DictReader(io.StringIO(out, newline='')))
        self.assertEqual([r['ref'] for r in rows],
                         [nc['ref'] for nc in self.ncs if nc['grade'] == 'ofi'])

    # show

    def test_show(self):
        for nc in (self.ncs[0], [n for n in self.ncs if n['grade'] == 'major'][0],
                   [n for n in self.ncs if n['status'] == 'reported'][0]):
            rc, out, err = run('show', self.demo, nc['ref'])
            self.assertEqual(rc, 0, err)
            flat = ' '.join(out.split())
            self.assertIn(' '.join(nc['statement'].split()), flat)
            self.assertIn(' '.join(nc['evidence'].split()), flat)
            self.assertIn(nc['title'], out)
            self.assertIn('History', out)
            if nc['audit']:
                self.assertIn(nc['audit'], flat)

        closed = [n for n in self.ncs if n['status'] == 'closed'][0]
        rc, out, err = run('show', self.demo, closed['ref'])
        self.assertIn('(root cause)', out)
        self.assertIn('Effective', out)

        rc, out, err = run('show', self.demo, 'NC-999')
        self.assertEqual(rc, 2)
        self.assertIn('NC-999', err)
        self.assertEqual(out, '')

    # verify

    def test_verify(self):
        rc, out, err = run('verify', self.demo)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.strip(), 'OK')

        text = self.path('plain.txt')
        content = b'This is a plain text file, not a register.\n' * 20
        with open(text, 'wb') as f:
            f.write(content)
        for command in (('verify', text), ('list', text), ('show', text, 'NC-001')):
            rc, out, err = run(*command)
            self.assertEqual(rc, 2, command)
            self.assertTrue(err.strip())
            self.assertEqual(read_bytes(text), content)
            self.assertEqual(sorted(os.listdir(self.tmp)).count('plain.txt-wal'), 0)

        missing = self.path('missing.rectify')
        rc, out, err = run('verify', missing)
        self.assertEqual(rc, 2)
        self.assertTrue(err.strip())
        self.assertFalse(os.path.exists(missing))

    # usage

    def test_wrong_usage(self):
        self.assert_usage()
        self.assert_usage('frobnicate')
        self.assert_usage('--frobnicate')
        self.assert_usage('list')
        self.assert_usage('list', self.demo, '--frobnicate')
        self.assert_usage('list', self.demo, '--status', 'done')
        self.assert_usage('list', self.demo, '--grade', 'critical')
        self.assert_usage('list', self.demo, '--format', 'xml')
        self.assert_usage('list', self.demo, 'extra')
        self.assert_usage('show', self.demo)
        self.assert_usage('verify')
        self.assert_usage('demo')
        self.assert_usage('demo', self.path('x.rectify'), '--count', 'many')
        self.assert_usage('demo', self.path('x.rectify'), '--count', '0')
        self.assert_usage('demo', self.path('x.rectify'), '--count', '5', '--seed', '-1')
        self.assert_usage('demo', self.path('x.rectify'), '--seed', '3')
        self.assertFalse(os.path.exists(self.path('x.rectify')))

    def test_help_and_version(self):
        rc, out, err = run('--help')
        self.assertEqual(rc, 0)
        for command in ('demo', 'list', 'show', 'verify'):
            self.assertIn(command, out)
        rc, out, err = run('--version')
        self.assertEqual(rc, 0)
        self.assertTrue(out.startswith('rectify-cli '))
        for command in ('demo', 'list', 'show', 'verify'):
            rc, out, err = run(command, '--help')
            self.assertEqual(rc, 0, command)
            self.assertIn('rectify-cli ' + command, out)
        rc, out, err = run('list', '--help')
        for option in ('--status', '--grade', '--overdue', '--format'):
            self.assertIn(option, out)
        rc, out, err = run('help', 'demo')
        self.assertEqual(rc, 0)
        self.assertIn('--count', out)


if __name__ == '__main__':
    unittest.main(verbosity=2)
