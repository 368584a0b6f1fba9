/* rectify-register.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-register"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "rectify-date.h"
#include "rectify-entity-private.h"
#include "rectify-policy.h"
#include "rectify-register.h"
#include "rectify-register-private.h"

/* ------------------------------------------------------------------------------------------ */
/* Schema                                                                                       */
/* ------------------------------------------------------------------------------------------ */

#define DATE_CHECK(c) \
  "CHECK (" c " IS NULL OR " c " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')"

/* Version 1: the tables, their constraints and indexes, the append-only history. */
static const char schema_v1[] =
  "CREATE TABLE register_info ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ") WITHOUT ROWID;"

  "CREATE TABLE audit ("
  "  id                 INTEGER PRIMARY KEY,"
  "  title              TEXT NOT NULL UNIQUE CHECK (length(trim(title)) > 0),"
  "  kind               TEXT NOT NULL DEFAULT 'internal'"
  "                     CHECK (kind IN ('internal', 'stage-1', 'stage-2', 'surveillance',"
  "                                     'recertification', 'supplier')),"
  "  starts_on          TEXT " DATE_CHECK ("starts_on") ","
  "  ends_on            TEXT " DATE_CHECK ("ends_on") ","
  "  lead_auditor       TEXT,"
  "  certification_body TEXT,"
  "  scope              TEXT"
  ");"

  "CREATE TABLE nonconformity ("
  "  id            INTEGER PRIMARY KEY,"
  "  ref           TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),"
  "  title         TEXT,"
  "  statement     TEXT,"
  "  requirement   TEXT,"
  "  evidence      TEXT,"
  "  area          TEXT,"
  "  source        TEXT NOT NULL DEFAULT 'internal-audit'"
  "                CHECK (source IN ('internal-audit', 'external-audit', 'incident', 'monitoring',"
  "                                  'management-review', 'complaint', 'other')),"
  "  audit_id      INTEGER REFERENCES audit (id) ON DELETE SET NULL,"
  "  occurred_on   TEXT " DATE_CHECK ("occurred_on") ","
  "  location      TEXT,"
  "  reported_by   TEXT,"
  "  reported_on   TEXT " DATE_CHECK ("reported_on") ","
  "  owner         TEXT,"
  "  grade         TEXT NOT NULL DEFAULT 'minor'"
  "                CHECK (grade IN ('major', 'minor', 'observation', 'ofi')),"
  "  correction    TEXT,"
  "  correction_on TEXT " DATE_CHECK ("correction_on") ","
  "  status        TEXT NOT NULL DEFAULT 'reported'"
  "                CHECK (status IN ('reported', 'analysis', 'action-planned', 'awaiting-approval',"
  "                                  'implementation', 'verification', 'closed')),"
  "  cap_due_on    TEXT " DATE_CHECK ("cap_due_on") ","
  "  due_on        TEXT " DATE_CHECK ("due_on") ","
  "  closed_on     TEXT " DATE_CHECK ("closed_on") ","
  "  created_at    TEXT NOT NULL,"
  "  updated_at    TEXT NOT NULL"
  ");"
  "CREATE INDEX nonconformity_status ON nonconformity (status);"
  "CREATE INDEX nonconformity_audit_id ON nonconformity (audit_id);"

  "CREATE TABLE cause ("
  "  id        INTEGER PRIMARY KEY,"
  "  nc_id     INTEGER NOT NULL REFERENCES nonconformity (id) ON DELETE CASCADE,"
  "  parent_id INTEGER REFERENCES cause (id) ON DELETE CASCADE,"
  "  category  TEXT,"
  "  text      TEXT,"
  "  position  INTEGER NOT NULL DEFAULT 0,"
  "  is_root   INTEGER NOT NULL DEFAULT 0 CHECK (is_root IN (0, 1)),"
  "  CHECK (parent_id IS NULL OR parent_id <> id)"
  ");"
  "CREATE INDEX cause_nc_id ON cause (nc_id, parent_id, position);"
  "CREATE INDEX cause_parent_id ON cause (parent_id);"

  "CREATE TABLE action ("
  "  id                INTEGER PRIMARY KEY,"
  "  ref               TEXT NOT NULL UNIQUE CHECK (length(trim(ref)) > 0),"
  "  title             TEXT,"
  "  description       TEXT,"
  "  owner             TEXT,"
  "  target_on         TEXT " DATE_CHECK ("target_on") ","
  "  resources         TEXT,"
  "  success_criterion TEXT,"
  "  status            TEXT NOT NULL DEFAULT 'planned'"
  "                    CHECK (status IN ('planned', 'in-progress', 'done', 'cancelled')),"
  "  done_on           TEXT " DATE_CHECK ("done_on")
  ");"
  "CREATE INDEX action_status ON action (status);"

  "CREATE TABLE nc_action ("
  "  nc_id     INTEGER NOT NULL REFERENCES nonconformity (id) ON DELETE CASCADE,"
  "  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (nc_id, action_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX nc_action_action_id ON nc_action (action_id, nc_id);"

  "CREATE TABLE approval ("
  "  id          INTEGER PRIMARY KEY,"
  "  nc_id       INTEGER NOT NULL REFERENCES nonconformity (id) ON DELETE CASCADE,"
  "  role        TEXT NOT NULL"
  "              CHECK (role IN ('management', 'process-owner', 'certification-body')),"
  "  approver    TEXT NOT NULL,"
  "  decision    TEXT NOT NULL DEFAULT 'approved' CHECK (decision IN ('approved', 'rejected')),"
  "  decided_on  TEXT NOT NULL " DATE_CHECK ("decided_on") ","
  "  comment     TEXT"
  ");"
  "CREATE INDEX approval_nc_id ON approval (nc_id);"

  "CREATE TABLE evidence ("
  "  id        INTEGER PRIMARY KEY,"
  "  nc_id     INTEGER REFERENCES nonconformity (id) ON DELETE CASCADE,"
  "  action_id INTEGER REFERENCES action (id) ON DELETE CASCADE,"
  "  name      TEXT NOT NULL CHECK (length(name) > 0),"
  "  mime_type TEXT,"
  "  size      INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),"
  "  sha256    TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),"
  "  added_by  TEXT,"
  "  added_at  TEXT,"
  "  data      BLOB NOT NULL DEFAULT x'',"
  "  CHECK ((nc_id IS NULL) <> (action_id IS NULL))"
  ");"
  "CREATE INDEX evidence_nc_id ON evidence (nc_id);"
  "CREATE INDEX evidence_action_id ON evidence (action_id);"

  "CREATE TABLE verification ("
  "  id          INTEGER PRIMARY KEY,"
  "  nc_id       INTEGER NOT NULL REFERENCES nonconformity (id) ON DELETE CASCADE,"
  "  due_on      TEXT " DATE_CHECK ("due_on") ","
  "  method      TEXT NOT NULL DEFAULT 'document-review'"
  "              CHECK (method IN ('document-review', 'follow-up-audit', 'metric', 'on-site')),"
  "  verifier    TEXT,"
  "  verified_on TEXT " DATE_CHECK ("verified_on") ","
  "  result      TEXT NOT NULL DEFAULT 'pending'"
  "              CHECK (result IN ('pending', 'effective', 'not-effective')),"
  "  comment     TEXT"
  ");"
  "CREATE INDEX verification_nc_id ON verification (nc_id);"

  "CREATE TABLE history ("
  "  id        INTEGER PRIMARY KEY,"
  "  at        TEXT NOT NULL,"
  "  who       TEXT,"
  "  entity    TEXT NOT NULL,"
  "  entity_id INTEGER NOT NULL,"
  "  field     TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),"
  "  hash      TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)"
  ");"
  "CREATE INDEX history_entity ON history (entity, entity_id);"
  "CREATE TRIGGER history_no_update BEFORE UPDATE ON history"
  "  BEGIN SELECT RAISE (ABORT, 'history rows cannot be changed'); END;"
  "CREATE TRIGGER history_no_delete BEFORE DELETE ON history"
  "  BEGIN SELECT RAISE (ABORT, 'history rows cannot be deleted'); END;";

#define NC_FTS_COLUMNS "ref, title, statement, evidence, area, requirement, correction, owner"
#define NC_FTS_NEW "new.ref, new.title, new.statement, new.evidence, new.area, new.requirement, " \
                   "new.correction, new.owner"
#define NC_FTS_OLD "old.ref, old.title, old.statement, old.evidence, old.area, old.requirement, " \
                   "old.correction, old.owner"

/* Version 2: full-text search over the text of nonconformities (external content table kept in
 * step by triggers, filled from the rows already there). */
static const char schema_v2[] =
  "CREATE VIRTUAL TABLE nc_fts USING fts5 (" NC_FTS_COLUMNS ","
  "  content = 'nonconformity', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE TRIGGER nc_fts_insert AFTER INSERT ON nonconformity BEGIN"
  "  INSERT INTO nc_fts (rowid, " NC_FTS_COLUMNS ") VALUES (new.id, " NC_FTS_NEW ");"
  "END;"
  "CREATE TRIGGER nc_fts_delete AFTER DELETE ON nonconformity BEGIN"
  "  INSERT INTO nc_fts (nc_fts, rowid, " NC_FTS_COLUMNS ")"
  "    VALUES ('delete', old.id, " NC_FTS_OLD ");"
  "END;"
  "CREATE TRIGGER nc_fts_update AFTER UPDATE OF " NC_FTS_COLUMNS " ON nonconformity BEGIN"
  "  INSERT INTO nc_fts (nc_fts, rowid, " NC_FTS_COLUMNS ")"
  "    VALUES ('delete', old.id, " NC_FTS_OLD ");"
  "  INSERT INTO nc_fts (rowid, " NC_FTS_COLUMNS ") VALUES (new.id, " NC_FTS_NEW ");"
  "END;"
  "INSERT INTO nc_fts (nc_fts) VALUES ('rebuild');";

/* Version 3: the correction record (who made it, or "none needed" with a reason) and who closed
 * the nonconformity. Existing rows keep their data; the new columns start empty (not needed:
 * false). */
static const char schema_v3[] =
  "ALTER TABLE nonconformity ADD COLUMN correction_by TEXT;"
  "ALTER TABLE nonconformity ADD COLUMN correction_not_needed INTEGER NOT NULL DEFAULT 0"
  "  CHECK (correction_not_needed IN (0, 1));"
  "ALTER TABLE nonconformity ADD COLUMN correction_reason TEXT;"
  "ALTER TABLE nonconformity ADD COLUMN closed_by TEXT;";

/* Version 4: the date by which the certification body wants a plan it did not accept resubmitted.
 * Only a certification body's "not accepted" (rejected) decision carries one; existing rows have
 * none (the app used to write it into the comment, in the words of the locale, and it stays
 * there). */
static const char schema_v4[] =
  "ALTER TABLE approval ADD COLUMN resubmit_by TEXT " DATE_CHECK ("resubmit_by")
  "  CHECK (resubmit_by IS NULL OR (role = 'certification-body' AND decision = 'rejected'));";

typedef struct
{
  int         version;
  const char *sql;
} MigrationStep;

/* Ordered: step N takes a file from version N - 1 to N. */
static const MigrationStep migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
  { 3, schema_v3 },
  { 4, schema_v4 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RECTIFY_REGISTER_SCHEMA_VERSION);

/* ------------------------------------------------------------------------------------------ */
/* Static whitelists of tables and columns                                                      */
/* ------------------------------------------------------------------------------------------ */

typedef enum
{
  TABLE_AUDIT,
  TABLE_NC,
  TABLE_ACTION,
  TABLE_CAUSE,
  TABLE_EVIDENCE,
  TABLE_VERIFICATION,
  N_TABLES
} TableId;

typedef enum
{
  KIND_TEXT,
  KIND_DATE,
  KIND_TIMESTAMP,
  KIND_ENUM,
  KIND_LINK,      /* int64 id of another row, 0 stored as NULL */
  KIND_INT64,
  KIND_INT,
  KIND_BOOL,
} ColumnKind;

typedef struct
{
  const char *property;
  const char *column;
  ColumnKind  kind;
  TableId     link_table;   /* KIND_LINK only */
} ColumnSpec;

typedef struct
{
  const char       *name;
  GType           (*get_type) (void);
  const ColumnSpec *columns;
  guint             n_columns;
  gboolean          live;             /* kept in a GListStore */
  const char       *label_property;   /* written in "created"/"removed" history rows */
  const char       *unique_property;  /* not empty and unique in the table */
  const char       *ref_prefix;       /* automatic refs */
  const char       *list_order;       /* ORDER BY of lists */
  const char       *empty_message;
  const char       *duplicate_message;
} TableSpec;

static const ColumnSpec audit_columns[] = {
  { "title", "title", KIND_TEXT, 0 },
  { "kind", "kind", KIND_ENUM, 0 },
  { "starts-on", "starts_on", KIND_DATE, 0 },
  { "ends-on", "ends_on", KIND_DATE, 0 },
  { "lead-auditor", "lead_auditor", KIND_TEXT, 0 },
  { "certification-body", "certification_body", KIND_TEXT, 0 },
  { "scope", "scope", KIND_TEXT, 0 },
};

static const ColumnSpec nc_columns[] = {
  { "ref", "ref", KIND_TEXT, 0 },
  { "title", "title", KIND_TEXT, 0 },
  { "statement", "statement", KIND_TEXT, 0 },
  { "requirement", "requirement", KIND_TEXT, 0 },
  { "evidence", "evidence", KIND_TEXT, 0 },
  { "area", "area", KIND_TEXT, 0 },
  { "source", "source", KIND_ENUM, 0 },
  { "audit-id", "audit_id", KIND_LINK, TABLE_AUDIT },
  { "occurred-on", "occurred_on", KIND_DATE, 0 },
  { "location", "location", KIND_TEXT, 0 },
  { "reported-by", "reported_by", KIND_TEXT, 0 },
  { "reported-on", "reported_on", KIND_DATE, 0 },
  { "owner", "owner", KIND_TEXT, 0 },
  { "grade", "grade", KIND_ENUM, 0 },
  { "correction", "correction", KIND_TEXT, 0 },
  { "correction-on", "correction_on", KIND_DATE, 0 },
  { "status", "status", KIND_ENUM, 0 },
  { "cap-due-on", "cap_due_on", KIND_DATE, 0 },
  { "due-on", "due_on", KIND_DATE, 0 },
  { "closed-on", "closed_on", KIND_DATE, 0 },
  { "created-at", "created_at", KIND_TIMESTAMP, 0 },
  { "updated-at", "updated_at", KIND_TIMESTAMP, 0 },
  { "correction-by", "correction_by", KIND_TEXT, 0 },
  { "correction-not-needed", "correction_not_needed", KIND_BOOL, 0 },
  { "correction-reason", "correction_reason", KIND_TEXT, 0 },
  { "closed-by", "closed_by", KIND_TEXT, 0 },
};

static const ColumnSpec action_columns[] = {
  { "ref", "ref", KIND_TEXT, 0 },
  { "title", "title", KIND_TEXT, 0 },
  { "description", "description", KIND_TEXT, 0 },
  { "owner", "owner", KIND_TEXT, 0 },
  { "target-on", "target_on", KIND_DATE, 0 },
  { "resources", "resources", KIND_TEXT, 0 },
  { "success-criterion", "success_criterion", KIND_TEXT, 0 },
  { "status", "status", KIND_ENUM, 0 },
  { "done-on", "done_on", KIND_DATE, 0 },
};

static const ColumnSpec cause_columns[] = {
  { "nc-id", "nc_id", KIND_LINK, TABLE_NC },
  { "parent-id", "parent_id", KIND_LINK, TABLE_CAUSE },
  { "category", "category", KIND_TEXT, 0 },
  { "text", "text", KIND_TEXT, 0 },
  { "position", "position", KIND_INT, 0 },
  { "is-root", "is_root", KIND_BOOL, 0 },
};

static const ColumnSpec evidence_columns[] = {
  { "nc-id", "nc_id", KIND_LINK, TABLE_NC },
  { "action-id", "action_id", KIND_LINK, TABLE_ACTION },
  { "name", "name", KIND_TEXT, 0 },
  { "mime-type", "mime_type", KIND_TEXT, 0 },
  { "size", "size", KIND_INT64, 0 },
  { "sha256", "sha256", KIND_TEXT, 0 },
  { "added-by", "added_by", KIND_TEXT, 0 },
  { "added-at", "added_at", KIND_TIMESTAMP, 0 },
};

static const ColumnSpec verification_columns[] = {
  { "nc-id", "nc_id", KIND_LINK, TABLE_NC },
  { "due-on", "due_on", KIND_DATE, 0 },
  { "method", "method", KIND_ENUM, 0 },
  { "verifier", "verifier", KIND_TEXT, 0 },
  { "verified-on", "verified_on", KIND_DATE, 0 },
  { "result", "result", KIND_ENUM, 0 },
  { "comment", "comment", KIND_TEXT, 0 },
};

static const TableSpec table_specs[N_TABLES] = {
  [TABLE_AUDIT] = {
    "audit", rectify_audit_get_type, audit_columns, G_N_ELEMENTS (audit_columns),
    TRUE, "title", "title", NULL, "id",
    N_("An audit needs a title."),
    N_("There is already an audit titled “%s”."),
  },
  [TABLE_NC] = {
    "nonconformity", rectify_nonconformity_get_type, nc_columns, G_N_ELEMENTS (nc_columns),
    TRUE, "ref", "ref", "NC-", "ref",
    N_("The reference of a nonconformity cannot be empty."),
    N_("The reference “%s” is already used by another nonconformity."),
  },
  [TABLE_ACTION] = {
    "action", rectify_action_get_type, action_columns, G_N_ELEMENTS (action_columns),
    TRUE, "ref", "ref", "A-", "ref",
    N_("The reference of an action cannot be empty."),
    N_("The reference “%s” is already used by another action."),
  },
  [TABLE_CAUSE] = {
    "cause", rectify_cause_get_type, cause_columns, G_N_ELEMENTS (cause_columns),
    FALSE, "text", NULL, NULL, "coalesce (parent_id, 0), position, id",
    NULL, NULL,
  },
  [TABLE_EVIDENCE] = {
    "evidence", rectify_evidence_get_type, evidence_columns, G_N_ELEMENTS (evidence_columns),
    FALSE, "name", NULL, NULL, "id",
    NULL, NULL,
  },
  [TABLE_VERIFICATION] = {
    "verification", rectify_verification_get_type, verification_columns,
    G_N_ELEMENTS (verification_columns),
    FALSE, "result", NULL, NULL, "id",
    NULL, NULL,
  },
};

/* Children that go with their parent (ON DELETE CASCADE), for history rows and the cache. */
typedef struct
{
  TableId     parent;
  TableId     child;
  const char *sql;   /* SELECT id FROM child WHERE ... = ?1 */
} CascadeSpec;

static const CascadeSpec cascades[] = {
  { TABLE_NC, TABLE_CAUSE, "SELECT id FROM cause WHERE nc_id = ?1 ORDER BY id" },
  { TABLE_NC, TABLE_VERIFICATION, "SELECT id FROM verification WHERE nc_id = ?1 ORDER BY id" },
  { TABLE_NC, TABLE_EVIDENCE, "SELECT id FROM evidence WHERE nc_id = ?1 ORDER BY id" },
  { TABLE_ACTION, TABLE_EVIDENCE, "SELECT id FROM evidence WHERE action_id = ?1 ORDER BY id" },
  { TABLE_CAUSE, TABLE_CAUSE,
    "WITH RECURSIVE d (id) AS (SELECT id FROM cause WHERE parent_id = ?1"
    "  UNION ALL SELECT c.id FROM cause c JOIN d ON c.parent_id = d.id)"
    " SELECT id FROM d ORDER BY id" },
};

