/* test-register.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rectify-date.h"
#include "rectify-register.h"
#include "rectify-register-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rectify-register-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.rectify", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static RectifyNonconformity *
new_nc (const char *title,
        const char *statement)
{
  RectifyNonconformity *nc = rectify_nonconformity_new ();

  g_object_set (nc,
                "title", title,
                "statement", statement,
                "requirement", "A.5.15",
                "grade", RECTIFY_GRADE_MINOR,
                "reported-on", "2026-03-01",
                NULL);
  return nc;
}

static RectifyAction *
new_action (const char *title)
{
  RectifyAction *action = rectify_action_new ();

  g_object_set (action, "title", title, "owner", "Dana", "target-on", "2026-05-01", NULL);
  return action;
}

static gint64
sql_count (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return text;
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyRegister) again = NULL;
  g_autofree char *mode = NULL;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reg);
  g_assert_cmpstr (rectify_register_get_path (reg), ==, f->path);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 0);

  again = rectify_register_create (f->path, &error);
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_EXISTS);
  g_assert_null (again);
  g_clear_object (&reg);

  g_assert_cmpint (sql_count (f->path, "PRAGMA application_id"), ==,
                   RECTIFY_REGISTER_APPLICATION_ID);
  g_assert_cmpint (sql_count (f->path, "PRAGMA user_version"), ==,
                   RECTIFY_REGISTER_SCHEMA_VERSION);
  mode = sql_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'nc_fts'"),
                   ==, 1);
}

static void
test_roundtrip (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyAudit) audit = rectify_audit_new ();
  g_autoptr(RectifyNonconformity) nc1 = new_nc ("Access reviews", "User access was not reviewed");
  g_autoptr(RectifyNonconformity) nc2 = new_nc ("Backups", "Restore tests missing");
  g_autoptr(RectifyAction) action = new_action ("Quarterly review");
  RectifyNonconformity *found;
  RectifyAudit *found_audit;
  gint64 audit_id, nc1_id;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);

  g_object_set (audit, "title", "Internal audit Q1 2026", "kind", RECTIFY_AUDIT_KIND_INTERNAL,
                "starts-on", "2026-02-01", "ends-on", "2026-02-03", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (audit), &error));
  g_assert_no_error (error);
  audit_id = rectify_entity_get_id (RECTIFY_ENTITY (audit));
  g_assert_cmpint (audit_id, >, 0);

  g_object_set (nc1, "audit-id", audit_id, "source", RECTIFY_SOURCE_INTERNAL_AUDIT,
                "owner", "IT operations", "grade", RECTIFY_GRADE_MAJOR, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc1), &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc2), &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (action), &error));
  g_assert_no_error (error);

  g_assert_cmpstr (rectify_nonconformity_get_ref (nc1), ==, "NC-001");
  g_assert_cmpstr (rectify_nonconformity_get_ref (nc2), ==, "NC-002");
  g_assert_cmpstr (rectify_action_get_ref (action), ==, "A-001");
  g_assert_nonnull (rectify_nonconformity_get_created_at (nc1));
  g_assert_nonnull (rectify_nonconformity_get_updated_at (nc1));
  nc1_id = rectify_entity_get_id (RECTIFY_ENTITY (nc1));

  g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (nc1), "status",
                                               RECTIFY_STATUS_ANALYSIS, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc1), "correction",
                                                 "Revoked stale accounts", &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc1), "correction-on",
                                                 "2026-03-05", &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (action), "done-on",
                                                 "2026-04-10", &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc2), "title", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_set_info (reg, "organisation", "Example Ltd", &error));
  g_assert_no_error (error);

  g_clear_object (&reg);

  /* Reopen the real file */
  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_actions (reg)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_audits (reg)), ==, 1);

  found = rectify_register_find_nonconformity (reg, "NC-001");
  g_assert_nonnull (found);
  g_assert_true (found == rectify_register_lookup_nonconformity (reg, nc1_id));
  g_assert_cmpstr (rectify_nonconformity_get_title (found), ==, "Access reviews");
  g_assert_cmpstr (rectify_nonconformity_get_statement (found), ==, "User access was not reviewed");
  g_assert_cmpstr (rectify_nonconformity_get_requirement (found), ==, "A.5.15");
  g_assert_cmpstr (rectify_nonconformity_get_owner (found), ==, "IT operations");
  g_assert_cmpstr (rectify_nonconformity_get_correction (found), ==, "Revoked stale accounts");
  g_assert_cmpstr (rectify_nonconformity_get_correction_on (found), ==, "2026-03-05");
  g_assert_cmpstr (rectify_nonconformity_get_reported_on (found), ==, "2026-03-01");
  g_assert_cmpint (rectify_nonconformity_get_status (found), ==, RECTIFY_STATUS_ANALYSIS);
  g_assert_cmpint (rectify_nonconformity_get_grade (found), ==, RECTIFY_GRADE_MAJOR);
  g_assert_cmpint (rectify_nonconformity_get_source (found), ==, RECTIFY_SOURCE_INTERNAL_AUDIT);
  g_assert_cmpint (rectify_nonconformity_get_audit_id (found), ==, audit_id);
  g_assert_null (rectify_nonconformity_get_title (rectify_register_find_nonconformity (reg, "NC-002")));
  g_assert_cmpstr (rectify_action_get_done_on (rectify_register_lookup_action (reg, 1)), ==,
                   "2026-04-10");
  found_audit = rectify_register_find_audit (reg, "Internal audit Q1 2026");
  g_assert_nonnull (found_audit);
  g_assert_cmpint (rectify_audit_get_kind (found_audit), ==, RECTIFY_AUDIT_KIND_INTERNAL);
  g_assert_cmpstr (rectify_audit_get_ends_on (found_audit), ==, "2026-02-03");
  g_assert_null (rectify_register_find_audit (reg, "No such audit"));
  g_assert_null (rectify_register_find_nonconformity (reg, "NC-999"));
  {
    g_autofree char *org = rectify_register_get_info (reg, "organisation");
    g_assert_cmpstr (org, ==, "Example Ltd");
  }

  /* Stored as nicks and ISO dates */
  g_clear_object (&reg);
  {
    g_autofree char *status = sql_text (f->path, "SELECT status FROM nonconformity WHERE ref = 'NC-001'");
    g_autofree char *grade = sql_text (f->path, "SELECT grade FROM nonconformity WHERE ref = 'NC-001'");
    g_assert_cmpstr (status, ==, "analysis");
    g_assert_cmpstr (grade, ==, "major");
  }

  /* Remove, and it stays removed */
  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  found = rectify_register_find_nonconformity (reg, "NC-002");
  g_assert_true (rectify_register_remove (reg, RECTIFY_ENTITY (found), &error));
  g_assert_no_error (error);
  g_assert_null (rectify_register_find_nonconformity (reg, "NC-002"));
  g_clear_object (&reg);

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 1);
  g_assert_null (rectify_register_find_nonconformity (reg, "NC-002"));

  /* The next ref continues after the highest */
  {
    g_autoptr(RectifyNonconformity) nc3 = new_nc ("Third", "Another one");

    g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc3), &error));
    g_assert_no_error (error);
    g_assert_cmpstr (rectify_nonconformity_get_ref (nc3), ==, "NC-002");
  }
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) nc = new_nc ("Logging", "Logs are not reviewed");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) all = NULL;
  RectifyHistoryEntry *e;
  sqlite3 *db = NULL;
  int rc;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  rectify_register_set_user (reg, "Alice Auditor");
  g_assert_cmpstr (rectify_register_get_user (reg), ==, "Alice Auditor");

  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc), "owner", "SOC", &error));
  rectify_register_set_user (reg, "Bob Manager");
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc), "owner", "CISO", &error));
  g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (nc), "grade",
                                               RECTIFY_GRADE_MAJOR, &error));
  /* Same value: no row */
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc), "owner", "CISO", &error));
  g_assert_no_error (error);

  rows = rectify_register_list_history (reg, RECTIFY_ENTITY (nc), &error);
  g_assert_no_error (error);
  /* created, owner, owner, grade, and the due date the grade recomputed */
  g_assert_cmpuint (rows->len, ==, 5);

  e = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (e->entity, ==, "nonconformity");
  g_assert_cmpint (e->entity_id, ==, rectify_entity_get_id (RECTIFY_ENTITY (nc)));
  g_assert_null (e->field);
  g_assert_null (e->old_value);
  g_assert_cmpstr (e->new_value, ==, "NC-001");
  g_assert_cmpstr (e->who, ==, "Alice Auditor");
  g_assert_cmpstr (e->prev_hash, ==,
                   "0000000000000000000000000000000000000000000000000000000000000000");

  e = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (e->field, ==, "owner");
  g_assert_null (e->old_value);
  g_assert_cmpstr (e->new_value, ==, "SOC");
  g_assert_cmpstr (e->who, ==, "Alice Auditor");
  {
    g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (e->at, NULL);
    g_assert_nonnull (at);
  }

  e = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (e->field, ==, "owner");
  g_assert_cmpstr (e->old_value, ==, "SOC");
  g_assert_cmpstr (e->new_value, ==, "CISO");
  g_assert_cmpstr (e->who, ==, "Bob Manager");

  e = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (e->field, ==, "grade");
  g_assert_cmpstr (e->old_value, ==, "minor");
  g_assert_cmpstr (e->new_value, ==, "major");

  /* A minor is due in 365 days, a major in 90, from the reported date */
  e = g_ptr_array_index (rows, 4);
  g_assert_cmpstr (e->field, ==, "due-on");
  g_assert_cmpstr (e->old_value, ==, "2027-03-01");
  g_assert_cmpstr (e->new_value, ==, "2026-05-30");

  /* The chain: each prev_hash is the hash before it; hashes are SHA-256 hex and distinct */
  all = rectify_register_list_history (reg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  for (guint i = 0; i < all->len; i++)
    {
      RectifyHistoryEntry *row = g_ptr_array_index (all, i);

      g_assert_cmpuint (strlen (row->hash), ==, 64);
      if (i > 0)
        {
          RectifyHistoryEntry *prev = g_ptr_array_index (all, i - 1);
          g_assert_cmpstr (row->prev_hash, ==, prev->hash);
          g_assert_cmpstr (row->hash, !=, prev->hash);
        }
    }
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
  g_clear_object (&reg);

  /* Append-only: the file itself refuses changes to history rows */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, "UPDATE history SET new_value = 'forged' WHERE id = 2", NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);
  rc = sqlite3_exec (db, "DELETE FROM history", NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);

  /* And a forged row (triggers dropped) is found by verify() */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER history_no_update;"
                                     "UPDATE history SET new_value = 'forged' WHERE id = 2",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (rectify_register_verify (reg, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "History row 2"));
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) nc = new_nc ("Undo", "Something");
  g_autoptr(GPtrArray) rows = NULL;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (rectify_register_can_undo (reg));
  g_assert_false (rectify_register_undo (reg, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc), "title", "First", &error));
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc), "title", "Second", &error));
  g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (nc), "status",
                                               RECTIFY_STATUS_ANALYSIS, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_can_undo (reg));

  g_assert_true (rectify_register_undo (reg, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, RECTIFY_STATUS_REPORTED);
  g_assert_true (rectify_register_undo (reg, &error));
  g_assert_cmpstr (rectify_nonconformity_get_title (nc), ==, "First");
  g_assert_true (rectify_register_undo (reg, &error));
  g_assert_cmpstr (rectify_nonconformity_get_title (nc), ==, "Undo");
  g_assert_false (rectify_register_can_undo (reg));

  /* Each undo is recorded: created + 3 changes + 3 undos */
  rows = rectify_register_list_history (reg, RECTIFY_ENTITY (nc), &error);
  g_assert_cmpuint (rows->len, ==, 7);
  g_assert_cmpstr (((RectifyHistoryEntry *)g_ptr_array_index (rows, 6))->new_value, ==, "Undo");
  g_clear_object (&reg);

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rectify_nonconformity_get_title (rectify_register_find_nonconformity (reg, "NC-001")),
                   ==, "Undo");
  g_assert_cmpint (rectify_nonconformity_get_status (rectify_register_find_nonconformity (reg, "NC-001")),
                   ==, RECTIFY_STATUS_REPORTED);

  /* Undo of a change to a removed record is refused */
  {
    RectifyNonconformity *stored = rectify_register_find_nonconformity (reg, "NC-001");

    g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (stored), "area", "HR", &error));
    g_assert_true (rectify_register_remove (reg, RECTIFY_ENTITY (stored), &error));
    g_assert_no_error (error);
    g_assert_false (rectify_register_undo (reg, &error));
    g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  }
}

