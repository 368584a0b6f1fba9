/* test-badfiles.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a file that is not a usable register must give a clear error and leave the file, and
 * the folder it is in, byte for byte as they were.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

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
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
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

  f->dir = g_dir_make_tmp ("rectify-badfiles-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "file.rectify", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Every entry under @path with its type, size, mode and SHA-256, in name order. */
static void
snapshot_into (GString    *out,
               const char *path,
               const char *rel)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_string_append_printf (out, "%s/ mode=%o\n", rel, (unsigned)(st.st_mode & 07777));
      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);

      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *child = g_build_filename (path, names->pdata[i], NULL);
          g_autofree char *child_rel = g_strconcat (rel, "/", names->pdata[i], NULL);
          snapshot_into (out, child, child_rel);
        }
    }
  else
    {
      g_autofree char *contents = NULL;
      g_autofree char *digest = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
      g_string_append_printf (out, "%s size=%" G_GSIZE_FORMAT " mode=%o sha256=%s mtime=%ld\n",
                              rel, len, (unsigned)(st.st_mode & 07777), digest,
                              (long)st.st_mtime);
    }
}

static char *
snapshot (const char *dir)
{
  GString *out = g_string_new (NULL);

  snapshot_into (out, dir, ".");

  return g_string_free (out, FALSE);
}

/* Opens @path with @flags, expects @code, and checks that nothing in the folder changed. */
static void
assert_open_full_fails_untouched (const char               *dir,
                                  const char               *path,
                                  RectifyRegisterOpenFlags  flags,
                                  int                       code,
                                  const char               *must_mention)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autofree char *before = snapshot (dir);
  g_autofree char *after = NULL;

  reg = rectify_register_open_full (path, flags, &error);
  g_assert_null (reg);
  g_assert_error (error, RECTIFY_REGISTER_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  if (must_mention != NULL)
    g_assert_nonnull (strstr (error->message, must_mention));

  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_open_fails_untouched (const char *dir,
                             const char *path,
                             int         code,
                             const char *must_mention)
{
  assert_open_full_fails_untouched (dir, path, RECTIFY_REGISTER_OPEN_DEFAULT, code, must_mention);
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, (gssize)len, &error));
  g_assert_no_error (error);
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Reads without leaving -wal or -shm files behind. */
static gint64
sql_int_immutable (const char *path,
                   const char *sql)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?immutable=1", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static void
make_register (const char *path,
               guint       n_ncs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = rectify_register_create (path, &error);

  g_assert_no_error (error);
  g_assert_true (rectify_register_begin (reg, &error));
  for (guint i = 0; i < n_ncs; i++)
    {
      g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
      g_autofree char *statement =
        g_strdup_printf ("Statement %u: the documented procedure for access reviews was not "
                         "followed in the period under review, and nobody noticed it.", i);

      g_object_set (nc, "title", "A finding", "statement", statement, NULL);
      g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
    }
  g_assert_true (rectify_register_commit (reg, &error));
  g_assert_no_error (error);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *in_missing_dir = g_build_filename (f->dir, "no-such-folder", "x.rectify", NULL);

  assert_open_fails_untouched (f->dir, f->path, RECTIFY_REGISTER_ERROR_NOT_FOUND, NULL);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  assert_open_fails_untouched (f->dir, in_missing_dir, RECTIFY_REGISTER_ERROR_NOT_FOUND, NULL);
}

static void
test_text_file (Fixture       *f,
                gconstpointer  data)
{
  const char text[] = "Nonconformities 2025\nNC-001: access reviews\n";

  write_file (f->path, text, strlen (text));
  assert_open_fails_untouched (f->dir, f->path, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER, NULL);
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  /* A real 1x1 PNG */
  static const guchar png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
    0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
    0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  };

  write_file (f->path, png, sizeof png);
  assert_open_fails_untouched (f->dir, f->path, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER, NULL);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  write_file (f->path, "", 0);
  assert_open_fails_untouched (f->dir, f->path, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER, NULL);
  /* SQLite would happily treat an empty file as a new database: it must still be empty */
  g_assert_cmpint (sql_int_immutable (f->path, "SELECT 0"), ==, 0);
}

