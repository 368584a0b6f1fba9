#!/usr/bin/python3
# test-export.py
#
# Copyright 2026 The Rectify authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# "rectify-cli export REGISTER PLAN.xlsx [--audit TITLE]": real readers check the workbook:
# openpyxl (python3-openpyxl) and, when installed, LibreOffice headless.
# Environment: RECTIFY_CLI = path of the binary; RECTIFY_TESTDATA = tests/data.

import csv
import datetime
import glob
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile

try:
    import openpyxl
except ImportError:   # run with /usr/bin/python3 (Debian's python3-openpyxl)
    openpyxl = None

CLI = os.environ.get('RECTIFY_CLI')
TODAY = os.environ.setdefault('RECTIFY_TODAY', '2026-06-15')
DATA = os.path.join(os.environ.get('RECTIFY_TESTDATA',
                                   os.path.join(os.path.dirname(__file__), 'data')), 'import')
AUDIT = 'Internal audit 2026'
SHEETS = ['Summary', 'Corrective Action Plan', 'Actions', 'Root causes']
CAP_HEADERS = ['NC no.', 'Audit', 'Date', 'Area', 'Requirement', 'Grade',
               'Nonconformity statement', 'Objective evidence', 'Auditor', 'Correction',
               'Correction date', 'Root cause(s)', 'Corrective actions (owner, target date)',
               'Evidence', 'Status', 'Due date', 'CAP accepted', 'Resubmit by',
               'Verification method', 'Effective', 'Comment', 'Closed by', 'Closed on']
INJECTION = "=cmd|' /C calc'!A0"