/* The undo stack keeps the last RECTIFY_REGISTER_MAX_UNDO_STEPS steps: older ones are dropped,
 * each whole (a change of grade with the deadlines it recomputed is one step). */
static void
test_undo_bounded (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) nc = new_nc ("Bounded", "Something");
  g_autofree char *cap_due_on = NULL;
  g_autofree char *due_on = NULL;
  guint n_steps = RECTIFY_REGISTER_MAX_UNDO_STEPS + 20;
  guint undone = 0;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));

  /* The oldest step: a grade, with the deadlines it recomputed */
  g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (nc), "grade",
                                               RECTIFY_GRADE_MAJOR, &error));
  g_assert_no_error (error);
  cap_due_on = g_strdup (rectify_nonconformity_get_cap_due_on (nc));
  due_on = g_strdup (rectify_nonconformity_get_due_on (nc));
  g_assert_nonnull (due_on);

  /* ... then more steps than the stack keeps */
  for (guint i = 1; i < n_steps; i++)
    {
      g_autofree char *title = g_strdup_printf ("Title %u", i);

      g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc), "title", title,
                                                     &error));
      g_assert_no_error (error);
    }

  /* A batch rolled back while the stack is full leaves it as it was */
  g_assert_true (rectify_register_begin (reg, &error));
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc), "title", "Dropped",
                                                 &error));
  rectify_register_rollback (reg);
  g_assert_no_error (error);

  while (rectify_register_can_undo (reg))
    {
      g_assert_true (rectify_register_undo (reg, &error));
      g_assert_no_error (error);
      undone++;
    }

  /* The newest steps were undone; the oldest ones, the grade among them, stay, whole */
  g_assert_cmpuint (undone, ==, RECTIFY_REGISTER_MAX_UNDO_STEPS);
  {
    g_autofree char *expected = g_strdup_printf ("Title %u",
                                                 n_steps - 1 - RECTIFY_REGISTER_MAX_UNDO_STEPS);

    g_assert_cmpstr (rectify_nonconformity_get_title (nc), ==, expected);
  }
  g_assert_cmpint (rectify_nonconformity_get_grade (nc), ==, RECTIFY_GRADE_MAJOR);
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (nc), ==, cap_due_on);
  g_assert_cmpstr (rectify_nonconformity_get_due_on (nc), ==, due_on);
  g_assert_false (rectify_register_undo (reg, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);

  rectify_register_verify (reg, &error);
  g_assert_no_error (error);
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *ic)
{
  ic->calls++;
  ic->position = position;
  ic->removed = removed;
  ic->added = added;
}

