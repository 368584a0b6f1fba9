/* test-similar.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Similar nonconformities (rectify-similar.h) on a real register file: ranking by requirement,
 * text and area, the NC itself left out, FTS5 syntax in the text harmless. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rectify-register.h"
#include "rectify-similar.h"

typedef struct
{
  char            *dir;
  char            *path;
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

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rectify-similar-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "register.rectify", NULL);
  f->reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->reg);
  rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static RectifyNonconformity *
add_nc (RectifyRegister *reg,
        const char      *ref,
        const char      *requirement,
        const char      *area,
        const char      *title,
        const char      *statement,
        const char      *reported_on)
{
  g_autoptr(GError) error = NULL;
  RectifyNonconformity *nc = rectify_nonconformity_new ();

  g_object_set (nc, "ref", ref, "requirement", requirement, "area", area, "title", title,
                "statement", statement, "reported-on", reported_on, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_no_error (error);

  return nc;
}

static gint64
id_of (RectifyNonconformity *nc)
{
  return rectify_entity_get_id (RECTIFY_ENTITY (nc));
}

static int
rank_of (GPtrArray            *matches,
         RectifyNonconformity *nc)
{
  for (guint i = 0; i < matches->len; i++)
    if (((RectifySimilarMatch *)g_ptr_array_index (matches, i))->nc_id == id_of (nc))
      return (int)i;

  return -1;
}

static RectifySimilarMatch *
match_of (GPtrArray            *matches,
          RectifyNonconformity *nc)
{
  int rank = rank_of (matches, nc);

  g_assert_cmpint (rank, >=, 0);

  return g_ptr_array_index (matches, rank);
}

static void
test_query (void)
{
  g_autofree char *q1 = rectify_similar_build_query ("The patches of the SERVERS, and patches!");
  g_autofree char *q2 = rectify_similar_build_query ("a an of to 42 2026 ...");
  g_autofree char *q3 = rectify_similar_build_query ("\"quoted\" OR NEAR(a b) col:x * ^start");
  g_autofree char *q4 = rectify_similar_build_query (NULL);

  /* Stop words, short words and numbers dropped; lower case; no duplicates */
  g_assert_cmpstr (q1, ==, "{title statement evidence correction} : (\"patches\" OR \"servers\")");
  g_assert_null (q2);
  /* FTS5 operators become quoted plain words */
  g_assert_cmpstr (q3, ==, "{title statement evidence correction} : "
                           "(\"quoted\" OR \"near\" OR \"col\" OR \"start\")");
  g_assert_null (q4);
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  RectifyRegister *reg = f->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(RectifyNonconformity) target = NULL;
  g_autoptr(RectifyNonconformity) same_req_text = NULL;
  g_autoptr(RectifyNonconformity) same_req = NULL;
  g_autoptr(RectifyNonconformity) text_only = NULL;
  g_autoptr(RectifyNonconformity) unrelated = NULL;
  RectifySimilarMatch *m;

  unrelated = add_nc (reg, "NC-001", "A.7.2", "Reception",
                      "Visitor badges not returned",
                      "Visitors left the site with their badges on three days", "2026-01-05");
  same_req_text = add_nc (reg, "NC-002", "A 8.8", "IT operations",
                          "Security patches missing on laptops",
                          "Critical security patches were installed late on staff laptops",
                          "2026-02-01");
  same_req = add_nc (reg, "NC-003", "A.8.8", "Finance",
                     "Vulnerability scan skipped",
                     "The quarterly vulnerability scan did not run in Q1", "2026-02-10");
  text_only = add_nc (reg, "NC-004", "A.8.32", "Development",
                      "Servers rebooted without change record",
                      "Web servers were rebooted to install patches without a change record",
                      "2026-03-01");
  target = add_nc (reg, "NC-005", "A.8.8", "IT operations",
                   "Critical patches not installed on web servers",
                   "Security patches for the web servers were not installed within 14 days",
                   "2026-04-01");

  matches = rectify_similar_find (reg, target, 10, &error);
  g_assert_no_error (error);
  g_assert_nonnull (matches);

  for (guint i = 0; i < matches->len; i++)
    {
      m = g_ptr_array_index (matches, i);
      g_test_message ("%" G_GINT64_FORMAT " %.3f %s", m->nc_id, m->score, m->reason);
      /* The NC itself is never similar to itself */
      g_assert_cmpint (m->nc_id, !=, id_of (target));
      /* Best first */
      if (i > 0)
        g_assert_cmpfloat (((RectifySimilarMatch *)g_ptr_array_index (matches, i - 1))->score,
                           >=, m->score);
    }

  /* Same requirement, overlapping words and the same area: first */
  g_assert_cmpint (rank_of (matches, same_req_text), ==, 0);
  m = match_of (matches, same_req_text);
  g_assert_cmpint (m->flags, ==, RECTIFY_SIMILAR_SAME_REQUIREMENT | RECTIFY_SIMILAR_SIMILAR_TEXT |
                                 RECTIFY_SIMILAR_SAME_AREA);
  g_assert_nonnull (strstr (m->reason, "Same requirement A.8.8"));
  g_assert_nonnull (strstr (m->reason, "Similar text"));

  /* Requirement only, and text only: both found, both below the first */
  m = match_of (matches, same_req);
  g_assert_cmpint (m->flags, ==, RECTIFY_SIMILAR_SAME_REQUIREMENT);
  g_assert_cmpstr (m->reason, ==, "Same requirement A.8.8");
  m = match_of (matches, text_only);
  g_assert_cmpint (m->flags, ==, RECTIFY_SIMILAR_SIMILAR_TEXT);
  g_assert_cmpstr (m->reason, ==, "Similar text");

  /* Unrelated: not listed */
  g_assert_cmpint (rank_of (matches, unrelated), ==, -1);
  g_assert_cmpuint (matches->len, ==, 3);

  /* Max results */
  one = rectify_similar_find (reg, target, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpint (((RectifySimilarMatch *)g_ptr_array_index (one, 0))->nc_id, ==,
                   id_of (same_req_text));
}

