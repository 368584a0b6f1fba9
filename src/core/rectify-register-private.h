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
/* The page cache of a register's connection (PRAGMA cache_size, negative: KiB) */
#define RECTIFY_REGISTER_CACHE_KIB -32768

struct sqlite3 *_rectify_register_get_db          (RectifyRegister *self);

/* One step of undo: the writes between begin and end are reverted together by one
 * rectify_register_undo(). Nested calls join the outermost step. */
void            _rectify_register_begin_step       (RectifyRegister *self);
void            _rectify_register_end_step         (RectifyRegister *self);
/* rectify_register_set_info() of a key that is not a policy key, recorded for undo (in the
 * current step, if any): rectify_register_undo() puts the old value (or its absence) back. */
gboolean        _rectify_register_set_info_undoable (RectifyRegister  *self,
                                                     const char       *key,
                                                     const char       *value,
                                                     GError          **error);

G_END_DECLS
