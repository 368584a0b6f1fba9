/* test-faults.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Faults under an open register, through the core API as a long-lived program (the app) meets
 * them: the file-size limit is reached in the middle of a large change, the register's folder is
 * removed or renamed between two changes, another program holds the register's write lock, and
 * two programs write to the same register. Each failed change gives an error a user understands,
 * leaves the register (file and live models) as it was, and the register goes on working once
 * the cause is gone.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>

#include "rectify-register.h"

typedef struct
{
  char            *dir;
  char            *folder;   /* dir/register: the folder that is taken away */
  char            *path;     /* dir/register/test.rectify */
  RectifyRegister *reg;
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

static RectifyNonconformity *
add_nc (RectifyRegister *reg,
        const char      *title,
        const char      *statement)
{
  g_autoptr(GError) error = NULL;
  RectifyNonconformity *nc = rectify_nonconformity_new ();

  g_object_set (nc, "title", title, "statement", statement, NULL);
  rectify_register_add (reg, RECTIFY_ENTITY (nc), &error);
  g_assert_no_error (error);

  return nc;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rectify-faults-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_build_filename (f->dir, "register", NULL);
  g_assert_cmpint (g_mkdir (f->folder, 0700), ==, 0);
  f->path = g_build_filename (f->folder, "test.rectify", NULL);
  f->reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  rectify_register_set_user (f->reg, "Tester");

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("Finding %u", i);
      g_autoptr(RectifyNonconformity) nc = add_nc (f->reg, title, "A statement");
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->reg);
  rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->folder);
  g_free (f->path);
}

/* What a register holds, as text: every NC's ref and title, and the number of history rows,
 * read through a connection of its own. */
static char *
describe_file (const char *path)
{
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", path);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT ref || ' ' || title FROM nonconformity"
                                       " ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM history", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_string_append_printf (out, "history %d\n", sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The same from the register's live model. */
static char *
describe_model (RectifyRegister *reg)
{
  GListModel *ncs = rectify_register_get_nonconformities (reg);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

      g_string_append_printf (out, "%s %s\n", rectify_nonconformity_get_ref (nc),
                              rectify_nonconformity_get_title (nc));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_verifies (RectifyRegister *reg)
{
  g_autoptr(GError) error = NULL;

  rectify_register_verify (reg, &error);
  g_assert_no_error (error);
}

/* A large change meets the file-size limit (ulimit -f): an error that says there is no room,
 * nothing written, the live models as they were, and the next change works once the limit is
 * lifted. */
static void
test_file_size_limit (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) first = NULL;
  g_autofree char *file_before = describe_file (f->path);
  g_autofree char *model_before = describe_model (f->reg);
  g_autofree char *file_after = NULL;
  g_autofree char *model_after = NULL;
  g_autofree char *statement = g_strnfill (2000, 'x');
  struct rlimit saved, limit;
  void (*saved_handler) (int);
  gboolean ok = TRUE;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 128 * 1024;
  if (saved.rlim_max != RLIM_INFINITY && saved.rlim_max < limit.rlim_cur)
    limit.rlim_cur = saved.rlim_max;

  /* a write past the limit fails with EFBIG instead of killing the process */
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  /* 500 NCs of 2 kB each: about 1 MB of write-ahead log, written at the commit */
  ok = rectify_register_begin (f->reg, &error);
  g_assert_no_error (error);
  for (guint i = 0; ok && i < 500; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bulk %u", i);
      g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();

      g_object_set (nc, "title", title, "statement", statement, NULL);
      ok = rectify_register_add (f->reg, RECTIFY_ENTITY (nc), &error);
    }
  if (ok)
    ok = rectify_register_commit (f->reg, &error);
  else
    rectify_register_rollback (f->reg);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no room left"));
  g_assert_nonnull (strstr (error->message, "size limit"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  model_after = describe_model (f->reg);
  file_after = describe_file (f->path);
  g_assert_cmpstr (model_after, ==, model_before);
  g_assert_cmpstr (file_after, ==, file_before);
  assert_verifies (f->reg);

  /* the register goes on working */
  first = g_list_model_get_item (rectify_register_get_nonconformities (f->reg), 0);
  rectify_register_update_string (f->reg, RECTIFY_ENTITY (first), "title", "After the limit",
                                  &error);
  g_assert_no_error (error);
  g_clear_pointer (&file_after, g_free);
  file_after = describe_file (f->path);
  g_assert_nonnull (strstr (file_after, "NC-001 After the limit\n"));
  assert_verifies (f->reg);
}

static void
assert_moved_error (GError *error)
{
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "moved, renamed or deleted while it was open"));
  g_assert_nonnull (strstr (error->message, "not saved"));
}

/* The folder of an open register is removed: every change is refused with an error that says
 * so, nothing is pretended saved, the live models keep what they showed. */
static void
test_folder_removed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) first =
    g_list_model_get_item (rectify_register_get_nonconformities (f->reg), 0);
  g_autoptr(RectifyNonconformity) added = rectify_nonconformity_new ();
  g_autofree char *model_before = describe_model (f->reg);
  g_autofree char *model_after = NULL;

  rm_rf (f->folder);
  g_assert_false (g_file_test (f->folder, G_FILE_TEST_EXISTS));

  g_assert_false (rectify_register_update_string (f->reg, RECTIFY_ENTITY (first), "title",
                                                  "Lost", &error));
  assert_moved_error (error);
  g_clear_error (&error);
  g_assert_cmpstr (rectify_nonconformity_get_title (first), ==, "Finding 0");

  g_object_set (added, "title", "New", NULL);
  g_assert_false (rectify_register_add (f->reg, RECTIFY_ENTITY (added), &error));
  assert_moved_error (error);
  g_clear_error (&error);

  g_assert_false (rectify_register_set_info (f->reg, "organisation", "Gone Ltd", &error));
  assert_moved_error (error);
  g_clear_error (&error);

  model_after = describe_model (f->reg);
  g_assert_cmpstr (model_after, ==, model_before);
  g_assert_false (g_file_test (f->folder, G_FILE_TEST_EXISTS));
}