static void
test_random_bytes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (27001);
  guchar bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guchar)g_rand_int_range (rand, 0, 256);
  write_file (f->path, bytes, sizeof bytes);
  assert_open_fails_untouched (f->dir, f->path, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER, NULL);

  /* Random bytes behind a SQLite header */
  memcpy (bytes, "SQLite format 3", 16);
  write_file (f->path, bytes, sizeof bytes);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RectifyRegister) reg = NULL;
    g_autofree char *before = snapshot (f->dir);
    g_autofree char *after = NULL;

    reg = rectify_register_open (f->path, &error);
    g_assert_null (reg);
    g_assert_nonnull (error);
    g_assert_true (error->domain == RECTIFY_REGISTER_ERROR);
    g_assert_true (error->code == RECTIFY_REGISTER_ERROR_NOT_A_REGISTER ||
                   error->code == RECTIFY_REGISTER_ERROR_CORRUPT);
    after = snapshot (f->dir);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_other_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *wal_path = g_build_filename (f->dir, "wal.sqlite", NULL);

  /* Another application's database, in rollback-journal mode */
  sql_exec (f->path, "PRAGMA application_id = 1234;"
                     "CREATE TABLE contacts (name TEXT, phone TEXT);"
                     "INSERT INTO contacts VALUES ('Ann', '555');");
  assert_open_fails_untouched (f->dir, f->path, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER, NULL);

  /* ... and one in WAL mode with no application id, and the schema version of ours */
  sql_exec (wal_path, "PRAGMA journal_mode = WAL;"
                      "PRAGMA user_version = 2;"
                      "CREATE TABLE nonconformity (id INTEGER PRIMARY KEY, ref TEXT);");
  assert_open_fails_untouched (f->dir, wal_path, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER, NULL);
}

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  gint64 page_size, root, n_pages;
  g_autofree char *contents = NULL;
  gsize len = 0;

  make_register (f->path, 300);
  page_size = sql_int_immutable (f->path, "PRAGMA page_size");
  n_pages = sql_int_immutable (f->path, "PRAGMA page_count");
  root = sql_int_immutable (f->path,
                            "SELECT rootpage FROM sqlite_schema WHERE name = 'nonconformity'");
  g_assert_cmpint (root, >, 1);
  g_assert_cmpint (n_pages, >, root);

  /* Overwrite the table's root page (not the file header) with garbage */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, ==, (gsize)(page_size * n_pages));
  memset (contents + (root - 1) * page_size, 0xa5, (gsize)page_size);
  write_file (f->path, contents, len);

  assert_open_fails_untouched (f->dir, f->path, RECTIFY_REGISTER_ERROR_CORRUPT, NULL);
}

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  make_register (f->path, 3);
  sql_exec (f->path, "PRAGMA user_version = 99");
  g_assert_cmpint (sql_int_immutable (f->path, "PRAGMA user_version"), ==, 99);

  assert_open_fails_untouched (f->dir, f->path, RECTIFY_REGISTER_ERROR_TOO_NEW, "99");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RectifyRegister) reg = rectify_register_open (f->path, &error);
    g_autofree char *current = g_strdup_printf ("%d", RECTIFY_REGISTER_SCHEMA_VERSION);

    g_assert_nonnull (strstr (error->message, current));
  }
}

static void
test_directory (Fixture       *f,
                gconstpointer  data)
{
  g_assert_cmpint (g_mkdir (f->path, 0755), ==, 0);
  assert_open_fails_untouched (f->dir, f->path, RECTIFY_REGISTER_ERROR_NOT_A_REGISTER, NULL);
}

static void
test_healthy (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  /* The control: a good register opens, and closing leaves no -wal/-shm behind */
  make_register (f->path, 5);
  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 5);
  g_clear_object (&reg);

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, "file.rectify");
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

/* A register that is opened for reading only: it reads as it is, every change is refused with
 * READ_ONLY and leaves it as it was, and nothing is written beside it (the snapshot of @dir
 * is taken before the register is opened and compared after it is closed). */
