#!/usr/bin/python3
# test-catalogue-strings.py
#
# Copyright 2026 The Rectify authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The titles and themes of the ISO/IEC 27001:2022 catalogue reach the translators:
#   1. src/core/rectify-catalogue-strings.c is exactly what build-aux/gen-catalogue-strings.py
#      makes of data/iso27001-2022-catalogue.tsv now (a changed catalogue fails here until the
#      script is run again);
#   2. xgettext, with the keywords of meson's "glib" preset, extracts from that file every title
#      and theme of the catalogue, in the context that src/core/rectify-catalogue.c translates
#      with, each with its translator comment.
#
# Environment: RECTIFY_SRCDIR.

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile

root = os.environ.get('RECTIFY_SRCDIR', os.path.join(os.path.dirname(__file__), '..'))

spec = importlib.util.spec_from_file_location(
    'gen_catalogue_strings', os.path.join(root, 'build-aux', 'gen-catalogue-strings.py'))
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

failures = []


def fail(message):
    print('not ok: ' + message)
    failures.append(message)


def po_string(block, keyword):
    """The value of `keyword "..."` in a PO entry, continuation lines joined and unescaped."""
    m = re.search(rf'^{keyword} ((?:".*"\n?)+)', block, re.M)
    if m is None:
        return None
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))
    escapes = {'n': '\n', 't': '\t'}
    return re.sub(r'\\(.)', lambda e: escapes.get(e.group(1), e.group(1)), ''.join(parts))


rows = gen.read_catalogue(os.path.join(root, gen.CATALOGUE))
strings_path = os.path.join(root, gen.OUTPUT)

# 1. The committed file matches the catalogue.
with open(strings_path, encoding='utf-8') as f:
    committed = f.read()
if committed != gen.generate(rows):
    fail(f'{gen.OUTPUT} does not match {gen.CATALOGUE}: run build-aux/gen-catalogue-strings.py, '
         'then `ninja -C _build rectify-update-po` and translate the new messages')
    proc = subprocess.run([sys.executable, os.path.join(root, 'build-aux',
                                                         'gen-catalogue-strings.py'), '--check'],
                          capture_output=True, text=True, timeout=60)
    print(proc.stdout, end='')
else:
    print(f'ok: {gen.OUTPUT} matches {gen.CATALOGUE} ({len(rows)} entries)')

# The C code translates in the same context.
with open(os.path.join(root, 'src', 'core', 'rectify-catalogue.c'), encoding='utf-8') as f:
    m = re.search(r'^#define CATALOGUE_CONTEXT "(.*)"$', f.read(), re.M)
if m is None or m.group(1) != gen.CONTEXT:
    fail(f'src/core/rectify-catalogue.c does not #define CATALOGUE_CONTEXT "{gen.CONTEXT}"')

# 2. What xgettext sees in the committed file.
if shutil.which('xgettext') is None:
    print('not ok: xgettext is missing (Debian package "gettext")')
    sys.exit(1)
with tempfile.TemporaryDirectory(prefix='rectify-catalogue-strings-') as tmp:
    pot = os.path.join(tmp, 'catalogue.pot')
    proc = subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments', '--keyword=_',
                           '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                           '--no-wrap', '-o', pot, strings_path],
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        fail(f'xgettext failed on {gen.OUTPUT}:\n{proc.stderr}')
        extracted = {}
    else:
        with open(pot, encoding='utf-8') as f:
            blocks = f.read().split('\n\n')
        extracted = {}
        for block in blocks:
            msgid = po_string(block, 'msgid')
            if not msgid:
                continue
            comments = [line[3:] for line in block.splitlines() if line.startswith('#. ')]
            extracted[(po_string(block, 'msgctxt'), msgid)] = comments

    expected = {}
    for kind, ref, title, theme in rows:
        expected.setdefault(title, gen.TITLE_COMMENT)
    for kind, ref, title, theme in rows:
        expected.setdefault(theme, gen.THEME_COMMENT)

    before = len(failures)
    for text, comment in expected.items():
        comments = extracted.get((gen.CONTEXT, text))
        if comments is None:
            fail(f'xgettext does not extract "{text}" in the context "{gen.CONTEXT}"')
        elif 'Translators: ' + comment not in comments:
            fail(f'"{text}" has no translator comment "{comment}": {comments}')
    for key in extracted:
        if key[0] != gen.CONTEXT or key[1] not in expected:
            fail(f'{gen.OUTPUT} marks a string the catalogue does not have: {key}')
    if len(failures) == before:
        print(f'ok: xgettext extracts the {len(expected)} titles and themes, with comments')

print('ok' if not failures else 'FAILED')
sys.exit(1 if failures else 0)
