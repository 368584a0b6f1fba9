#!/usr/bin/python3
# test-import.py
#
# Copyright 2026 The Rectify authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# "rectify-cli import REGISTER FINDINGS.csv [--audit TITLE] [--dry-run]" on real registers and
# real CSV files (tests/data/import/*.csv and files written here).
# Environment: RECTIFY_CLI = path of the binary; RECTIFY_TESTDATA = tests/data.

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
DATA = os.path.join(os.environ.get('RECTIFY_TESTDATA',
                                   os.path.join(os.path.dirname(__file__), 'data')), 'import')
os.environ.setdefault('RECTIFY_TODAY', '2026-06-15')


def run(*args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    proc = subprocess.run([CLI] + [str(a) for a in args], env=env, capture_output=True,
                          timeout=60)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8', 'replace')


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


def register_bytes(path):
    """The register file and its WAL, which is where SQLite writes first."""
    data = read_bytes(path)
    if os.path.exists(path + '-wal'):
        data += read_bytes(path + '-wal')
    return data


@unittest.skipIf(not CLI, 'RECTIFY_CLI is not set')
class ImportTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='rectify-import-test-')
        self.reg = os.path.join(self.tmp, 'reg.rectify')
        rc, out, err = run('demo', self.reg)
        self.assertEqual(rc, 0, err)
        # A certification audit of the demo register (its titles follow RECTIFY_TODAY).
        with sqlite3.connect('file:%s?mode=ro' % self.reg, uri=True) as db:
            self.stage2 = db.execute("SELECT title FROM audit WHERE kind = 'stage-2' "
                                     "ORDER BY id LIMIT 1").fetchone()[0]

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, 'wb') as f:
            f.write(data if isinstance(data, bytes) else data.encode('utf-8'))
        return path

    def ncs(self):
        rc, out, err = run('list', self.reg, '--format', 'json')
        self.assertEqual(rc, 0, err)
        return {nc['ref']: nc for nc in json.loads(out)}

    def assert_refused(self, path, *expected_lines, args=()):
        before = register_bytes(self.reg)
        n_before = len(self.ncs())
        rc, out, err = run('import', self.reg, path, *args)
        self.assertEqual(rc, 2, out + err)
        name = os.path.basename(path)
        for line in expected_lines:
            self.assertIn('%s:%d:' % (name, line), err)
        self.assertIn('nothing was imported', err)
        self.assertEqual(len(self.ncs()), n_before)
        self.assertEqual(register_bytes(self.reg), before)
        return err

    # -- good files ------------------------------------------------------------------------

    def test_semicolons_bom_day_first_dates(self):
        path = os.path.join(DATA, 'semicolon-bom.csv')
        self.assertTrue(read_bytes(path).startswith(b'\xef\xbb\xbf'))
        rc, out, err = run('import', self.reg, path, '--audit', self.stage2)
        self.assertEqual(rc, 0, err)
        self.assertIn('Ignored column “Remarks”', err)
        ncs = self.ncs()
        cb1, cb2, cb3 = ncs['CB-01'], ncs['CB-02'], ncs['CB-03']
        # Quoted field with the delimiter and doubled quotes inside.
        self.assertEqual(cb1['statement'],
                         'Access rights are not reviewed; the last review is from 2024.')
        self.assertEqual(cb1['evidence'], 'Review log "AR-2024" shows no entries since May 2024.')
        self.assertEqual(cb1['requirement'], 'A.5.18')
        self.assertEqual(cb1['grade'], 'major')
        self.assertEqual(cb1['area'], 'IT')
        self.assertEqual(cb1['reported-by'], 'Anna Auditor')
        self.assertEqual(cb1['reported-on'], '2026-03-04')          # 04.03.2026
        self.assertEqual(cb2['reported-on'], '2026-03-05')          # 05/03/2026
        self.assertEqual(cb2['requirement'], 'A.5.20')              # "Annex A 5.20"
        self.assertEqual(cb2['grade'], 'minor')
        self.assertEqual(cb3['statement'], 'Internal audit programme\nnot followed')
        self.assertEqual(cb3['requirement'], '9.2')                 # "Clause 9.2"
        self.assertEqual(cb3['grade'], 'ofi')
        for nc in (cb1, cb2, cb3):
            self.assertEqual(nc['audit'], self.stage2)
            self.assertEqual(nc['source'], 'external-audit')       # a certification audit
            self.assertEqual(nc['status'], 'reported')

    def test_commas_new_audit_internal_source_text_kept(self):
        path = os.path.join(DATA, 'good.csv')
        rc, out, err = run('import', self.reg, path, '--audit', 'Internal audit 2026')
        self.assertEqual(rc, 0, err)
        self.assertIn('Created audit “Internal audit 2026”', out)
        ncs = self.ncs()
        self.assertEqual(ncs['IA-1']['statement'], 'Backups are not tested, restore never tried')
        self.assertEqual(ncs['IA-1']['evidence'], 'Backup log, 2026')
        self.assertEqual(ncs['IA-2']['statement'], "=cmd|' /C calc'!A0")
        self.assertEqual(ncs['IA-2']['evidence'], '+1')
        self.assertEqual(ncs['IA-2']['area'], '-1')
        self.assertEqual(ncs['IA-2']['reported-by'], '@x')
        self.assertEqual(ncs['IA-2']['requirement'], 'A.5.15')     # "5.15": a control
        self.assertEqual(ncs['IA-2']['grade'], 'observation')
        self.assertIn('Łódź', ncs['IA-3']['evidence'])
        self.assertIn('倉庫の端末', ncs['IA-3']['evidence'])
        self.assertEqual(ncs['IA-3']['area'], 'Entrepôt Orléans')
        self.assertEqual(ncs['IA-3']['grade'], 'major')
        for ref in ('IA-1', 'IA-2', 'IA-3'):
            self.assertEqual(ncs[ref]['audit'], 'Internal audit 2026')
            self.assertEqual(ncs[ref]['source'], 'internal-audit')

    def test_header_names_and_grade_words(self):
        data = ('  Finding   Number ,FINDING DESCRIPTION.,standard clause,Type,Objective Evidence,'
                'Location,Reported by,Identified on,Extra\n'
                'H-1,One,A.8.8,Major NC,e,l,a,2026-01-02,x\n'
                'H-2,Two,a8.9,minor nc,,,,,\n'
                'H-3,Three,§9.3,Obs,,,,,\n'
                'H-4,Four,A 5.1,Opportunity for improvement,,,,,\n'
                'H-5,Five,Clause 10.2,observation,,,,,\n')
        rc, out, err = run('import', self.reg, self.write('h.csv', data))
        self.assertEqual(rc, 0, err)
        self.assertIn('Ignored column “Extra”', err)
        ncs = self.ncs()
        self.assertEqual(ncs['H-1']['grade'], 'major')
        self.assertEqual(ncs['H-1']['area'], 'l')
        self.assertEqual(ncs['H-1']['reported-on'], '2026-01-02')
        self.assertEqual(ncs['H-2']['grade'], 'minor')
        self.assertEqual(ncs['H-2']['requirement'], 'A.8.9')
        self.assertEqual(ncs['H-3']['grade'], 'observation')
        self.assertEqual(ncs['H-3']['requirement'], '9.3')
        self.assertEqual(ncs['H-4']['grade'], 'ofi')
        self.assertEqual(ncs['H-5']['requirement'], '10.2')
        for ref in ('H-1', 'H-5'):
            self.assertFalse(ncs[ref]['audit'])
            self.assertEqual(ncs[ref]['source'], 'internal-audit')

    def test_crlf_and_no_reference_column(self):
        data = 'Statement,Grade\r\n"First\r\nfinding",Minor\r\nSecond finding,Major\r\n'
        path = self.write('crlf.csv', data)
        n = len(self.ncs())
        rc, out, err = run('import', self.reg, path, '--audit', 'CRLF audit')
        self.assertEqual(rc, 0, err)
        ncs = self.ncs()
        self.assertEqual(len(ncs), n + 2)
        statements = {nc['statement'] for nc in ncs.values()}
        self.assertIn('Second finding', statements)
        # Again: matched by audit and statement, nothing new.
        rc, out, err = run('import', self.reg, path, '--audit', 'CRLF audit')
        self.assertEqual(rc, 0, err)
        self.assertEqual(len(self.ncs()), n + 2)

    # -- re-import, dry run ----------------------------------------------------------------

    def test_reimport_makes_no_duplicates(self):
        path = os.path.join(DATA, 'semicolon-bom.csv')
        n = len(self.ncs())
        rc, out, err = run('import', self.reg, path, '--audit', self.stage2)
        self.assertEqual(rc, 0, err)
        self.assertEqual(len(self.ncs()), n + 3)
        rc, out, err = run('import', self.reg, path, '--audit', self.stage2)
        self.assertEqual(rc, 0, err)
        self.assertIn('3 already imported', out)
        self.assertEqual(len(self.ncs()), n + 3)

    def test_same_reference_other_audit(self):
        path = os.path.join(DATA, 'good.csv')
        rc, out, err = run('import', self.reg, path, '--audit', 'Audit A')
        self.assertEqual(rc, 0, err)
        rc, out, err = run('import', self.reg, path, '--audit', 'Audit B')
        self.assertEqual(rc, 0, err)
        ncs = self.ncs()
        self.assertEqual(ncs['IA-1']['audit'], 'Audit A')
        self.assertEqual(ncs['IA-1-2']['audit'], 'Audit B')
        # And both again: nothing new.
        n = len(ncs)
        for audit in ('Audit A', 'Audit B'):
            rc, out, err = run('import', self.reg, path, '--audit', audit)
            self.assertEqual(rc, 0, err)
        self.assertEqual(len(self.ncs()), n)

    def test_dry_run_writes_nothing(self):
        before = register_bytes(self.reg)
        n = len(self.ncs())
        rc, out, err = run('import', self.reg, os.path.join(DATA, 'good.csv'),
                           '--audit', 'New audit', '--dry-run')
        self.assertEqual(rc, 0, err)
        self.assertIn('Would create audit “New audit”', out)
        self.assertIn('Would create IA-1', out)
        self.assertIn('nothing was written', out)
        self.assertEqual(register_bytes(self.reg), before)
        self.assertEqual(len(self.ncs()), n)
        rc, out, err = run('export', self.reg, os.path.join(self.tmp, 'x.xlsx'),
                           '--audit', 'New audit')
        self.assertEqual(rc, 2)

    # -- bad files: nothing imported, each bad row named -----------------------------------

    def test_bad_rows_all_named(self):
        err = self.assert_refused(os.path.join(DATA, 'bad.csv'), 3, 4, 6, 7)
        self.assertIn('bad.csv:3: the statement is empty', err)
        # The record with a line break starts on line 4 (it ends on line 5).
        self.assertIn('bad.csv:4: “31/02/2026” is not a date', err)
        self.assertNotIn('bad.csv:5:', err)
        self.assertIn('bad.csv:6: unknown requirement “A.9.99”', err)
        self.assertIn('bad.csv:7: unknown grade “Critical-ish”', err)
        self.assertNotIn('bad.csv:2:', err)        # the good row

    def test_invalid_utf8(self):
        err = self.assert_refused(os.path.join(DATA, 'invalid-utf8.csv'), 2)
        self.assertIn('not UTF-8', err)

    def test_empty_file(self):
        err = self.assert_refused(os.path.join(DATA, 'empty.csv'))
        self.assertIn('empty', err)
        err = self.assert_refused(self.write('bom-only.csv', b'\xef\xbb\xbf\r\n\r\n'))
        self.assertIn('empty', err)

    def test_header_only(self):
        err = self.assert_refused(os.path.join(DATA, 'header-only.csv'))
        self.assertIn('no findings', err)

    def test_no_statement_column(self):
        err = self.assert_refused(os.path.join(DATA, 'no-statement-column.csv'), 1)
        self.assertIn('no statement column', err)

    def test_unclosed_quote(self):
        err = self.assert_refused(os.path.join(DATA, 'unclosed-quote.csv'), 2)
        self.assertIn('never closed', err)

    def test_duplicate_reference_in_file(self):
        data = 'Ref,Statement\nD-1,One\nD-2,Two\nD-1,Three\n'
        err = self.assert_refused(self.write('dup.csv', data), 4)
        self.assertIn('line 2 too', err)

    def test_bad_row_at_the_end_stops_everything(self):
        rows = ['Ref,Statement,Date'] + ['G-%d,Finding %d,2026-03-01' % (i, i) for i in range(50)]
        rows.append('G-50,Finding 50,2026-13-01')
        err = self.assert_refused(self.write('late.csv', '\n'.join(rows) + '\n'), 52)
        self.assertNotIn('G-1', self.ncs())

    def test_missing_files(self):
        rc, out, err = run('import', self.reg, os.path.join(self.tmp, 'none.csv'))
        self.assertEqual(rc, 2)
        rc, out, err = run('import', os.path.join(self.tmp, 'none.rectify'),
                           os.path.join(DATA, 'good.csv'))
        self.assertEqual(rc, 2)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, 'none.rectify')))
        rc, out, err = run('import', self.reg)
        self.assertEqual(rc, 1)


if __name__ == '__main__':
    unittest.main(verbosity=2)
