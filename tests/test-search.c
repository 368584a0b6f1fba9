/* test-search.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rectify-register.h"

typedef struct
{
  char            *dir;
  char            *path;
  RectifyRegister *reg;
  gint64           access;     /* NC-001 */
  gint64           backup;     /* NC-002 */
  gint64           firewall;   /* NC-003 */
  gint64           mention;    /* NC-004 */
} Fixture;

static gint64
add_nc (RectifyRegister *reg,
        const char      *title,
        const char      *statement,
        const char      *evidence,
        const char      *owner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();

  g_object_set (nc, "title", title, "statement", statement, "evidence", evidence,
                "owner", owner, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_no_error (error);

  return rectify_entity_get_id (RECTIFY_ENTITY (nc));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rectify-search-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "search.rectify", NULL);
  f->reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);

  f->access = add_nc (f->reg, "Access reviews not done",
                      "User access rights of leavers were not removed",
                      "HR leaver list compared with directory accounts", "IT operations");
  f->backup = add_nc (f->reg, "Backup restore tests missing",
                      "Restores of backups are never tested",
                      "No restore records for 2025", "Infrastructure");
  f->firewall = add_nc (f->reg, "Firewall rules",
                        "Firewall rule reviews are overdue; firewall changes are not approved",
                        "Firewall change log", "Network team");
  f->mention = add_nc (f->reg, "Supplier contracts",
                       "Contracts lack security clauses, including for the managed firewall "
                       "service, the cloud hosting, the payroll bureau, the courier, the "
                       "printing company, the cleaning company and the catering company",
                       "Contract register", "Procurement");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->reg);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GArray *
search (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = rectify_register_search (f->reg, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids;
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static void
test_prefix (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;

  ids = search (f, "acc");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->access);
  g_clear_pointer (&ids, g_array_unref);

  /* Case does not matter; owner and evidence are searched too */
  ids = search (f, "NETWORK");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->firewall);
  g_clear_pointer (&ids, g_array_unref);

  ids = search (f, "restore");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->backup);
  g_clear_pointer (&ids, g_array_unref);

  /* The ref */
  ids = search (f, "NC-002");
  g_assert_cmpuint (ids->len, >=, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->backup);
  g_clear_pointer (&ids, g_array_unref);

  ids = search (f, "nothingmatchesthis");
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_words (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;

  /* Every word must match */
  ids = search (f, "firewall contract");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->mention);
  g_clear_pointer (&ids, g_array_unref);

  ids = search (f, "  leav   rights\t");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->access);
  g_clear_pointer (&ids, g_array_unref);

  ids = search (f, "firewall backup");
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* Empty text: no results */
  ids = search (f, "");
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = search (f, "   ");
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = search (f, NULL);
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GArray) ids = search (f, "firewall");

  /* The NC about firewalls comes before the one that mentions a firewall once */
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->firewall);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, f->mention);
}

static void
test_syntax_is_inert (Fixture       *f,
                      gconstpointer  data)
{
  const char *inputs[] = {
    "NEAR(", "NEAR(firewall", "\"", "\"\"", "\"firewall", "AND", "OR", "NOT", "firewall AND",
    "firewall OR backup", "NOT firewall", "*", "-", "--", "-firewall", "firewall*", "^firewall",
    "title:firewall", "{title}: firewall", "(", ")", "firewall)", "a\"b", "+", ":", "'", "\\",
    "NEAR(firewall rules, 2)", "fire\"wall", "%", "_", ";", "x'; DROP TABLE nonconformity; --",
    "\xc3\xa9t\xc3\xa9", "\xe2\x80\x9c" "firewall" "\xe2\x80\x9d",
  };
  g_autoptr(GArray) after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = rectify_register_search (f->reg, inputs[i], &error);

      g_test_message ("search “%s”: %u results", inputs[i], ids ? ids->len : 0);
      g_assert_no_error (error);
      g_assert_nonnull (ids);
    }

  /* Operators are plain words: "firewall OR backup" needs a word starting with "or" */
  {
    g_autoptr(GArray) ids = search (f, "firewall OR backup");
    g_assert_cmpuint (ids->len, ==, 0);
  }
  /* Punctuation around a word does not hide it */
  {
    g_autoptr(GArray) ids = search (f, "(firewall)");
    g_assert_cmpuint (ids->len, ==, 2);
  }
  {
    g_autoptr(GArray) ids = search (f, "-");
    g_assert_cmpuint (ids->len, ==, 0);
  }

  /* The register is intact */
  after = search (f, "firewall");
  g_assert_cmpuint (after->len, ==, 2);
}

static void
test_after_changes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  RectifyNonconformity *backup = rectify_register_lookup_nonconformity (f->reg, f->backup);
  RectifyNonconformity *firewall = rectify_register_lookup_nonconformity (f->reg, f->firewall);
  g_autoptr(RectifyNonconformity) added = rectify_nonconformity_new ();

  g_assert_true (rectify_register_update_string (f->reg, RECTIFY_ENTITY (backup), "title",
                                                 "Encryption keys kept with the data", &error));
  g_assert_no_error (error);
  ids = search (f, "encrypt");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->backup);
  g_clear_pointer (&ids, g_array_unref);

  /* The old title is gone from the index, the statement is still there */
  ids = search (f, "missing");
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = search (f, "restores");
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  /* A change to a field that is not indexed leaves search alone */
  g_assert_true (rectify_register_update_enum (f->reg, RECTIFY_ENTITY (backup), "status",
                                               RECTIFY_STATUS_ANALYSIS, &error));
  ids = search (f, "encrypt");
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  /* The correction is indexed */
  g_assert_true (rectify_register_update_string (f->reg, RECTIFY_ENTITY (firewall), "correction",
                                                 "Emergency ruleset freeze", &error));
  ids = search (f, "freez");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->firewall);
  g_clear_pointer (&ids, g_array_unref);

  /* Removed: no longer found */
  g_assert_true (rectify_register_remove (f->reg, RECTIFY_ENTITY (firewall), &error));
  g_assert_no_error (error);
  ids = search (f, "firewall");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->mention);
  g_clear_pointer (&ids, g_array_unref);

  /* Added: found; and with diacritics folded */
  g_object_set (added, "title", "Caf\xc3\xa9 Wi-Fi open to guests", NULL);
  g_assert_true (rectify_register_add (f->reg, RECTIFY_ENTITY (added), &error));
  g_assert_no_error (error);
  ids = search (f, "cafe wi");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_true (contains (ids, rectify_entity_get_id (RECTIFY_ENTITY (added))));
  g_clear_pointer (&ids, g_array_unref);

  /* A rolled-back batch leaves the index as it was */
  g_assert_true (rectify_register_begin (f->reg, &error));
  g_assert_true (rectify_register_update_string (f->reg, RECTIFY_ENTITY (added), "title",
                                                 "Temporary words zzyzx", &error));
  ids = search (f, "zzyzx");
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  rectify_register_rollback (f->reg);
  ids = search (f, "zzyzx");
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* After reopening */
  g_clear_object (&f->reg);
  f->reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  ids = search (f, "encryption");
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  g_assert_true (rectify_register_verify (f->reg, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Rectify/Search/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("prefix", test_prefix);
  ADD ("words", test_words);
  ADD ("ranking", test_ranking);
  ADD ("syntax-is-inert", test_syntax_is_inert);
  ADD ("after-changes", test_after_changes);

#undef ADD

  return g_test_run ();
}
