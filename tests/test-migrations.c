/* test-migrations.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rectify-register.h"
#include "rectify-register-private.h"

typedef struct
{
  char *dir;
  char *path;
  char *backup;
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

  f->dir = g_dir_make_tmp ("rectify-migrations-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "old.rectify", NULL);
  f->backup = g_strconcat (f->path, ".v1.bak", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->backup);
}

static char *
test_data_path (const char *name)
{
  const char *dir = g_getenv ("RECTIFY_TESTDATA");

  if (dir != NULL)
    return g_build_filename (dir, name, NULL);

  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("SQL failed: %s", message);
  sqlite3_close (db);
}

static gint64
sql_int (const char *path,
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

/* A genuine version 1 file from the frozen script in tests/data. */
static void
build_v1_from_script (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script_path = test_data_path ("register-v1.sql");
  g_autofree char *script = NULL;

  g_assert_true (g_file_get_contents (script_path, &script, NULL, &error));
  g_assert_no_error (error);
  exec_sql (path, script);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 1);
}

static gint64
search_first (RectifyRegister *reg,
              const char      *text,
              guint           *n_results)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rectify_register_search (reg, text, &error);

  g_assert_no_error (error);
  *n_results = ids->len;

  return ids->len > 0 ? g_array_index (ids, gint64, 0) : 0;
}

static void
check_backup_is_v1 (Fixture *f,
                    gint64   n_ncs,
                    gint64   n_nc_fts)
{
  g_assert_true (g_file_test (f->backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sql_int (f->backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (sql_int (f->backup, "PRAGMA application_id"), ==,
                   RECTIFY_REGISTER_APPLICATION_ID);
  g_assert_cmpint (sql_int (f->backup, "SELECT count(*) FROM sqlite_schema WHERE name = 'nc_fts'"),
                   ==, n_nc_fts);
  g_assert_cmpint (sql_int (f->backup, "SELECT count(*) FROM nonconformity"), ==, n_ncs);
}

/* The columns of version 3 are there, with their defaults on the rows that were migrated. */
static void
check_v3_columns (const char *path)
{
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM pragma_table_info ('nonconformity')"
                                  " WHERE name IN ('correction_by', 'correction_not_needed',"
                                  " 'correction_reason', 'closed_by')"), ==, 4);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM nonconformity"
                                  " WHERE correction_not_needed <> 0 AND correction_reason IS NULL"),
                   ==, 0);
}

/* The version 3 fields of a migrated NC can be written, and survive a reopen of the file. */
static void
check_v3_fields_work (const char *path,
                      const char *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = rectify_register_open (path, &error);
  RectifyNonconformity *nc;

  g_assert_no_error (error);
  nc = rectify_register_find_nonconformity (reg, ref);
  g_assert_nonnull (nc);
  g_assert_false (rectify_nonconformity_get_correction_not_needed (nc));
  g_assert_null (rectify_nonconformity_get_correction_reason (nc));
  g_assert_null (rectify_nonconformity_get_correction_by (nc));
  g_assert_null (rectify_nonconformity_get_closed_by (nc));

  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc), "correction-by",
                                                 "Dana Admin", &error));
  g_assert_no_error (error);
  {
    g_auto(GValue) v = G_VALUE_INIT;

    g_value_init (&v, G_TYPE_BOOLEAN);
    g_value_set_boolean (&v, TRUE);
    g_assert_true (rectify_register_update (reg, RECTIFY_ENTITY (nc), "correction-not-needed",
                                            &v, &error));
    g_assert_no_error (error);
  }
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc), "correction-reason",
                                                 "Contained by the firewall", &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
  g_clear_object (&reg);

  reg = rectify_register_open (path, &error);
  g_assert_no_error (error);
  nc = rectify_register_find_nonconformity (reg, ref);
  g_assert_true (rectify_nonconformity_get_correction_not_needed (nc));
  g_assert_cmpstr (rectify_nonconformity_get_correction_reason (nc), ==,
                   "Contained by the firewall");
  g_assert_cmpstr (rectify_nonconformity_get_correction_by (nc), ==, "Dana Admin");
}