/* SQL and pspecs derived once from the static tables above. */
typedef struct
{
  GParamSpec **pspecs;        /* one per column */
  const RectifyField **fields;  /* one per column: where entity_from_row () writes it */
  GEnumClass  **enums;        /* one per column: the enum class of KIND_ENUM columns (kept) */
  char        *select_sql;    /* SELECT id, columns FROM table */
  char        *insert_sql;
  char        *delete_sql;
  char        *exists_sql;    /* SELECT 1 FROM table WHERE id = ?1 */
  char        *unique_sql;    /* SELECT id FROM table WHERE unique = ?1 AND id <> ?2 */
  char        *label_sql;     /* SELECT label FROM table WHERE id = ?1 */
  char        *all_sql;       /* SELECT id, columns FROM table ORDER BY id */
  char       **update_sql;    /* one per column */
} TableRuntime;

static TableRuntime table_runtime[N_TABLES];

static const ColumnSpec *
find_column (TableId     table,
             const char *property)
{
  const TableSpec *spec = &table_specs[table];

  for (guint i = 0; i < spec->n_columns; i++)
    if (g_strcmp0 (spec->columns[i].property, property) == 0)
      return &spec->columns[i];

  return NULL;
}

static const char *
column_name_of (TableId     table,
                const char *property)
{
  const ColumnSpec *col = find_column (table, property);

  g_assert (col != NULL);

  return col->column;
}

static void
ensure_table_runtime (void)
{
  static gsize initialized = 0;

  if (!g_once_init_enter (&initialized))
    return;

  for (guint t = 0; t < N_TABLES; t++)
    {
      const TableSpec *spec = &table_specs[t];
      TableRuntime *rt = &table_runtime[t];
      g_autoptr(GTypeClass) klass = g_type_class_ref (spec->get_type ());
      g_autoptr(GString) cols = g_string_new (NULL);
      g_autoptr(GString) params = g_string_new (NULL);

      const RectifyField *fields;
      guint n_fields = 0;

      switch (t)
        {
        case TABLE_AUDIT:
          fields = _rectify_audit_get_fields (&n_fields);
          break;
        case TABLE_NC:
          fields = _rectify_nonconformity_get_fields (&n_fields);
          break;
        case TABLE_ACTION:
          fields = _rectify_action_get_fields (&n_fields);
          break;
        case TABLE_CAUSE:
          fields = _rectify_cause_get_fields (&n_fields);
          break;
        case TABLE_EVIDENCE:
          fields = _rectify_evidence_get_fields (&n_fields);
          break;
        case TABLE_VERIFICATION:
          fields = _rectify_verification_get_fields (&n_fields);
          break;
        default:
          g_assert_not_reached ();
        }

      rt->pspecs = g_new0 (GParamSpec *, spec->n_columns);
      rt->fields = g_new0 (const RectifyField *, spec->n_columns);
      rt->enums = g_new0 (GEnumClass *, spec->n_columns);
      rt->update_sql = g_new0 (char *, spec->n_columns);

      for (guint i = 0; i < spec->n_columns; i++)
        {
          const ColumnSpec *col = &spec->columns[i];
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), col->property);
          GType want = G_TYPE_INVALID;
          RectifyFieldKind want_field = RECTIFY_FIELD_STRING;

          switch (col->kind)
            {
            case KIND_TEXT:
            case KIND_DATE:
            case KIND_TIMESTAMP:
              want = G_TYPE_STRING;
              want_field = RECTIFY_FIELD_STRING;
              break;
            case KIND_ENUM:
              want = G_TYPE_ENUM;
              want_field = RECTIFY_FIELD_ENUM;
              break;
            case KIND_LINK:
            case KIND_INT64:
              want = G_TYPE_INT64;
              want_field = RECTIFY_FIELD_INT64;
              break;
            case KIND_INT:
              want = G_TYPE_INT;
              want_field = RECTIFY_FIELD_INT;
              break;
            case KIND_BOOL:
              want = G_TYPE_BOOLEAN;
              want_field = RECTIFY_FIELD_BOOLEAN;
              break;
            default:
              g_assert_not_reached ();
            }

          for (guint f = 0; f < n_fields; f++)
            if (strcmp (fields[f].property, col->property) == 0)
              rt->fields[i] = &fields[f];

          if (rt->fields[i] == NULL || rt->fields[i]->kind != want_field)
            g_error ("%s has no field for the %s property “%s”", g_type_name (spec->get_type ()),
                     g_type_name (want), col->property);

          if (pspec == NULL || !g_type_is_a (pspec->value_type, want))
            g_error ("%s has no %s property “%s”", g_type_name (spec->get_type ()),
                     g_type_name (want), col->property);

          rt->pspecs[i] = pspec;
          if (col->kind == KIND_ENUM)
            rt->enums[i] = g_type_class_ref (pspec->value_type);
          g_string_append_printf (cols, ", %s", col->column);
          g_string_append_printf (params, "%s?%u", i == 0 ? "" : ", ", i + 1);
          rt->update_sql[i] = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2",
                                               spec->name, col->column);
        }

      rt->select_sql = g_strdup_printf ("SELECT id%s FROM %s", cols->str, spec->name);
      rt->all_sql = g_strdup_printf ("%s ORDER BY id", rt->select_sql);
      rt->insert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                        spec->name, cols->str + 2, params->str);
      rt->delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", spec->name);
      rt->exists_sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", spec->name);
      rt->label_sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1",
                                       column_name_of (t, spec->label_property), spec->name);
      if (spec->unique_property != NULL)
        rt->unique_sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 AND id <> ?2",
                                          spec->name,
                                          column_name_of (t, spec->unique_property));
    }

  g_once_init_leave (&initialized, 1);
}

static int
table_for_type (GType type)
{
  for (guint t = 0; t < N_TABLES; t++)
    if (type == table_specs[t].get_type ())
      return t;

  return -1;
}

/* ------------------------------------------------------------------------------------------ */
/* The object                                                                                   */
/* ------------------------------------------------------------------------------------------ */

typedef enum
{
  JOURNAL_ADD,
  JOURNAL_REMOVE,
  JOURNAL_SET,
} JournalKind;

/* In-memory changes made inside a transaction, replayed backwards on rollback. */
typedef struct
{
  JournalKind    kind;
  TableId        table;
  RectifyEntity *entity;
  const char    *property;   /* interned; JOURNAL_SET */
  GValue         old_value;  /* JOURNAL_SET */
} JournalEntry;

/* One value to put back on undo. Entries with the same @group (a move, an update with the
 * deadlines it recomputed) are undone together. */
typedef struct
{
  RectifyEntity *entity;     /* NULL for a register_info key */
  TableId        table;
  const char    *property;   /* interned */
  GValue         old_value;
  guint          group;
  char          *info_key;   /* a register_info key: @old_value holds its old string */
} UndoEntry;

typedef struct
{
  guint journal_len;
  guint undo_len;
  guint pending_len;
} TxMark;

/* A "changed" signal held back until the batch it belongs to is committed. */
typedef struct
{
  RectifyEntity *entity;     /* NULL: "info-changed" of the key in @property */
  const char    *property;   /* interned, or NULL */
} PendingSignal;

struct _RectifyRegister
{
  GObject       parent_instance;

  char         *path;
  char         *user;
  sqlite3      *db;
  gboolean      read_only;            /* opened for reading: every write is refused */
  GHashTable   *stmts;                /* SQL text -> sqlite3_stmt */

  GListStore   *stores[N_TABLES];     /* live tables only, sorted by id; NULL until loaded */
  GHashTable   *objects[N_TABLES];    /* gint64 id -> RectifyEntity (a ref) */
  gint64        next_ref[N_TABLES];   /* next free ref number, 0 when unknown */
  gint64        data_version;         /* PRAGMA data_version at the last write */
  gint64        seen_version;         /* PRAGMA data_version when the models last matched the
                                       * file (see rectify_register_changed_outside ()) */

  guint         depth;
  GArray       *marks;                /* TxMark per open level */
  GPtrArray    *journal;              /* JournalEntry */
  GPtrArray    *undo;                 /* UndoEntry */
  GArray       *pending;              /* PendingSignal */
  guint         undo_group;           /* the group new undo entries join, 0 outside one */
  guint         last_undo_group;
  guint         step_depth;           /* _rectify_register_begin_step() calls not yet ended */
  guint         step_saved_group;

  RectifyPolicy policy;               /* from the "policy.*" keys of register_info */
};

G_DEFINE_FINAL_TYPE (RectifyRegister, rectify_register, G_TYPE_OBJECT)

G_DEFINE_QUARK (rectify-register-error-quark, rectify_register_error)

enum {
  CHANGED,
  INFO_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char zero_hash[] =
  "0000000000000000000000000000000000000000000000000000000000000000";

/* ------------------------------------------------------------------------------------------ */
/* Helpers: SQLite                                                                              */
/* ------------------------------------------------------------------------------------------ */

/* The errno of the last failed system call on the register's files: sqlite3_system_errno (),
 * else what the write-ahead log's file or the database file kept (a failed write is followed by
 * a rollback whose own calls overwrite errno before sqlite3_step () returns). */
static int
last_system_errno (sqlite3 *db)
{
  sqlite3_file *wal = NULL;
  int err;

  if (db == NULL)
    return 0;

  if ((err = sqlite3_system_errno (db)) != 0)
    return err;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal) == SQLITE_OK &&
      wal != NULL && wal->pMethods != NULL &&
      wal->pMethods->xFileControl (wal, SQLITE_FCNTL_LAST_ERRNO, &err) == SQLITE_OK &&
      err != 0)
    return err;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_LAST_ERRNO, &err) != SQLITE_OK)
    err = 0;

  return err;
}

static void
set_db_error (GError    **error,
              sqlite3    *db,
              int         rc,
              const char *what)
{
  int code = RECTIFY_REGISTER_ERROR_FAILED;
  int sys_errno = last_system_errno (db);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *io_detail = NULL;

  /* What a user can act on, rather than SQLite's words */
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      code = RECTIFY_REGISTER_ERROR_INVALID;
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = RECTIFY_REGISTER_ERROR_READ_ONLY;
      if (rc == SQLITE_READONLY_DBMOVED)
        detail = _("the register file was moved or deleted while it was open");
      else
        detail = _("the register file, its folder or the disk it is on is read-only");
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = RECTIFY_REGISTER_ERROR_CORRUPT;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      detail = _("the register is being changed by another program; try again when it has "
                 "finished");
      break;
    case SQLITE_FULL:
      detail = _("there is no room left: the disk is full or the register has reached its size "
                 "limit");
      break;
    case SQLITE_IOERR:
      if (sys_errno == ENOSPC || sys_errno == EDQUOT || sys_errno == EFBIG)
        detail = _("there is no room left: the disk is full or the register has reached its "
                   "size limit");
      else if (sys_errno == EROFS)
        detail = _("the register file, its folder or the disk it is on is read-only");
      else if (sys_errno != 0)
        /* Translators: %s is a system error message, like "Input/output error" */
        detail = io_detail = g_strdup_printf (_("the register file could not be read or "
                                                "written (%s)"), g_strerror (sys_errno));
      else
        detail = _("the register file could not be read or written");
      break;
    default:
      break;
    }

  g_set_error (error, RECTIFY_REGISTER_ERROR, code, "%s: %s", what, detail);
}

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

/* A cached prepared statement, reset and with cleared bindings. */
static sqlite3_stmt *
get_stmt (RectifyRegister  *self,
          const char       *sql,
          GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  {
    int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

    if (rc != SQLITE_OK)
      {
        set_db_error (error, self->db, rc, _("Could not read the register"));
        return NULL;
      }
  }

  g_hash_table_insert (self->stmts, g_strdup (sql), stmt);

  return stmt;
}

/* Steps a statement that returns no rows, then resets it. */
static gboolean
step_done (RectifyRegister  *self,
           sqlite3_stmt     *stmt,
           const char       *what,
           GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_db_error (error, self->db, sqlite3_extended_errcode (self->db), what);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);

  return TRUE;
}

/* Runs static SQL (never user text). */
static gboolean
exec_static (sqlite3     *db,
             const char  *sql,
             const char  *what,
             GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_db_error (error, db, sqlite3_extended_errcode (db), what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    set_db_error (error, db, sqlite3_extended_errcode (db), _("Could not read the file"));

  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers: values                                                                              */
/* ------------------------------------------------------------------------------------------ */

static void
bind_value (sqlite3_stmt     *stmt,
            int               idx,
            const ColumnSpec *col,
            const GValue     *value)
{
  switch (col->kind)
    {
    case KIND_TEXT:
    case KIND_DATE:
    case KIND_TIMESTAMP:
      {
        const char *s = g_value_get_string (value);

        if (s != NULL)
          sqlite3_bind_text (stmt, idx, s, -1, SQLITE_TRANSIENT);
        else
          sqlite3_bind_null (stmt, idx);
      }
      break;

    case KIND_ENUM:
      sqlite3_bind_text (stmt, idx,
                         rectify_enum_to_nick (G_VALUE_TYPE (value), g_value_get_enum (value)),
                         -1, SQLITE_STATIC);
      break;

    case KIND_LINK:
      if (g_value_get_int64 (value) == 0)
        sqlite3_bind_null (stmt, idx);
      else
        sqlite3_bind_int64 (stmt, idx, g_value_get_int64 (value));
      break;

    case KIND_INT64:
      sqlite3_bind_int64 (stmt, idx, g_value_get_int64 (value));
      break;

    case KIND_INT:
      sqlite3_bind_int (stmt, idx, g_value_get_int (value));
      break;

    case KIND_BOOL:
      sqlite3_bind_int (stmt, idx, g_value_get_boolean (value) ? 1 : 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The text written in history rows (and compared to see whether a value changes). */
static char *
value_to_text (const ColumnSpec *col,
               const GValue     *value)
{
  switch (col->kind)
    {
    case KIND_TEXT:
    case KIND_DATE:
    case KIND_TIMESTAMP:
      return g_value_dup_string (value);

    case KIND_ENUM:
      return g_strdup (rectify_enum_to_nick (G_VALUE_TYPE (value), g_value_get_enum (value)));

    case KIND_LINK:
      if (g_value_get_int64 (value) == 0)
        return NULL;
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));

    case KIND_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));

    case KIND_INT:
      return g_strdup_printf ("%d", g_value_get_int (value));

    case KIND_BOOL:
      return g_strdup (g_value_get_boolean (value) ? "true" : "false");

    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static gboolean
row_exists (RectifyRegister  *self,
            TableId           table,
            gint64            id,
            gboolean         *exists,
            GError          **error)
{
  sqlite3_stmt *stmt = get_stmt (self, table_runtime[table].exists_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, rc, _("Could not read the register"));
      return FALSE;
    }

  *exists = (rc == SQLITE_ROW);

  return TRUE;
}

/* Text is stored as UTF-8 and nothing else: bytes in another encoding are refused, with the
 * field and where in it, rather than stored and shown as garbage (or broken in the workbook). */
static gboolean
check_utf8 (const char  *text,
            const char  *field,
            GError     **error)
{
  const char *end = NULL;

  if (text == NULL || g_utf8_validate (text, -1, &end))
    return TRUE;

  g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
               /* Translators: %s is the name of a field, like "statement"; %ld a position */
               _("The text of “%s” is not valid UTF-8 (at byte %ld); it was not saved. Save the "
                 "source as UTF-8 text and try again."), field, (long)(end - text) + 1);
  return FALSE;
}

/* Checks @value for @col before it is written to the row @id (0 for a new row). */
static gboolean
validate_value (RectifyRegister   *self,
                TableId            table,
                const ColumnSpec  *col,
                const GValue      *value,
                gint64             id,
                GError           **error)
{
  const TableSpec *spec = &table_specs[table];

  if (G_VALUE_HOLDS_STRING (value) &&
      !check_utf8 (g_value_get_string (value), col->property, error))
    return FALSE;

  switch (col->kind)
    {
    case KIND_DATE:
      {
        const char *s = g_value_get_string (value);

        if (s != NULL && !rectify_date_parse (s, NULL))
          {
            g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                         /* Translators: %s is what the user typed as a date */
                         _("“%s” is not a valid date; dates are written as YYYY-MM-DD."), s);
            return FALSE;
          }
      }
      break;

    case KIND_TIMESTAMP:
      {
        const char *s = g_value_get_string (value);
        g_autoptr(GDateTime) dt = NULL;

        if (s != NULL && (dt = g_date_time_new_from_iso8601 (s, NULL)) == NULL)
          {
            g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                         _("“%s” is not a valid ISO 8601 timestamp."), s);
            return FALSE;
          }
      }
      break;

    case KIND_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (G_VALUE_TYPE (value));

        if (g_enum_get_value (klass, g_value_get_enum (value)) == NULL)
          {
            g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                         _("%d is not a valid value for “%s”."),
                         g_value_get_enum (value), col->property);
            return FALSE;
          }
      }
      break;

    case KIND_LINK:
      {
        gint64 target = g_value_get_int64 (value);
        gboolean exists = FALSE;

        if (target < 0)
          {
            g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                         _("“%s” cannot be negative."), col->property);
            return FALSE;
          }

        if (target != 0)
          {
            if (!row_exists (self, col->link_table, target, &exists, error))
              return FALSE;

            if (!exists)
              {
                g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                             /* Translators: "There is no audit with id 7." */
                             _("There is no %s with id %lld."),
                             table_specs[col->link_table].name, (long long)target);
                return FALSE;
              }
          }
      }
      break;

    case KIND_TEXT:
    case KIND_INT64:
    case KIND_INT:
    case KIND_BOOL:
      break;

    default:
      g_assert_not_reached ();
    }

  if (spec->unique_property != NULL && strcmp (spec->unique_property, col->property) == 0)
    {
      const char *s = g_value_get_string (value);
      g_autofree char *stripped = g_strstrip (g_strdup (s ? s : ""));
      sqlite3_stmt *stmt;
      int rc;

      if (*stripped == '\0')
        {
          g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                               _(spec->empty_message));
          return FALSE;
        }

      if ((stmt = get_stmt (self, table_runtime[table].unique_sql, error)) == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, s, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);

      if (rc == SQLITE_ROW)
        {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                       _(spec->duplicate_message), s);