typedef struct
{
  guint       calls;
  char       *property;
  RectifyEntity *entity;
} Changed;

static void
changed_cb (RectifyRegister *reg,
            RectifyEntity   *entity,
            const char      *property,
            Changed         *c)
{
  c->calls++;
  g_free (c->property);
  c->property = g_strdup (property);
  c->entity = entity;
}

static void
test_live_models (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) a = new_nc ("A", "a");
  g_autoptr(RectifyNonconformity) b = new_nc ("B", "b");
  g_autoptr(RectifyNonconformity) c = new_nc ("C", "c");
  GListModel *ncs;
  ItemsChanged ic = { 0 };
  Changed ch = { 0 };

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  ncs = rectify_register_get_nonconformities (reg);
  g_assert_true (g_list_model_get_item_type (ncs) == RECTIFY_TYPE_NONCONFORMITY);
  g_signal_connect (ncs, "items-changed", G_CALLBACK (items_changed_cb), &ic);
  g_signal_connect (reg, "changed", G_CALLBACK (changed_cb), &ch);

  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (a), &error));
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (b), &error));
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (c), &error));
  g_assert_cmpuint (ic.calls, ==, 3);
  g_assert_cmpuint (ic.position, ==, 2);
  g_assert_cmpuint (ic.added, ==, 1);
  g_assert_cmpuint (ic.removed, ==, 0);
  g_assert_cmpuint (ch.calls, ==, 3);
  g_assert_null (ch.property);
  g_assert_true (ch.entity == RECTIFY_ENTITY (c));

  ic.calls = 0;
  ch.calls = 0;
  g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (b), "grade",
                                               RECTIFY_GRADE_MAJOR, &error));
  /* The grade, and the due date it recomputed (a minor has a year, a major 90 days) */
  g_assert_cmpuint (ic.calls, ==, 2);
  g_assert_cmpuint (ic.position, ==, 1);
  g_assert_cmpuint (ic.removed, ==, 1);
  g_assert_cmpuint (ic.added, ==, 1);
  g_assert_cmpuint (ch.calls, ==, 2);
  g_assert_cmpstr (ch.property, ==, "grade");
  g_assert_true (ch.entity == RECTIFY_ENTITY (b));

  /* A refused update changes nothing */
  ic.calls = 0;
  ch.calls = 0;
  g_assert_false (rectify_register_update_string (reg, RECTIFY_ENTITY (b), "due-on", "31/12", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (ic.calls, ==, 0);
  g_assert_cmpuint (ch.calls, ==, 0);
  /* (still the date computed for a major) */
  g_assert_cmpstr (rectify_nonconformity_get_due_on (b), ==, "2026-05-30");

  ic.calls = 0;
  ch.calls = 0;
  g_assert_true (rectify_register_remove (reg, RECTIFY_ENTITY (a), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ic.calls, ==, 1);
  g_assert_cmpuint (ic.position, ==, 0);
  g_assert_cmpuint (ic.removed, ==, 1);
  g_assert_cmpuint (ic.added, ==, 0);
  g_assert_cmpuint (ch.calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ncs), ==, 2);

  /* After the removal the positions moved: C is now at 1 */
  ic.calls = 0;
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (c), "area", "HR", &error));
  g_assert_cmpuint (ic.calls, ==, 1);
  g_assert_cmpuint (ic.position, ==, 1);

  /* Updating a removed entity is refused */
  g_assert_false (rectify_register_update_string (reg, RECTIFY_ENTITY (a), "area", "HR", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);

  /* In a batch, the models follow at once but "changed" waits for the commit */
  {
    g_autoptr(RectifyNonconformity) d = new_nc ("D", "d");
    g_autoptr(RectifyNonconformity) e = new_nc ("E", "e");

    ic.calls = 0;
    ch.calls = 0;
    g_assert_true (rectify_register_begin (reg, &error));
    g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (d), &error));
    g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (d), "area", "IT", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (ic.calls, ==, 2);
    g_assert_cmpuint (ch.calls, ==, 0);
    g_assert_true (rectify_register_commit (reg, &error));
    g_assert_cmpuint (ch.calls, ==, 2);
    g_assert_cmpstr (ch.property, ==, "area");

    ic.calls = 0;
    ch.calls = 0;
    g_assert_true (rectify_register_begin (reg, &error));
    g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (e), &error));
    g_assert_cmpuint (g_list_model_get_n_items (ncs), ==, 4);
    rectify_register_rollback (reg);
    g_assert_cmpuint (g_list_model_get_n_items (ncs), ==, 3);
    g_assert_cmpuint (ic.calls, ==, 2);
    g_assert_cmpuint (ch.calls, ==, 0);
  }

  g_signal_handlers_disconnect_by_data (ncs, &ic);
  g_signal_handlers_disconnect_by_data (reg, &ch);
  g_free (ch.property);
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) nc1 = new_nc ("One", "1");
  g_autoptr(RectifyNonconformity) nc2 = new_nc ("Two", "2");
  g_autoptr(RectifyAction) a1 = new_action ("Fix one");
  g_autoptr(RectifyAction) a2 = new_action ("Fix both");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(RectifyAction) item = NULL;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc1), &error));
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc2), &error));
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (a1), &error));
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (a2), &error));

  g_assert_true (rectify_register_link_action (reg, nc1, a2, &error));
  g_assert_true (rectify_register_link_action (reg, nc1, a1, &error));
  g_assert_true (rectify_register_link_action (reg, nc2, a2, &error));
  g_assert_true (rectify_register_link_action (reg, nc2, a2, &error)); /* again: no-op */
  g_assert_no_error (error);

  list = rectify_register_list_actions_for (reg, nc1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  item = g_list_model_get_item (list, 0);
  g_assert_true (item == a1); /* ref order, same objects as the live model */
  g_clear_object (&item);
  g_clear_object (&list);

  list = rectify_register_list_nonconformities_for (reg, a2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_object (&list);

  /* Counted without making the actions: cancelled ones do not count, done ones are done */
  {
    guint n_actions = 99, n_done = 99;
    g_autoptr(RectifyNonconformity) lone = new_nc ("Lone", "3");

    g_assert_true (rectify_register_count_actions_for (reg, nc1, &n_actions, &n_done, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_actions, ==, 2);
    g_assert_cmpuint (n_done, ==, 0);

    g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (a1), "status",
                                                 RECTIFY_ACTION_STATUS_DONE, &error));
    g_assert_true (rectify_register_count_actions_for (reg, nc1, &n_actions, &n_done, &error));
    g_assert_cmpuint (n_actions, ==, 2);
    g_assert_cmpuint (n_done, ==, 1);
    g_assert_true (rectify_register_count_actions_for (reg, nc2, &n_actions, &n_done, &error));
    g_assert_cmpuint (n_actions, ==, 1);
    g_assert_cmpuint (n_done, ==, 0);

    g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (a2), "status",
                                                 RECTIFY_ACTION_STATUS_CANCELLED, &error));
    g_assert_true (rectify_register_count_actions_for (reg, nc1, &n_actions, &n_done, &error));
    g_assert_cmpuint (n_actions, ==, 1);
    g_assert_cmpuint (n_done, ==, 1);
    g_assert_true (rectify_register_count_actions_for (reg, nc2, &n_actions, &n_done, &error));
    g_assert_cmpuint (n_actions, ==, 0);
    g_assert_cmpuint (n_done, ==, 0);

    g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (lone), &error));
    g_assert_true (rectify_register_count_actions_for (reg, lone, &n_actions, &n_done, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_actions, ==, 0);
    g_assert_cmpuint (n_done, ==, 0);
    g_assert_true (rectify_register_remove (reg, RECTIFY_ENTITY (lone), &error));

    g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (a2), "status",
                                                 RECTIFY_ACTION_STATUS_PLANNED, &error));
    g_assert_no_error (error);
  }

  g_assert_true (rectify_register_unlink_action (reg, nc1, a2, &error));
  g_assert_no_error (error);
  list = rectify_register_list_nonconformities_for (reg, a2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);

  /* Survives reopening */
  g_clear_object (&reg);
  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  {
    RectifyNonconformity *one = rectify_register_find_nonconformity (reg, "NC-001");
    RectifyNonconformity *two = rectify_register_find_nonconformity (reg, "NC-002");
    RectifyAction *fix_both = rectify_register_lookup_action (reg, 2);

    list = rectify_register_list_actions_for (reg, one);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
    g_clear_object (&list);

    /* Removing an action removes its links */
    g_assert_true (rectify_register_remove (reg, RECTIFY_ENTITY (fix_both), &error));
    g_assert_no_error (error);
    list = rectify_register_list_actions_for (reg, two);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
    g_clear_object (&list);

    {
      g_autoptr(GPtrArray) rows = rectify_register_list_history (reg, RECTIFY_ENTITY (two), &error);
      RectifyHistoryEntry *last = g_ptr_array_index (rows, rows->len - 1);

      g_assert_cmpstr (last->field, ==, "actions");
      g_assert_cmpstr (last->old_value, ==, "A-002");
      g_assert_null (last->new_value);
    }
  }
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
}