/* The column of version 4 is there, empty on the rows that were migrated. */
static void
check_v4_columns (const char *path)
{
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM pragma_table_info ('approval')"
                                  " WHERE name = 'resubmit_by'"), ==, 1);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM approval WHERE resubmit_by IS NOT NULL"),
                   ==, 0);
}

/* A resubmit-by date can be recorded on a migrated NC, and survives a reopen of the file. */
static void
check_v4_field_works (const char *path,
                      const char *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = rectify_register_open (path, &error);
  g_autoptr(GPtrArray) approvals = NULL;
  RectifyApproval *last;
  RectifyNonconformity *nc;

  g_assert_no_error (error);
  nc = rectify_register_find_nonconformity (reg, ref);
  g_assert_nonnull (nc);
  g_assert_true (rectify_register_record_approval (reg, nc, "certification-body", "Example CB",
                                                   FALSE, "2026-01-15", "2026-02-15",
                                                   "Resubmit with a metric", &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
  g_clear_object (&reg);

  reg = rectify_register_open (path, &error);
  g_assert_no_error (error);
  nc = rectify_register_find_nonconformity (reg, ref);
  approvals = rectify_register_list_approvals (reg, nc);
  g_assert_cmpuint (approvals->len, >=, 1);
  last = g_ptr_array_index (approvals, approvals->len - 1);
  g_assert_cmpstr (last->resubmit_by, ==, "2026-02-15");
  g_assert_cmpstr (last->comment, ==, "Resubmit with a metric");
  g_assert_cmpstr (rectify_approvals_get_resubmit_by (approvals), ==, "2026-02-15");
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
}

static void
test_from_script (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GListModel) causes = NULL;
  g_autoptr(GListModel) verifications = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autofree char *org = NULL;
  RectifyNonconformity *nc1;
  RectifyNonconformity *nc2;
  guint n = 0;

  build_v1_from_script (f->path);
  g_assert_false (g_file_test (f->backup, G_FILE_TEST_EXISTS));

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reg);

  /* Data intact */
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_actions (reg)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_audits (reg)), ==, 1);
  nc1 = rectify_register_find_nonconformity (reg, "NC-001");
  nc2 = rectify_register_find_nonconformity (reg, "NC-002");
  g_assert_nonnull (nc1);
  g_assert_nonnull (nc2);
  g_assert_cmpstr (rectify_nonconformity_get_statement (nc1), ==,
                   "Leavers kept their VPN accounts for months");
  g_assert_cmpint (rectify_nonconformity_get_grade (nc1), ==, RECTIFY_GRADE_MAJOR);
  g_assert_cmpint (rectify_nonconformity_get_status (nc1), ==, RECTIFY_STATUS_ANALYSIS);
  g_assert_cmpint (rectify_nonconformity_get_audit_id (nc1), ==, 1);
  g_assert_cmpstr (rectify_nonconformity_get_due_on (nc1), ==, "2026-01-01");
  g_assert_null (rectify_nonconformity_get_closed_on (nc1));
  g_assert_cmpstr (rectify_audit_get_title (rectify_register_lookup_audit (reg, 1)), ==,
                   "Internal audit 2025");
  org = rectify_register_get_info (reg, "organisation");
  g_assert_cmpstr (org, ==, "Example Ltd");

  causes = rectify_register_list_causes (reg, nc1);
  g_assert_cmpuint (g_list_model_get_n_items (causes), ==, 1);
  verifications = rectify_register_list_verifications (reg, nc1);
  g_assert_cmpuint (g_list_model_get_n_items (verifications), ==, 1);
  actions = rectify_register_list_actions_for (reg, nc1);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 1);

  /* Search works on the rows that were there before the index */
  g_assert_cmpint (search_first (reg, "vpn", &n), ==, rectify_entity_get_id (RECTIFY_ENTITY (nc1)));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (search_first (reg, "restor payroll", &n), ==,
                   rectify_entity_get_id (RECTIFY_ENTITY (nc2)));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (search_first (reg, "head of it", &n), ==,
                   rectify_entity_get_id (RECTIFY_ENTITY (nc1)));

  /* The history written by version 1 still checks out, and new rows chain onto it */
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc2), "correction",
                                                 "Ran a restore test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (search_first (reg, "ran restore", &n), ==,
                   rectify_entity_get_id (RECTIFY_ENTITY (nc2)));
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RectifyNonconformity) nc3 = rectify_nonconformity_new ();

    g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc3), &error));
    g_assert_cmpstr (rectify_nonconformity_get_ref (nc3), ==, "NC-003");
  }
  g_clear_object (&reg);

  /* Migrated to the current version, in WAL mode */
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, RECTIFY_REGISTER_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'nc_fts'"),
                   ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM nonconformity"), ==, 3);
  check_v3_columns (f->path);
  check_v4_columns (f->path);

  /* The backup beside it is the untouched version 1 file */
  check_backup_is_v1 (f, 2, 0);

  /* Opening again does not migrate or back up again */
  g_assert_cmpint (g_unlink (f->backup), ==, 0);
  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (f->backup, G_FILE_TEST_EXISTS));
  g_clear_object (&reg);

  check_v3_fields_work (f->path, "NC-001");
  check_v4_field_works (f->path, "NC-001");
}