#pragma GCC diagnostic pop
          return FALSE;
        }
      else if (rc != SQLITE_DONE)
        {
          set_db_error (error, self->db, rc, _("Could not read the register"));
          return FALSE;
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers: live models and the object cache                                                   */
/* ------------------------------------------------------------------------------------------ */

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static RectifyEntity *
cache_lookup (RectifyRegister *self,
              TableId          table,
              gint64           id)
{
  return g_hash_table_lookup (self->objects[table], &id);
}

static gboolean
is_stored (RectifyRegister *self,
           TableId          table,
           RectifyEntity   *entity)
{
  gint64 id = rectify_entity_get_id (entity);

  return id > 0 && cache_lookup (self, table, id) == entity;
}

/* Position of @id in a store sorted by id, or where it would go. */
static guint
store_position (GListStore *store,
                gint64      id,
                gboolean   *found)
{
  guint lo = 0;
  guint hi = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n = hi;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(RectifyEntity) item = g_list_model_get_item (G_LIST_MODEL (store), mid);

      if (rectify_entity_get_id (item) < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (found != NULL)
    {
      *found = FALSE;
      if (lo < n)
        {
          g_autoptr(RectifyEntity) item = g_list_model_get_item (G_LIST_MODEL (store), lo);
          *found = rectify_entity_get_id (item) == id;
        }
    }

  return lo;
}

static void
memory_insert (RectifyRegister *self,
               TableId          table,
               RectifyEntity   *entity)
{
  gint64 id = rectify_entity_get_id (entity);

  g_hash_table_insert (self->objects[table], id_key (id), g_object_ref (entity));

  if (self->stores[table] != NULL)
    {
      gboolean found;
      guint pos = store_position (self->stores[table], id, &found);

      if (!found)
        g_list_store_insert (self->stores[table], pos, entity);
    }
}

static void
memory_remove (RectifyRegister *self,
               TableId          table,
               RectifyEntity   *entity)
{
  gint64 id = rectify_entity_get_id (entity);

  if (self->stores[table] != NULL)
    {
      gboolean found;
      guint pos = store_position (self->stores[table], id, &found);

      if (found)
        g_list_store_remove (self->stores[table], pos);
    }

  if (cache_lookup (self, table, id) == entity)
    g_hash_table_remove (self->objects[table], &id);
}

static void
emit_item_changed (RectifyRegister *self,
                   TableId          table,
                   RectifyEntity   *entity)
{
  gboolean found;
  guint pos;

  if (self->stores[table] == NULL)
    return;

  pos = store_position (self->stores[table], rectify_entity_get_id (entity), &found);
  if (found)
    g_list_model_items_changed (G_LIST_MODEL (self->stores[table]), pos, 1, 1);
}

/* A new entity for the current row of @stmt (SELECT id, columns...), or the cached one. A new
 * object is filled field by field (rectify-entity-private.h): nobody holds it yet, so there is
 * nobody to notify, and the row is known to be valid (it was validated when written). */
static RectifyEntity *
entity_from_row (RectifyRegister *self,
                 TableId          table,
                 sqlite3_stmt    *stmt)
{
  const TableSpec *spec = &table_specs[table];
  TableRuntime *rt = &table_runtime[table];
  gint64 id = sqlite3_column_int64 (stmt, 0);
  RectifyEntity *entity;

  if ((entity = cache_lookup (self, table, id)) != NULL)
    return entity;

  entity = g_object_new (spec->get_type (), NULL);
  _rectify_entity_load_id (entity, id);

  for (guint i = 0; i < spec->n_columns; i++)
    {
      const ColumnSpec *col = &spec->columns[i];
      gpointer field = G_STRUCT_MEMBER_P (entity, rt->fields[i]->offset);
      int idx = i + 1;

      switch (rt->fields[i]->kind)
        {
        case RECTIFY_FIELD_STRING:
          g_free (*(char **)field);
          *(char **)field = g_strdup ((const char *)sqlite3_column_text (stmt, idx));
          break;

        case RECTIFY_FIELD_ENUM:
          {
            const char *nick = (const char *)sqlite3_column_text (stmt, idx);
            GEnumValue *ev;
            int v;

            /* The register writes the exact nick; an outside edit may have written a spelling
             * that rectify_enum_from_nick () still accepts. */
            if (nick != NULL && (ev = g_enum_get_value_by_nick (rt->enums[i], nick)) != NULL)
              *(int *)field = ev->value;
            else if (nick != NULL && rectify_enum_from_nick (rt->pspecs[i]->value_type, nick, &v))
              *(int *)field = v;
            else
              g_warning ("Unknown value “%s” in column %s", nick ? nick : "(null)", col->column);
          }
          break;

        case RECTIFY_FIELD_INT64:
          *(gint64 *)field = sqlite3_column_int64 (stmt, idx);
          break;

        case RECTIFY_FIELD_INT:
          *(int *)field = sqlite3_column_int (stmt, idx);
          break;

        case RECTIFY_FIELD_BOOLEAN:
          *(gboolean *)field = sqlite3_column_int (stmt, idx) != 0;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_hash_table_insert (self->objects[table], id_key (id), entity);

  return entity;
}

/* Runs a SELECT of (id, columns...) and returns the entities, reusing cached objects. */
static GPtrArray *
load_rows (RectifyRegister  *self,
           TableId           table,
           sqlite3_stmt     *stmt,
           GError          **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, g_object_ref (entity_from_row (self, table, stmt)));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, rc, _("Could not read the register"));
      return NULL;
    }

  return g_steal_pointer (&items);
}

/* The live tables the register loads when it opens: the register view shows them at once, and a
 * read error is reported by rectify_register_open (). The other live table (actions, three for
 * each NC) is loaded by the first rectify_register_get_actions (); until then adds and removes
 * only touch the object cache, and the load reads the current rows and reuses cached objects. */
static gboolean
loaded_at_open (TableId table)
{
  return table == TABLE_NC || table == TABLE_AUDIT;
}

static gboolean
load_store (RectifyRegister  *self,
            TableId           table,
            GError          **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) items = NULL;

  g_assert (table_specs[table].live);

  if (self->stores[table] == NULL)
    self->stores[table] = g_list_store_new (table_specs[table].get_type ());

  if ((stmt = get_stmt (self, table_runtime[table].all_sql, error)) == NULL)
    return FALSE;

  if ((items = load_rows (self, table, stmt, error)) == NULL)
    return FALSE;

  g_list_store_splice (self->stores[table], 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->stores[table])),
                       items->pdata, items->len);

  return TRUE;
}

static gboolean
load_live_models (RectifyRegister  *self,
                  GError          **error)
{
  for (guint t = 0; t < N_TABLES; t++)
    if (table_specs[t].live && loaded_at_open (t) && !load_store (self, t, error))
      return FALSE;

  return TRUE;
}

/* The live model of @table, loaded on first use */
static GListModel *
ensure_store (RectifyRegister *self,
              TableId          table)
{
  if (self->stores[table] == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* The table passed the check at open (inspect_file), so only an I/O error can get here;
       * the model stays empty (and current from now on) rather than returning no model. */
      if (!load_store (self, table, &error))
        g_warning ("%s: could not read the %s table: %s", self->path, table_specs[table].name,
                   error->message);
    }

  return G_LIST_MODEL (self->stores[table]);
}

static RectifyEntity *
get_entity (RectifyRegister  *self,
            TableId           table,
            gint64            id,
            GError          **error)
{
  RectifyEntity *entity;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) items = NULL;

  if ((entity = cache_lookup (self, table, id)) != NULL)
    return entity;

  sql = g_strdup_printf ("%s WHERE id = ?1", table_runtime[table].select_sql);
  if ((stmt = get_stmt (self, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if ((items = load_rows (self, table, stmt, error)) == NULL)
    return NULL;

  return items->len > 0 ? g_ptr_array_index (items, 0) : NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers: transactions, journal, undo                                                         */
/* ------------------------------------------------------------------------------------------ */

static void
journal_entry_free (gpointer data)
{
  JournalEntry *entry = data;

  g_clear_object (&entry->entity);
  if (G_IS_VALUE (&entry->old_value))
    g_value_unset (&entry->old_value);
  g_free (entry);
}

static void
undo_entry_free (gpointer data)
{
  UndoEntry *entry = data;

  g_clear_object (&entry->entity);
  if (G_IS_VALUE (&entry->old_value))
    g_value_unset (&entry->old_value);
  g_free (entry->info_key);
  g_free (entry);
}

static void
pending_signal_clear (gpointer data)
{
  PendingSignal *pending = data;

  g_clear_object (&pending->entity);
}

/* "changed" goes out once the change is committed: now, or when the outermost batch is. */
static void
emit_changed (RectifyRegister *self,
              RectifyEntity   *entity,
              const char      *property)
{
  PendingSignal pending;

  if (self->depth == 0)
    {
      g_signal_emit (self, signals[CHANGED], 0, entity, property);
      return;
    }

  pending.entity = g_object_ref (entity);
  pending.property = property ? g_intern_string (property) : NULL;
  g_array_append_val (self->pending, pending);
}

/* "info-changed" goes out like "changed": once the write is committed. */
static void
emit_info_changed (RectifyRegister *self,
                   const char      *key)
{
  PendingSignal pending;

  if (self->depth == 0)
    {
      g_signal_emit (self, signals[INFO_CHANGED], g_quark_from_string (key), key);
      return;
    }

  pending.entity = NULL;
  pending.property = g_intern_string (key);
  g_array_append_val (self->pending, pending);
}

static void
flush_pending_signals (RectifyRegister *self)
{
  g_autoptr(GArray) pending = NULL;

  if (self->pending->len == 0)
    return;

  /* Handlers may start new batches: emit from a list of our own */
  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, TRUE, sizeof (PendingSignal));
  g_array_set_clear_func (self->pending, pending_signal_clear);

  for (guint i = 0; i < pending->len; i++)
    {
      PendingSignal *p = &g_array_index (pending, PendingSignal, i);

      if (p->entity == NULL)
        g_signal_emit (self, signals[INFO_CHANGED], g_quark_from_string (p->property),
                       p->property);
      else
        g_signal_emit (self, signals[CHANGED], 0, p->entity, p->property);
    }
}

static void
journal_push (RectifyRegister *self,
              JournalKind      kind,
              TableId          table,
              RectifyEntity   *entity,
              const char      *property,
              const GValue    *old_value)
{
  JournalEntry *entry = g_new0 (JournalEntry, 1);

  g_assert (self->depth > 0);

  entry->kind = kind;
  entry->table = table;
  entry->entity = g_object_ref (entity);
  entry->property = property ? g_intern_string (property) : NULL;
  if (old_value != NULL)
    {
      g_value_init (&entry->old_value, G_VALUE_TYPE (old_value));
      g_value_copy (old_value, &entry->old_value);
    }

  g_ptr_array_add (self->journal, entry);
}

/* Sets a property on a stored object, remembering the old value for a rollback. */
static void
journal_set_property (RectifyRegister *self,
                      TableId          table,
                      RectifyEntity   *entity,
                      const char      *property,
                      const GValue    *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), property);
  g_auto(GValue) old = G_VALUE_INIT;

  g_assert (pspec != NULL);

  g_value_init (&old, pspec->value_type);
  g_object_get_property (G_OBJECT (entity), property, &old);
  journal_push (self, JOURNAL_SET, table, entity, property, &old);
  g_object_set_property (G_OBJECT (entity), property, value);
}

static void
journal_replay (RectifyRegister *self,
                guint            mark)
{
  while (self->journal->len > mark)
    {
      JournalEntry *entry = g_ptr_array_index (self->journal, self->journal->len - 1);

      switch (entry->kind)
        {
        case JOURNAL_ADD:
          memory_remove (self, entry->table, entry->entity);
          rectify_entity_set_id (entry->entity, 0);
          break;

        case JOURNAL_REMOVE:
          memory_insert (self, entry->table, entry->entity);
          break;

        case JOURNAL_SET:
          g_object_set_property (G_OBJECT (entry->entity), entry->property, &entry->old_value);
          emit_item_changed (self, entry->table, entry->entity);
          break;

        default:
          g_assert_not_reached ();
        }

      g_ptr_array_set_size (self->journal, self->journal->len - 1);
    }
}

static gboolean
tx_begin (RectifyRegister  *self,
          GError          **error)
{
  TxMark mark = { self->journal->len, self->undo->len, self->pending->len };
  sqlite3_stmt *stmt;

  if (self->read_only)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY,
                   _("“%s” is open for reading only, so the change was not saved. To change "
                     "it, copy it to a folder you can write to and open the copy."),
                   self->path);
      return FALSE;
    }

  if (self->depth == 0)
    {
      int moved = 0;

      /* SQLite would go on writing to the open file (and its write-ahead log) after it was
       * deleted or its folder renamed: the change would be lost, or land where nobody looks */
      if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK &&
          moved)
        {
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_FOUND,
                       _("The register “%s” was moved, renamed or deleted while it was open, "
                         "so the change was not saved. Open the register again where it is "
                         "now."), self->path);
          return FALSE;
        }
    }

  stmt = get_stmt (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT rectify_nested", error);
  if (stmt == NULL || !step_done (self, stmt, _("Could not start a change"), error))
    return FALSE;

  if (self->depth == 0)
    {
      gint64 version = 0;

      /* Another program wrote to the register since this one last did: the refs it gave out
       * are not in the counters */
      if (query_int (self->db, "PRAGMA data_version", &version, NULL) &&
          version != self->data_version)
        {
          self->data_version = version;
          for (guint t = 0; t < N_TABLES; t++)
            self->next_ref[t] = 0;
        }
    }

  g_array_append_val (self->marks, mark);
  self->depth++;

  return TRUE;
}

static void
tx_rollback (RectifyRegister *self)
{
  TxMark mark;

  g_assert (self->depth > 0);

  mark = g_array_index (self->marks, TxMark, self->depth - 1);

  if (!sqlite3_get_autocommit (self->db))
    {
      if (self->depth == 1)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      else
        sqlite3_exec (self->db, "ROLLBACK TO rectify_nested; RELEASE rectify_nested",
                      NULL, NULL, NULL);
    }

  journal_replay (self, mark.journal_len);
  if (self->undo->len > mark.undo_len)
    g_ptr_array_set_size (self->undo, mark.undo_len);
  if (self->pending->len > mark.pending_len)
    g_array_set_size (self->pending, mark.pending_len);

  for (guint t = 0; t < N_TABLES; t++)
    self->next_ref[t] = 0;

  self->depth--;
  g_array_set_size (self->marks, self->depth);
}

/* The undo stack is bounded (RECTIFY_REGISTER_MAX_UNDO_STEPS): every old value of a long
 * session of edits would otherwise stay in memory as long as the register is open. Drops the
 * oldest steps, each whole (the entries of a group are next to each other). Only outside a
 * transaction: the marks of open levels hold positions in the stack. */
static void
trim_undo (RectifyRegister *self)
{
  guint steps = 0;
  guint i;

  g_assert (self->depth == 0);

  for (i = self->undo->len; i > 0; i--)
    {
      UndoEntry *entry = g_ptr_array_index (self->undo, i - 1);

      /* entry i - 1 is the newest of its step */
      if (i == self->undo->len ||
          entry->group != ((UndoEntry *)g_ptr_array_index (self->undo, i))->group)
        {
          if (++steps > RECTIFY_REGISTER_MAX_UNDO_STEPS)
            break;
        }
    }

  /* Entries 0 .. i - 1 are the steps past the bound */
  if (i > 0)
    g_ptr_array_remove_range (self->undo, 0, i);
}

static gboolean
tx_commit (RectifyRegister  *self,
           GError          **error)
{
  sqlite3_stmt *stmt;

  g_assert (self->depth > 0);

  stmt = get_stmt (self, self->depth == 1 ? "COMMIT" : "RELEASE rectify_nested", error);
  if (stmt == NULL || !step_done (self, stmt, _("Could not save the change"), error))
    {
      tx_rollback (self);
      return FALSE;
    }

  self->depth--;
  g_array_set_size (self->marks, self->depth);

  if (self->depth == 0)
    {
      g_ptr_array_set_size (self->journal, 0);
      trim_undo (self);
      flush_pending_signals (self);
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers: history                                                                             */
/* ------------------------------------------------------------------------------------------ */

static void
hash_field (GChecksum  *checksum,
            const char *s)
{
  /* Length-prefixed, so no choice of field contents can collide with another row. */
  if (s == NULL)
    {
      g_checksum_update (checksum, (const guchar *)"N;", 2);
    }
  else
    {
      char prefix[32];
      gsize len = strlen (s);

      g_snprintf (prefix, sizeof prefix, "S%" G_GSIZE_FORMAT ":", len);
      g_checksum_update (checksum, (const guchar *)prefix, -1);
      g_checksum_update (checksum, (const guchar *)s, len);
      g_checksum_update (checksum, (const guchar *)";", 1);
    }
}

static char *
history_hash (const char *prev_hash,
              const char *at,
              const char *who,
              const char *entity,
              gint64      entity_id,
              const char *field,
              const char *old_value,
              const char *new_value)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char id_text[32];

  g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, entity_id);

  hash_field (checksum, prev_hash);
  hash_field (checksum, at);
  hash_field (checksum, who);
  hash_field (checksum, entity);
  hash_field (checksum, id_text);
  hash_field (checksum, field);
  hash_field (checksum, old_value);
  hash_field (checksum, new_value);

  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
history_append (RectifyRegister  *self,
                const char       *entity,
                gint64            entity_id,
                const char       *field,
                const char       *old_value,
                const char       *new_value,
                GError          **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *prev_hash = NULL;
  g_autofree char *at = NULL;
  g_autofree char *hash = NULL;
  int rc;

  g_assert (self->depth > 0);

  if ((stmt = get_stmt (self, "SELECT hash FROM history ORDER BY id DESC LIMIT 1", error)) == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    prev_hash = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, rc, _("Could not read the history"));
      return FALSE;
    }

  if (prev_hash == NULL)
    prev_hash = g_strdup (zero_hash);

  at = rectify_timestamp_now ();
  hash = history_hash (prev_hash, at, self->user, entity, entity_id, field, old_value, new_value);

  stmt = get_stmt (self,
                   "INSERT INTO history (at, who, entity, entity_id, field, old_value, new_value,"
                   " prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->user, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, entity_id);
  sqlite3_bind_text (stmt, 5, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, new_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, hash, -1, SQLITE_STATIC);

  return step_done (self, stmt, _("Could not write the history"), error);
}

static char *
entity_label (RectifyEntity *entity,
              TableId        table)
{
  const TableSpec *spec = &table_specs[table];
  const ColumnSpec *col = find_column (table, spec->label_property);
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), col->property);
  char *text;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (entity), col->property, &value);
  text = value_to_text (col, &value);

  return text != NULL ? text : g_strdup ("");
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers: refs                                                                                */
/* ------------------------------------------------------------------------------------------ */

/* The number of "PREFIX-NNN", or 0 when @ref is not of that form. */
static gint64
ref_number (const char *ref,
            const char *prefix)
{
  const char *p;
  guint64 n = 0;

  if (ref == NULL || !g_str_has_prefix (ref, prefix))
    return 0;

  p = ref + strlen (prefix);
  if (*p == '\0' || strlen (p) > 15)
    return 0;

  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return 0;
      n = n * 10 + (guint64)(*p - '0');
    }

  return (gint64)n;
}

static char *
allocate_ref (RectifyRegister  *self,
              TableId           table,
              GError          **error)
{
  const TableSpec *spec = &table_specs[table];

  if (self->next_ref[table] == 0)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT ref FROM %s WHERE ref GLOB ?1", spec->name);
      g_autofree char *pattern = g_strdup_printf ("%s[0-9]*", spec->ref_prefix);
      sqlite3_stmt *stmt = get_stmt (self, sql, error);
      gint64 max = 0;
      int rc;

      if (stmt == NULL)
        return NULL;

      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        max = MAX (max, ref_number ((const char *)sqlite3_column_text (stmt, 0), spec->ref_prefix));
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          set_db_error (error, self->db, rc, _("Could not read the register"));
          return NULL;
        }

      self->next_ref[table] = max + 1;
    }

  return g_strdup_printf ("%s%03" G_GINT64_FORMAT, spec->ref_prefix, self->next_ref[table]++);
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers: add, update, remove                                                                 */
/* ------------------------------------------------------------------------------------------ */