static void
test_children (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) nc = new_nc ("Children", "has causes");
  g_autoptr(RectifyAction) action = new_action ("Act");
  g_autoptr(RectifyCause) why1 = rectify_cause_new ();
  g_autoptr(RectifyCause) why2 = rectify_cause_new ();
  g_autoptr(RectifyCause) other = rectify_cause_new ();
  g_autoptr(RectifyVerification) v1 = rectify_verification_new ();
  g_autoptr(RectifyVerification) v2 = rectify_verification_new ();
  g_autoptr(RectifyEvidence) ev = rectify_evidence_new ();
  g_autoptr(GListModel) causes = NULL;
  g_autoptr(GListModel) verifications = NULL;
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(GBytes) data_in = g_bytes_new_static ("minutes of the meeting", 22);
  g_autoptr(GBytes) data_out = NULL;
  gint64 nc_id;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (action), &error));
  g_assert_true (rectify_register_link_action (reg, nc, action, &error));
  nc_id = rectify_entity_get_id (RECTIFY_ENTITY (nc));

  g_object_set (why1, "nc-id", nc_id, "category", "Process", "text", "No review procedure",
                "position", 0, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (why1), &error));
  g_assert_no_error (error);
  g_object_set (why2, "nc-id", nc_id, "parent-id", rectify_entity_get_id (RECTIFY_ENTITY (why1)),
                "category", "Process", "text", "Nobody owns the procedure", "is-root", TRUE, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (why2), &error));
  g_object_set (other, "nc-id", nc_id, "category", "People", "text", "Training", "position", 1, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (other), &error));
  g_assert_no_error (error);

  /* A cause must belong to an existing NC */
  {
    g_autoptr(RectifyCause) orphan = rectify_cause_new ();

    g_object_set (orphan, "nc-id", (gint64)999, "text", "x", NULL);
    g_assert_false (rectify_register_add (reg, RECTIFY_ENTITY (orphan), &error));
    g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (rectify_entity_get_id (RECTIFY_ENTITY (orphan)), ==, 0);
  }

  g_object_set (v1, "nc-id", nc_id, "due-on", "2026-09-01", "method",
                RECTIFY_VERIFICATION_METHOD_DOCUMENT_REVIEW, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (v1), &error));
  g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (v1), "result",
                                               RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE, &error));
  g_object_set (v2, "nc-id", nc_id, "due-on", "2026-12-01", "verifier", "Eve", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (v2), &error));
  g_assert_no_error (error);

  g_object_set (ev, "action-id", rectify_entity_get_id (RECTIFY_ENTITY (action)),
                "name", "minutes.txt", "mime-type", "text/plain", NULL);
  g_assert_true (rectify_register_add_evidence (reg, ev, data_in, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rectify_evidence_get_size (ev), ==, 22);
  g_assert_cmpuint (strlen (rectify_evidence_get_sha256 (ev)), ==, 64);
  g_assert_nonnull (rectify_evidence_get_added_at (ev));
  g_clear_object (&reg);

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  {
    RectifyNonconformity *stored = rectify_register_lookup_nonconformity (reg, nc_id);
    RectifyAction *stored_action = rectify_register_find_nonconformity (reg, "NC-001") ?
                                   rectify_register_lookup_action (reg, 1) : NULL;
    g_autoptr(RectifyCause) first = NULL;
    g_autoptr(RectifyCause) last = NULL;
    g_autoptr(RectifyVerification) newest = NULL;
    g_autoptr(RectifyEvidence) file = NULL;

    causes = rectify_register_list_causes (reg, stored);
    g_assert_cmpuint (g_list_model_get_n_items (causes), ==, 3);
    first = g_list_model_get_item (causes, 0);
    last = g_list_model_get_item (causes, 2);
    g_assert_cmpstr (rectify_cause_get_text (first), ==, "No review procedure");
    g_assert_cmpstr (rectify_cause_get_text (last), ==, "Nobody owns the procedure");
    g_assert_true (rectify_cause_get_is_root (last));
    g_assert_false (rectify_cause_get_is_root (first));
    g_assert_cmpint (rectify_cause_get_parent_id (last), ==,
                     rectify_entity_get_id (RECTIFY_ENTITY (first)));

    verifications = rectify_register_list_verifications (reg, stored);
    g_assert_cmpuint (g_list_model_get_n_items (verifications), ==, 2);
    newest = g_list_model_get_item (verifications, 1);
    g_assert_cmpstr (rectify_verification_get_verifier (newest), ==, "Eve");
    {
      g_autoptr(RectifyVerification) oldest = g_list_model_get_item (verifications, 0);
      g_assert_cmpint (rectify_verification_get_result (oldest), ==,
                       RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE);
    }

    evidence = rectify_register_list_evidence (reg, RECTIFY_ENTITY (stored_action));
    g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
    file = g_list_model_get_item (evidence, 0);
    data_out = rectify_register_load_evidence_data (reg, file, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (data_in, data_out));
    g_assert_true (rectify_register_verify (reg, &error));
    g_assert_no_error (error);

    /* Removing the first cause removes its sub-cause too */
    g_assert_true (rectify_register_remove (reg, RECTIFY_ENTITY (first), &error));
    g_assert_no_error (error);
    g_clear_object (&causes);
    causes = rectify_register_list_causes (reg, stored);
    g_assert_cmpuint (g_list_model_get_n_items (causes), ==, 1);

    /* Removing the NC removes its causes, verifications and links */
    g_assert_true (rectify_register_remove (reg, RECTIFY_ENTITY (stored), &error));
    g_assert_no_error (error);
  }
  g_clear_object (&reg);

  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM cause"), ==, 0);
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM verification"), ==, 0);
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM nc_action"), ==, 0);
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM action"), ==, 1);
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM evidence"), ==, 1);
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM history WHERE entity = 'cause'"
                                       " AND new_value IS NULL AND field IS NULL"), ==, 3);
}