/* A genuine version 2 file from the frozen script: migrated to the current version, data
 * intact. */
static void
test_from_v2_script (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autofree char *script_path = test_data_path ("register-v2.sql");
  g_autofree char *script = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".v2.bak", NULL);
  RectifyNonconformity *nc1;
  RectifyNonconformity *nc3;
  guint n = 0;

  g_assert_true (g_file_get_contents (script_path, &script, NULL, &error));
  g_assert_no_error (error);
  exec_sql (f->path, script);
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 2);

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reg);

  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 3);
  nc1 = rectify_register_find_nonconformity (reg, "NC-001");
  nc3 = rectify_register_find_nonconformity (reg, "NC-003");
  g_assert_cmpstr (rectify_nonconformity_get_correction (nc1), ==, "Disabled the three accounts");
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (nc1), ==, "2025-11-02");
  g_assert_cmpint (rectify_nonconformity_get_status (nc3), ==, RECTIFY_STATUS_CLOSED);
  g_assert_cmpstr (rectify_nonconformity_get_closed_on (nc3), ==, "2025-12-01");
  g_assert_null (rectify_nonconformity_get_closed_by (nc3));
  g_assert_false (rectify_nonconformity_get_correction_not_needed (nc3));
  /* The index of version 2 still answers */
  g_assert_cmpint (search_first (reg, "badge", &n), ==, 3);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
  g_clear_object (&reg);

  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, RECTIFY_REGISTER_SCHEMA_VERSION);
  check_v3_columns (f->path);
  check_v4_columns (f->path);

  /* The backup is the version 2 file */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (f->backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (sql_int (backup, "SELECT count(*) FROM nonconformity"), ==, 3);
  g_assert_cmpint (sql_int (backup, "SELECT count(*) FROM pragma_table_info ('nonconformity')"
                                    " WHERE name = 'closed_by'"), ==, 0);

  check_v3_fields_work (f->path, "NC-003");
  check_v4_field_works (f->path, "NC-001");
}

/* A genuine version 3 file from the frozen script (approvals, one of them the CB's "not accepted"
 * with the date in its comment, as the app wrote it then): migrated to version 4, data and
 * history intact, the new column empty and usable. */