static void
set_string_property (RectifyRegister *self,
                     TableId          table,
                     RectifyEntity   *entity,
                     const char      *property,
                     const char      *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  journal_set_property (self, table, entity, property, &value);
}

static char *
get_string_property (RectifyEntity *entity,
                     const char    *property)
{
  char *text = NULL;

  g_object_get (entity, property, &text, NULL);

  return text;
}

static gboolean
add_internal (RectifyRegister  *self,
              TableId           table,
              RectifyEntity    *entity,
              GError          **error)
{
  const TableSpec *spec = &table_specs[table];
  TableRuntime *rt = &table_runtime[table];
  sqlite3_stmt *stmt;
  g_autofree char *label = NULL;
  gint64 id;

  /* Fill in what the register gives */
  if (spec->ref_prefix != NULL)
    {
      g_autofree char *ref = get_string_property (entity, "ref");

      if (ref == NULL || *g_strstrip (ref) == '\0')
        {
          g_autofree char *new_ref = allocate_ref (self, table, error);

          if (new_ref == NULL)
            return FALSE;
          set_string_property (self, table, entity, "ref", new_ref);
        }
    }

  if (table == TABLE_NC)
    {
      g_autofree char *now = rectify_timestamp_now ();
      g_autofree char *created_at = get_string_property (entity, "created-at");
      g_autofree char *updated_at = get_string_property (entity, "updated-at");

      if (created_at == NULL)
        set_string_property (self, table, entity, "created-at", now);
      if (updated_at == NULL)
        set_string_property (self, table, entity, "updated-at", now);
    }
  else if (table == TABLE_EVIDENCE)
    {
      g_autofree char *added_at = get_string_property (entity, "added-at");
      g_autofree char *added_by = get_string_property (entity, "added-by");

      if (added_at == NULL)
        {
          g_autofree char *now = rectify_timestamp_now ();
          set_string_property (self, table, entity, "added-at", now);
        }
      if (added_by == NULL)
        set_string_property (self, table, entity, "added-by", self->user);
    }

  /* Validate everything, then bind (validation may use other cached statements, but never
   * the insert statement itself). */
  {
    GValue values[32] = { G_VALUE_INIT };
    gboolean ok = TRUE;

    g_assert (spec->n_columns <= G_N_ELEMENTS (values));

    for (guint i = 0; i < spec->n_columns; i++)
      {
        g_value_init (&values[i], rt->pspecs[i]->value_type);
        g_object_get_property (G_OBJECT (entity), spec->columns[i].property, &values[i]);
      }

    for (guint i = 0; ok && i < spec->n_columns; i++)
      ok = validate_value (self, table, &spec->columns[i], &values[i], 0, error);

    if (ok)
      {
        stmt = get_stmt (self, rt->insert_sql, error);
        ok = stmt != NULL;
      }

    if (ok)
      {
        for (guint i = 0; i < spec->n_columns; i++)
          bind_value (stmt, (int)i + 1, &spec->columns[i], &values[i]);
        ok = step_done (self, stmt, _("Could not add the record"), error);
      }

    for (guint i = 0; i < spec->n_columns; i++)
      g_value_unset (&values[i]);

    if (!ok)
      return FALSE;
  }

  id = sqlite3_last_insert_rowid (self->db);

  rectify_entity_set_id (entity, id);
  journal_push (self, JOURNAL_ADD, table, entity, NULL, NULL);
  memory_insert (self, table, entity);

  if (spec->ref_prefix != NULL && self->next_ref[table] != 0)
    {
      g_autofree char *ref = get_string_property (entity, "ref");
      gint64 n = ref_number (ref, spec->ref_prefix);

      if (n >= self->next_ref[table])
        self->next_ref[table] = n + 1;
    }

  label = entity_label (entity, table);

  return history_append (self, spec->name, id, NULL, NULL, label, error);
}

/* Writes @value (of the property's type) to the row and the object; *changed tells whether the
 * value differed. */
static gboolean
update_internal (RectifyRegister   *self,
                 TableId            table,
                 RectifyEntity     *entity,
                 const ColumnSpec  *col,
                 const GValue      *value,
                 gboolean           record_undo,
                 gboolean          *changed,
                 GError           **error)
{
  const TableSpec *spec = &table_specs[table];
  guint idx = (guint)(col - spec->columns);
  GParamSpec *pspec = table_runtime[table].pspecs[idx];
  g_auto(GValue) old = G_VALUE_INIT;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  gint64 id = rectify_entity_get_id (entity);
  sqlite3_stmt *stmt;

  *changed = FALSE;

  g_value_init (&old, pspec->value_type);
  g_object_get_property (G_OBJECT (entity), col->property, &old);
  old_text = value_to_text (col, &old);
  new_text = value_to_text (col, value);

  if (g_strcmp0 (old_text, new_text) == 0)
    return TRUE;

  if (!validate_value (self, table, col, value, id, error))
    return FALSE;

  if ((stmt = get_stmt (self, table_runtime[table].update_sql[idx], error)) == NULL)
    return FALSE;

  bind_value (stmt, 1, col, value);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!step_done (self, stmt, _("Could not save the change"), error))
    return FALSE;

  if (!history_append (self, spec->name, id, col->property, old_text, new_text, error))
    return FALSE;

  if (table == TABLE_NC && strcmp (col->property, "updated-at") != 0)
    {
      g_autofree char *now = rectify_timestamp_now ();
      const ColumnSpec *updated = find_column (TABLE_NC, "updated-at");

      stmt = get_stmt (self,
                       table_runtime[TABLE_NC].update_sql[updated - spec->columns],
                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!step_done (self, stmt, _("Could not save the change"), error))
        return FALSE;
      set_string_property (self, table, entity, "updated-at", now);
    }

  if (record_undo)
    {
      UndoEntry *undo = g_new0 (UndoEntry, 1);

      undo->entity = g_object_ref (entity);
      undo->table = table;
      undo->property = g_intern_string (col->property);
      undo->group = self->undo_group != 0 ? self->undo_group : ++self->last_undo_group;
      g_value_init (&undo->old_value, pspec->value_type);
      g_value_copy (&old, &undo->old_value);
      g_ptr_array_add (self->undo, undo);
    }

  journal_set_property (self, table, entity, col->property, value);
  emit_item_changed (self, table, entity);

  if (spec->unique_property != NULL && col == find_column (table, spec->unique_property))
    self->next_ref[table] = 0;

  *changed = TRUE;

  return TRUE;
}

/* Forgets the cached objects of rows removed by a cascade, with a history row for each. */
static gboolean
remove_cascaded (RectifyRegister  *self,
                 TableId           table,
                 gint64            id,
                 GError          **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (cascades); i++)
    {
      const CascadeSpec *cascade = &cascades[i];
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      sqlite3_stmt *stmt;
      int rc;

      if (cascade->parent != table)
        continue;

      if ((stmt = get_stmt (self, cascade->sql, error)) == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 child = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, child);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          set_db_error (error, self->db, rc, _("Could not read the register"));
          return FALSE;
        }

      for (guint j = 0; j < ids->len; j++)
        {
          gint64 child_id = g_array_index (ids, gint64, j);
          RectifyEntity *child = get_entity (self, cascade->child, child_id, error);
          g_autofree char *label = NULL;

          if (child == NULL)
            return FALSE;

          /* Keep the object alive while it is journaled and dropped from the cache */
          g_object_ref (child);
          label = entity_label (child, cascade->child);
          journal_push (self, JOURNAL_REMOVE, cascade->child, child, NULL, NULL);
          memory_remove (self, cascade->child, child);
          g_object_unref (child);

          if (!history_append (self, table_specs[cascade->child].name, child_id,
                               NULL, label, NULL, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
remove_internal (RectifyRegister  *self,
                 TableId           table,
                 RectifyEntity    *entity,
                 GError          **error)
{
  const TableSpec *spec = &table_specs[table];
  gint64 id = rectify_entity_get_id (entity);
  g_autofree char *label = entity_label (entity, table);
  sqlite3_stmt *stmt;

  if (!remove_cascaded (self, table, id, error))
    return FALSE;

  if (table == TABLE_AUDIT)
    {
      /* ON DELETE SET NULL: the NCs of the audit no longer point at it */
      GListModel *ncs = G_LIST_MODEL (self->stores[TABLE_NC]);
      guint n = g_list_model_get_n_items (ncs);
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

          if (rectify_nonconformity_get_audit_id (nc) == id)
            {
              g_auto(GValue) zero = G_VALUE_INIT;

              g_value_init (&zero, G_TYPE_INT64);
              journal_set_property (self, TABLE_NC, RECTIFY_ENTITY (nc), "audit-id", &zero);
              g_list_model_items_changed (ncs, i, 1, 1);

              if (!history_append (self, "nonconformity",
                                   rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                                   "audit-id", id_text, NULL, error))
                return FALSE;
            }
        }
    }
  else if (table == TABLE_ACTION)
    {
      /* The links go with the action: record it on each NC */
      g_autoptr(GArray) nc_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *ref = get_string_property (entity, "ref");
      int rc;

      stmt = get_stmt (self, "SELECT nc_id FROM nc_action WHERE action_id = ?1 ORDER BY nc_id",
                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 nc_id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (nc_ids, nc_id);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          set_db_error (error, self->db, rc, _("Could not read the register"));
          return FALSE;
        }

      for (guint i = 0; i < nc_ids->len; i++)
        if (!history_append (self, "nonconformity", g_array_index (nc_ids, gint64, i),
                             "actions", ref, NULL, error))
          return FALSE;
    }

  if ((stmt = get_stmt (self, table_runtime[table].delete_sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, _("Could not remove the record"), error))
    return FALSE;

  if (!history_append (self, spec->name, id, NULL, label, NULL, error))
    return FALSE;

  g_object_ref (entity);
  journal_push (self, JOURNAL_REMOVE, table, entity, NULL, NULL);
  memory_remove (self, table, entity);
  g_object_unref (entity);

  return TRUE;
}

static int
check_entity (RectifyRegister  *self,
              RectifyEntity    *entity,
              gboolean          must_be_stored,
              GError          **error)
{
  int table = table_for_type (G_OBJECT_TYPE (entity));

  if (table < 0)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                   _("A %s cannot be stored in a register."), G_OBJECT_TYPE_NAME (entity));
      return -1;
    }

  if (must_be_stored && !is_stored (self, table, entity))
    {
      g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                           _("This record is not stored in this register (it may have been "
                             "removed)."));
      return -1;
    }

  return table;
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers: the lifecycle (deadlines, facts, moves)                                            */
/* ------------------------------------------------------------------------------------------ */

/* Writes one property inside an open transaction; "changed" goes out with the commit. */
static gboolean
set_field (RectifyRegister  *self,
           TableId           table,
           RectifyEntity    *entity,
           const char       *property,
           const GValue     *value,
           gboolean          record_undo,
           GError          **error)
{
  const ColumnSpec *col = find_column (table, property);
  gboolean changed = FALSE;

  g_assert (col != NULL);
  g_assert (self->depth > 0);

  if (!update_internal (self, table, entity, col, value, record_undo, &changed, error))
    return FALSE;

  if (changed)
    emit_changed (self, entity, col->property);

  return TRUE;
}

static gboolean
set_field_string (RectifyRegister  *self,
                  TableId           table,
                  RectifyEntity    *entity,
                  const char       *property,
                  const char       *text,
                  gboolean          record_undo,
                  GError          **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);

  return set_field (self, table, entity, property, &value, record_undo, error);
}

/* The deadlines of an NC with these inputs; the base date is the end of its audit when it has
 * one, else @reported_on. */
static void
compute_deadlines (RectifyRegister     *self,
                   const RectifyPolicy *policy,
                   RectifyGrade         grade,
                   const char          *reported_on,
                   gint64               audit_id,
                   RectifyDeadlines    *deadlines)
{
  RectifyAudit *audit = NULL;
  const char *audit_ends_on = NULL;

  if (audit_id > 0)
    audit = (RectifyAudit *)cache_lookup (self, TABLE_AUDIT, audit_id);
  if (audit != NULL)
    audit_ends_on = rectify_audit_get_ends_on (audit);

  memset (deadlines, 0, sizeof *deadlines);
  rectify_policy_compute_deadlines (policy, grade, reported_on, audit_ends_on, NULL, deadlines);
}

static void
compute_nc_deadlines (RectifyRegister      *self,
                      const RectifyPolicy  *policy,
                      RectifyNonconformity *nc,
                      RectifyDeadlines     *deadlines)
{
  compute_deadlines (self, policy,
                     rectify_nonconformity_get_grade (nc),
                     rectify_nonconformity_get_reported_on (nc),
                     rectify_nonconformity_get_audit_id (nc),
                     deadlines);
}

/* Replaces the stored deadlines of @nc by those of @after, each only while it still equals the
 * date computed from the previous inputs (@before): a date set by hand is kept. */
static gboolean
apply_deadlines (RectifyRegister         *self,
                 RectifyNonconformity    *nc,
                 const RectifyDeadlines  *before,
                 const RectifyDeadlines  *after,
                 gboolean                 record_undo,
                 GError                 **error)
{
  const struct
  {
    const char *property;
    const char *stored;
    const char *before;
    const char *after;
  } fields[] = {
    { "cap-due-on", rectify_nonconformity_get_cap_due_on (nc), before->cap_due_on,
      after->cap_due_on },
    { "due-on", rectify_nonconformity_get_due_on (nc), before->due_on, after->due_on },
  };
  /* Copies: writing the first field must not free the strings of the second */
  g_autofree char *stored_cap = g_strdup (fields[0].stored);
  g_autofree char *stored_due = g_strdup (fields[1].stored);
  const char *stored[] = { stored_cap, stored_due };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (stored[i], fields[i].before) != 0 ||
          g_strcmp0 (stored[i], fields[i].after) == 0)
        continue;

      if (!set_field_string (self, TABLE_NC, RECTIFY_ENTITY (nc), fields[i].property,
                             fields[i].after, record_undo, error))
        return FALSE;
    }

  return TRUE;
}

/* Recomputes the deadlines of every open NC from @old_policy to @new_policy. */
static gboolean
recompute_open_deadlines (RectifyRegister      *self,
                          const RectifyPolicy  *old_policy,
                          const RectifyPolicy  *new_policy,
                          GError              **error)
{
  GListModel *ncs = G_LIST_MODEL (self->stores[TABLE_NC]);
  guint n = g_list_model_get_n_items (ncs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);
      g_auto(RectifyDeadlines) before = { NULL, NULL, NULL };
      g_auto(RectifyDeadlines) after = { NULL, NULL, NULL };

      if (rectify_nonconformity_get_status (nc) == RECTIFY_STATUS_CLOSED)
        continue;

      compute_nc_deadlines (self, old_policy, nc, &before);
      compute_nc_deadlines (self, new_policy, nc, &after);
      if (!apply_deadlines (self, nc, &before, &after, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

/* The facts, with the memory they borrow from. */
typedef struct
{
  RectifyWorkflowFacts  facts;      /* first: the public pointer is this one */
  GPtrArray            *strings;
  GArray               *actions;    /* RectifyActionFacts */
} FactsHolder;

static gboolean
has_text (const char *s)
{
  if (s == NULL)
    return FALSE;

  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return TRUE;

  return FALSE;
}

static const char *
holder_strdup (FactsHolder *holder,
               const char  *s)
{
  char *copy;

  if (s == NULL)
    return NULL;

  copy = g_strdup (s);
  g_ptr_array_add (holder->strings, copy);

  return copy;
}

/* The result of the last effectiveness review that is not pending (PENDING if none). */
static RectifyVerificationResult
last_verification_result (RectifyRegister      *self,
                          RectifyNonconformity *nc)
{
  g_autoptr(GListModel) verifications = rectify_register_list_verifications (self, nc);
  RectifyVerificationResult result = RECTIFY_VERIFICATION_RESULT_PENDING;
  guint n = g_list_model_get_n_items (verifications);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyVerification) v = g_list_model_get_item (verifications, i);

      if (rectify_verification_get_result (v) != RECTIFY_VERIFICATION_RESULT_PENDING)
        result = rectify_verification_get_result (v);
    }

  return result;
}

static FactsHolder *
gather_facts (RectifyRegister      *self,
              RectifyNonconformity *nc)
{
  FactsHolder *holder = g_new0 (FactsHolder, 1);
  RectifyWorkflowFacts *facts = &holder->facts;
  g_autoptr(GListModel) causes = NULL;
  g_autoptr(GListModel) actions = NULL;
  guint n;

  holder->strings = g_ptr_array_new_with_free_func (g_free);
  holder->actions = g_array_new (FALSE, TRUE, sizeof (RectifyActionFacts));

  rectify_workflow_facts_init (facts);
  facts->ref = holder_strdup (holder, rectify_nonconformity_get_ref (nc));
  facts->grade = rectify_nonconformity_get_grade (nc);
  facts->status = rectify_nonconformity_get_status (nc);

  facts->has_statement = has_text (rectify_nonconformity_get_statement (nc));
  facts->has_requirement = has_text (rectify_nonconformity_get_requirement (nc));
  facts->has_evidence = has_text (rectify_nonconformity_get_evidence (nc));

  facts->has_correction = has_text (rectify_nonconformity_get_correction (nc)) &&
                          rectify_nonconformity_get_correction_on (nc) != NULL;
  facts->correction_not_needed = rectify_nonconformity_get_correction_not_needed (nc);
  facts->has_correction_reason = has_text (rectify_nonconformity_get_correction_reason (nc));

  causes = rectify_register_list_causes (self, nc);
  n = g_list_model_get_n_items (causes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);

      if (rectify_cause_get_is_root (cause))
        facts->n_root_causes++;
    }

  actions = rectify_register_list_actions_for (self, nc);
  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);
      g_autoptr(GListModel) evidence = rectify_register_list_evidence (self,
                                                                      RECTIFY_ENTITY (action));
      RectifyActionFacts af = { 0 };

      af.ref = holder_strdup (holder, rectify_action_get_ref (action));
      af.title = holder_strdup (holder, rectify_action_get_title (action));
      af.has_owner = has_text (rectify_action_get_owner (action));
      af.has_target = rectify_action_get_target_on (action) != NULL;
      af.has_success_criterion = has_text (rectify_action_get_success_criterion (action));
      af.status = rectify_action_get_status (action);
      af.n_evidence = g_list_model_get_n_items (evidence);
      g_array_append_val (holder->actions, af);
    }
  facts->actions = (const RectifyActionFacts *)(gpointer)holder->actions->data;
  facts->n_actions = holder->actions->len;

  rectify_register_get_approval_state (self, nc, &facts->approved, &facts->cb_accepted);

  facts->has_response = facts->has_correction ||
                        (facts->correction_not_needed && facts->has_correction_reason);
  facts->last_verification = last_verification_result (self, nc);

  return holder;
}

