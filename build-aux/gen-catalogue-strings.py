#!/usr/bin/python3
# build-aux/gen-catalogue-strings.py: write src/core/rectify-catalogue-strings.c, the titles and
# themes of the ISO/IEC 27001:2022 catalogue (data/iso27001-2022-catalogue.tsv) marked for
# xgettext, so that they are translated like any other string and never listed by hand.
#
#   build-aux/gen-catalogue-strings.py            rewrite the file from the catalogue
#   build-aux/gen-catalogue-strings.py --check    exit 1, with a diff, when it is out of date
#
# Run it after every change to the catalogue, then `ninja -C _build rectify-update-po` and
# translate. tests/test-catalogue-strings.py fails while the committed file does not match.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import difflib
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
CATALOGUE = os.path.join('data', 'iso27001-2022-catalogue.tsv')
OUTPUT = os.path.join('src', 'core', 'rectify-catalogue-strings.c')

# The message context of every catalogue string: src/core/rectify-catalogue.c translates with
# g_dpgettext2 (GETTEXT_PACKAGE, CATALOGUE_CONTEXT, ...). It keeps "People" (the Annex A theme)
# apart from "People" (the fishbone bone), and "General" apart from the shortcut window's.
CONTEXT = 'ISO/IEC 27001:2022'

TITLE_COMMENT = 'ISO/IEC 27001:2022 clause or Annex A control title'
THEME_COMMENT = 'ISO/IEC 27001:2022 Annex A theme, as in "Organizational controls"'

HEADER = '''\
/* rectify-catalogue-strings.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GENERATED from data/iso27001-2022-catalogue.tsv by build-aux/gen-catalogue-strings.py: do not
 * edit; run that script after changing the catalogue. tests/test-catalogue-strings.py fails while
 * this file does not match the catalogue.
 *
 * Never compiled: it only shows xgettext (po/POTFILES.in) the titles and themes of the
 * catalogue, in the context "{context}", which src/core/rectify-catalogue.c passes to
 * g_dpgettext2 () to show them in the user's language.
 */

#include <glib/gi18n-lib.h>

static const char * const catalogue_strings[] = {{
'''

FOOTER = '''\
};
'''


class CatalogueError(Exception):
    pass


def read_catalogue(path):
    """The (kind, ref, title, theme) rows of the catalogue, as rectify-catalogue.c reads them."""
    rows = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f.read().split('\n'), start=1):
            line = line.rstrip()
            if not line or (number == 1 and line.startswith('kind\t')):
                continue
            fields = line.split('\t')
            if len(fields) != 4 or not fields[2]:
                raise CatalogueError(f'{path}:{number}: expected 4 columns and a title')
            if fields[0] not in ('clause', 'control'):
                raise CatalogueError(f'{path}:{number}: unknown kind "{fields[0]}"')
            rows.append(tuple(fields))
    return rows


def c_string(text):
    escaped = text.replace('\\', '\\\\').replace('"', '\\"')
    return f'"{escaped}"'


def generate(rows):
    """The text of rectify-catalogue-strings.c: each title once, in catalogue order, then each
    theme that is not also a title (the Annex A themes; a clause's theme is its heading)."""
    titles = []
    for _, _, title, _ in rows:
        if title not in titles:
            titles.append(title)
    themes = []
    for _, _, _, theme in rows:
        if theme and theme not in titles and theme not in themes:
            themes.append(theme)

    out = [HEADER.format(context=CONTEXT)]
    for comment, strings in ((TITLE_COMMENT, titles), (THEME_COMMENT, themes)):
        for text in strings:
            out.append(f'  /* Translators: {comment} */\n')
            out.append(f'  NC_({c_string(CONTEXT)}, {c_string(text)}),\n')
    out.append(FOOTER)
    return ''.join(out)


def main(argv):
    check = argv[1:] == ['--check']
    if argv[1:] and not check:
        print(f'usage: {argv[0]} [--check]', file=sys.stderr)
        return 2

    try:
        text = generate(read_catalogue(os.path.join(ROOT, CATALOGUE)))
    except CatalogueError as e:
        print(e, file=sys.stderr)
        return 1

    path = os.path.join(ROOT, OUTPUT)
    try:
        with open(path, encoding='utf-8') as f:
            current = f.read()
    except FileNotFoundError:
        current = ''

    if check:
        if current == text:
            return 0
        sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), text.splitlines(True),
                                                   OUTPUT + ' (committed)',
                                                   OUTPUT + ' (from the catalogue)'))
        return 1

    if current != text:
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        print(f'wrote {OUTPUT}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
