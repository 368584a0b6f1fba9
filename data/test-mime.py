#!/usr/bin/python3
# test-mime.py
#
# Copyright 2026 The Rectify authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds a shared-mime-info database with Rectify's MIME type in a temporary folder and checks
# that a register is recognised by its name and by its content (an SQLite file whose
# application_id is "RECT"), and that other SQLite files are not taken for registers.
# Exit status 77 (skipped) when a tool it needs is missing.

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

MIME = 'application/x-rectify-register'
APPLICATION_ID = 0x52454354  # "RECT"

GUESS = r'''
import sys
from gi.repository import Gio
name = sys.argv[1] or None
data = open(sys.argv[2], 'rb').read() if sys.argv[2] else None
content_type, uncertain = Gio.content_type_guess(name, data)
print(content_type)
'''


def main():
    mime_xml = sys.argv[1]
    freedesktop = '/usr/share/mime/packages/freedesktop.org.xml'
    if shutil.which('update-mime-database') is None or not os.path.exists(freedesktop):
        print('update-mime-database or freedesktop.org.xml missing')
        return 77
    try:
        import gi  # noqa: F401
    except ImportError:
        print('python3-gi missing')
        return 77

    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        packages = os.path.join(tmp, 'mime', 'packages')
        os.makedirs(packages)
        shutil.copy(freedesktop, packages)
        shutil.copy(mime_xml, packages)
        env = dict(os.environ, XDG_DATA_DIRS=tmp, XDG_DATA_HOME=os.path.join(tmp, 'home'))
        subprocess.run(['update-mime-database', os.path.join(tmp, 'mime')], check=True,
                       env=env, stdout=subprocess.DEVNULL)

        env.pop('GIO_USE_VFS', None)

        def guess(name, path):
            out = subprocess.run([sys.executable, '-c', GUESS, name or '', path or ''],
                                 env=env, check=True, capture_output=True, text=True)
            return out.stdout.strip()

        def make_db(path, application_id):
            con = sqlite3.connect(path)
            if application_id:
                con.execute('PRAGMA application_id = %d' % application_id)
            con.execute('CREATE TABLE t (x)')
            con.commit()
            con.close()

        register = os.path.join(tmp, 'register-data')
        make_db(register, APPLICATION_ID)
        with open(register, 'rb') as f:
            header = f.read(72)
        assert header[68:72] == b'RECT', header[68:72]

        plain = os.path.join(tmp, 'plain-data')
        make_db(plain, 0)
        text = os.path.join(tmp, 'text-data')
        with open(text, 'w') as f:
            f.write('SQLite format 2 is not this\n')

        cases = [
            ('by content', None, register, MIME),
            ('by name', 'audit-2026.rectify', None, MIME),
            ('by name and content', 'audit-2026.rectify', register, MIME),
            ('plain SQLite', None, plain, 'application/vnd.sqlite3'),
            ('text', None, text, 'text/plain'),
        ]
        for what, name, path, expected in cases:
            got = guess(name, path)
            status = 'ok' if got == expected else 'FAIL'
            if got != expected:
                failures += 1
            print('%s: %s: expected %s, got %s' % (status, what, expected, got))

    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