static void
facts_holder_free (FactsHolder *holder)
{
  if (holder == NULL)
    return;

  g_ptr_array_unref (holder->strings);
  g_array_unref (holder->actions);
  g_free (holder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FactsHolder, facts_holder_free)

/* Writes a move that the workflow allowed, inside an open transaction. */
static gboolean
move_internal (RectifyRegister       *self,
               RectifyNonconformity  *nc,
               RectifyStatus          to,
               gboolean               record_undo,
               GError               **error)
{
  RectifyEntity *entity = RECTIFY_ENTITY (nc);
  RectifyStatus from = rectify_nonconformity_get_status (nc);
  g_auto(GValue) status = G_VALUE_INIT;

  g_assert (self->depth > 0);

  g_value_init (&status, RECTIFY_TYPE_STATUS);
  g_value_set_enum (&status, to);
  if (!set_field (self, TABLE_NC, entity, "status", &status, record_undo, error))
    return FALSE;

  if (rectify_workflow_classify (from, to) == RECTIFY_TRANSITION_REOPEN)
    {
      if (!history_append (self, "nonconformity", rectify_entity_get_id (entity), "reopened",
                           rectify_enum_to_nick (RECTIFY_TYPE_STATUS, from),
                           rectify_enum_to_nick (RECTIFY_TYPE_STATUS, to), error) ||
          !set_field_string (self, TABLE_NC, entity, "closed-on", NULL, record_undo, error) ||
          !set_field_string (self, TABLE_NC, entity, "closed-by", NULL, record_undo, error))
        return FALSE;
    }

  if (to == RECTIFY_STATUS_CLOSED)
    {
      g_autofree char *today = rectify_date_today ();

      if (!set_field_string (self, TABLE_NC, entity, "closed-on", today, record_undo, error) ||
          !set_field_string (self, TABLE_NC, entity, "closed-by", self->user, record_undo, error))
        return FALSE;
    }

  return TRUE;
}

/* After a review of NC @nc_id was recorded: not effective while the NC is in Verification
 * reopens it to Analysis (inside the open transaction). */
static gboolean
reopen_if_not_effective (RectifyRegister  *self,
                         gint64            nc_id,
                         gboolean          record_undo,
                         GError          **error)
{
  RectifyNonconformity *nc = (RectifyNonconformity *)cache_lookup (self, TABLE_NC, nc_id);

  if (nc == NULL || rectify_nonconformity_get_status (nc) != RECTIFY_STATUS_VERIFICATION)
    return TRUE;

  if (last_verification_result (self, nc) != RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE)
    return TRUE;

  g_debug ("%s: review not effective, reopened", rectify_nonconformity_get_ref (nc));

  return move_internal (self, nc, RECTIFY_STATUS_ANALYSIS, record_undo, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers: opening and creating files                                                          */
/* ------------------------------------------------------------------------------------------ */

/* Switches @db to write-ahead logging. This changes the file's header: rectify_register_open ()
 * does it last, once the register has been read, so that a failed open leaves the file as it
 * was. */
static gboolean
enable_wal (sqlite3     *db,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *)sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);

  if (!wal)
    {
      set_db_error (error, db, sqlite3_extended_errcode (db),
                    _("Could not switch the register to write-ahead logging"));
      return FALSE;
    }

  return exec_static (db, "PRAGMA synchronous = NORMAL", _("Could not set up the register"),
                      error);
}

static gboolean
configure_connection (sqlite3     *db,
                      gboolean     wal,
                      GError     **error)
{
  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 1);

  /* A page cache large enough that a big batch (an import, the demo data) is not spilled to
   * the write-ahead log before its commit, and savepoint journals in memory: each write in a
   * batch is its own savepoint */
  if (!exec_static (db,
                    "PRAGMA foreign_keys = ON;"
                    " PRAGMA cache_size = " G_STRINGIFY (RECTIFY_REGISTER_CACHE_KIB) ";"
                    " PRAGMA temp_store = MEMORY",
                    _("Could not set up the register"), error))
    return FALSE;

  return !wal || enable_wal (db, error);
}

/* Runs the migration steps after @from up to @to in one transaction; with @commit FALSE the
 * transaction is left open for the caller to commit (or roll back). */
static gboolean
migrate (sqlite3     *db,
         int          from,
         int          to,
         gboolean     commit,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char sql[64];

  if (!exec_static (db, "BEGIN IMMEDIATE", _("Could not start the upgrade"), error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (migrations[i].version <= from || migrations[i].version > to)
        continue;

      g_debug ("Migrating to schema version %d", migrations[i].version);

      if (!exec_static (db, migrations[i].sql, _("Could not upgrade the register"), &local_error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  /* A number formatted by us, never user text */
  g_snprintf (sql, sizeof sql, "PRAGMA user_version = %d", to);

  if (!exec_static (db, sql, _("Could not upgrade the register"), &local_error) ||
      (commit && !exec_static (db, "COMMIT", _("Could not upgrade the register"), &local_error)))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static void
remove_database_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

/* A part file whose creator is gone but that has no content and no journal yet is removed only
 * once it is this old: its creator may be between creating it and locking it. */
#define STALE_EMPTY_PART_SECONDS 60

/* Whether @name is "@base.part-XXXXXXXX" (8 hex digits): a register being built under a
 * temporary name by create_database (), nothing else (not its -journal). */
static gboolean
is_part_name (const char *name,
              const char *base)
{
  gsize base_len = strlen (base);
  const char *suffix;

  if (strncmp (name, base, base_len) != 0 || !g_str_has_prefix (name + base_len, ".part-"))
    return FALSE;

  suffix = name + base_len + strlen (".part-");
  if (strlen (suffix) != 8)
    return FALSE;
  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isxdigit (suffix[i]))
      return FALSE;

  return TRUE;
}

/* Removes what creates of @path that were killed or crashed left behind: "PATH.part-XXXXXXXX"
 * files (with their -journal) whose creator is gone. A creator holds an flock () on its part
 * file from just after it made it until the register is at @path (create_database ()); a part
 * file that can be locked has no creator any more. One that is still empty, without a journal
 * (SQLite writes the journal first), may belong to a creator that has not locked it yet, and
 * stays until it is STALE_EMPTY_PART_SECONDS old. Best effort: a file that cannot be looked at
 * or removed is left. */
static void
remove_stale_parts (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *part = NULL;
      g_autofree char *journal = NULL;
      GStatBuf st;
      int fd;

      if (!is_part_name (name, base))
        continue;

      part = g_build_filename (dir, name, NULL);
      journal = g_strconcat (part, "-journal", NULL);
      fd = g_open (part, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
      if (fd < 0)
        continue;

      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
          (st.st_size > 0 || g_file_test (journal, G_FILE_TEST_EXISTS) ||
           time (NULL) - st.st_mtime >= STALE_EMPTY_PART_SECONDS) &&
          flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          g_debug ("Removing %s, left by a create that did not finish", part);
          remove_database_files (part);
        }

      /* (closing drops the lock, after the files are gone) */
      close (fd);
    }
}

static sqlite3 *
create_database (const char  *path,
                 int          version,
                 GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  sqlite3 *db = NULL;
  int part_fd = -1;
  char sql[64];
  int rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_EXISTS,
                   _("There is already a file at “%s”; choose another name."), path);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_FOUND,
                   _("The folder “%s” does not exist."), dir);
      return NULL;
    }

  if (access (dir, W_OK) != 0)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY,
                   _("Cannot create a register in “%s”: the folder is read-only."), dir);
      return NULL;
    }

  /* What earlier creates of @path that were killed left behind */
  remove_stale_parts (path);

  /* The register is built under a temporary name, in rollback-journal mode (so that what is
   * committed is in that one file), and appears at @path only once it is complete: a create
   * that is killed or runs out of room leaves no unfinished register behind, and what a killed
   * one leaves is removed by the next create of @path (remove_stale_parts ()). The part file is
   * made here and locked with flock () while it is built: the lock says its creator is alive.
   * (flock () locks are apart from SQLite's own POSIX locks; the descriptor is closed only once
   * SQLite has closed the file, so that closing it cannot drop SQLite's locks.) */
  tmp = g_strdup_printf ("%s.part-%08x", path, g_random_int ());
  part_fd = g_open (tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (part_fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EROFS || saved_errno == EACCES || saved_errno == EPERM)
        g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY,
                     _("Cannot create a register in “%s”: the folder is read-only."), dir);
      else
        g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
                     /* Translators: %s is a system error message */
                     _("Could not create the register: %s"), g_strerror (saved_errno));
      return NULL;
    }
  if (flock (part_fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("Could not lock %s: %s", tmp, g_strerror (errno));

  rc = sqlite3_open_v2 (tmp, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (error, db, rc, _("Could not create the register"));
      goto fail;
    }

  g_snprintf (sql, sizeof sql, "PRAGMA application_id = %d", RECTIFY_REGISTER_APPLICATION_ID);
  if (!exec_static (db, sql, _("Could not create the register"), error) ||
      !configure_connection (db, FALSE, error) ||
      !migrate (db, 0, version, TRUE, error))
    goto fail;

  rc = sqlite3_close (db);
  db = NULL;
  if (rc != SQLITE_OK)
    {
      set_db_error (error, NULL, rc, _("Could not create the register"));
      goto fail;
    }

  /* link () never replaces a file that appeared meanwhile; rename () where the file system
   * has no hard links */
  if (link (tmp, path) != 0)
    {
      int saved_errno = errno;

      if ((saved_errno == EPERM || saved_errno == EOPNOTSUPP || saved_errno == ENOSYS) &&
          !g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (tmp, path) == 0)
        saved_errno = 0;

      if (saved_errno != 0)
        {
          if (saved_errno == EEXIST)
            g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_EXISTS,
                         _("There is already a file at “%s”; choose another name."), path);
          else
            g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
                         /* Translators: %s is a system error message */
                         _("Could not create the register: %s"), g_strerror (saved_errno));
          goto fail;
        }
    }
  g_unlink (tmp);
  /* The register is at @path: the part file and its lock are done with (closed before SQLite
   * opens the file again) */
  close (part_fd);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    set_db_error (error, db, rc, _("Could not create the register"));
  if (rc != SQLITE_OK || !configure_connection (db, TRUE, error))
    {
      sqlite3_close (db);
      remove_database_files (path);
      return NULL;
    }

  return db;

fail:
  sqlite3_close (db);
  remove_database_files (tmp);
  close (part_fd);
  return NULL;
}

static char *
readonly_uri (const char *path,
              gboolean    immutable)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (abs, NULL, NULL);

  if (uri == NULL)
    return NULL;

  return g_strconcat (uri, immutable ? "?mode=ro&immutable=1" : "?mode=ro", NULL);
}

/* The tables read outside table_specs, with the columns read from them */
static const char * const nc_action_columns[] = { "nc_id", "action_id", NULL };
static const char * const approval_columns[] = {
  "nc_id", "role", "approver", "decision", "decided_on", "comment", "resubmit_by", NULL
};

static const struct
{
  const char         *name;
  gboolean            has_id;
  const char * const *columns;
} other_tables[] = {
  { "nc_action", FALSE, nc_action_columns },
  { "approval", TRUE, approval_columns },
};

/* Checks that the tables the register reads have the columns it reads, each with an "id" that
 * is its integer primary key: a damaged or hand-edited schema must not open as a register whose
 * objects have no identity. */
static gboolean
check_schema (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  for (guint t = 0; t < N_TABLES + G_N_ELEMENTS (other_tables); t++)
    {
      const char *table = t < N_TABLES ? table_specs[t].name : other_tables[t - N_TABLES].name;
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", table);
      g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      const char *missing = NULL;
      gboolean id_ok = t >= N_TABLES && !other_tables[t - N_TABLES].has_id;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) == SQLITE_OK)
        while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
          {
            const char *name = (const char *)sqlite3_column_text (stmt, 1);
            const char *type = (const char *)sqlite3_column_text (stmt, 2);

            if (name == NULL)
              continue;
            g_hash_table_add (columns, g_strdup (name));
            if (g_str_equal (name, "id") && sqlite3_column_int (stmt, 5) == 1 &&
                type != NULL && g_ascii_strcasecmp (type, "INTEGER") == 0)
              id_ok = TRUE;
          }
      sqlite3_finalize (stmt);

      if (rc != SQLITE_DONE)
        {
          set_db_error (error, db, rc, _("Could not read the register"));
          return FALSE;
        }

      if (t < N_TABLES)
        {
          for (guint c = 0; c < table_specs[t].n_columns && missing == NULL; c++)
            if (!g_hash_table_contains (columns, table_specs[t].columns[c].column))
              missing = table_specs[t].columns[c].column;
        }
      else
        {
          const char * const *wanted = other_tables[t - N_TABLES].columns;

          for (guint c = 0; wanted[c] != NULL && missing == NULL; c++)
            if (!g_hash_table_contains (columns, wanted[c]))
              missing = wanted[c];
        }

      if (g_hash_table_size (columns) == 0 || !id_ok || missing != NULL)
        {
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_CORRUPT,
                       /* Translators: the second %s is a table of the file, e.g. "action" */
                       _("“%s” is damaged and cannot be opened (the table “%s” is not what Rectify "
                         "wrote). Open a backup copy instead."),
                       path, table);
          return FALSE;
        }
    }

  return TRUE;
}

/* The tables (with their indexes) that inspect_file () checks for damage */
static const char * const checked_at_open[] = {
  "sqlite_schema", "register_info", "audit", "nonconformity", "action", "nc_action",
};

/* Looks at the file without changing a byte of it: exists, is a file, is SQLite, is a
 * Rectify register, not too new, not damaged. Returns the schema version, or 0 on error, and
 * in @writable whether the file and its folder can be written. With @make_backup, an older
 * register that can be written is first copied to "PATH.vN.bak". */
static int
inspect_file (const char  *path,
              gboolean     make_backup,
              gboolean    *writable,
              GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  GStatBuf st;
  char header[100];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0;
  gint64 version = 0;
  int fd;
  int rc;
  gssize n;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_FOUND,
                     _("There is no file at “%s”."), path);
      else
        g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
                     _("Could not open “%s”: %s"), path, g_strerror (saved_errno));
      return 0;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER,
                   _("“%s” is a folder, not a Rectify register file."), path);
      return 0;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER,
                   _("“%s” is not a regular file, so it cannot be a Rectify register."), path);
      return 0;
    }

  if (st.st_size == 0)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER,
                   _("“%s” is an empty file, not a Rectify register."), path);
      return 0;
    }

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return 0;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  if (n < (gssize)sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER,
                   _("“%s” is not a Rectify register: it is not a database file."), path);
      return 0;
    }

  /* immutable: no locks, no -shm or -wal files; only when no write-ahead log is pending */
  uri = readonly_uri (path, !g_file_test (wal, G_FILE_TEST_EXISTS));
  if (uri == NULL)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
                   _("Could not open “%s”: the file name cannot be used."), path);
      return 0;
    }

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (error, db, rc, _("Could not open the file"));
      goto out;
    }

  if (!query_int (db, "PRAGMA application_id", &app_id, NULL) ||
      !query_int (db, "PRAGMA user_version", &version, NULL))
    {
      rc = sqlite3_errcode (db);
      if (rc == SQLITE_CORRUPT)
        g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_CORRUPT,
                     _("“%s” is damaged and cannot be opened."), path);
      else if (rc == SQLITE_IOERR || rc == SQLITE_FULL || rc == SQLITE_BUSY ||
               rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY)
        /* not the file's fault: a full disk, a lock, a failing disk */
        set_db_error (error, db, sqlite3_extended_errcode (db), _("Could not open the register"));
      else
        g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER,
                     _("“%s” is not a Rectify register: it is not a database file."), path);
      version = 0;
      goto out;
    }

  if (app_id != RECTIFY_REGISTER_APPLICATION_ID)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER,
                   _("“%s” is a database of another application, not a Rectify register."),
                   path);
      version = 0;
      goto out;
    }

  if (version > RECTIFY_REGISTER_SCHEMA_VERSION)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Rectify (register version %d; this "
                     "version can open up to version %d). Update Rectify to open it."),
                   path, (int)version, RECTIFY_REGISTER_SCHEMA_VERSION);
      version = 0;
      goto out;
    }

  if (version < 1)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_CORRUPT,
                   _("“%s” is an unfinished Rectify register: it has no tables."), path);
      version = 0;
      goto out;
    }

  /* Damage is looked for in what the app reads when a register opens and in its first views:
   * the schema, the register settings (register_info), audits, NCs, actions and NC-action links,
   * each table with its indexes (PRAGMA integrity_check(TABLE), checked_at_open above: unlike
   * quick_check it also finds an index that disagrees with its table, such as two NCs with one
   * reference behind a damaged UNIQUE index; the extra cost is small). Not checked
   * here: history, causes, verifications, evidence, approvals, the search index (nc_fts_*) and
   * pages that belong to no table (free-list, lost pages). All of that is checked by the full
   * PRAGMA integrity_check of rectify_register_verify () (`rectify-cli verify`); and SQLite stops
   * any read or write that meets a damaged page there with SQLITE_CORRUPT, the transaction being
   * rolled back. Why: a full check reads the whole file, mostly history, and was a third of
   * the time to open a register of 10,000 NCs (about 3 times the work of these checks). */
  for (guint i = 0; i < G_N_ELEMENTS (checked_at_open); i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA integrity_check(%s)", checked_at_open[i]);

      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);

      if (rc != SQLITE_ROW ||
          g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
        {
          g_autofree char *problem = NULL;

          if (rc == SQLITE_ROW)
            problem = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
          else
            problem = g_strdup (sqlite3_errmsg (db));

          /* "*** in database main ***\nPage 5: ..." -> "page 5: ..." on one line */
          if (g_str_has_prefix (problem, "*** in database main ***\n"))
            memmove (problem, problem + 25, strlen (problem + 25) + 1);
          g_strdelimit (problem, "\n", ' ');

          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_CORRUPT,
                       /* Translators: the second %s is SQLite's description of the damage */
                       _("“%s” is damaged and cannot be opened (%s). Open a backup copy instead."),
                       path, problem);
          version = 0;
          goto out;
        }
      sqlite3_finalize (stmt);
      stmt = NULL;
    }

  if (version == RECTIFY_REGISTER_SCHEMA_VERSION && !check_schema (db, path, error))
    {
      version = 0;
      goto out;
    }

  /* Writable? access() of the file and of its folder, which needs room for the -wal and -shm
   * files; it also says EROFS on a read-only medium. (Tests may run as root, where chmod alone
   * does not stop writes.) */
  {
    g_autofree char *dir = g_path_get_dirname (path);

    *writable = access (path, W_OK) == 0 && access (dir, W_OK) == 0;
  }

  if (version < RECTIFY_REGISTER_SCHEMA_VERSION && make_backup && *writable)
    {
      g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, (int)version);
      g_autofree char *tmp = g_strconcat (backup, ".part", NULL);
      sqlite3 *dest = NULL;
      sqlite3_backup *bk;

      remove_database_files (tmp);
      rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
      if (rc == SQLITE_OK)
        {
          bk = sqlite3_backup_init (dest, "main", db, "main");
          if (bk != NULL)
            {
              sqlite3_backup_step (bk, -1);
              sqlite3_backup_finish (bk);
            }
          rc = sqlite3_errcode (dest);
        }

      if (rc != SQLITE_OK)
        {
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
                       _("Could not write the backup copy “%s” before upgrading: %s"),
                       backup, dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
          sqlite3_close (dest);
          remove_database_files (tmp);
          version = 0;
          goto out;
        }

      sqlite3_close (dest);

      if (g_rename (tmp, backup) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
                       _("Could not write the backup copy “%s” before upgrading: %s"),
                       backup, g_strerror (saved_errno));
          remove_database_files (tmp);
          version = 0;
          goto out;
        }
    }

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return (int)version;
}

/* ------------------------------------------------------------------------------------------ */
/* GObject                                                                                      */
/* ------------------------------------------------------------------------------------------ */

