#!/usr/bin/env python3
# test-potfiles.py: every file with translatable strings is listed in po/POTFILES.in, and every
# listed file exists.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import sys

root = os.environ.get('RECTIFY_SRCDIR', os.path.join(os.path.dirname(__file__), '..'))
marker_c = re.compile(r'\b(?:N_|_|C_|NC_|g_dngettext|g_dgettext)\s*\(')
marker_ui = re.compile(r'translatable="yes"')

order = []
with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith('#'):
            order.append(line)
listed = set(order)

needed = set()
for top in ('src', 'ui', 'data'):
    for dirpath, _, names in os.walk(os.path.join(root, top)):
        for name in names:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if name.endswith('.c'):
                text = open(path, encoding='utf-8').read()
                if marker_c.search(text):
                    needed.add(rel)
            elif name.endswith('.ui'):
                if marker_ui.search(open(path, encoding='utf-8').read()):
                    needed.add(rel)
            elif name.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
                needed.add(rel)

failed = False
for rel in sorted(needed - listed):
    print(f'not ok: {rel} has translatable strings but is missing from po/POTFILES.in')
    failed = True
for rel in sorted(listed):
    if not os.path.exists(os.path.join(root, rel)):
        print(f'not ok: po/POTFILES.in lists {rel}, which does not exist')
        failed = True
if order != sorted(order):
    print('not ok: po/POTFILES.in is not sorted')
    failed = True
print('ok' if not failed else 'FAILED')
sys.exit(1 if failed else 0)
