/* rectify-register-private.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-register.h"

G_BEGIN_DECLS

/* Creates a register file at @path whose schema stops at @version (1 ..
 * RECTIFY_REGISTER_SCHEMA_VERSION) and closes it again, so tests can build a genuine file of an
 * older schema version and check that rectify_register_open() migrates it. */
gboolean _rectify_register_create_file_at_version (const char  *path,
                                                   int          version,
                                                   GError     **error);

/* The register's SQLite connection, for read-only queries of core modules (figures, similarity).
 * Writes must go through the RectifyRegister API. (transfer none) */
struct sqlite3 *_rectify_register_get_db          (RectifyRegister *self);

G_END_DECLS
