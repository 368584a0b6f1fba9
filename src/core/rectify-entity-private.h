/* rectify-entity-private.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-entity.h"

G_BEGIN_DECLS

/* The fast load path of the register: where each stored property of a model lives in its
 * instance struct, so that a row read from SQLite is written straight into a new object (no
 * GValue, no property lookup, no notify queue). Only for objects that nobody holds yet: fresh
 * from g_object_new (), string fields still NULL. The register checks every column against
 * these tables once (name and kind) and stops the program on a mismatch. */
typedef enum
{
  RECTIFY_FIELD_STRING,    /* char *, owned */
  RECTIFY_FIELD_ENUM,      /* an enum the size of int */
  RECTIFY_FIELD_INT,
  RECTIFY_FIELD_INT64,
  RECTIFY_FIELD_BOOLEAN,
} RectifyFieldKind;

typedef struct
{
  const char       *property;
  RectifyFieldKind  kind;
  guint             offset;
} RectifyField;

#define RECTIFY_FIELD_SIZE_STRING  sizeof (char *)
#define RECTIFY_FIELD_SIZE_ENUM    sizeof (int)
#define RECTIFY_FIELD_SIZE_INT     sizeof (int)
#define RECTIFY_FIELD_SIZE_INT64   sizeof (gint64)
#define RECTIFY_FIELD_SIZE_BOOLEAN sizeof (gboolean)

/* The offset of @member, and a compile error when its size does not fit @kind */
#define RECTIFY_FIELD(Type, member, prop, kind) \
  { prop, RECTIFY_FIELD_##kind, \
    G_STRUCT_OFFSET (Type, member) + \
    0 * sizeof (char[sizeof (((Type *)0)->member) == RECTIFY_FIELD_SIZE_##kind ? 1 : -1]) }

/* Sets the id of a new object without notifying "id" (nobody can be connected yet) */
void                _rectify_entity_load_id           (RectifyEntity *self,
                                                       gint64         id);

const RectifyField *_rectify_nonconformity_get_fields (guint *n_fields);
const RectifyField *_rectify_action_get_fields        (guint *n_fields);
const RectifyField *_rectify_audit_get_fields         (guint *n_fields);
const RectifyField *_rectify_cause_get_fields         (guint *n_fields);
const RectifyField *_rectify_evidence_get_fields      (guint *n_fields);
const RectifyField *_rectify_verification_get_fields  (guint *n_fields);

G_END_DECLS
