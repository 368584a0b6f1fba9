#!/usr/bin/python3
# test-cli-fishbone.py
#
# Copyright 2026 The Rectify authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# "rectify-cli fishbone REGISTER REF OUT.png|OUT.svg|OUT.pdf" on the demo register: real files
# read back by real readers (PIL for PNG, an XML parser for SVG, the PDF header and trailer).
# Environment: RECTIFY_CLI = path of the binary.

import os
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

CLI = os.environ.get('RECTIFY_CLI')
os.environ.setdefault('RECTIFY_TODAY', '2026-06-15')

try:
    from PIL import Image
except ImportError:  # pragma: no cover
    Image = None


def run(*args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    proc = subprocess.run([CLI] + [str(a) for a in args], env=env, capture_output=True,
                          timeout=60)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8', 'replace')


@unittest.skipIf(not CLI, 'RECTIFY_CLI is not set')
class FishboneCliTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='rectify-fishbone-cli-')
        cls.demo = os.path.join(cls.tmp, 'demo.rectify')
        rc, out, err = run('demo', cls.demo)
        if rc != 0:
            raise AssertionError('demo failed: %d %s' % (rc, err))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def out(self, name):
        return os.path.join(self.tmp, name)

    def files(self):
        return sorted(os.listdir(self.tmp))

    @unittest.skipIf(Image is None, 'PIL is not installed')
    def test_png(self):
        for ref, style in (('NC-002', []), ('NC-016', ['--dark']), ('nc-020', [])):
            path = self.out(ref + '.png')
            rc, out, err = run('fishbone', self.demo, ref, path, *style)
            self.assertEqual(rc, 0, err)
            self.assertEqual(out.strip(), path)
            with Image.open(path) as im:
                self.assertEqual(im.format, 'PNG')
                w, h = im.size
                self.assertGreater(w, 600)
                self.assertGreater(h, 200)
                self.assertLess(w, 20000)
                self.assertLess(h, 20000)
                colours = im.convert('RGB').getcolors(maxcolors=1 << 20)
                # Not blank: many colours (anti-aliased text), none covering everything.
                self.assertGreater(len(colours), 50)
                self.assertLess(max(c for c, _ in colours), w * h * 0.97)
                if style:
                    # A dark background.
                    r, g, b = im.convert('RGB').getpixel((2, 2))
                    self.assertLess(r + g + b, 200)
                else:
                    self.assertEqual(im.convert('RGB').getpixel((2, 2)), (255, 255, 255))

    def test_svg(self):
        path = self.out('NC-012.svg')
        rc, out, err = run('fishbone', self.demo, 'NC-012', path)
        self.assertEqual(rc, 0, err)
        root = ET.parse(path).getroot()
        self.assertTrue(root.tag.endswith('svg'), root.tag)
        self.assertGreater(float(root.get('width').rstrip('pt')), 100)

    def test_pdf(self):
        path = self.out('NC-016.PDF')
        rc, out, err = run('fishbone', self.demo, 'NC-016', path)
        self.assertEqual(rc, 0, err)
        with open(path, 'rb') as f:
            data = f.read()
        self.assertTrue(data.startswith(b'%PDF-'))
        self.assertIn(b'%%EOF', data[-32:])

    def test_overwrite(self):
        path = self.out('again.png')
        for ref in ('NC-001', 'NC-002'):
            rc, out, err = run('fishbone', self.demo, ref, path)
            self.assertEqual(rc, 0, err)
        self.assertEqual([f for f in self.files() if f.startswith('again')], ['again.png'])

    def test_unknown_ref(self):
        path = self.out('missing.png')
        rc, out, err = run('fishbone', self.demo, 'NC-999', path)
        self.assertEqual(rc, 2)
        self.assertIn('NC-999', err)
        self.assertEqual(out, '')
        self.assertFalse(os.path.exists(path))

    def test_bad_extension(self):
        for name in ('diagram.jpg', 'diagram', 'diagram.png.txt'):
            path = self.out(name)
            rc, out, err = run('fishbone', self.demo, 'NC-001', path)
            self.assertEqual(rc, 1, err)
            self.assertIn('.png', err)
            self.assertFalse(os.path.exists(path))

    def test_usage(self):
        rc, out, err = run('fishbone', self.demo, 'NC-001')
        self.assertEqual(rc, 1)
        rc, out, err = run('fishbone', self.demo, 'NC-001', self.out('a.png'), 'extra')
        self.assertEqual(rc, 1)
        rc, out, err = run('fishbone', '--help')
        self.assertEqual(rc, 0)
        self.assertIn('fishbone', out)

    def test_bad_register(self):
        path = self.out('x.png')
        rc, out, err = run('fishbone', self.out('nothing.rectify'), 'NC-001', path)
        self.assertEqual(rc, 2)
        self.assertFalse(os.path.exists(path))

    def test_unwritable(self):
        before = self.files()
        rc, out, err = run('fishbone', self.demo, 'NC-001',
                           os.path.join(self.tmp, 'no', 'such', 'dir.png'))
        self.assertEqual(rc, 2)
        self.assertNotEqual(err, '')
        self.assertEqual(self.files(), before)


if __name__ == '__main__':
    unittest.main(verbosity=2)