/* The folder is renamed: the same refusal, and the register where it is now is as it was. */
static void
test_folder_renamed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) first =
    g_list_model_get_item (rectify_register_get_nonconformities (f->reg), 0);
  g_autofree char *file_before = describe_file (f->path);
  g_autofree char *elsewhere = g_build_filename (f->dir, "renamed", NULL);
  g_autofree char *moved_path = g_build_filename (elsewhere, "test.rectify", NULL);
  g_autofree char *file_after = NULL;
  g_autoptr(RectifyRegister) reopened = NULL;

  g_assert_cmpint (g_rename (f->folder, elsewhere), ==, 0);

  g_assert_false (rectify_register_update_string (f->reg, RECTIFY_ENTITY (first), "title",
                                                  "Lost", &error));
  assert_moved_error (error);
  g_clear_error (&error);
  g_assert_cmpstr (rectify_nonconformity_get_title (first), ==, "Finding 0");

  /* Closed, then opened where it is now: as it was, and it verifies */
  g_clear_object (&f->reg);
  file_after = describe_file (moved_path);
  g_assert_cmpstr (file_after, ==, file_before);
  reopened = rectify_register_open (moved_path, &error);
  g_assert_no_error (error);
  assert_verifies (reopened);
  g_assert_false (g_file_test (f->folder, G_FILE_TEST_EXISTS));
}

/* Another program holds the write lock longer than the register waits: an error that says so,
 * nothing changed; once the other program is done, the same change works. */
static void
test_locked_by_another_program (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) first =
    g_list_model_get_item (rectify_register_get_nonconformities (f->reg), 0);
  g_autofree char *file_before = describe_file (f->path);
  g_autofree char *file_after = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (rectify_register_update_string (f->reg, RECTIFY_ENTITY (first), "title",
                                                  "Waited", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "being changed by another program"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpstr (rectify_nonconformity_get_title (first), ==, "Finding 0");

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  file_after = describe_file (f->path);
  g_assert_cmpstr (file_after, ==, file_before);

  rectify_register_update_string (f->reg, RECTIFY_ENTITY (first), "title", "Waited", &error);
  g_assert_no_error (error);
  assert_verifies (f->reg);
}

/* Two programs write to the same register in turn (the app and rectify-cli): each new NC gets a
 * ref of its own, and the history stays one chain. */
static void
test_two_writers (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) other = rectify_register_open (f->path, &error);
  g_autoptr(GPtrArray) ncs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) refs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(RectifyRegister) reopened = NULL;

  g_assert_no_error (error);

  for (guint i = 0; i < 6; i++)
    {
      RectifyRegister *reg = i % 2 == 0 ? f->reg : other;
      g_autofree char *title = g_strdup_printf ("Turn %u", i);

      g_ptr_array_add (ncs, add_nc (reg, title, "Written in turns"));
    }

  for (guint i = 0; i < ncs->len; i++)
    {
      const char *ref = rectify_nonconformity_get_ref (g_ptr_array_index (ncs, i));

      g_assert_false (g_hash_table_contains (refs, ref));
      g_hash_table_add (refs, (gpointer)ref);
    }

  assert_verifies (f->reg);
  assert_verifies (other);

  g_clear_object (&other);
  g_clear_object (&f->reg);
  reopened = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reopened)),
                    ==, 5 + 6);
  assert_verifies (reopened);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add ("/Rectify/Faults/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("file-size-limit", test_file_size_limit);
  ADD ("folder-removed", test_folder_removed);
  ADD ("folder-renamed", test_folder_renamed);
  ADD ("locked-by-another-program", test_locked_by_another_program);
  ADD ("two-writers", test_two_writers);
#undef ADD

  return g_test_run ();
}