static void
rectify_register_finalize (GObject *object)
{
  RectifyRegister *self = (RectifyRegister *)object;

  if (self->db != NULL && self->depth > 0)
    {
      g_warning ("Register closed inside an unfinished batch; its changes are discarded");
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }

  g_clear_pointer (&self->journal, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);

  for (guint t = 0; t < N_TABLES; t++)
    {
      g_clear_object (&self->stores[t]);
      g_clear_pointer (&self->objects[t], g_hash_table_unref);
    }

  g_clear_pointer (&self->stmts, g_hash_table_unref);

  if (self->db != NULL)
    {
      if (sqlite3_close (self->db) != SQLITE_OK)
        g_warning ("Could not close the register: %s", sqlite3_errmsg (self->db));
      self->db = NULL;
    }

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (rectify_register_parent_class)->finalize (object);
}

static void
rectify_register_class_init (RectifyRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rectify_register_finalize;

  /**
   * RectifyRegister::changed:
   * @self: the register
   * @entity: the entity that changed
   * @property: (nullable): the property that changed, NULL when @entity was added or removed
   *
   * Emitted after a change to a stored entity has been written.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RECTIFY_TYPE_ENTITY, G_TYPE_STRING);

  /**
   * RectifyRegister::info-changed:
   * @self: the register
   * @key: the register_info key that changed (the signal's detail too)
   *
   * Emitted after a register-wide setting has been written (or its write undone).
   */
  signals[INFO_CHANGED] =
    g_signal_new ("info-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rectify_register_init (RectifyRegister *self)
{
  const char *real_name = g_get_real_name ();

  ensure_table_runtime ();

  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->marks = g_array_new (FALSE, FALSE, sizeof (TxMark));
  self->journal = g_ptr_array_new_with_free_func (journal_entry_free);
  self->undo = g_ptr_array_new_with_free_func (undo_entry_free);
  self->pending = g_array_new (FALSE, TRUE, sizeof (PendingSignal));
  g_array_set_clear_func (self->pending, pending_signal_clear);

  for (guint t = 0; t < N_TABLES; t++)
    {
      self->objects[t] = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                g_free, g_object_unref);
      if (table_specs[t].live && loaded_at_open (t))
        self->stores[t] = g_list_store_new (table_specs[t].get_type ());
    }

  if (real_name == NULL || *real_name == '\0' || strcmp (real_name, "Unknown") == 0)
    real_name = g_get_user_name ();
  self->user = g_strdup (real_name);

  rectify_policy_init_defaults (&self->policy);
}

static char *
policy_lookup (const char *key,
               gpointer    user_data)
{
  return rectify_register_get_info (user_data, key);
}

/* A stored value that does not parse (only an outside edit can write one) leaves the defaults. */
static void
load_policy (RectifyRegister *self)
{
  g_autoptr(GError) error = NULL;

  if (!rectify_policy_load (&self->policy, policy_lookup, self, &error))
    {
      g_message ("%s: the policy of the register is not valid, using the defaults: %s",
                 self->path, error->message);
      rectify_policy_init_defaults (&self->policy);
    }
}

static RectifyRegister *
register_new_for_db (const char  *path,
                     sqlite3     *db,
                     gboolean     read_only,
                     GError     **error)
{
  g_autoptr(RectifyRegister) self = g_object_new (RECTIFY_TYPE_REGISTER, NULL);

  self->path = g_strdup (path);
  self->db = db;
  self->read_only = read_only;

  /* Before reading: a change committed while the models are read shows as a change */
  query_int (db, "PRAGMA data_version", &self->seen_version, NULL);
  if (!load_live_models (self, error))
    return NULL;

  load_policy (self);

  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API                                                                                   */
/* ------------------------------------------------------------------------------------------ */

gboolean
_rectify_register_create_file_at_version (const char  *path,
                                          int          version,
                                          GError     **error)
{
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (version >= 1 && version <= RECTIFY_REGISTER_SCHEMA_VERSION, FALSE);

  if ((db = create_database (path, version, error)) == NULL)
    return FALSE;

  sqlite3_close (db);

  return TRUE;
}

/**
 * rectify_register_create:
 * @path: where to create the file
 * @error: return location for a #GError
 *
 * Creates a new, empty register; fails with %RECTIFY_REGISTER_ERROR_EXISTS when a file is there.
 *
 * Returns: (transfer full) (nullable): the register
 */
RectifyRegister *
rectify_register_create (const char  *path,
                         GError     **error)
{
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((db = create_database (path, RECTIFY_REGISTER_SCHEMA_VERSION, error)) == NULL)
    return NULL;

  return register_new_for_db (path, db, FALSE, error);
}

/* Opens @path for reading only: SQLITE_OPEN_READONLY and PRAGMA query_only, no write-ahead log
 * switch, no upgrade, no lock for writing. @writable: whether the file and its folder could be
 * written (inspect_file ()). A register that cannot be written and has no write-ahead log
 * pending is opened immutable: SQLite then creates no -wal and -shm files beside it (it
 * cannot in a read-only folder or medium, and a -shm file of ours beside somebody else's
 * read-only register could stop its owner from opening it). Otherwise SQLite reads it with
 * its usual locks (shared ones: another program may be writing it). */
static RectifyRegister *
open_read_only (const char  *path,
                int          found,
                gboolean     writable,
                gboolean     immutable_when_idle,
                GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  gint64 version = 0;
  int rc;

  if (found < RECTIFY_REGISTER_SCHEMA_VERSION)
    {
      if (writable)
        g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY,
                     _("“%s” was written by an older version of Rectify (register version %d) "
                       "and must be upgraded before it can be read, which cannot be done while "
                       "it is opened for reading only. Open it for changing to upgrade it."),
                     path, found);
      else
        g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY,
                     _("“%s” was written by an older version of Rectify (register version %d) "
                       "and must be upgraded before it can be read, but the file or its folder "
                       "is read-only. Copy it to a folder you can write to and open the copy: "
                       "the copy is upgraded."),
                     path, found);
      return NULL;
    }

  uri = readonly_uri (path, (!writable || immutable_when_idle) &&
                            !g_file_test (wal, G_FILE_TEST_EXISTS));
  if (uri == NULL)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
                   _("Could not open “%s”: the file name cannot be used."), path);
      return NULL;
    }

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (error, db, rc, _("Could not open the register"));
      sqlite3_close (db);
      return NULL;
    }

  if (!configure_connection (db, FALSE, error) ||
      !exec_static (db, "PRAGMA query_only = ON", _("Could not set up the register"), error) ||
      !query_int (db, "PRAGMA user_version", &version, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  if (version != RECTIFY_REGISTER_SCHEMA_VERSION)
    {
      /* Changed between the inspection and now */
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
                   _("“%s” was changed by another program while it was being opened; try "
                     "again."), path);
      sqlite3_close (db);
      return NULL;
    }

  return register_new_for_db (path, db, TRUE, error);
}

/**
 * rectify_register_open_full:
 * @path: the register file
 * @flags: how to open it
 * @error: return location for a #GError
 *
 * Opens an existing register. Files that are missing, not registers, damaged or too new give an
 * error and are not touched.
 *
 * With %RECTIFY_REGISTER_OPEN_DEFAULT a register whose file or folder can be written is opened
 * for changing: an older register is copied to "PATH.vN.bak" and then upgraded in one
 * transaction. One that cannot be written (its file mode, its folder's, a read-only medium) is
 * opened for reading only (rectify_register_is_read_only ()), as with
 * %RECTIFY_REGISTER_OPEN_READ_ONLY: nothing is written to the file, and every change is refused
 * with %RECTIFY_REGISTER_ERROR_READ_ONLY; an older register that would need an upgrade gives
 * that error too. %RECTIFY_REGISTER_OPEN_WRITABLE refuses to open a register that cannot be
 * written (%RECTIFY_REGISTER_ERROR_READ_ONLY).
 *
 * Returns: (transfer full) (nullable): the register
 */
RectifyRegister *
rectify_register_open_full (const char                *path,
                            RectifyRegisterOpenFlags   flags,
                            GError                   **error)
{
  g_autoptr(RectifyRegister) self = NULL;
  g_autofree char *backup = NULL;
  sqlite3 *db = NULL;
  gint64 version = 0;
  gboolean migrated = FALSE;
  gboolean writable = FALSE;
  int found;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail ((flags & RECTIFY_REGISTER_OPEN_READ_ONLY) == 0 ||
                        (flags & RECTIFY_REGISTER_OPEN_WRITABLE) == 0, NULL);

  if ((found = inspect_file (path, (flags & RECTIFY_REGISTER_OPEN_READ_ONLY) == 0, &writable,
                             error)) == 0)
    return NULL;

  if (!writable && (flags & RECTIFY_REGISTER_OPEN_WRITABLE) != 0)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY,
                   _("“%s” cannot be changed because the file or its folder is read-only. "
                     "Copy it to a folder you can write to."), path);
      return NULL;
    }

  if (!writable || (flags & RECTIFY_REGISTER_OPEN_READ_ONLY) != 0)
    return open_read_only (path, found, writable, FALSE, error);

  if (found < RECTIFY_REGISTER_SCHEMA_VERSION)
    backup = g_strdup_printf ("%s.v%d.bak", path, found);

  /* Until the register has been read, the file stays in the journal mode it has: nothing is
   * written but the upgrade, in one transaction that is only committed once the upgraded
   * register has been read. So a failed open leaves the file byte for byte as it was. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (error, db, rc, _("Could not open the register"));
      sqlite3_close (db);
      goto fail;
    }

  if (!configure_connection (db, FALSE, error) ||
      !query_int (db, "PRAGMA user_version", &version, error))
    {
      sqlite3_close (db);
      goto fail;
    }

  if (version < RECTIFY_REGISTER_SCHEMA_VERSION)
    {
      g_autoptr(GError) local_error = NULL;

      if (!migrate (db, (int)version, RECTIFY_REGISTER_SCHEMA_VERSION, FALSE, &local_error) ||
          !check_schema (db, path, &local_error))
        {
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
                       _("Could not upgrade “%s” from version %d to %d; it was left as it was "
                         "(%s)."),
                       path, (int)version, RECTIFY_REGISTER_SCHEMA_VERSION,
                       local_error->message);
          sqlite3_close (db);   /* rolls the upgrade back */
          goto fail;
        }
      migrated = TRUE;
    }
  else if (version > RECTIFY_REGISTER_SCHEMA_VERSION)
    {
      /* Changed between the inspection and now */
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Rectify (register version %d; this "
                     "version can open up to version %d). Update Rectify to open it."),
                   path, (int)version, RECTIFY_REGISTER_SCHEMA_VERSION);
      sqlite3_close (db);
      goto fail;
    }

  /* Takes @db; on failure it is closed, and an unfinished upgrade rolled back */
  if ((self = register_new_for_db (path, db, FALSE, error)) == NULL)
    goto fail;

  if (migrated &&
      !exec_static (self->db, "COMMIT", _("Could not upgrade the register"), error))
    {
      g_clear_object (&self);
      goto fail;
    }

  if (!enable_wal (self->db, error))
    {
      g_clear_object (&self);
      if (migrated && backup != NULL)
        {
          /* The upgrade is committed: put the old file back */
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          if (g_rename (backup, path) == 0)
            {
              g_unlink (wal);
              g_unlink (shm);
            }
          g_clear_pointer (&backup, g_free);
        }
      goto fail;
    }

  /* What a killed create of this path left beside it (opened for changing only: a register
   * opened for reading writes nothing, not even in its folder) */
  remove_stale_parts (path);

  return g_steal_pointer (&self);

fail:
  /* The file is as it was: the backup copy made before the upgrade is not needed */
  if (backup != NULL)
    g_unlink (backup);

  return NULL;
}

/**
 * rectify_register_open_read_only:
 * @path: the register file
 * @error: return location for a #GError
 *
 * Opens an existing register for reading only: nothing is ever written to the file, and no
 * file is created beside it. Fails like rectify_register_open () on a file that is missing, not
 * a register, damaged or too new (but not on a read-only one), with
 * %RECTIFY_REGISTER_ERROR_READ_ONLY on a register of an older version (it needs an upgrade,
 * which is a write), and with %RECTIFY_REGISTER_ERROR_FAILED when the file cannot be read now
 * (another program holds it locked). Every change to the register fails with
 * %RECTIFY_REGISTER_ERROR_READ_ONLY. The actions are read at once (not on the first
 * rectify_register_get_actions ()), so that a failure to read them is reported here.
 *
 * Returns: (transfer full) (nullable): the register
 */
RectifyRegister *
rectify_register_open_read_only (const char  *path,
                                 GError     **error)
{
  g_autoptr(RectifyRegister) self = NULL;
  gboolean writable = FALSE;
  int found;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((found = inspect_file (path, FALSE, &writable, error)) == 0)
    return NULL;

  /* Immutable (no locks, no -shm or -wal file created) unless a write-ahead log is there:
   * then another program may be writing, and the log must be read with locks. */
  if ((self = open_read_only (path, found, writable, TRUE, error)) == NULL)
    return NULL;

  if (!load_store (self, TABLE_ACTION, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rectify_register_open:
 * @path: the register file
 * @error: return location for a #GError
 *
 * rectify_register_open_full() with %RECTIFY_REGISTER_OPEN_DEFAULT: for changing when the file
 * and its folder can be written, else for reading only.
 *
 * Returns: (transfer full) (nullable): the register
 */
RectifyRegister *
rectify_register_open (const char  *path,
                       GError     **error)
{
  return rectify_register_open_full (path, RECTIFY_REGISTER_OPEN_DEFAULT, error);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  RectifyRegister *reg;

  if ((reg = rectify_register_open (task_data, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (g_cancellable_is_cancelled (cancellable))
    {
      /* Nobody waits for it: closed here, not when the main context comes round */
      g_object_unref (reg);
      g_task_return_error_if_cancelled (task);
    }
  else
    g_task_return_pointer (task, reg, g_object_unref);
}

static gint n_opening;

void
rectify_register_open_async (const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_atomic_int_inc (&n_opening);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rectify_register_open_async);
  g_task_set_name (task, "[rectify] open register");
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

RectifyRegister *
rectify_register_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rectify_register_open_async,
                        NULL);

  g_atomic_int_dec_and_test (&n_opening);
  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
rectify_register_n_opening (void)
{
  return (guint)g_atomic_int_get (&n_opening);
}

gboolean
rectify_register_is_read_only (RectifyRegister *self)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);

  return self->read_only;
}

const char *
rectify_register_get_path (RectifyRegister *self)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);

  return self->path;
}

void
rectify_register_set_user (RectifyRegister *self,
                           const char      *user)
{
  g_return_if_fail (RECTIFY_IS_REGISTER (self));
  g_return_if_fail (user != NULL);

  g_free (self->user);
  self->user = g_strdup (user);
}

const char *
rectify_register_get_user (RectifyRegister *self)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);

  return self->user;
}

/**
 * rectify_register_get_info:
 *
 * Returns: (transfer full) (nullable): the value of @key, NULL when it is not set
 */
char *
rectify_register_get_info (RectifyRegister *self,
                           const char      *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if ((stmt = get_stmt (self, "SELECT value FROM register_info WHERE key = ?1", NULL)) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

static gboolean set_info_internal (RectifyRegister      *self,
                                   const char           *key,
                                   const char           *old,
                                   const char           *value,
                                   GError              **error);
static gboolean write_policy      (RectifyRegister      *self,
                                   const RectifyPolicy  *policy,
                                   const char           *only_key,
                                   const char           *only_value,
                                   GError              **error);

gboolean
rectify_register_set_info (RectifyRegister  *self,
                           const char       *key,
                           const char       *value,
                           GError          **error)
{
  g_autofree char *old = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (*key == '\0')
    {
      g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                           _("A setting needs a name."));
      return FALSE;
    }

  if (!check_utf8 (key, key, error) || !check_utf8 (value, key, error))
    return FALSE;

  if (rectify_policy_is_key (key))
    {
      RectifyPolicy policy = self->policy;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *default_value = NULL;

      if (value == NULL)
        {
          RectifyPolicy defaults;

          rectify_policy_init_defaults (&defaults);
          default_value = rectify_policy_get_value (&defaults, key);
        }

      if (!rectify_policy_set_value (&policy, key, value != NULL ? value : default_value,
                                     &local_error))
        {
          g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                               local_error->message);
          return FALSE;
        }

      return write_policy (self, &policy, key, value, error);
    }

  old = rectify_register_get_info (self, key);
  if (g_strcmp0 (old, value) == 0)
    return TRUE;

  if (!tx_begin (self, error))
    return FALSE;

  if (!set_info_internal (self, key, old, value, error))
    {
      tx_rollback (self);
      return FALSE;
    }

  return tx_commit (self, error);
}

/* Writes one register_info key and its history row, inside an open transaction. */
static gboolean
set_info_internal (RectifyRegister  *self,
                   const char       *key,
                   const char       *old,
                   const char       *value,
                   GError          **error)
{
  sqlite3_stmt *stmt;

  if (value != NULL)
    stmt = get_stmt (self,
                     "INSERT INTO register_info (key, value) VALUES (?1, ?2)"
                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     error);
  else
    stmt = get_stmt (self, "DELETE FROM register_info WHERE key = ?1", error);

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      if (value != NULL)
        sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
    }

  if (stmt == NULL ||
      !step_done (self, stmt, _("Could not save the setting"), error) ||
      !history_append (self, "register_info", 0, key, old, value, error))
    return FALSE;

  emit_info_changed (self, key);
  return TRUE;
}

/* Writes @policy in one transaction: the key @only_key (with @only_value, NULL to remove it) or,
 * when @only_key is NULL, every key whose value changes; then recomputes the deadlines of the open
 * NCs. */
static gboolean
write_policy (RectifyRegister      *self,
              const RectifyPolicy  *policy,
              const char           *only_key,
              const char           *only_value,
              GError              **error)
{
  const char * const *keys = rectify_policy_get_keys ();
  RectifyPolicy old_policy = self->policy;

  if (!tx_begin (self, error))
    return FALSE;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *old = NULL;
      g_autofree char *value = NULL;

      if (only_key != NULL && strcmp (keys[i], only_key) != 0)
        continue;

      old = rectify_register_get_info (self, keys[i]);
      value = only_key != NULL ? g_strdup (only_value) : rectify_policy_get_value (policy, keys[i]);

      if (only_key == NULL)
        {
          g_autofree char *current = rectify_policy_get_value (&old_policy, keys[i]);

          /* Unchanged in effect (a default that was never written stays unwritten) */
          if (g_strcmp0 (current, value) == 0)
            continue;
        }

      if (g_strcmp0 (old, value) == 0)
        continue;

      if (!set_info_internal (self, keys[i], old, value, error))
        {
          tx_rollback (self);
          return FALSE;
        }
    }

  if (!recompute_open_deadlines (self, &old_policy, policy, error))
    {
      tx_rollback (self);
      return FALSE;
    }

  if (!tx_commit (self, error))
    return FALSE;

  self->policy = *policy;

  return TRUE;
}

GListModel *
rectify_register_get_nonconformities (RectifyRegister *self)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);

  return G_LIST_MODEL (self->stores[TABLE_NC]);
}

GListModel *
rectify_register_get_actions (RectifyRegister *self)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);

  return ensure_store (self, TABLE_ACTION);
}

GListModel *
rectify_register_get_audits (RectifyRegister *self)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);

  return G_LIST_MODEL (self->stores[TABLE_AUDIT]);
}

RectifyNonconformity *
rectify_register_lookup_nonconformity (RectifyRegister *self,
                                       gint64           id)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);

  return (RectifyNonconformity *)cache_lookup (self, TABLE_NC, id);
}