def run(*args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    proc = subprocess.run([CLI] + [str(a) for a in args], env=env, capture_output=True,
                          timeout=120)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8', 'replace')


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


def column_of(ws, header, header_row):
    for cell in ws[header_row]:
        if cell.value == header:
            return cell.column_letter
    raise AssertionError('no column %r' % header)


def row_of(ws, ref):
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == ref:
            return row[0].row
    raise AssertionError('no row %r' % ref)


@unittest.skipIf(not CLI, 'RECTIFY_CLI is not set')
@unittest.skipIf(openpyxl is None, 'openpyxl is not installed')
class ExportTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='rectify-export-test-')
        cls.reg = os.path.join(cls.tmp, 'reg.rectify')
        rc, out, err = run('demo', cls.reg)
        assert rc == 0, err
        # Formula-looking and multilingual text, through the real import.
        rc, out, err = run('import', cls.reg, os.path.join(DATA, 'good.csv'), '--audit', AUDIT)
        assert rc == 0, err
        rc, out, err = run('list', cls.reg, '--format', 'csv')
        assert rc == 0, err
        cls.ncs = {row['ref']: row for row in csv.DictReader(out.splitlines())}
        # The CB does not accept the plan of NC-016 (a major awaiting approval) and wants it back
        # by a date; the demo's other majors past that step were accepted.
        rc, out, err = run('approve', cls.reg, 'NC-016', 'certification-body', 'not-accepted',
                           '--by', 'Example CB', '--on', '2026-06-02', '--resubmit-by',
                           '2026-07-15')
        assert rc == 0, err
        cls.plan = os.path.join(cls.tmp, 'plan.xlsx')
        rc, out, err = run('export', cls.reg, cls.plan)
        assert rc == 0, err
        cls.wb = openpyxl.load_workbook(cls.plan)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_sheets_and_headers(self):
        self.assertEqual(self.wb.sheetnames, SHEETS)
        cap = self.wb['Corrective Action Plan']
        self.assertEqual([c.value for c in cap[2]], CAP_HEADERS)
        groups = sorted(str(r) for r in cap.merged_cells.ranges)
        self.assertEqual(groups, ['A1:I1', 'J1:P1', 'Q1:W1'])
        self.assertEqual(cap['A1'].value, "Auditor's finding")
        self.assertEqual(cap['J1'].value, "Organisation's response")
        self.assertEqual(cap['Q1'].value, 'Certification body follow-up')
        self.assertEqual([c.value for c in self.wb['Actions'][1]],
                         ['Action no.', 'Action', 'NCs addressed', 'Owner', 'Target date',
                          'Status', 'Success criterion', 'Done on', 'Evidence'])
        self.assertEqual([c.value for c in self.wb['Root causes'][1]],
                         ['NC no.', 'Chain', 'Why no.', 'Category', 'Cause', 'Root cause'])

    def test_one_row_per_nc_and_values(self):
        cap = self.wb['Corrective Action Plan']
        refs = [cap.cell(row=r, column=1).value for r in range(3, cap.max_row + 1)]
        self.assertEqual(sorted(refs), sorted(self.ncs))
        r = row_of(cap, 'NC-001')
        nc = self.ncs['NC-001']
        self.assertEqual(cap['G%d' % r].value, nc['statement'])
        self.assertEqual(cap['B%d' % r].value, nc['audit'])
        self.assertTrue(cap['E%d' % r].value.startswith(nc['requirement'] + ' '))  # with title
        self.assertEqual(cap['E%d' % r].value, '7.5.3 Control of documented information')
        self.assertIn('•', cap['L%d' % r].value)                  # root cause(s)
        self.assertIn('A-001', cap['M%d' % r].value)              # actions with owners
        for col in 'QRSTUVW':                                     # left for the CB
            self.assertIsNone(cap['%s%d' % (col, r)].value)

    def test_cb_decision_and_resubmit_by(self):
        # The CB's latest recorded decision fills the first columns of its follow-up: the
        # drop-down's words, and the resubmit-by date as a real date in the date style of the
        # CB's columns (like "Closed on")
        cap = self.wb['Corrective Action Plan']
        self.assertEqual(column_of(cap, 'CAP accepted', 2), 'Q')
        self.assertEqual(column_of(cap, 'Resubmit by', 2), 'R')
        r = row_of(cap, 'NC-016')
        self.assertEqual(cap['Q%d' % r].value, 'Not accepted')
        self.assertEqual(cap['Q%d' % r].data_type, 's')
        resubmit = cap['R%d' % r]
        self.assertTrue(resubmit.is_date)
        self.assertEqual(resubmit.value, datetime.datetime(2026, 7, 15))
        closed_on = cap['W%d' % r]            # empty, in the CB's date style
        self.assertIsNone(closed_on.value)
        self.assertEqual(resubmit.number_format, closed_on.number_format)
        self.assertIn('yy', resubmit.number_format)
        self.assertEqual(resubmit.fill.fgColor.rgb, closed_on.fill.fgColor.rgb)
        self.assertEqual(resubmit.fill.fgColor.rgb, 'FFFFFDF3')
        self.assertFalse(resubmit.protection.locked)
        for col in 'STUVW':                                       # the rest is for the CB
            self.assertIsNone(cap['%s%d' % (col, r)].value)
        # Stored as a number with a date format, not as text
        with zipfile.ZipFile(self.plan) as z:
            xml = z.read('xl/worksheets/sheet2.xml').decode('utf-8')
        m = re.search(r'<c r="R%d"[^>]*>(.*?)</c>' % r, xml)
        self.assertIsNotNone(m)
        self.assertNotIn('t="', m.group(0).split('>')[0])
        self.assertEqual(m.group(1), '<v>46218</v>')
        # Accepted: no date; no decision of the CB: both empty, the date cell still a date cell
        accepted = [ref for ref, nc in self.ncs.items()
                    if nc['grade'] == 'major' and ref != 'NC-016'
                    and nc['status'] in ('implementation', 'verification', 'closed')]
        self.assertTrue(accepted)
        for ref in accepted:
            r = row_of(cap, ref)
            self.assertEqual(cap['Q%d' % r].value, 'Accepted', ref)
            self.assertIsNone(cap['R%d' % r].value, ref)
        r = row_of(cap, 'NC-001')
        self.assertIsNone(cap['Q%d' % r].value)
        self.assertIsNone(cap['R%d' % r].value)
        self.assertEqual(cap['R%d' % r].number_format, resubmit.number_format)

    def test_other_sheets_values(self):
        summary = self.wb['Summary']
        values = {row[0].value: row[1].value for row in summary.iter_rows(min_row=1)
                  if row[0].value}
        self.assertEqual(values['Organisation'], 'Nordlicht Logistics GmbH')
        self.assertEqual(values['Total'], len(self.ncs))
        self.assertEqual(values['Overdue'],
                         sum(1 for nc in self.ncs.values() if nc['overdue'] == 'true'))
        self.assertEqual(sum(values[g] for g in ('Major', 'Minor', 'Observation', 'OFI')),
                         len(self.ncs))
        self.assertEqual(values['Date of the plan'], datetime.datetime.fromisoformat(TODAY))
        actions = self.wb['Actions']
        r = row_of(actions, 'A-003')
        self.assertEqual(actions['C%d' % r].value, 'NC-002, NC-021')
        causes = self.wb['Root causes']
        rows = [[c.value for c in row] for row in causes.iter_rows(min_row=2)]
        nc1 = [row for row in rows if row[0] == 'NC-001']
        self.assertTrue(any(row[5] == 'Yes' for row in nc1))
        self.assertTrue(any(row[2] == 2 for row in nc1))         # a second "why"

    def test_fishbone_diagrams(self):
        # Every NC with causes has its diagram, drawn by the fishbone code, in a row of its own
        # right below its causes, with alt text naming the NC.
        causes = self.wb['Root causes']
        with_causes = []
        for row in causes.iter_rows(min_row=2):
            ref = row[0].value
            if ref and row[4].value and ref not in with_causes:
                with_causes.append(ref)
        self.assertGreater(len(with_causes), 5)
        images = causes._images
        self.assertEqual(len(images), len(with_causes))
        for image in images:
            r = image.anchor._from.row + 1          # 0-based in the anchor
            ref = causes['A%d' % r].value
            self.assertIn(ref, with_causes)
            self.assertIsNone(causes['E%d' % r].value)
            self.assertEqual(causes['A%d' % (r - 1)].value, ref)   # its last cause above
            self.assertEqual(image.anchor._from.col, 1)
            self.assertGreater(causes.row_dimensions[r].height, 100)
            data = image._data()
            self.assertEqual(data[:8], b'\x89PNG\r\n\x1a\n')
        with zipfile.ZipFile(self.plan) as z:
            drawings = ''.join(z.read(n).decode('utf-8') for n in z.namelist()
                               if n.startswith('xl/drawings/drawing'))
        for ref in with_causes:
            self.assertIn('descr="Fishbone diagram of %s"' % ref, drawings)

    def test_user_text_stays_text(self):
        cap = self.wb['Corrective Action Plan']
        r = row_of(cap, 'IA-2')
        cells = {cap['G%d' % r]: INJECTION, cap['H%d' % r]: '+1', cap['D%d' % r]: '-1',
                 cap['I%d' % r]: '@x'}
        for cell, text in cells.items():
            self.assertEqual(cell.value, text)
            self.assertEqual(cell.data_type, 's')
        with zipfile.ZipFile(self.plan) as z:
            for name in z.namelist():
                if name.startswith('xl/worksheets/'):
                    self.assertNotIn(b'<f>', z.read(name), name)
                    self.assertNotIn(b'<f ', z.read(name), name)

    def test_multilingual_text(self):
        cap = self.wb['Corrective Action Plan']
        r = row_of(cap, 'IA-3')
        self.assertEqual(cap['G%d' % r].value,
                         'Zugriffsrechte für Lagerlogistik nicht überprüft — Prüfung fällig')
        self.assertEqual(cap['H%d' % r].value, 'Łódź magazyn: brak przeglądu; 倉庫の端末')
        self.assertEqual(cap['D%d' % r].value, 'Entrepôt Orléans')
        self.assertEqual(cap['I%d' % r].value, 'Zoë Żółć')

    def test_dates_are_dates(self):
        cap = self.wb['Corrective Action Plan']
        r = row_of(cap, 'IA-1')
        cell = cap['C%d' % r]
        self.assertTrue(cell.is_date)
        self.assertEqual(cell.value, datetime.datetime(2026, 3, 4))
        # Stored as a number with a date format, not as text.
        with zipfile.ZipFile(self.plan) as z:
            xml = z.read('xl/worksheets/sheet2.xml').decode('utf-8')
        m = re.search(r'<c r="C%d"[^>]*>(.*?)</c>' % r, xml)
        self.assertIsNotNone(m)
        self.assertNotIn('t="', m.group(0).split('>')[0])
        self.assertEqual(m.group(1), '<v>46085</v>')
        self.assertIn('yy', cell.number_format)

    def test_overdue_highlighted(self):
        cap = self.wb['Corrective Action Plan']
        overdue = [ref for ref, nc in self.ncs.items() if nc['overdue'] == 'true']
        on_time = [ref for ref, nc in self.ncs.items() if nc['overdue'] != 'true' and nc['due-on']]
        self.assertTrue(overdue and on_time)
        due = cap['P%d' % row_of(cap, overdue[0])]
        self.assertTrue(due.is_date)
        self.assertEqual(due.fill.fgColor.rgb, 'FFFFC7CE')
        self.assertTrue(due.font.b)
        self.assertNotEqual(cap['P%d' % row_of(cap, on_time[0])].fill.fgColor.rgb, 'FFFFC7CE')

    def test_header_styles(self):
        cap = self.wb['Corrective Action Plan']
        for cell, fill in ((cap['A2'], 'FFD9E1F2'), (cap['J2'], 'FFE2EFDA'),
                           (cap['Q2'], 'FFFFF2CC')):
            self.assertTrue(cell.font.b)
            self.assertEqual(cell.fill.fgColor.rgb, fill)
            self.assertTrue(cell.alignment.wrap_text)
            self.assertEqual(cell.border.bottom.style, 'thin')
        self.assertTrue(cap['A1'].font.b)
        self.assertEqual(cap['A1'].fill.fgColor.rgb, 'FF1F4E79')
        self.assertTrue(cap['G3'].alignment.wrap_text)
        self.assertGreaterEqual(cap.column_dimensions['G'].width, 40)

    def test_freeze_filter_print(self):
        n = len(self.ncs)
        expected = {
            'Corrective Action Plan': ('B3', 'A2:W%d' % (n + 2), '$1:$2'),
            'Actions': ('B2', None, '$1:$1'),
            'Root causes': ('B2', None, '$1:$1'),
        }
        for name, (freeze, ref, titles) in expected.items():
            ws = self.wb[name]
            self.assertEqual(ws.freeze_panes, freeze, name)
            self.assertTrue(ws.auto_filter.ref, name)
            if ref:
                self.assertEqual(ws.auto_filter.ref, ref)
            self.assertEqual(ws.page_setup.orientation, 'landscape', name)
            self.assertTrue(ws.sheet_properties.pageSetUpPr.fitToPage, name)
            # fitToWidth defaults to 1 page when absent.
            self.assertIn(ws.page_setup.fitToWidth, (None, 1, '1'), name)
            self.assertIn(ws.page_setup.fitToHeight, (0, '0'), name)
            self.assertEqual(ws.print_title_rows, titles, name)
            self.assertIn('&P', ws.oddFooter.right.text or '', name)
            self.assertIn('&N', ws.oddFooter.right.text or '', name)

    def test_data_validations(self):
        cap = self.wb['Corrective Action Plan']
        by_col = {}
        for dv in cap.data_validations.dataValidation:
            for rng in dv.sqref.ranges:
                by_col[re.match(r'[A-Z]+', str(rng)).group(0)] = dv
        self.assertEqual(by_col['Q'].type, 'list')
        self.assertEqual(by_col['Q'].formula1, '"Accepted,Not accepted"')
        self.assertEqual(by_col['R'].type, 'date')
        self.assertEqual(by_col['S'].type, 'list')
        self.assertIn('Document review', by_col['S'].formula1)
        self.assertEqual(by_col['T'].formula1, '"Yes,No"')
        self.assertEqual(by_col['W'].type, 'date')
        self.assertTrue(str(by_col['Q'].sqref).startswith('Q3:Q'))

    def test_document_properties(self):
        props = self.wb.properties
        self.assertEqual(props.title, 'Corrective action plan')
        self.assertEqual(props.creator, 'Nordlicht Logistics GmbH')
        self.assertEqual(props.created, datetime.datetime.fromisoformat(TODAY))
        with zipfile.ZipFile(self.plan) as z:
            app = z.read('docProps/app.xml').decode('utf-8')
        self.assertIn('<Company>Nordlicht Logistics GmbH</Company>', app)

    def test_same_input_same_content(self):
        again = os.path.join(self.tmp, 'again.xlsx')
        rc, out, err = run('export', self.reg, again)
        self.assertEqual(rc, 0, err)
        with zipfile.ZipFile(self.plan) as a, zipfile.ZipFile(again) as b:
            self.assertEqual(a.namelist(), b.namelist())
            for name in a.namelist():
                self.assertEqual(a.read(name), b.read(name), name)

    def test_audit_scope(self):
        path = os.path.join(self.tmp, 'audit.xlsx')
        rc, out, err = run('export', self.reg, path, '--audit', AUDIT)
        self.assertEqual(rc, 0, err)
        wb = openpyxl.load_workbook(path)
        cap = wb['Corrective Action Plan']
        refs = [cap.cell(row=r, column=1).value for r in range(3, cap.max_row + 1)]
        self.assertEqual(refs, ['IA-1', 'IA-2', 'IA-3'])
        self.assertEqual(wb['Actions'].max_row, 1)
        values = {row[0].value: row[1].value for row in wb['Summary'].iter_rows() if row[0].value}
        self.assertTrue(values['Audit'].startswith(AUDIT))
        self.assertEqual(values['Total'], 3)
        self.assertEqual(wb.properties.subject, AUDIT)

    def test_failures_leave_old_file(self):
        target = os.path.join(self.tmp, 'keep.xlsx')
        with open(target, 'wb') as f:
            f.write(b'old plan')
        rc, out, err = run('export', self.reg, target, '--audit', 'No such audit')
        self.assertEqual(rc, 2)
        self.assertIn('No such audit', err)
        rc, out, err = run('export', os.path.join(self.tmp, 'missing.rectify'), target)
        self.assertEqual(rc, 2)
        self.assertEqual(read_bytes(target), b'old plan')
        rc, out, err = run('export', self.reg, os.path.join(self.tmp, 'no', 'dir', 'p.xlsx'))
        self.assertEqual(rc, 2)
        self.assertIn('Cannot write', err)
        folder = os.path.join(self.tmp, 'folder.xlsx')
        os.mkdir(folder)
        rc, out, err = run('export', self.reg, folder)
        self.assertEqual(rc, 2)
        self.assertIn('folder', err)
        self.assertEqual(glob.glob(os.path.join(self.tmp, '*.xlsx.*')), [])
        # Success replaces the old file in one step.
        rc, out, err = run('export', self.reg, target)
        self.assertEqual(rc, 0, err)
        self.assertTrue(zipfile.is_zipfile(target))
        rc, out, err = run('export', self.reg)
        self.assertEqual(rc, 1)

    @unittest.skipIf(shutil.which('soffice') is None, 'LibreOffice (soffice) is not installed')
    def test_libreoffice_reads_it(self):
        out_dir = os.path.join(self.tmp, 'lo')
        profile = 'file://' + os.path.join(self.tmp, 'lo-profile')
        proc = subprocess.run(
            ['soffice', '-env:UserInstallation=' + profile, '--headless', '--convert-to',
             'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
             '--outdir', out_dir, self.plan],
            capture_output=True, timeout=180)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        files = sorted(glob.glob(os.path.join(out_dir, '*.csv')))
        self.assertEqual(len(files), 4, files)
        cap_csv = [f for f in files if 'Corrective' in f]
        self.assertEqual(len(cap_csv), 1, files)
        with open(cap_csv[0], encoding='utf-8') as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[1][:3], CAP_HEADERS[:3])
        by_ref = {row[0]: row for row in rows[2:]}
        self.assertEqual(by_ref['IA-2'][6], INJECTION)
        self.assertEqual(by_ref['NC-001'][6], self.ncs['NC-001']['statement'])
        self.assertEqual(by_ref['IA-3'][7], 'Łódź magazyn: brak przeglądu; 倉庫の端末')
        # The CB's columns: its decision, and the resubmit-by date read as a date, shown as
        # LibreOffice shows the other dates (the plan's 2026-03-04 of IA-1)
        self.assertEqual(by_ref['NC-016'][16], 'Not accepted')
        shown = by_ref['IA-1'][2]
        self.assertNotEqual(shown, '2026-03-04')
        self.assertEqual(by_ref['NC-016'][17],
                         shown.replace('03', '07').replace('04', '15').replace('Mar', 'Jul'))


if __name__ == '__main__':
    unittest.main(verbosity=2)