static void
test_from_v3_script (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GPtrArray) approvals = NULL;
  g_autofree char *script_path = test_data_path ("register-v3.sql");
  g_autofree char *script = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".v3.bak", NULL);
  RectifyApproval *a;
  RectifyNonconformity *nc1;
  RectifyNonconformity *nc3;
  gboolean approved = FALSE, cb = TRUE;
  gint64 n_history;
  guint n = 0;

  g_assert_true (g_file_get_contents (script_path, &script, NULL, &error));
  g_assert_no_error (error);
  exec_sql (f->path, script);
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 3);
  n_history = sql_int (f->path, "SELECT count(*) FROM history");
  g_assert_cmpint (n_history, ==, 14);

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reg);

  /* Data intact */
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 3);
  nc1 = rectify_register_find_nonconformity (reg, "NC-001");
  nc3 = rectify_register_find_nonconformity (reg, "NC-003");
  g_assert_cmpint (rectify_nonconformity_get_status (nc1), ==, RECTIFY_STATUS_AWAITING_APPROVAL);
  g_assert_cmpstr (rectify_nonconformity_get_correction_by (nc1), ==, "Head of IT");
  g_assert_cmpstr (rectify_nonconformity_get_closed_by (nc3), ==, "Facilities manager");
  g_assert_true (rectify_nonconformity_get_correction_not_needed (nc3));
  g_assert_cmpint (search_first (reg, "vpn", &n), ==, 1);

  approvals = rectify_register_list_approvals (reg, nc1);
  g_assert_cmpuint (approvals->len, ==, 2);
  a = g_ptr_array_index (approvals, 0);
  g_assert_cmpstr (a->role, ==, "management");
  g_assert_true (a->approved);
  g_assert_cmpstr (a->approver, ==, "Bob Manager");
  g_assert_cmpstr (a->decided_on, ==, "2025-11-01");
  g_assert_cmpstr (a->comment, ==, "Go ahead");
  g_assert_null (a->resubmit_by);
  a = g_ptr_array_index (approvals, 1);
  g_assert_cmpstr (a->role, ==, "certification-body");
  g_assert_false (a->approved);
  g_assert_cmpstr (a->decided_on, ==, "2025-11-05");
  /* The old comment is kept word for word; no date is guessed out of it */
  g_assert_cmpstr (a->comment, ==, "Resubmit by 11/30/25\nRoot cause analysis too shallow");
  g_assert_null (a->resubmit_by);
  g_assert_null (rectify_approvals_get_resubmit_by (approvals));
  rectify_register_get_approval_state (reg, nc1, &approved, &cb);
  g_assert_true (approved);
  g_assert_false (cb);

  /* The history of version 3 still checks out, nothing was added to it by the upgrade */
  g_assert_true (rectify_register_verify (reg, &error));
  g_assert_no_error (error);
  g_clear_object (&reg);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM history"), ==, n_history);

  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, RECTIFY_REGISTER_SCHEMA_VERSION);
  check_v3_columns (f->path);
  check_v4_columns (f->path);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM approval"), ==, 2);

  /* The backup is the version 3 file, without the new column */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (sql_int (backup, "SELECT count(*) FROM approval"), ==, 2);
  g_assert_cmpint (sql_int (backup, "SELECT count(*) FROM pragma_table_info ('approval')"
                                    " WHERE name = 'resubmit_by'"), ==, 0);

  check_v4_field_works (f->path, "NC-001");
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM history WHERE entity = 'approval' AND"
                                     " new_value LIKE '% resubmit-by 2026-02-15'"), ==, 1);
}

/* A file made by this build's own steps 1 and 2 */
static void
test_from_step_2 (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".v2.bak", NULL);
  guint n = 0;

  g_assert_true (_rectify_register_create_file_at_version (f->path, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM pragma_table_info ('nonconformity')"
                                     " WHERE name = 'closed_by'"), ==, 0);

  exec_sql (f->path,
            "INSERT INTO nonconformity (ref, title, statement, grade, status, source,"
            " correction, created_at, updated_at) VALUES"
            " ('NC-001', 'Clean desk', 'Papers left on desks overnight', 'minor', 'analysis',"
            "  'internal-audit', 'Papers locked away', '2025-01-01T00:00:00Z',"
            "  '2025-01-01T00:00:00Z');");

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rectify_nonconformity_get_correction (
                     rectify_register_find_nonconformity (reg, "NC-001")),
                   ==, "Papers locked away");
  g_assert_cmpint (search_first (reg, "desk", &n), ==, 1);
  g_clear_object (&reg);

  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, RECTIFY_REGISTER_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 2);
  check_v3_columns (f->path);
  check_v4_columns (f->path);
  check_v3_fields_work (f->path, "NC-001");
}