static void
test_info (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  char *value;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (rectify_register_get_info (reg, "organisation"));
  g_assert_true (rectify_register_set_info (reg, "organisation", "Example Ltd", &error));
  g_assert_true (rectify_register_set_info (reg, "scope", "All sites; 'quoted' \"text\"", &error));
  g_assert_true (rectify_register_set_info (reg, "organisation", "Example Group", &error));
  g_assert_true (rectify_register_set_info (reg, "certification-body", "CB", &error));
  g_assert_true (rectify_register_set_info (reg, "certification-body", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&reg);

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  value = rectify_register_get_info (reg, "organisation");
  g_assert_cmpstr (value, ==, "Example Group");
  g_free (value);
  value = rectify_register_get_info (reg, "scope");
  g_assert_cmpstr (value, ==, "All sites; 'quoted' \"text\"");
  g_free (value);
  g_assert_null (rectify_register_get_info (reg, "certification-body"));
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM history WHERE entity = 'register_info'"),
                   ==, 5);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) nc1 = new_nc ("One", "1");
  g_autoptr(RectifyNonconformity) nc2 = new_nc ("Two", "2");
  g_autoptr(RectifyNonconformity) dup = new_nc ("Dup", "3");
  g_autoptr(RectifyNonconformity) bad_date = new_nc ("Bad date", "4");
  g_autoptr(RectifyAudit) audit1 = rectify_audit_new ();
  g_autoptr(RectifyAudit) audit2 = rectify_audit_new ();
  g_autoptr(RectifyAudit) untitled = rectify_audit_new ();
  g_auto(GValue) v = G_VALUE_INIT;
  gint64 before;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc1), &error));
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc2), &error));
  g_assert_no_error (error);

  /* Adding twice */
  g_assert_false (rectify_register_add (reg, RECTIFY_ENTITY (nc1), &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);

  /* Duplicate ref: on add and on update */
  g_object_set (dup, "ref", "NC-001", NULL);
  g_assert_false (rectify_register_add (reg, RECTIFY_ENTITY (dup), &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "NC-001"));
  g_clear_error (&error);
  g_assert_cmpint (rectify_entity_get_id (RECTIFY_ENTITY (dup)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 2);

  g_assert_false (rectify_register_update_string (reg, RECTIFY_ENTITY (nc2), "ref", "NC-001", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (rectify_nonconformity_get_ref (nc2), ==, "NC-002");
  g_assert_false (rectify_register_update_string (reg, RECTIFY_ENTITY (nc2), "ref", "  ", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_register_update_string (reg, RECTIFY_ENTITY (nc2), "ref", NULL, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);

  /* A custom ref is fine, and automatic refs continue after the highest */
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc2), "ref", "NC-010", &error));
  g_assert_no_error (error);
  g_object_set (dup, "ref", NULL, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (dup), &error));
  g_assert_cmpstr (rectify_nonconformity_get_ref (dup), ==, "NC-011");

  /* Bad dates */
  g_object_set (bad_date, "due-on", "2026-02-30", NULL);
  g_assert_false (rectify_register_add (reg, RECTIFY_ENTITY (bad_date), &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  g_assert_false (rectify_register_update_string (reg, RECTIFY_ENTITY (nc1), "due-on", "tomorrow", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc1), "due-on", "2026-02-28", &error));
  g_assert_no_error (error);

  /* Unknown properties, the id, wrong types, out-of-range enums */
  before = sql_count (f->path, "SELECT count(*) FROM history");
  g_assert_false (rectify_register_update_string (reg, RECTIFY_ENTITY (nc1), "colour", "red", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_register_update_int64 (reg, RECTIFY_ENTITY (nc1), "id", 42, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_register_update_string (reg, RECTIFY_ENTITY (nc1), "title); DROP TABLE nonconformity; --",
                                                  "x", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_register_update_enum (reg, RECTIFY_ENTITY (nc1), "status", 99, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_value_init (&v, G_TYPE_POINTER);
  g_assert_false (rectify_register_update (reg, RECTIFY_ENTITY (nc1), "title", &v, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_register_update_int64 (reg, RECTIFY_ENTITY (nc1), "audit-id", 5, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM history"), ==, before);

  /* Text that looks like SQL is stored as text */
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc1), "title",
                                                 "x'); DROP TABLE nonconformity; --", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM nonconformity"), ==, 3);

  /* Audits: a title is needed and unique */
  g_assert_false (rectify_register_add (reg, RECTIFY_ENTITY (untitled), &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (audit1, "title", "Stage 2", NULL);
  g_object_set (audit2, "title", "Stage 2", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (audit1), &error));
  g_assert_false (rectify_register_add (reg, RECTIFY_ENTITY (audit2), &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);

  /* Removing an audit clears the NCs' link to it */
  g_assert_true (rectify_register_update_int64 (reg, RECTIFY_ENTITY (nc1), "audit-id",
                                                rectify_entity_get_id (RECTIFY_ENTITY (audit1)),
                                                &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_remove (reg, RECTIFY_ENTITY (audit1), &error));
  g_assert_no_error (error);
  g_assert_cmpint (rectify_nonconformity_get_audit_id (nc1), ==, 0);
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
}

static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) kept = new_nc ("Kept", "k");
  g_autoptr(RectifyNonconformity) dropped = new_nc ("Dropped", "d");
  g_autoptr(RectifyNonconformity) later = new_nc ("Later", "l");
  GListModel *ncs;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  ncs = rectify_register_get_nonconformities (reg);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (kept), &error));

  g_assert_true (rectify_register_begin (reg, &error));
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (dropped), &error));
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (kept), "title", "Changed", &error));
  g_assert_true (rectify_register_begin (reg, &error)); /* nested */
  g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (kept), "grade",
                                               RECTIFY_GRADE_MAJOR, &error));
  g_assert_true (rectify_register_commit (reg, &error));
  g_assert_true (rectify_register_remove (reg, RECTIFY_ENTITY (kept), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ncs), ==, 1);
  rectify_register_rollback (reg);

  /* The models are back as they were */
  g_assert_cmpuint (g_list_model_get_n_items (ncs), ==, 1);
  g_assert_true (rectify_register_find_nonconformity (reg, "NC-001") == kept);
  g_assert_cmpstr (rectify_nonconformity_get_title (kept), ==, "Kept");
  g_assert_cmpint (rectify_nonconformity_get_grade (kept), ==, RECTIFY_GRADE_MINOR);
  g_assert_cmpint (rectify_entity_get_id (RECTIFY_ENTITY (dropped)), ==, 0);
  g_assert_false (rectify_register_can_undo (reg));

  /* And the register still works, with the ref of the rolled-back NC free again */
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (later), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rectify_nonconformity_get_ref (later), ==, "NC-002");
  g_clear_object (&reg);

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 2);
  g_assert_cmpstr (rectify_nonconformity_get_title (rectify_register_find_nonconformity (reg, "NC-001")),
                   ==, "Kept");
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
}