/* Quotes, operators, column filters and stars in the text are words like others. */
static void
test_fts_syntax (Fixture       *f,
                 gconstpointer  data)
{
  RectifyRegister *reg = f->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(RectifyNonconformity) odd = NULL;
  g_autoptr(RectifyNonconformity) other = NULL;
  g_autoptr(RectifyNonconformity) empty = NULL;
  static const char * const fillers[] = {
    "Visitor badges not returned at reception",
    "Backup restore test overdue for the finance database",
    "Training records missing for new starters",
    "Supplier contract lacks security clauses",
  };

  other = add_nc (reg, "NC-001", "A.5.1", NULL, "Firewall NEAR rules AND policy",
                  "Rules \"firewall\" were not reviewed", "2026-01-01");
  odd = add_nc (reg, "NC-002", "9.2", NULL, "\"firewall\" NEAR( rules* OR ) AND -title:x ^policy",
                "{title} : \" unbalanced ( quote * \"\" NOT", "2026-01-02");
  empty = add_nc (reg, "NC-003", NULL, NULL, "* * ( )", "\"\" :", "2026-01-03");
  /* A few unrelated findings, so that bm25 has a corpus to weigh words against */
  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    {
      g_autofree char *ref = g_strdup_printf ("NC-1%02u", i);

      g_object_unref (add_nc (reg, ref, "A.7.2", NULL, fillers[i], fillers[i], "2026-01-04"));
    }

  matches = rectify_similar_find (reg, odd, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpint (((RectifySimilarMatch *)g_ptr_array_index (matches, 0))->nc_id, ==,
                   id_of (other));

  /* No significant word and no requirement: nothing, and no error */
  none = rectify_similar_find (reg, empty, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("RECTIFY_TODAY", "2026-06-15", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Rectify/Similar/query", test_query);
  g_test_add ("/Rectify/Similar/ranking", Fixture, NULL, fixture_setup, test_ranking,
              fixture_teardown);
  g_test_add ("/Rectify/Similar/fts-syntax", Fixture, NULL, fixture_setup, test_fts_syntax,
              fixture_teardown);

  return g_test_run ();
}