/* A file made by this build's own steps 1 to 3, with an approval of version 3 */
static void
test_from_step_3 (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GPtrArray) approvals = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".v3.bak", NULL);

  g_assert_true (_rectify_register_create_file_at_version (f->path, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM pragma_table_info ('approval')"
                                     " WHERE name = 'resubmit_by'"), ==, 0);

  exec_sql (f->path,
            "INSERT INTO nonconformity (id, ref, title, grade, status, source, created_at,"
            " updated_at) VALUES (1, 'NC-001', 'Clean desk', 'major', 'awaiting-approval',"
            " 'external-audit', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
            "INSERT INTO approval (nc_id, role, approver, decision, decided_on, comment)"
            " VALUES (1, 'certification-body', 'Example CB', 'rejected', '2025-02-01', 'No');");

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  approvals = rectify_register_list_approvals (reg, rectify_register_find_nonconformity (reg, "NC-001"));
  g_assert_cmpuint (approvals->len, ==, 1);
  g_assert_cmpstr (((RectifyApproval *)approvals->pdata[0])->comment, ==, "No");
  g_assert_null (((RectifyApproval *)approvals->pdata[0])->resubmit_by);
  g_clear_object (&reg);

  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, RECTIFY_REGISTER_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 3);
  check_v4_columns (f->path);
  check_v4_field_works (f->path, "NC-001");
}

static void
test_from_step_1 (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  guint n = 0;

  g_assert_true (_rectify_register_create_file_at_version (f->path, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'nc_fts'"),
                   ==, 0);

  exec_sql (f->path,
            "INSERT INTO nonconformity (ref, title, statement, grade, status, source,"
            " created_at, updated_at) VALUES"
            " ('NC-001', 'Clean desk', 'Papers left on desks overnight', 'minor', 'reported',"
            "  'internal-audit', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),"
            " ('NC-002', 'Visitors', 'Visitor badges not returned', 'observation', 'closed',"
            "  'incident', '2025-01-02T00:00:00Z', '2025-01-02T00:00:00Z');");

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 2);
  g_assert_cmpint (rectify_nonconformity_get_status (rectify_register_find_nonconformity (reg, "NC-002")),
                   ==, RECTIFY_STATUS_CLOSED);
  g_assert_cmpint (search_first (reg, "badge", &n), ==, 2);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (search_first (reg, "desk", &n), ==, 1);
  g_clear_object (&reg);

  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, RECTIFY_REGISTER_SCHEMA_VERSION);
  check_v4_columns (f->path);
  check_backup_is_v1 (f, 2, 0);
}

static void
test_failure_rolls_back (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0;
  gsize after_len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autofree char *versions = g_strdup_printf ("from version 1 to %d",
                                               RECTIFY_REGISTER_SCHEMA_VERSION);

  build_v1_from_script (f->path);
  /* Something in the way of step 2: a table with the name of the index */
  exec_sql (f->path, "CREATE TABLE nc_fts (x TEXT)");
  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));

  reg = rectify_register_open (f->path, &error);
  g_assert_null (reg);
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, versions));

  /* Nothing of the migration stayed */
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                                     " AND name LIKE 'nc_fts%'"), ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM nonconformity"), ==, 2);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM history"), ==, 6);
  /* Byte for byte as it was, and no backup copy left beside it */
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (f->backup, G_FILE_TEST_EXISTS));
}

/* Step 4 in the way (a column of that name added by hand): the version 3 file stays as it was */
static void
test_step_4_failure_rolls_back (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *script_path = test_data_path ("register-v3.sql");
  g_autofree char *script = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".v3.bak", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0;
  gsize after_len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;

  g_assert_true (g_file_get_contents (script_path, &script, NULL, &error));
  g_assert_no_error (error);
  exec_sql (f->path, script);
  exec_sql (f->path, "ALTER TABLE approval ADD COLUMN resubmit_by TEXT");
  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));

  reg = rectify_register_open (f->path, &error);
  g_assert_null (reg);
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "from version 3 to"));

  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM approval"), ==, 2);
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Rectify/Migrations/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("from-v1-script", test_from_script);
  ADD ("from-step-1", test_from_step_1);
  ADD ("from-v2-script", test_from_v2_script);
  ADD ("from-step-2", test_from_step_2);
  ADD ("from-v3-script", test_from_v3_script);
  ADD ("from-step-3", test_from_step_3);
  ADD ("failure-rolls-back", test_failure_rolls_back);
  ADD ("step-4-failure-rolls-back", test_step_4_failure_rolls_back);

#undef ADD

  return g_test_run ();
}