static void
test_approvals (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) nc = new_nc ("Plan", "needs approval");
  g_autoptr(GPtrArray) approvals = NULL;
  gboolean approved = TRUE, cb = TRUE;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));

  rectify_register_get_approval_state (reg, nc, &approved, &cb);
  g_assert_false (approved);
  g_assert_false (cb);

  g_assert_false (rectify_register_record_approval (reg, nc, "janitor", "Joe", TRUE, "2026-03-01",
                                                    NULL, NULL, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_register_record_approval (reg, nc, "management", " ", TRUE, "2026-03-01",
                                                    NULL, NULL, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_register_record_approval (reg, nc, "management", "Ann", TRUE, "1 March",
                                                    NULL, NULL, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rectify_register_record_approval (reg, nc, "management", "Ann", FALSE,
                                                   "2026-03-01", NULL, "Owner missing", &error));
  rectify_register_get_approval_state (reg, nc, &approved, &cb);
  g_assert_false (approved);
  g_assert_true (rectify_register_record_approval (reg, nc, "process-owner", "Ben", TRUE,
                                                   "2026-03-02", NULL, NULL, &error));
  g_assert_true (rectify_register_record_approval (reg, nc, "certification-body", "CB auditor",
                                                   TRUE, "2026-03-05", NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&reg);

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  {
    RectifyNonconformity *stored = rectify_register_find_nonconformity (reg, "NC-001");

    rectify_register_get_approval_state (reg, stored, &approved, &cb);
    g_assert_true (approved);
    g_assert_true (cb);
    approvals = rectify_register_list_approvals (reg, stored);
    g_assert_cmpuint (approvals->len, ==, 3);
    g_assert_cmpstr (((RectifyApproval *)approvals->pdata[0])->comment, ==, "Owner missing");
    g_assert_false (((RectifyApproval *)approvals->pdata[0])->approved);
    g_assert_cmpstr (((RectifyApproval *)approvals->pdata[2])->role, ==, "certification-body");
  }
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM history WHERE field = 'approval'"),
                   ==, 3);
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
}

/* The certification body's "not accepted" with the date to resubmit the plan by */
static void
test_approval_resubmit_by (Fixture       *f,
                           gconstpointer  data)
{
  static const struct
  {
    const char *role;
    gboolean    approved;
    const char *resubmit_by;
    const char *message;
  } refused[] = {
    { "management", FALSE, "2026-04-30", "Only a certification body" },
    { "process-owner", FALSE, "2026-04-30", "Only a certification body" },
    { "certification-body", TRUE, "2026-04-30", "Only a certification body" },
    { "certification-body", FALSE, "2026-02-30", "“2026-02-30” is not a valid date" },
    { "certification-body", FALSE, "30.04.2026", "is not a valid date" },
    { "certification-body", FALSE, "", "is not a valid date" },
    { "certification-body", FALSE, "2026-03-04", "before the decision on 2026-03-05" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) nc = new_nc ("Plan", "needs the CB");
  g_autoptr(GPtrArray) approvals = NULL;
  g_autofree char *summary = NULL;
  gint64 n_history;
  gboolean approved = TRUE, cb = TRUE;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  n_history = sql_count (f->path, "SELECT count(*) FROM history");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (rectify_register_record_approval (reg, nc, refused[i].role, "Example CB",
                                                        refused[i].approved, "2026-03-05",
                                                        refused[i].resubmit_by, NULL, &error));
      g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, refused[i].message));
      g_clear_error (&error);
    }
  /* Nothing written by the refusals */
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM approval"), ==, 0);
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM history"), ==, n_history);
  approvals = rectify_register_list_approvals (reg, nc);
  g_assert_null (rectify_approvals_get_resubmit_by (approvals));
  g_clear_pointer (&approvals, g_ptr_array_unref);

  /* Not accepted, resubmit by the end of April; the same day is allowed too */
  g_assert_true (rectify_register_record_approval (reg, nc, "management", "Ann", TRUE,
                                                   "2026-03-02", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_record_approval (reg, nc, "certification-body", "Example CB",
                                                   FALSE, "2026-03-05", "2026-04-30",
                                                   "Root cause too shallow", &error));
  g_assert_no_error (error);
  rectify_register_get_approval_state (reg, nc, &approved, &cb);
  g_assert_true (approved);
  g_assert_false (cb);
  g_clear_object (&reg);

  /* Stored, listed after a reopen, in the history, and the chain still verifies */
  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  {
    RectifyNonconformity *stored = rectify_register_find_nonconformity (reg, "NC-001");
    RectifyApproval *a;

    approvals = rectify_register_list_approvals (reg, stored);
    g_assert_cmpuint (approvals->len, ==, 2);
    g_assert_null (((RectifyApproval *)approvals->pdata[0])->resubmit_by);
    a = approvals->pdata[1];
    g_assert_cmpstr (a->role, ==, "certification-body");
    g_assert_false (a->approved);
    g_assert_cmpstr (a->resubmit_by, ==, "2026-04-30");
    g_assert_cmpstr (a->comment, ==, "Root cause too shallow");
    g_assert_cmpstr (rectify_approvals_get_resubmit_by (approvals), ==, "2026-04-30");
    g_clear_pointer (&approvals, g_ptr_array_unref);

    /* A later "not accepted" without a date: no date pending; accepted: none either */
    g_assert_true (rectify_register_record_approval (reg, stored, "certification-body", "Example CB",
                                                     FALSE, "2026-05-02", NULL, NULL, &error));
    g_assert_no_error (error);
    approvals = rectify_register_list_approvals (reg, stored);
    g_assert_null (rectify_approvals_get_resubmit_by (approvals));
    g_clear_pointer (&approvals, g_ptr_array_unref);
    g_assert_true (rectify_register_record_approval (reg, stored, "certification-body", "Example CB",
                                                     FALSE, "2026-05-02", "2026-05-02", NULL,
                                                     &error));
    g_assert_no_error (error);
    /* a later management decision does not hide the CB's */
    g_assert_true (rectify_register_record_approval (reg, stored, "management", "Ann", TRUE,
                                                     "2026-05-03", NULL, NULL, &error));
    approvals = rectify_register_list_approvals (reg, stored);
    g_assert_cmpstr (rectify_approvals_get_resubmit_by (approvals), ==, "2026-05-02");
    g_clear_pointer (&approvals, g_ptr_array_unref);
    g_assert_true (rectify_register_record_approval (reg, stored, "certification-body", "Example CB",
                                                     TRUE, "2026-05-10", NULL, NULL, &error));
    approvals = rectify_register_list_approvals (reg, stored);
    g_assert_null (rectify_approvals_get_resubmit_by (approvals));
    g_assert_cmpuint (approvals->len, ==, 6);
  }
  summary = sql_text (f->path, "SELECT new_value FROM history WHERE entity = 'approval' AND"
                               " new_value LIKE '%2026-04-30%'");
  g_assert_cmpstr (summary, ==, "certification-body rejected Example CB 2026-03-05 resubmit-by "
                                "2026-04-30");
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM history WHERE field = 'approval' AND"
                                       " new_value LIKE '%resubmit-by 2026-04-30'"), ==, 1);
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
  g_clear_object (&reg);

  /* The table refuses what the API refuses, should anything else write to it */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE approval SET resubmit_by = '2026-06-01'"
                                       " WHERE role = 'management'", NULL, NULL, NULL),
                     ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE approval SET resubmit_by = '1 June'"
                                       " WHERE role = 'certification-body' AND decision = 'rejected'",
                                   NULL, NULL, NULL),
                     ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }
}