RectifyAction *
rectify_register_lookup_action (RectifyRegister *self,
                                gint64           id)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);

  /* (actions are read on first use: rectify_register_get_actions () may not have run yet) */
  return (RectifyAction *)get_entity (self, TABLE_ACTION, id, NULL);
}

RectifyAudit *
rectify_register_lookup_audit (RectifyRegister *self,
                               gint64           id)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);

  return (RectifyAudit *)cache_lookup (self, TABLE_AUDIT, id);
}

static RectifyEntity *
find_by_unique (RectifyRegister *self,
                TableId          table,
                const char      *value)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (value == NULL)
    return NULL;

  /* unique_sql excludes one id; -1 excludes none */
  if ((stmt = get_stmt (self, table_runtime[table].unique_sql, NULL)) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, -1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id > 0 ? get_entity (self, table, id, NULL) : NULL;
}

RectifyNonconformity *
rectify_register_find_nonconformity (RectifyRegister *self,
                                     const char      *ref)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);

  return (RectifyNonconformity *)find_by_unique (self, TABLE_NC, ref);
}

RectifyAudit *
rectify_register_find_audit (RectifyRegister *self,
                             const char      *title)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);

  return (RectifyAudit *)find_by_unique (self, TABLE_AUDIT, title);
}

gboolean
rectify_register_add (RectifyRegister  *self,
                      RectifyEntity    *entity,
                      GError          **error)
{
  int table;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (RECTIFY_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((table = check_entity (self, entity, FALSE, error)) < 0)
    return FALSE;

  if (rectify_entity_get_id (entity) != 0)
    {
      g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                           _("This record is already stored in a register."));
      return FALSE;
    }

  if (!tx_begin (self, error))
    return FALSE;

  if (table == TABLE_NC)
    {
      /* Deadlines from the policy, unless given */
      RectifyNonconformity *nc = RECTIFY_NONCONFORMITY (entity);
      g_auto(RectifyDeadlines) deadlines = { NULL, NULL, NULL };

      compute_nc_deadlines (self, &self->policy, nc, &deadlines);
      if (rectify_nonconformity_get_cap_due_on (nc) == NULL && deadlines.cap_due_on != NULL)
        set_string_property (self, table, entity, "cap-due-on", deadlines.cap_due_on);
      if (rectify_nonconformity_get_due_on (nc) == NULL && deadlines.due_on != NULL)
        set_string_property (self, table, entity, "due-on", deadlines.due_on);
    }

  if (!add_internal (self, table, entity, error) ||
      (table == TABLE_VERIFICATION &&
       rectify_verification_get_result (RECTIFY_VERIFICATION (entity)) ==
         RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE &&
       !reopen_if_not_effective (self,
                                 rectify_verification_get_nc_id (RECTIFY_VERIFICATION (entity)),
                                 FALSE, error)))
    {
      tx_rollback (self);
      return FALSE;
    }

  if (!tx_commit (self, error))
    return FALSE;

  emit_changed (self, entity, NULL);

  return TRUE;
}

/* update_internal(), then what the change implies (inside the open transaction): deadlines of
 * an NC recomputed when their inputs change, a not-effective review reopening its NC. */
static gboolean
update_with_consequences (RectifyRegister   *self,
                          TableId            table,
                          RectifyEntity     *entity,
                          const ColumnSpec  *col,
                          const GValue      *value,
                          gboolean           record_undo,
                          gboolean          *changed,
                          GError           **error)
{
  gboolean nc_deadline_input = table == TABLE_NC &&
                               (strcmp (col->property, "grade") == 0 ||
                                strcmp (col->property, "audit-id") == 0 ||
                                strcmp (col->property, "reported-on") == 0);
  gboolean audit_end = table == TABLE_AUDIT && strcmp (col->property, "ends-on") == 0;
  g_autoptr(GPtrArray) ncs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) before = g_array_new (FALSE, TRUE, sizeof (RectifyDeadlines));

  g_array_set_clear_func (before, (GDestroyNotify)rectify_deadlines_clear);

  /* The NCs whose deadlines may move, and their deadlines as computed before */
  if (nc_deadline_input)
    {
      g_ptr_array_add (ncs, g_object_ref (entity));
    }
  else if (audit_end)
    {
      GListModel *all = G_LIST_MODEL (self->stores[TABLE_NC]);
      guint n = g_list_model_get_n_items (all);
      gint64 audit_id = rectify_entity_get_id (entity);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (all, i);

          if (rectify_nonconformity_get_audit_id (nc) == audit_id &&
              rectify_nonconformity_get_status (nc) != RECTIFY_STATUS_CLOSED)
            g_ptr_array_add (ncs, g_steal_pointer (&nc));
        }
    }

  for (guint i = 0; i < ncs->len; i++)
    {
      RectifyDeadlines d;

      compute_nc_deadlines (self, &self->policy, g_ptr_array_index (ncs, i), &d);
      g_array_append_val (before, d);
    }

  if (!update_internal (self, table, entity, col, value, record_undo, changed, error))
    return FALSE;

  if (!*changed)
    return TRUE;

  for (guint i = 0; i < ncs->len; i++)
    {
      RectifyNonconformity *nc = g_ptr_array_index (ncs, i);
      g_auto(RectifyDeadlines) after = { NULL, NULL, NULL };

      compute_nc_deadlines (self, &self->policy, nc, &after);
      if (!apply_deadlines (self, nc, &g_array_index (before, RectifyDeadlines, i), &after,
                            record_undo, error))
        return FALSE;
    }

  if (table == TABLE_VERIFICATION && strcmp (col->property, "result") == 0 &&
      !reopen_if_not_effective (self,
                                rectify_verification_get_nc_id (RECTIFY_VERIFICATION (entity)),
                                record_undo, error))
    return FALSE;

  return TRUE;
}

static gboolean
update_checked (RectifyRegister  *self,
                RectifyEntity    *entity,
                const char       *property,
                const GValue     *value,
                gboolean          record_undo,
                GError          **error)
{
  const ColumnSpec *col;
  GParamSpec *pspec;
  g_auto(GValue) converted = G_VALUE_INIT;
  gboolean changed = FALSE;
  guint saved_group;
  gboolean ok;
  int table;

  if ((table = check_entity (self, entity, TRUE, error)) < 0)
    return FALSE;

  if ((col = find_column (table, property)) == NULL)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                   /* Translators: "“id” is not a field of a nonconformity that can be changed." */
                   _("“%s” is not a field of a %s that can be changed."),
                   property, table_specs[table].name);
      return FALSE;
    }

  pspec = table_runtime[table].pspecs[col - table_specs[table].columns];
  g_value_init (&converted, pspec->value_type);

  if (value == NULL || !g_value_type_transformable (G_VALUE_TYPE (value), pspec->value_type) ||
      !g_value_transform (value, &converted))
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                   _("Wrong kind of value for “%s”."), property);
      return FALSE;
    }

  if (!tx_begin (self, error))
    return FALSE;

  /* The change and what follows from it are one step of undo */
  saved_group = self->undo_group;
  if (self->undo_group == 0)
    self->undo_group = ++self->last_undo_group;

  ok = update_with_consequences (self, table, entity, col, &converted, record_undo, &changed,
                                 error);

  self->undo_group = saved_group;

  if (!ok)
    {
      tx_rollback (self);
      return FALSE;
    }

  if (!tx_commit (self, error))
    return FALSE;

  if (changed)
    emit_changed (self, entity, col->property);

  return TRUE;
}

gboolean
rectify_register_update (RectifyRegister  *self,
                         RectifyEntity    *entity,
                         const char       *property,
                         const GValue     *value,
                         GError          **error)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (RECTIFY_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return update_checked (self, entity, property, value, TRUE, error);
}

gboolean
rectify_register_update_string (RectifyRegister  *self,
                                RectifyEntity    *entity,
                                const char       *property,
                                const char       *value,
                                GError          **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);

  return rectify_register_update (self, entity, property, &v, error);
}

gboolean
rectify_register_update_enum (RectifyRegister  *self,
                              RectifyEntity    *entity,
                              const char       *property,
                              int               value,
                              GError          **error)
{
  GParamSpec *pspec;
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_val_if_fail (RECTIFY_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), property);
  if (pspec == NULL || !G_IS_PARAM_SPEC_ENUM (pspec))
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                   _("“%s” is not a field with a fixed set of values."), property);
      return FALSE;
    }

  g_value_init (&v, pspec->value_type);
  g_value_set_enum (&v, value);

  return rectify_register_update (self, entity, property, &v, error);
}

gboolean
rectify_register_update_int64 (RectifyRegister  *self,
                               RectifyEntity    *entity,
                               const char       *property,
                               gint64            value,
                               GError          **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);

  return rectify_register_update (self, entity, property, &v, error);
}

gboolean
rectify_register_remove (RectifyRegister  *self,
                         RectifyEntity    *entity,
                         GError          **error)
{
  g_autoptr(RectifyEntity) keep = NULL;
  int table;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (RECTIFY_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((table = check_entity (self, entity, TRUE, error)) < 0)
    return FALSE;

  keep = g_object_ref (entity);

  if (!tx_begin (self, error))
    return FALSE;

  if (!remove_internal (self, table, entity, error))
    {
      tx_rollback (self);
      return FALSE;
    }

  if (!tx_commit (self, error))
    return FALSE;

  emit_changed (self, entity, NULL);

  return TRUE;
}

gboolean
rectify_register_can_undo (RectifyRegister *self)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);

  return self->undo->len > 0;
}

gboolean
rectify_register_undo (RectifyRegister  *self,
                       GError          **error)
{
  UndoEntry *top;
  guint first;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->undo->len == 0)
    {
      g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                           _("There is nothing to undo."));
      return FALSE;
    }

  /* The last step: the entries of its group, at the top of the stack */
  top = g_ptr_array_index (self->undo, self->undo->len - 1);
  first = self->undo->len - 1;
  while (first > 0 &&
         ((UndoEntry *)g_ptr_array_index (self->undo, first - 1))->group == top->group)
    first--;

  for (guint i = first; i < self->undo->len; i++)
    {
      UndoEntry *entry = g_ptr_array_index (self->undo, i);

      if (entry->entity != NULL && !is_stored (self, entry->table, entry->entity))
        {
          g_ptr_array_set_size (self->undo, first);
          g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                               _("The change can no longer be undone: its record was removed."));
          return FALSE;
        }
    }

  if (!tx_begin (self, error))
    return FALSE;

  /* Newest first, each written with its history row; nothing recomputed (the group holds what
   * was recomputed) and nothing recorded for undo */
  for (guint i = self->undo->len; i > first; i--)
    {
      UndoEntry *entry = g_ptr_array_index (self->undo, i - 1);
      g_auto(GValue) old = G_VALUE_INIT;

      if (entry->info_key != NULL)
        {
          g_autofree char *current = rectify_register_get_info (self, entry->info_key);

          if (!set_info_internal (self, entry->info_key, current,
                                  g_value_get_string (&entry->old_value), error))
            {
              tx_rollback (self);
              return FALSE;
            }
          continue;
        }

      g_value_init (&old, G_VALUE_TYPE (&entry->old_value));
      g_value_copy (&entry->old_value, &old);

      if (!set_field (self, entry->table, entry->entity, entry->property, &old, FALSE, error))
        {
          tx_rollback (self);
          return FALSE;
        }
    }

  if (!tx_commit (self, error))
    return FALSE;

  /* Only now: if writing failed, the entries stay for another try */
  g_ptr_array_set_size (self->undo, first);

  return TRUE;
}

gboolean
rectify_register_begin (RectifyRegister  *self,
                        GError          **error)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);

  return tx_begin (self, error);
}

gboolean
rectify_register_commit (RectifyRegister  *self,
                         GError          **error)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  return tx_commit (self, error);
}

void
rectify_register_rollback (RectifyRegister *self)
{
  g_return_if_fail (RECTIFY_IS_REGISTER (self));
  g_return_if_fail (self->depth > 0);

  tx_rollback (self);
}

static gboolean
link_changed (RectifyRegister       *self,
              RectifyNonconformity  *nc,
              RectifyAction         *action,
              gboolean               link,
              GError               **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *ref = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), FALSE);
  g_return_val_if_fail (RECTIFY_IS_ACTION (action), FALSE);

  if (check_entity (self, RECTIFY_ENTITY (nc), TRUE, error) < 0 ||
      check_entity (self, RECTIFY_ENTITY (action), TRUE, error) < 0)
    return FALSE;

  if (!tx_begin (self, error))
    return FALSE;

  stmt = get_stmt (self,
                   link ? "INSERT OR IGNORE INTO nc_action (nc_id, action_id) VALUES (?1, ?2)"
                        : "DELETE FROM nc_action WHERE nc_id = ?1 AND action_id = ?2",
                   error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, rectify_entity_get_id (RECTIFY_ENTITY (nc)));
  sqlite3_bind_int64 (stmt, 2, rectify_entity_get_id (RECTIFY_ENTITY (action)));
  if (!step_done (self, stmt, _("Could not save the link"), error))
    goto fail;

  if (sqlite3_changes (self->db) == 0)
    {
      /* Already so: nothing to record */
      return tx_commit (self, error);
    }

  ref = g_strdup (rectify_action_get_ref (action));
  if (!history_append (self, "nonconformity", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                       "actions", link ? NULL : ref, link ? ref : NULL, error))
    goto fail;

  if (!tx_commit (self, error))
    return FALSE;

  emit_item_changed (self, TABLE_NC, RECTIFY_ENTITY (nc));
  emit_item_changed (self, TABLE_ACTION, RECTIFY_ENTITY (action));
  emit_changed (self, RECTIFY_ENTITY (nc), "actions");
  emit_changed (self, RECTIFY_ENTITY (action), "nonconformities");

  return TRUE;

fail:
  tx_rollback (self);
  return FALSE;
}

gboolean
rectify_register_link_action (RectifyRegister       *self,
                              RectifyNonconformity  *nc,
                              RectifyAction         *action,
                              GError               **error)
{
  return link_changed (self, nc, action, TRUE, error);
}

gboolean
rectify_register_unlink_action (RectifyRegister       *self,
                                RectifyNonconformity  *nc,
                                RectifyAction         *action,
                                GError               **error)
{
  return link_changed (self, nc, action, FALSE, error);
}

static GListModel *
list_query (RectifyRegister *self,
            TableId          table,
            const char      *sql,
            gint64           id)
{
  g_autoptr(GListStore) store = g_list_store_new (table_specs[table].get_type ());
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  if (id <= 0)
    return G_LIST_MODEL (g_steal_pointer (&store));

  if ((stmt = get_stmt (self, sql, &error)) == NULL)
    {
      g_warning ("%s", error->message);
      return G_LIST_MODEL (g_steal_pointer (&store));
    }

  sqlite3_bind_int64 (stmt, 1, id);
  if ((items = load_rows (self, table, stmt, &error)) == NULL)
    {
      g_warning ("%s", error->message);
      return G_LIST_MODEL (g_steal_pointer (&store));
    }

  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static GListModel *
list_children (RectifyRegister *self,
               TableId          table,
               const char      *fk_column,
               gint64           id)
{
  g_autofree char *sql = g_strdup_printf ("%s WHERE %s = ?1 ORDER BY %s",
                                          table_runtime[table].select_sql, fk_column,
                                          table_specs[table].list_order);

  return list_query (self, table, sql, id);
}

GListModel *
rectify_register_list_actions_for (RectifyRegister      *self,
                                   RectifyNonconformity *nc)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  sql = g_strdup_printf ("%s WHERE id IN (SELECT action_id FROM nc_action WHERE nc_id = ?1)"
                         " ORDER BY ref", table_runtime[TABLE_ACTION].select_sql);

  return list_query (self, TABLE_ACTION, sql, rectify_entity_get_id (RECTIFY_ENTITY (nc)));
}

/**
 * rectify_register_changed_outside:
 *
 * Whether another connection to the file (another program, or another #RectifyRegister of the
 * same file) committed a change since @self read the file, or since this last returned %TRUE.
 * Then the models of @self may be out of date: open the file again to see the change. The
 * changes @self makes never count. One PRAGMA, cheap enough to call every few seconds.
 *
 * Returns: %TRUE when the file changed outside @self
 */
gboolean
rectify_register_changed_outside (RectifyRegister *self)
{
  gint64 version = 0;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);

  if (!query_int (self->db, "PRAGMA data_version", &version, NULL) ||
      version == self->seen_version)
    return FALSE;

  self->seen_version = version;
  return TRUE;
}

gboolean
rectify_register_count_actions_for (RectifyRegister       *self,
                                    RectifyNonconformity  *nc,
                                    guint                 *n_actions,
                                    guint                 *n_done,
                                    GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), FALSE);
  g_return_val_if_fail (n_actions != NULL && n_done != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *n_actions = *n_done = 0;
  stmt = get_stmt (self,
                   "SELECT count(*), count(*) FILTER (WHERE a.status = 'done')"
                   " FROM nc_action l JOIN action a ON a.id = l.action_id"
                   " WHERE l.nc_id = ?1 AND a.status <> 'cancelled'", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rectify_entity_get_id (RECTIFY_ENTITY (nc)));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_db_error (error, self->db, rc, _("Could not read the register"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  *n_actions = (guint)sqlite3_column_int64 (stmt, 0);
  *n_done = (guint)sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  return TRUE;
}

GListModel *
rectify_register_list_nonconformities_for (RectifyRegister *self,
                                           RectifyAction   *action)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);
  g_return_val_if_fail (RECTIFY_IS_ACTION (action), NULL);

  sql = g_strdup_printf ("%s WHERE id IN (SELECT nc_id FROM nc_action WHERE action_id = ?1)"
                         " ORDER BY ref", table_runtime[TABLE_NC].select_sql);

  return list_query (self, TABLE_NC, sql, rectify_entity_get_id (RECTIFY_ENTITY (action)));
}

GListModel *
rectify_register_list_causes (RectifyRegister      *self,
                              RectifyNonconformity *nc)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  return list_children (self, TABLE_CAUSE, "nc_id", rectify_entity_get_id (RECTIFY_ENTITY (nc)));
}

GListModel *
rectify_register_list_verifications (RectifyRegister      *self,
                                     RectifyNonconformity *nc)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  return list_children (self, TABLE_VERIFICATION, "nc_id",
                        rectify_entity_get_id (RECTIFY_ENTITY (nc)));
}

GListModel *
rectify_register_list_evidence (RectifyRegister *self,
                                RectifyEntity   *owner)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (owner) || RECTIFY_IS_ACTION (owner), NULL);

  return list_children (self, TABLE_EVIDENCE,
                        RECTIFY_IS_NONCONFORMITY (owner) ? "nc_id" : "action_id",
                        rectify_entity_get_id (owner));
}