static void
assert_opens_read_only (const char               *dir,
                        const char               *path,
                        RectifyRegisterOpenFlags  flags,
                        guint                     n_ncs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) added = rectify_nonconformity_new ();
  g_autoptr(RectifyNonconformity) first = NULL;
  g_autofree char *before = snapshot (dir);
  g_autofree char *after = NULL;
  GListModel *ncs;

  reg = rectify_register_open_full (path, flags, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_register_is_read_only (reg));

  /* It reads */
  ncs = rectify_register_get_nonconformities (reg);
  g_assert_cmpuint (g_list_model_get_n_items (ncs), ==, n_ncs);
  first = g_list_model_get_item (ncs, 0);
  g_assert_cmpstr (rectify_nonconformity_get_title (first), ==, "A finding");
  rectify_register_verify (reg, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GArray) hits = rectify_register_search (reg, "procedure", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, n_ncs);
  }

  /* Every change is refused, and the models stay as they were */
  g_assert_false (rectify_register_update_string (reg, RECTIFY_ENTITY (first), "title",
                                                  "Changed", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "reading only"));
  g_clear_error (&error);
  g_assert_cmpstr (rectify_nonconformity_get_title (first), ==, "A finding");

  g_object_set (added, "title", "New", NULL);
  g_assert_false (rectify_register_add (reg, RECTIFY_ENTITY (added), &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (ncs), ==, n_ncs);

  g_assert_false (rectify_register_set_info (reg, "organisation", "Other Ltd", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (rectify_register_begin (reg, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (rectify_register_can_undo (reg));

  g_clear_object (&reg);
  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);
}

/* Read-only files, folders: run as an unprivileged user, since root may write anywhere. */

#define NOBODY 65534

static void
read_only_checks (const char *dir)
{
  g_autofree char *ro_dir = g_build_filename (dir, "ro-folder", NULL);
  g_autofree char *in_ro_dir = g_build_filename (ro_dir, "register.rectify", NULL);
  g_autofree char *old_in_ro_dir = g_build_filename (ro_dir, "old.rectify", NULL);
  g_autofree char *rw_dir = g_build_filename (dir, "rw-folder", NULL);
  g_autofree char *ro_file = g_build_filename (rw_dir, "register.rectify", NULL);

  /* A register in a read-only folder, and a read-only register (chmod 0444) in a writable one,
   * open for reading only */
  assert_opens_read_only (dir, in_ro_dir, RECTIFY_REGISTER_OPEN_DEFAULT, 3);
  g_print ("opened read-only: %s\n", in_ro_dir);
  assert_opens_read_only (dir, ro_file, RECTIFY_REGISTER_OPEN_DEFAULT, 3);
  g_print ("opened read-only: %s\n", ro_file);

  /* Not when they must be changed */
  assert_open_full_fails_untouched (dir, in_ro_dir, RECTIFY_REGISTER_OPEN_WRITABLE,
                                    RECTIFY_REGISTER_ERROR_READ_ONLY, "read-only");
  assert_open_full_fails_untouched (dir, ro_file, RECTIFY_REGISTER_OPEN_WRITABLE,
                                    RECTIFY_REGISTER_ERROR_READ_ONLY, "read-only");

  /* A register of an older version needs an upgrade, which a read-only folder does not allow:
   * a clear error, no backup copy, nothing changed */
  assert_open_fails_untouched (dir, old_in_ro_dir, RECTIFY_REGISTER_ERROR_READ_ONLY,
                               "must be upgraded");
  assert_open_fails_untouched (dir, old_in_ro_dir, RECTIFY_REGISTER_ERROR_READ_ONLY,
                               "Copy it to a folder you can write to");
  g_print ("refused to upgrade: %s\n", old_in_ro_dir);
}

static void
prepare_read_only (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ro_dir = g_build_filename (dir, "ro-folder", NULL);
  g_autofree char *in_ro_dir = g_build_filename (ro_dir, "register.rectify", NULL);
  g_autofree char *old_in_ro_dir = g_build_filename (ro_dir, "old.rectify", NULL);
  g_autofree char *rw_dir = g_build_filename (dir, "rw-folder", NULL);
  g_autofree char *ro_file = g_build_filename (rw_dir, "register.rectify", NULL);

  g_assert_cmpint (g_mkdir (ro_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (rw_dir, 0755), ==, 0);
  make_register (in_ro_dir, 3);
  make_register (ro_file, 3);
  g_assert_true (_rectify_register_create_file_at_version (old_in_ro_dir, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (in_ro_dir, 0644), ==, 0);
  g_assert_cmpint (g_chmod (old_in_ro_dir, 0644), ==, 0);
  g_assert_cmpint (g_chmod (ro_dir, 0555), ==, 0);
  g_assert_cmpint (g_chmod (ro_file, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
}

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *ro_dir = NULL;

  if (g_test_subprocess ())
    {
      const char *child_dir = g_getenv ("RECTIFY_TEST_RO_DIR");

      g_assert_nonnull (child_dir);
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (NOBODY), ==, 0);
          g_assert_cmpint (setuid (NOBODY), ==, 0);
        }
      g_assert_cmpint (geteuid (), !=, 0);
      read_only_checks (child_dir);
      return;
    }

  dir = g_dir_make_tmp ("rectify-readonly-XXXXXX", &error);
  g_assert_no_error (error);
  prepare_read_only (dir);
  ro_dir = g_build_filename (dir, "ro-folder", NULL);

  if (geteuid () == 0)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      const char *names[] = { "", "ro-folder", "ro-folder/register.rectify",
                              "ro-folder/old.rectify", "rw-folder",
                              "rw-folder/register.rectify" };

      /* Hand the tree to nobody, then drop to nobody in a child */
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *p = g_build_filename (dir, names[i], NULL);
          g_assert_cmpint (chown (p, NOBODY, NOBODY), ==, 0);
        }

      before = snapshot (dir);
      g_setenv ("RECTIFY_TEST_RO_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      /* (the child's messages: both registers opened read-only, the old one refused) */
      g_test_trap_assert_stdout ("*opened read-only*opened read-only*refused to upgrade*");
      after = snapshot (dir);
      g_assert_cmpstr (before, ==, after);
    }
  else if (access (dir, W_OK) == 0 && access (ro_dir, W_OK) == 0)
    {
      g_test_skip ("chmod does not stop this user from writing (capabilities?)");
    }
  else
    {
      read_only_checks (dir);
    }

  rm_rf (dir);
}

/* Opened for reading only on request, a register that could be written is read the same way:
 * no upgrade, no write-ahead log switch, every change refused, the file unchanged. By default
 * the same file opens for changing. */
static void
test_read_only_requested (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autofree char *old = g_build_filename (f->dir, "old.rectify", NULL);
  g_autofree char *sha_before = NULL;
  g_autofree char *sha_after = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  make_register (f->path, 4);
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  sha_before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
  g_clear_pointer (&contents, g_free);

  reg = rectify_register_open_full (f->path, RECTIFY_REGISTER_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_register_is_read_only (reg));
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 4);
  {
    g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();

    g_object_set (nc, "title", "New", NULL);
    g_assert_false (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
    g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  g_clear_object (&reg);

  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  sha_after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
  g_assert_cmpstr (sha_after, ==, sha_before);
  g_assert_cmpint (sql_int_immutable (f->path, "PRAGMA user_version"), ==,
                   RECTIFY_REGISTER_SCHEMA_VERSION);

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (rectify_register_is_read_only (reg));
  g_clear_object (&reg);

  /* An older register is not upgraded when it is opened for reading only */
  g_assert_true (_rectify_register_create_file_at_version (old, 1, &error));
  g_assert_no_error (error);
  g_unlink (f->path);
  assert_open_full_fails_untouched (f->dir, old, RECTIFY_REGISTER_OPEN_READ_ONLY,
                                    RECTIFY_REGISTER_ERROR_READ_ONLY, "must be upgraded");
  g_assert_cmpint (sql_int_immutable (old, "PRAGMA user_version"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Rectify/BadFiles/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("missing", test_missing);
  ADD ("text-file", test_text_file);
  ADD ("png", test_png);
  ADD ("empty", test_empty);
  ADD ("random-bytes", test_random_bytes);
  ADD ("other-database", test_other_database);
  ADD ("corrupt", test_corrupt);
  ADD ("too-new", test_too_new);
  ADD ("directory", test_directory);
  ADD ("healthy", test_healthy);
  ADD ("read-only-requested", test_read_only_requested);
  g_test_add_func ("/Rectify/BadFiles/read-only", test_read_only);

#undef ADD

  return g_test_run ();
}