static void
test_batch_10000 (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint n_ncs = 10000;
  double t_write, t_open;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);

  g_assert_true (rectify_register_begin (reg, &error));
  for (guint i = 0; i < n_ncs; i++)
    {
      g_autoptr(RectifyNonconformity) nc = NULL;
      g_autofree char *title = g_strdup_printf ("Finding %u about access control", i);

      nc = new_nc (title, "The access rights of leavers were not removed in time");
      g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));

      for (guint j = 0; j < 3; j++)
        {
          g_autoptr(RectifyAction) action = new_action ("Remove access on the last day");

          g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (action), &error));
          g_assert_true (rectify_register_link_action (reg, nc, action, &error));
        }
    }
  g_assert_true (rectify_register_commit (reg, &error));
  g_assert_no_error (error);
  t_write = g_timer_elapsed (timer, NULL);
  /* The times are reported, not asserted: they depend on the machine and on what runs beside
   * it (valgrind, sanitizers); tests/bench-all.py measures them against the aims */
  g_test_message ("10000 NCs + 30000 actions + links in one batch: %.2f s", t_write);
  g_clear_object (&reg);

  g_timer_start (timer);
  reg = rectify_register_open (f->path, &error);
  t_open = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  g_test_message ("open + load of 10000 NCs: %.3f s", t_open);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, n_ncs);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_actions (reg)), ==, 3 * n_ncs);
  g_assert_cmpstr (rectify_nonconformity_get_ref (rectify_register_lookup_nonconformity (reg, n_ncs)),
                   ==, "NC-10000");
  g_assert_nonnull (rectify_register_find_nonconformity (reg, "NC-9999"));
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM nc_action"), ==, 3 * n_ncs);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The names of the files in @dir, sorted, joined by spaces */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* A register opened for reading only: the same NCs and actions, every change refused, and not
 * a byte written to the file or beside it; what cannot be read gives an error. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyRegister) writer = NULL;
  g_autoptr(RectifyNonconformity) nc = new_nc ("Leavers keep access", "Two leavers");
  g_autoptr(RectifyNonconformity) other = new_nc ("Visitor log", "Incomplete");
  g_autoptr(RectifyAction) action = new_action ("Disable accounts on the last day");
  g_autofree char *checksum = NULL;
  g_autofree char *files = NULL;
  g_autofree char *old_path = g_build_filename (f->dir, "old.rectify", NULL);
  g_autofree char *junk_path = g_build_filename (f->dir, "junk.rectify", NULL);
  g_autofree char *missing_path = g_build_filename (f->dir, "missing.rectify", NULL);
  g_autofree char *organisation = NULL;
  RectifyNonconformity *read_nc;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_register_set_info (reg, "organisation", "Nordlicht", &error));
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (action), &error));
  g_assert_true (rectify_register_link_action (reg, nc, action, &error));
  g_assert_no_error (error);
  g_clear_object (&reg);

  checksum = file_checksum (f->path);
  files = list_dir (f->dir);
  g_assert_cmpstr (files, ==, "test.rectify");
  g_clear_pointer (&files, g_free);

  reg = rectify_register_open_read_only (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reg);
  g_assert_cmpstr (rectify_register_get_path (reg), ==, f->path);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_actions (reg)), ==, 1);
  read_nc = rectify_register_find_nonconformity (reg, "NC-001");
  g_assert_nonnull (read_nc);
  g_assert_cmpstr (rectify_nonconformity_get_title (read_nc), ==, "Leavers keep access");
  organisation = rectify_register_get_info (reg, "organisation");
  g_assert_cmpstr (organisation, ==, "Nordlicht");

  /* Every change is refused, and the models stay as they were. */
  g_assert_false (rectify_register_add (reg, RECTIFY_ENTITY (other), &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (rectify_register_update_string (reg, RECTIFY_ENTITY (read_nc), "title", "Changed",
                                                  &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 1);
  g_assert_cmpstr (rectify_nonconformity_get_title (read_nc), ==, "Leavers keep access");
  g_clear_object (&reg);

  /* Not a byte changed, no file made beside it */
  {
    g_autofree char *after = file_checksum (f->path);

    g_assert_cmpstr (after, ==, checksum);
  }
  files = list_dir (f->dir);
  g_assert_cmpstr (files, ==, "test.rectify");
  g_clear_pointer (&files, g_free);

  /* A read-only file opens. */
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  reg = rectify_register_open_read_only (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&reg);
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);

  /* Open in another program that is writing: its committed changes are read. */
  writer = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_register_add (writer, RECTIFY_ENTITY (other), &error));
  g_assert_no_error (error);
  reg = rectify_register_open_read_only (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 2);
  g_clear_object (&reg);
  g_clear_object (&writer);

  /* What cannot be read */
  g_assert_null (rectify_register_open_read_only (missing_path, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (junk_path, "not a register, not a database at all; "
                                      "just some text long enough to have a header", -1, NULL));
  g_assert_null (rectify_register_open_read_only (junk_path, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER);
  g_clear_error (&error);

  /* An older register needs an upgrade, a write: refused, and left as it was (no backup). */
  g_assert_true (_rectify_register_create_file_at_version (old_path, 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&checksum, g_free);
  checksum = file_checksum (old_path);
  g_assert_null (rectify_register_open_read_only (old_path, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autofree char *after = file_checksum (old_path);

    g_assert_cmpstr (after, ==, checksum);
  }
  files = list_dir (f->dir);
  g_assert_cmpstr (files, ==, "junk.rectify old.rectify test.rectify");
}

/* Two registers on one file, as two programs: each sees the other's commits as changes made
 * outside, once, and never its own. */
static void
test_changed_outside (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) mine = NULL;
  g_autoptr(RectifyRegister) other = NULL;
  g_autoptr(RectifyNonconformity) nc = new_nc ("One", "1");
  RectifyNonconformity *seen;

  mine = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_register_add (mine, RECTIFY_ENTITY (nc), &error));
  g_assert_false (rectify_register_changed_outside (mine));

  other = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (rectify_register_changed_outside (other));
  g_assert_false (rectify_register_changed_outside (mine));

  /* Its own writes are not outside changes */
  g_assert_true (rectify_register_update_string (mine, RECTIFY_ENTITY (nc), "title", "Mine", &error));
  g_assert_no_error (error);
  g_assert_false (rectify_register_changed_outside (mine));
  /* The other sees it, once, and its model is stale until read again */
  g_assert_true (rectify_register_changed_outside (other));
  g_assert_false (rectify_register_changed_outside (other));
  seen = rectify_register_find_nonconformity (other, "NC-001");
  g_assert_cmpstr (rectify_nonconformity_get_title (seen), ==, "One");

  /* And the other way round, with a rolled-back change in between that is no change */
  g_assert_true (rectify_register_begin (other, &error));
  g_assert_true (rectify_register_update_string (other, RECTIFY_ENTITY (seen), "area", "IT", &error));
  rectify_register_rollback (other);
  g_assert_false (rectify_register_changed_outside (mine));
  g_assert_true (rectify_register_update_string (other, RECTIFY_ENTITY (seen), "area", "HR", &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_changed_outside (mine));
  g_assert_false (rectify_register_changed_outside (other));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("RECTIFY_TODAY", "2026-06-15", FALSE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Rectify/Register/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("create", test_create);
  ADD ("roundtrip", test_roundtrip);
  ADD ("history", test_history);
  ADD ("undo", test_undo);
  ADD ("undo-bounded", test_undo_bounded);
  ADD ("live-models", test_live_models);
  ADD ("links", test_links);
  ADD ("children", test_children);
  ADD ("info", test_info);
  ADD ("invalid", test_invalid);
  ADD ("rollback", test_rollback);
  ADD ("approvals", test_approvals);
  ADD ("approval-resubmit-by", test_approval_resubmit_by);
  ADD ("batch-10000", test_batch_10000);
  ADD ("read-only", test_read_only);
  ADD ("changed-outside", test_changed_outside);

#undef ADD

  return g_test_run ();
}
