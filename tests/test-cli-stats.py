#!/usr/bin/python3
# test-cli-stats.py
#
# Copyright 2026 The Rectify authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `rectify-cli stats` on the hand-written demo register with RECTIFY_TODAY fixed: the JSON is
# parsed and every figure compared with one computed here, independently, from
# `rectify-cli list --format json` (the NCs) and a read-only look at the file with Python's
# sqlite3 (actions, links, history). Also: --audit, --from/--to, the text report, exit statuses.
# Environment: RECTIFY_CLI = path of the binary; RECTIFY_TODAY fixes the clock.

import json
import math
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

CLI = os.environ.get('RECTIFY_CLI')
TODAY = os.environ.setdefault('RECTIFY_TODAY', '2026-06-15')

STATUSES = ['reported', 'analysis', 'action-planned', 'awaiting-approval', 'implementation',
            'verification', 'closed']
GRADES = ['major', 'minor', 'observation', 'ofi']
SOURCES = ['internal-audit', 'external-audit', 'incident', 'monitoring', 'management-review',
           'complaint', 'other']
THEMES = {'A.5.': 'organizational', 'A.6.': 'people', 'A.7.': 'physical',
          'A.8.': 'technological'}


def run(*args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    proc = subprocess.run([CLI] + [str(a) for a in args], env=env, capture_output=True,
                          timeout=60)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8', 'replace')


def percentile(values, p):
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return None
    values = sorted(values)
    h = (len(values) - 1) * p
    lo = math.floor(h)
    if lo + 1 >= len(values):
        return float(values[-1])
    return values[lo] + (h - lo) * (values[lo + 1] - values[lo])


def days_between(a, b):
    from datetime import date
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def theme_of(req):
    if not req:
        return 'none'
    for prefix, theme in THEMES.items():
        if req.startswith(prefix):
            return theme
    if req[0].isdigit():
        return 'clauses'
    return 'other'


def ref_key(ref):
    # NC-001 style refs: order by the number
    head, _, num = ref.rpartition('-')
    return (head, int(num)) if num.isdigit() else (ref, 0)


def next_month(month):
    y, m = int(month[:4]), int(month[5:7])
    m += 1
    if m > 12:
        y, m = y + 1, 1
    return '%04d-%02d' % (y, m)


def natural_key(text):
    """Runs of digits compare as numbers ("A.5.9" before "A.5.15")."""
    key, i = [], 0
    while i < len(text):
        if text[i].isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            key.append((ord('0'), int(text[i:j])))
            i = j
        else:
            key.append((ord(text[i]), 0))
            i += 1
    return key


def counts_list(counter):
    """Non-zero counts, most first, ties by key in natural order, as [(key, count)]."""
    return sorted(((k, v) for k, v in counter.items() if v > 0),
                  key=lambda kv: (-kv[1], natural_key(kv[0])))


def expected(ncs, db_path, audit=None, date_from=None, date_to=None):
    """The figures, from the NCs of `list --format json` and the file read directly."""
    scoped = []
    for nc in ncs:
        if audit is not None and nc['audit'] != audit:
            continue
        if date_from or date_to:
            rep = nc['reported-on']
            if not rep:
                continue
            if date_from and rep < date_from:
                continue
            if date_to and rep > date_to:
                continue
        scoped.append(nc)

    e = {}
    e['total'] = len(scoped)
    closed = [nc for nc in scoped if nc['status'] == 'closed']
    open_ = [nc for nc in scoped if nc['status'] != 'closed']
    e['open'] = len(open_)
    e['closed'] = len(closed)
    e['by-status'] = {s: sum(1 for nc in scoped if nc['status'] == s) for s in STATUSES}
    e['open-by-grade'] = {g: sum(1 for nc in open_ if nc['grade'] == g) for g in GRADES}
    e['open-by-source'] = {s: sum(1 for nc in open_ if nc['source'] == s) for s in SOURCES}

    def tally(key_of, items):
        counter = {}
        for nc in items:
            k = key_of(nc)
            counter[k] = counter.get(k, 0) + 1
        return counter

    e['open-by-area'] = counts_list(tally(lambda nc: (nc['area'] or '').strip(), open_))
    e['open-by-requirement'] = counts_list(tally(lambda nc: (nc['requirement'] or '').strip(),
                                                 open_))
    e['open-by-theme'] = counts_list(tally(lambda nc: theme_of(nc['requirement']), open_))
    e['repeated-requirements'] = [kv for kv in counts_list(
        tally(lambda nc: (nc['requirement'] or '').strip(), scoped)) if kv[1] >= 2]

    # Months
    opened, closed_m = {}, {}
    for nc in scoped:
        if nc['reported-on']:
            m = nc['reported-on'][:7]
            opened[m] = opened.get(m, 0) + 1
    for nc in closed:
        if nc['closed-on']:
            m = nc['closed-on'][:7]
            closed_m[m] = closed_m.get(m, 0) + 1
    events = sorted(set(opened) | set(closed_m))
    first = date_from[:7] if date_from else (events[0] if events else None)
    if date_to:
        last = date_to[:7]
    elif first is not None:
        last = max([TODAY[:7]] + events)
    else:
        last = None
    months = []
    if first and last:
        m = first
        while m <= last:
            months.append({'month': m, 'opened': opened.get(m, 0), 'closed': closed_m.get(m, 0)})
            m = next_month(m)
    e['months'] = months

    e['overdue-ncs'] = sorted((nc['ref'] for nc in scoped if nc['overdue']), key=ref_key)

    # Days to close, overall and by grade
    def duration(items):
        days = [days_between(nc['reported-on'], nc['closed-on']) for nc in items
                if nc['reported-on'] and nc['closed-on']]
        return {'count': len(days), 'median': percentile(days, 0.5),
                'p90': percentile(days, 0.9)}

    e['days-to-close'] = duration(closed)
    e['days-to-close-by-grade'] = {g: duration([nc for nc in closed if nc['grade'] == g])
                                   for g in GRADES}

    # Actions and history, straight from the file
    db = sqlite3.connect('file:%s?mode=ro' % db_path, uri=True)
    try:
        actions = db.execute('SELECT id, ref, status, target_on, done_on FROM action').fetchall()
        links = db.execute('SELECT nc_id, action_id FROM nc_action').fetchall()
        reopen_rows = db.execute("SELECT entity_id FROM history WHERE entity = 'nonconformity'"
                                 " AND field = 'reopened'").fetchall()
    finally:
        db.close()

    scoped_ids = {nc['id'] for nc in scoped}
    if audit is None and not date_from and not date_to:
        in_scope = actions
    else:
        linked = {a for n, a in links if n in scoped_ids}
        in_scope = [a for a in actions if a[0] in linked]
    done = [a for a in in_scope if a[2] == 'done']
    timed = [a for a in done if a[3] and a[4]]
    on_time = [a for a in timed if a[4] <= a[3]]
    e['actions'] = len(in_scope)
    e['actions-done'] = len(done)
    e['actions-done-on-time'] = len(on_time)
    e['actions-on-time-share'] = len(on_time) / len(timed) if timed else None
    e['overdue-actions'] = sorted((a[1] for a in in_scope
                                   if a[2] not in ('done', 'cancelled') and a[3]
                                   and a[3] < TODAY), key=ref_key)

    reopened = {}
    for (nc_id,) in reopen_rows:
        if nc_id in scoped_ids:
            reopened[nc_id] = reopened.get(nc_id, 0) + 1
    refs = {nc['id']: nc['ref'] for nc in scoped}
    e['reopened-ncs'] = sorted((refs[i] for i in reopened), key=ref_key)
    e['reopenings'] = sum(reopened.values())

    return e


@unittest.skipIf(not CLI, 'RECTIFY_CLI is not set')
class StatsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='rectify-cli-stats-')
        cls.reg = os.path.join(cls.tmp, 'demo.rectify')
        rc, out, err = run('demo', cls.reg)
        if rc != 0:
            raise AssertionError('demo failed: %d %s' % (rc, err))
        # One recurrence: a closed NC reopened
        rc, out, err = run('list', cls.reg, '--format', 'json', '--status', 'closed')
        cls.reopened_ref = json.loads(out)[0]['ref']
        rc, out, err = run('move', cls.reg, cls.reopened_ref, 'analysis')
        if rc != 0:
            raise AssertionError('move failed: %d %s' % (rc, err))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def ncs(self):
        rc, out, err = run('list', self.reg, '--format', 'json')
        self.assertEqual(rc, 0, err)
        return json.loads(out)

    def stats(self, *args):
        rc, out, err = run('stats', self.reg, '--format', 'json', *args)
        self.assertEqual(rc, 0, err)
        return json.loads(out)

    def assertNumber(self, actual, wanted, what):
        if wanted is None:
            self.assertIsNone(actual, what)
        else:
            self.assertIsNotNone(actual, what)
            self.assertAlmostEqual(actual, wanted, places=3, msg=what)

    def compare(self, got, want):
        for key in ('total', 'open', 'closed', 'by-status', 'open-by-grade', 'open-by-source',
                    'months', 'overdue-ncs', 'overdue-actions', 'actions', 'actions-done',
                    'actions-done-on-time', 'reopened-ncs', 'reopenings'):
            self.assertEqual(got[key], want[key], key)
        for key in ('open-by-area', 'open-by-requirement', 'open-by-theme',
                    'repeated-requirements'):
            self.assertEqual([(c['key'], c['count']) for c in got[key]], want[key], key)
            for c in got[key]:
                self.assertTrue(c['label'], key)
        self.assertNumber(got['actions-on-time-share'], want['actions-on-time-share'], 'share')
        for name, g, w in [('all', got['days-to-close'], want['days-to-close'])] + \
                [(grade, got['days-to-close-by-grade'][grade],
                  want['days-to-close-by-grade'][grade]) for grade in GRADES]:
            self.assertEqual(g['count'], w['count'], name)
            self.assertNumber(g['median'], w['median'], 'median ' + name)
            self.assertNumber(g['p90'], w['p90'], 'p90 ' + name)

    def test_whole_register(self):
        got = self.stats()
        self.assertEqual(list(got.keys())[:4], ['today', 'audit', 'from', 'to'])
        self.assertEqual(got['today'], TODAY)
        self.assertIsNone(got['audit'])
        want = expected(self.ncs(), self.reg)
        # The demo register exercises the figures
        self.assertGreater(want['closed'], 1)
        self.assertGreater(len(want['overdue-ncs']), 0)
        self.assertGreater(len(want['overdue-actions']), 0)
        self.assertEqual(want['reopened-ncs'], [self.reopened_ref])
        self.compare(got, want)

    def test_stable_output(self):
        rc1, out1, _ = run('stats', self.reg, '--format', 'json')
        rc2, out2, _ = run('stats', self.reg, '--format', 'json')
        self.assertEqual((rc1, out1), (rc2, out2))

    def test_audit(self):
        ncs = self.ncs()
        audits = {}
        for nc in ncs:
            if nc['audit']:
                audits[nc['audit']] = audits.get(nc['audit'], 0) + 1
        self.assertTrue(audits)
        for title in audits:
            got = self.stats('--audit', title)
            self.assertEqual(got['audit'], title)
            want = expected(ncs, self.reg, audit=title)
            self.assertEqual(want['total'], audits[title])
            self.compare(got, want)

    def test_date_range(self):
        ncs = self.ncs()
        for date_from, date_to in [('2025-10-01', '2026-03-31'), ('2026-05-01', None),
                                   (None, '2025-12-31'), ('2030-01-01', '2030-02-28')]:
            args = []
            if date_from:
                args += ['--from', date_from]
            if date_to:
                args += ['--to', date_to]
            got = self.stats(*args)
            self.assertEqual((got['from'], got['to']), (date_from, date_to))
            self.compare(got, expected(ncs, self.reg, date_from=date_from, date_to=date_to))

    def test_empty_register(self):
        empty = os.path.join(self.tmp, 'empty.rectify')
        rc, out, err = run('demo', empty, '--count', '1')
        self.assertEqual(rc, 0, err)
        # A range with no NC: zero everywhere, months still listed
        rc, out, err = run('stats', empty, '--format', 'json', '--from', '1990-01-01',
                           '--to', '1990-03-15')
        self.assertEqual(rc, 0, err)
        got = json.loads(out)
        self.assertEqual(got['total'], 0)
        self.assertEqual([m['month'] for m in got['months']], ['1990-01', '1990-02', '1990-03'])
        self.assertIsNone(got['days-to-close']['median'])
        self.assertIsNone(got['actions-on-time-share'])
        self.assertEqual(got['repeated-requirements'], [])

    def test_text(self):
        rc, out, err = run('stats', self.reg)
        self.assertEqual(rc, 0, err)
        for heading in ('Nonconformities', 'By status', 'Open by grade', 'Open by theme',
                        'Opened and closed per month', 'Overdue', 'Days from report to closure',
                        'Corrective actions', 'Recurrence', 'Requirements with repeated findings'):
            self.assertIn('\n' + heading + '\n', out)
        want = expected(self.ncs(), self.reg)
        lines = out.splitlines()
        # Numbers right-aligned in their section
        start = lines.index('By status')
        rows = lines[start + 1:start + 1 + len(STATUSES)]
        self.assertEqual(len({len(r) for r in rows}), 1, rows)
        self.assertTrue(rows[-1].startswith('  Closed'))
        self.assertEqual(int(rows[-1].split()[-1]), want['by-status']['closed'])
        self.assertIn(self.reopened_ref, out)
        self.assertFalse(any(line.endswith(' ') for line in lines))

        rc, out, err = run('stats', self.reg, '--format', 'text', '--audit',
                           [nc for nc in self.ncs() if nc['audit']][0]['audit'])
        self.assertEqual(rc, 0, err)
        self.assertIn('audit “', out.splitlines()[0])

    def test_errors(self):
        # Unknown audit: bad input
        rc, out, err = run('stats', self.reg, '--audit', 'No such audit')
        self.assertEqual(rc, 2)
        self.assertIn('No such audit', err)
        self.assertEqual(out, '')
        # Not a register: bad input
        rc, out, err = run('stats', os.path.join(self.tmp, 'missing.rectify'))
        self.assertEqual(rc, 2)
        # Wrong usage
        for args in (['--format', 'xml'], ['--from', 'yesterday'], ['--to', '2026-02-30'],
                     ['--from', '2026-05-01', '--to', '2026-04-01'], ['extra']):
            rc, out, err = run('stats', self.reg, *args)
            self.assertEqual(rc, 1, args)
            self.assertEqual(out, '', args)
        rc, out, err = run('stats')
        self.assertEqual(rc, 1)
        # Help lists the options
        rc, out, err = run('stats', '--help')
        self.assertEqual(rc, 0)
        for option in ('--audit', '--from', '--to', '--format'):
            self.assertIn(option, out)


if __name__ == '__main__':
    unittest.main(verbosity=2)
