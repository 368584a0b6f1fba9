/* rectify-evidence.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-entity.h"
#include "rectify-enums.h"

G_BEGIN_DECLS

#define RECTIFY_TYPE_EVIDENCE (rectify_evidence_get_type ())

G_DECLARE_FINAL_TYPE (RectifyEvidence, rectify_evidence, RECTIFY, EVIDENCE, RectifyEntity)

/* Properties (the file bytes themselves stay in the register; see RectifyRegister):
 *   "nc-id"      int64   0 when attached to an action
 *   "action-id"  int64   0 when attached to an NC
 *   "name"       string  file name
 *   "mime-type"  string
 *   "size"       int64   bytes
 *   "sha256"     string  hex digest of the bytes
 *   "added-by"   string
 *   "added-at"   timestamp
 */

RectifyEvidence *rectify_evidence_new           (void);
gint64           rectify_evidence_get_nc_id     (RectifyEvidence *self);
gint64           rectify_evidence_get_action_id (RectifyEvidence *self);
const char      *rectify_evidence_get_name      (RectifyEvidence *self);
const char      *rectify_evidence_get_mime_type (RectifyEvidence *self);
gint64           rectify_evidence_get_size      (RectifyEvidence *self);
const char      *rectify_evidence_get_sha256    (RectifyEvidence *self);
const char      *rectify_evidence_get_added_by  (RectifyEvidence *self);
const char      *rectify_evidence_get_added_at  (RectifyEvidence *self);

G_END_DECLS
