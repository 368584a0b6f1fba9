/* rectify-evidence-list.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rectify-register.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_EVIDENCE_LIST (rectify_evidence_list_get_type ())

G_DECLARE_FINAL_TYPE (RectifyEvidenceList, rectify_evidence_list, RECTIFY, EVIDENCE_LIST, AdwBin)

/* The evidence files of an NC or an action: a boxed list with one row per file (name, size, who
 * and when; "Open" and "Save As…"), an "Attach File…" button, and a drop target for files.
 * A file whose stored bytes no longer match their SHA-256 is marked "changed outside Rectify".
 *
 * Signals:
 *   "error" (const char *message): attaching, opening or saving failed.
 */

GtkWidget *rectify_evidence_list_new          (void);
void       rectify_evidence_list_set_register (RectifyEvidenceList *self,
                                               RectifyRegister     *reg);
/* @owner: (nullable): a stored RectifyNonconformity or RectifyAction */
void       rectify_evidence_list_set_owner    (RectifyEvidenceList *self,
                                               RectifyEntity       *owner);
/* Stores the contents of @file as evidence of the owner (what a drop or the file chooser does). */
gboolean   rectify_evidence_list_attach_file  (RectifyEvidenceList *self,
                                               GFile               *file,
                                               GError             **error);
/* Attaches every file of @files; errors are reported through "error". Returns the number
 * attached. */
guint      rectify_evidence_list_attach_files (RectifyEvidenceList *self,
                                               GSList              *files);

/* for tests: the rows shown, and how many are marked as changed */
guint      _rectify_evidence_list_get_n_rows     (RectifyEvidenceList *self);
guint      _rectify_evidence_list_get_n_damaged  (RectifyEvidenceList *self);

G_END_DECLS