gboolean
rectify_register_add_evidence (RectifyRegister  *self,
                               RectifyEvidence  *evidence,
                               GBytes           *data,
                               GError          **error)
{
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) empty = NULL;
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer bytes;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (RECTIFY_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (data == NULL)
    data = empty = g_bytes_new (NULL, 0);

  if (rectify_entity_get_id (RECTIFY_ENTITY (evidence)) != 0)
    {
      g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                           _("This record is already stored in a register."));
      return FALSE;
    }

  bytes = g_bytes_get_data (data, &size);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);

  if (!tx_begin (self, error))
    return FALSE;

  {
    g_auto(GValue) v = G_VALUE_INIT;

    g_value_init (&v, G_TYPE_INT64);
    g_value_set_int64 (&v, (gint64)size);
    journal_set_property (self, TABLE_EVIDENCE, RECTIFY_ENTITY (evidence), "size", &v);
    set_string_property (self, TABLE_EVIDENCE, RECTIFY_ENTITY (evidence), "sha256", sha256);
  }

  if (!add_internal (self, TABLE_EVIDENCE, RECTIFY_ENTITY (evidence), error))
    goto fail;

  stmt = get_stmt (self, "UPDATE evidence SET data = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_blob64 (stmt, 1, bytes != NULL ? bytes : "", size, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rectify_entity_get_id (RECTIFY_ENTITY (evidence)));
  if (!step_done (self, stmt, _("Could not store the file"), error))
    goto fail;

  if (!tx_commit (self, error))
    return FALSE;

  emit_changed (self, RECTIFY_ENTITY (evidence), NULL);

  return TRUE;

fail:
  tx_rollback (self);
  return FALSE;
}

GBytes *
rectify_register_load_evidence_data (RectifyRegister  *self,
                                     RectifyEvidence  *evidence,
                                     GError          **error)
{
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);
  g_return_val_if_fail (RECTIFY_IS_EVIDENCE (evidence), NULL);

  if (check_entity (self, RECTIFY_ENTITY (evidence), TRUE, error) < 0)
    return NULL;

  if ((stmt = get_stmt (self, "SELECT data FROM evidence WHERE id = ?1", error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, rectify_entity_get_id (RECTIFY_ENTITY (evidence)));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize)sqlite3_column_bytes (stmt, 0));
  else
    set_db_error (error, self->db, rc, _("Could not read the file"));
  sqlite3_reset (stmt);

  return bytes;
}

void
rectify_history_entry_free (RectifyHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->who);
  g_free (entry->entity);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->prev_hash);
  g_free (entry->hash);
  g_free (entry);
}

#define HISTORY_COLUMNS \
  "SELECT id, at, who, entity, entity_id, field, old_value, new_value, prev_hash, hash FROM history"

GPtrArray *
rectify_register_list_history (RectifyRegister  *self,
                               RectifyEntity    *entity,
                               GError          **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);
  g_return_val_if_fail (entity == NULL || RECTIFY_IS_ENTITY (entity), NULL);

  if (entity != NULL)
    {
      if (check_entity (self, entity, FALSE, error) < 0)
        return NULL;

      stmt = get_stmt (self, HISTORY_COLUMNS " WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
                       error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, rectify_entity_get_table_name (entity), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, rectify_entity_get_id (entity));
    }
  else if ((stmt = get_stmt (self, HISTORY_COLUMNS " ORDER BY id", error)) == NULL)
    {
      return NULL;
    }

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_history_entry_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RectifyHistoryEntry *e = g_new0 (RectifyHistoryEntry, 1);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      e->who = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      e->entity = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      e->entity_id = sqlite3_column_int64 (stmt, 4);
      e->field = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      e->old_value = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      e->new_value = g_strdup ((const char *)sqlite3_column_text (stmt, 7));
      e->prev_hash = g_strdup ((const char *)sqlite3_column_text (stmt, 8));
      e->hash = g_strdup ((const char *)sqlite3_column_text (stmt, 9));
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, rc, _("Could not read the history"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* Each word of @text as an FTS5 string with a prefix star, so no FTS5 syntax survives. NULL when
 * there is no word to look for. */
static char *
build_match_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  words = g_strsplit_set (text, " \t\r\n\f\v", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      gboolean has_token = FALSE;

      /* A word without a letter or digit would make an empty phrase */
      for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          {
            has_token = TRUE;
            break;
          }

      if (!has_token)
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');

      g_string_append_c (query, '"');
      for (const char *p = word; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

GArray *
rectify_register_search (RectifyRegister  *self,
                         const char       *text,
                         GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((query = build_match_query (text)) == NULL)
    return g_steal_pointer (&ids);

  stmt = get_stmt (self, "SELECT rowid FROM nc_fts WHERE nc_fts MATCH ?1 ORDER BY rank, rowid",
                   error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, rc, _("Could not search the register"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

gboolean
rectify_register_verify (RectifyRegister  *self,
                         GError          **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *expected_prev = g_strdup (zero_hash);
  int rc;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The database file */
  if ((stmt = get_stmt (self, "PRAGMA integrity_check", error)) == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_autofree char *problem = rc == SQLITE_ROW
        ? g_strdup ((const char *)sqlite3_column_text (stmt, 0))
        : g_strdup (sqlite3_errmsg (self->db));

      sqlite3_reset (stmt);
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_CORRUPT,
                   _("The register file is damaged: %s"), problem);
      return FALSE;
    }
  sqlite3_reset (stmt);

  /* Links between records */
  if ((stmt = get_stmt (self, "PRAGMA foreign_key_check", error)) == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *table = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      gint64 rowid = sqlite3_column_int64 (stmt, 1);
      g_autofree char *parent = g_strdup ((const char *)sqlite3_column_text (stmt, 2));

      sqlite3_reset (stmt);
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_CORRUPT,
                   /* Translators: "Row 4 of “cause” refers to a missing row of “nonconformity”." */
                   _("Row %lld of “%s” refers to a missing row of “%s”."),
                   (long long)rowid, table, parent);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, rc, _("Could not check the register"));
      return FALSE;
    }

  /* The history hash chain */
  if ((stmt = get_stmt (self, HISTORY_COLUMNS " ORDER BY id", error)) == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = (const char *)sqlite3_column_text (stmt, 8);
      const char *hash = (const char *)sqlite3_column_text (stmt, 9);
      g_autofree char *computed = NULL;

      computed = history_hash (prev_hash,
                               (const char *)sqlite3_column_text (stmt, 1),
                               (const char *)sqlite3_column_text (stmt, 2),
                               (const char *)sqlite3_column_text (stmt, 3),
                               sqlite3_column_int64 (stmt, 4),
                               (const char *)sqlite3_column_text (stmt, 5),
                               (const char *)sqlite3_column_text (stmt, 6),
                               (const char *)sqlite3_column_text (stmt, 7));

      if (g_strcmp0 (prev_hash, expected_prev) != 0 || g_strcmp0 (hash, computed) != 0)
        {
          sqlite3_reset (stmt);
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_CORRUPT,
                       _("History row %lld has been altered: its hash does not match."),
                       (long long)id);
          return FALSE;
        }

      g_free (expected_prev);
      expected_prev = g_strdup (hash);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, rc, _("Could not check the history"));
      return FALSE;
    }

  /* Evidence files against their recorded digests */
  if ((stmt = get_stmt (self, "SELECT id, name, sha256, data FROM evidence"
                              " WHERE sha256 IS NOT NULL ORDER BY id", error)) == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *digest =
        g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                     sqlite3_column_blob (stmt, 3) ? sqlite3_column_blob (stmt, 3)
                                                                   : (const void *)"",
                                     (gsize)sqlite3_column_bytes (stmt, 3));

      if (g_strcmp0 (digest, (const char *)sqlite3_column_text (stmt, 2)) != 0)
        {
          g_autofree char *name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));

          sqlite3_reset (stmt);
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_CORRUPT,
                       _("The evidence file “%s” has changed since it was added: its SHA-256 "
                         "does not match."), name);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, rc, _("Could not check the evidence"));
      return FALSE;
    }

  return TRUE;
}

static const char * const approval_roles[] = {
  "management",
  "process-owner",
  "certification-body",
};

void
rectify_approval_free (RectifyApproval *approval)
{
  if (approval == NULL)
    return;

  g_free (approval->role);
  g_free (approval->approver);
  g_free (approval->decided_on);
  g_free (approval->comment);
  g_free (approval->resubmit_by);
  g_free (approval);
}

gboolean
rectify_register_record_approval (RectifyRegister       *self,
                                  RectifyNonconformity  *nc,
                                  const char            *role,
                                  const char            *approver,
                                  gboolean               approved,
                                  const char            *decided_on,
                                  const char            *resubmit_by,
                                  const char            *comment,
                                  GError               **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *summary = NULL;
  const char *decision = approved ? "approved" : "rejected";
  sqlite3_stmt *stmt;
  gboolean known_role = FALSE;
  gint64 nc_id;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (check_entity (self, RECTIFY_ENTITY (nc), TRUE, error) < 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (approval_roles); i++)
    known_role |= g_strcmp0 (role, approval_roles[i]) == 0;

  if (!known_role)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                   _("“%s” is not a role that approves plans (management, process-owner, "
                     "certification-body)."), role ? role : "");
      return FALSE;
    }

  if (!check_utf8 (approver, "approver", error) || !check_utf8 (comment, "comment", error))
    return FALSE;

  stripped = g_strstrip (g_strdup (approver ? approver : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                           _("An approval needs the name of who decided."));
      return FALSE;
    }

  if (decided_on == NULL || !rectify_date_parse (decided_on, NULL))
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                   _("“%s” is not a valid date; dates are written as YYYY-MM-DD."),
                   decided_on ? decided_on : "");
      return FALSE;
    }

  if (resubmit_by != NULL)
    {
      if (g_strcmp0 (role, "certification-body") != 0 || approved)
        {
          g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                               _("Only a certification body that does not accept the plan sets a "
                                 "date to resubmit it by."));
          return FALSE;
        }

      if (!rectify_date_parse (resubmit_by, NULL))
        {
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                       /* Translators: %s is what was given as the resubmit-by date */
                       _("The resubmit-by date “%s” is not a valid date; dates are written as "
                         "YYYY-MM-DD."), resubmit_by);
          return FALSE;
        }

      /* ISO dates compare as strings */
      if (strcmp (resubmit_by, decided_on) < 0)
        {
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                       /* Translators: both %s are dates (YYYY-MM-DD) */
                       _("The plan cannot be due for resubmission on %s, before the decision on "
                         "%s."), resubmit_by, decided_on);
          return FALSE;
        }
    }

  nc_id = rectify_entity_get_id (RECTIFY_ENTITY (nc));

  if (!tx_begin (self, error))
    return FALSE;

  stmt = get_stmt (self,
                   "INSERT INTO approval (nc_id, role, approver, decision, decided_on, comment,"
                   " resubmit_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                   error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, nc_id);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, approver, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, decision, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, decided_on, -1, SQLITE_TRANSIENT);
  if (comment != NULL)
    sqlite3_bind_text (stmt, 6, comment, -1, SQLITE_TRANSIENT);
  if (resubmit_by != NULL)
    sqlite3_bind_text (stmt, 7, resubmit_by, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, _("Could not record the approval"), error))
    goto fail;

  /* "management approved Ann 2026-03-01", "certification-body rejected CB 2026-03-05
   * resubmit-by 2026-04-05": for the record (the hash of the history row covers it) */
  if (resubmit_by != NULL)
    summary = g_strdup_printf ("%s %s %s %s resubmit-by %s", role, decision, approver, decided_on,
                               resubmit_by);
  else
    summary = g_strdup_printf ("%s %s %s %s", role, decision, approver, decided_on);
  if (!history_append (self, "approval", sqlite3_last_insert_rowid (self->db), NULL, NULL,
                       summary, error) ||
      !history_append (self, "nonconformity", nc_id, "approval", NULL, summary, error))
    goto fail;

  if (!tx_commit (self, error))
    return FALSE;

  emit_item_changed (self, TABLE_NC, RECTIFY_ENTITY (nc));
  emit_changed (self, RECTIFY_ENTITY (nc), "approval");

  return TRUE;

fail:
  tx_rollback (self);
  return FALSE;
}

GPtrArray *
rectify_register_list_approvals (RectifyRegister      *self,
                                 RectifyNonconformity *nc)
{
  GPtrArray *approvals;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  approvals = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_approval_free);

  stmt = get_stmt (self,
                   "SELECT id, nc_id, role, approver, decision, decided_on, comment, resubmit_by"
                   " FROM approval WHERE nc_id = ?1 ORDER BY id",
                   NULL);
  if (stmt == NULL)
    return approvals;

  sqlite3_bind_int64 (stmt, 1, rectify_entity_get_id (RECTIFY_ENTITY (nc)));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RectifyApproval *a = g_new0 (RectifyApproval, 1);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->nc_id = sqlite3_column_int64 (stmt, 1);
      a->role = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      a->approver = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      a->approved = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 4), "approved") == 0;
      a->decided_on = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      a->comment = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      a->resubmit_by = g_strdup ((const char *)sqlite3_column_text (stmt, 7));
      g_ptr_array_add (approvals, a);
    }
  sqlite3_reset (stmt);

  return approvals;
}

void
rectify_register_get_approval_state (RectifyRegister      *self,
                                     RectifyNonconformity *nc,
                                     gboolean             *approved,
                                     gboolean             *cb_accepted)
{
  g_autoptr(GPtrArray) approvals = NULL;
  gboolean internal = FALSE;
  gboolean cb = FALSE;

  g_return_if_fail (RECTIFY_IS_REGISTER (self));
  g_return_if_fail (RECTIFY_IS_NONCONFORMITY (nc));

  /* Oldest first: the latest decision of each side wins */
  approvals = rectify_register_list_approvals (self, nc);
  for (guint i = 0; i < approvals->len; i++)
    {
      RectifyApproval *a = g_ptr_array_index (approvals, i);

      if (g_strcmp0 (a->role, "certification-body") == 0)
        cb = a->approved;
      else
        internal = a->approved;
    }

  if (approved != NULL)
    *approved = internal;
  if (cb_accepted != NULL)
    *cb_accepted = cb;
}

const char *
rectify_approvals_get_resubmit_by (GPtrArray *approvals)
{
  g_return_val_if_fail (approvals != NULL, NULL);

  /* Newest first: the latest decision of the certification body */
  for (guint i = approvals->len; i > 0; i--)
    {
      RectifyApproval *a = g_ptr_array_index (approvals, i - 1);

      if (g_strcmp0 (a->role, "certification-body") == 0)
        return a->approved ? NULL : a->resubmit_by;
    }

  return NULL;
}

void
rectify_register_get_policy (RectifyRegister *self,
                             RectifyPolicy   *policy)
{
  g_return_if_fail (RECTIFY_IS_REGISTER (self));
  g_return_if_fail (policy != NULL);

  *policy = self->policy;
}

/**
 * rectify_register_set_policy:
 * @self: a #RectifyRegister
 * @policy: the new policy
 * @error: return location for a #GError
 *
 * Validates @policy, writes the "policy.*" keys that change (each with a history row) and
 * recomputes the deadlines of the open nonconformities, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
rectify_register_set_policy (RectifyRegister      *self,
                             const RectifyPolicy  *policy,
                             GError              **error)
{
  const char * const *keys = rectify_policy_get_keys ();
  RectifyPolicy checked;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Every value through the parser: out-of-range days are refused */
  rectify_policy_init_defaults (&checked);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = rectify_policy_get_value (policy, keys[i]);
      g_autoptr(GError) local_error = NULL;

      if (!rectify_policy_set_value (&checked, keys[i], value, &local_error))
        {
          g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                               local_error->message);
          return FALSE;
        }
    }

  return write_policy (self, &checked, NULL, NULL, error);
}

/**
 * rectify_register_get_workflow_facts:
 * @self: a #RectifyRegister
 * @nc: a stored nonconformity
 *
 * Returns: (transfer full): the facts of @nc for the workflow gates; free with
 *   rectify_register_free_workflow_facts()
 */
RectifyWorkflowFacts *
rectify_register_get_workflow_facts (RectifyRegister      *self,
                                     RectifyNonconformity *nc)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  return &gather_facts (self, nc)->facts;
}

void
rectify_register_free_workflow_facts (RectifyWorkflowFacts *facts)
{
  /* The facts are the first member of their holder */
  facts_holder_free ((FactsHolder *)(gpointer)facts);
}

gboolean
rectify_register_can_move (RectifyRegister       *self,
                           RectifyNonconformity  *nc,
                           RectifyStatus          to,
                           GPtrArray            **missing)
{
  g_autoptr(FactsHolder) holder = NULL;

  if (missing != NULL)
    *missing = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), FALSE);

  holder = gather_facts (self, nc);

  return rectify_workflow_can_move (&holder->facts, &self->policy, to, missing);
}

/**
 * rectify_register_move:
 * @self: a #RectifyRegister
 * @nc: a stored nonconformity
 * @to: the status to move it to
 * @missing: (out) (optional) (transfer full) (element-type RectifyWorkflowMissing): the missing
 *   conditions when the move is refused, %NULL otherwise
 * @error: return location for a #GError
 *
 * Moves @nc to @to when the workflow rules allow it; see rectify-register.h.
 *
 * Returns: %TRUE when moved
 */
gboolean
rectify_register_move (RectifyRegister       *self,
                       RectifyNonconformity  *nc,
                       RectifyStatus          to,
                       GPtrArray            **missing,
                       GError               **error)
{
  g_autoptr(GPtrArray) items = NULL;
  guint saved_group;
  gboolean ok;

  if (missing != NULL)
    *missing = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (check_entity (self, RECTIFY_ENTITY (nc), TRUE, error) < 0)
    return FALSE;

  if (!rectify_register_can_move (self, nc, to, &items))
    {
      g_autofree char *text = rectify_workflow_describe_missing (items);

      g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_REFUSED, text);
      if (missing != NULL)
        *missing = g_steal_pointer (&items);
      return FALSE;
    }

  if (!tx_begin (self, error))
    return FALSE;

  saved_group = self->undo_group;
  if (self->undo_group == 0)
    self->undo_group = ++self->last_undo_group;

  ok = move_internal (self, nc, to, TRUE, error);

  self->undo_group = saved_group;

  if (!ok)
    {
      tx_rollback (self);
      return FALSE;
    }

  return tx_commit (self, error);
}

struct sqlite3 *
_rectify_register_get_db (RectifyRegister *self)
{
  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), NULL);

  return self->db;
}

/* ------------------------------------------------------------------------------------------ */
/* Private: steps of undo                                                                       */
/* ------------------------------------------------------------------------------------------ */

void
_rectify_register_begin_step (RectifyRegister *self)
{
  g_return_if_fail (RECTIFY_IS_REGISTER (self));

  if (self->step_depth++ > 0)
    return;

  self->step_saved_group = self->undo_group;
  if (self->undo_group == 0)
    self->undo_group = ++self->last_undo_group;
}

void
_rectify_register_end_step (RectifyRegister *self)
{
  g_return_if_fail (RECTIFY_IS_REGISTER (self));
  g_return_if_fail (self->step_depth > 0);

  if (--self->step_depth == 0)
    self->undo_group = self->step_saved_group;
}

gboolean
_rectify_register_set_info_undoable (RectifyRegister  *self,
                                     const char       *key,
                                     const char       *value,
                                     GError          **error)
{
  g_autofree char *old = NULL;
  UndoEntry *undo;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);
  g_return_val_if_fail (!rectify_policy_is_key (key), FALSE);

  old = rectify_register_get_info (self, key);
  if (g_strcmp0 (old, value) == 0)
    return TRUE;

  if (!tx_begin (self, error))
    return FALSE;

  if (!set_info_internal (self, key, old, value, error))
    {
      tx_rollback (self);
      return FALSE;
    }

  /* After the write: a rollback of the batch drops entries above its mark */
  undo = g_new0 (UndoEntry, 1);
  undo->info_key = g_strdup (key);
  undo->group = self->undo_group != 0 ? self->undo_group : ++self->last_undo_group;
  g_value_init (&undo->old_value, G_TYPE_STRING);
  g_value_set_string (&undo->old_value, old);
  g_ptr_array_add (self->undo, undo);

  return tx_commit (self, error);
}
