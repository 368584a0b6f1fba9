/* test-catalogue.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "rectify-catalogue.h"

static void
test_counts (void)
{
  GListModel *model = rectify_catalogue_get_default ();
  guint n_clauses = 0, n_controls = 0;
  guint organizational = 0, people = 0, physical = 0, technological = 0;
  gboolean seen_control = FALSE;

  g_assert_nonnull (model);
  g_assert_true (g_list_model_get_item_type (model) == RECTIFY_TYPE_CATALOGUE_ENTRY);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 41 + 93);
  g_assert_null (g_list_model_get_item (model, 41 + 93));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RectifyCatalogueEntry) entry = g_list_model_get_item (model, i);
      const char *theme = rectify_catalogue_entry_get_theme (entry);

      g_assert_nonnull (rectify_catalogue_entry_get_title (entry));
      g_assert_cmpstr (rectify_catalogue_entry_get_title (entry), !=, "");

      if (rectify_catalogue_entry_get_kind (entry) == RECTIFY_CATALOGUE_CLAUSE)
        {
          /* Clauses come first. */
          g_assert_false (seen_control);
          g_assert_false (g_str_has_prefix (rectify_catalogue_entry_get_ref (entry), "A."));
          n_clauses++;
          continue;
        }

      seen_control = TRUE;
      n_controls++;
      g_assert_true (g_str_has_prefix (rectify_catalogue_entry_get_ref (entry), "A."));
      if (g_str_equal (theme, "Organizational"))
        organizational++;
      else if (g_str_equal (theme, "People"))
        people++;
      else if (g_str_equal (theme, "Physical"))
        physical++;
      else if (g_str_equal (theme, "Technological"))
        technological++;
      else
        g_assert_not_reached ();
    }

  g_assert_cmpuint (n_clauses, ==, 41);
  g_assert_cmpuint (n_controls, ==, 93);
  g_assert_cmpuint (organizational, ==, 37);
  g_assert_cmpuint (people, ==, 8);
  g_assert_cmpuint (physical, ==, 14);
  g_assert_cmpuint (technological, ==, 34);

  /* The same model every time. */
  g_assert_true (rectify_catalogue_get_default () == model);
}

static void
test_order (void)
{
  GListModel *model = rectify_catalogue_get_default ();
  g_autoptr(RectifyCatalogueEntry) first = g_list_model_get_item (model, 0);
  g_autoptr(RectifyCatalogueEntry) last_clause = g_list_model_get_item (model, 40);
  g_autoptr(RectifyCatalogueEntry) first_control = g_list_model_get_item (model, 41);
  g_autoptr(RectifyCatalogueEntry) last = g_list_model_get_item (model, 133);

  g_assert_cmpstr (rectify_catalogue_entry_get_ref (first), ==, "4");
  g_assert_cmpstr (rectify_catalogue_entry_get_ref (last_clause), ==, "10.2");
  g_assert_cmpstr (rectify_catalogue_entry_get_ref (first_control), ==, "A.5.1");
  g_assert_cmpstr (rectify_catalogue_entry_get_ref (last), ==, "A.8.34");
}

static void
test_entry (void)
{
  RectifyCatalogueEntry *entry = rectify_catalogue_lookup ("A.5.15");
  g_autofree char *ref = NULL;
  g_autofree char *label = NULL;
  int kind = -1;

  g_assert_nonnull (entry);
  g_assert_cmpint (rectify_catalogue_entry_get_kind (entry), ==, RECTIFY_CATALOGUE_CONTROL);
  g_assert_cmpstr (rectify_catalogue_entry_get_ref (entry), ==, "A.5.15");
  g_assert_cmpstr (rectify_catalogue_entry_get_title (entry), ==, "Access control");
  g_assert_cmpstr (rectify_catalogue_entry_get_theme (entry), ==, "Organizational");
  g_assert_cmpstr (rectify_catalogue_entry_get_label (entry), ==, "A.5.15 Access control");

  g_object_get (entry, "ref", &ref, "label", &label, "kind", &kind, NULL);
  g_assert_cmpstr (ref, ==, "A.5.15");
  g_assert_cmpstr (label, ==, "A.5.15 Access control");
  g_assert_cmpint (kind, ==, RECTIFY_CATALOGUE_CONTROL);

  entry = rectify_catalogue_lookup ("9.2");
  g_assert_nonnull (entry);
  g_assert_cmpint (rectify_catalogue_entry_get_kind (entry), ==, RECTIFY_CATALOGUE_CLAUSE);
  g_assert_cmpstr (rectify_catalogue_entry_get_ref (entry), ==, "9.2");
  g_assert_cmpstr (rectify_catalogue_entry_get_title (entry), ==, "Internal audit");
  g_assert_cmpstr (rectify_catalogue_entry_get_theme (entry), ==, "Performance evaluation");
  g_assert_cmpstr (rectify_catalogue_entry_get_label (entry), ==, "9.2 Internal audit");

  entry = rectify_catalogue_lookup ("10.2");
  g_assert_nonnull (entry);
  g_assert_cmpstr (rectify_catalogue_entry_get_label (entry), ==,
                   "10.2 Nonconformity and corrective action");

  entry = rectify_catalogue_lookup ("A.8.34");
  g_assert_nonnull (entry);
  g_assert_cmpstr (rectify_catalogue_entry_get_theme (entry), ==, "Technological");
}

static void
assert_lookup (const char *text,
               const char *expected_ref)
{
  RectifyCatalogueEntry *entry = rectify_catalogue_lookup (text);

  if (expected_ref == NULL)
    {
      if (entry != NULL)
        g_error ("“%s” should find nothing but found %s", text,
                 rectify_catalogue_entry_get_ref (entry));
      return;
    }

  if (entry == NULL)
    g_error ("“%s” should find %s but found nothing", text, expected_ref);
  g_assert_cmpstr (rectify_catalogue_entry_get_ref (entry), ==, expected_ref);
}

static void
test_lookup_forms (void)
{
  /* Controls */
  assert_lookup ("A.5.15", "A.5.15");
  assert_lookup ("a.5.15", "A.5.15");
  assert_lookup ("a5.15", "A.5.15");
  assert_lookup ("A5.15", "A.5.15");
  assert_lookup ("A 5.15", "A.5.15");
  assert_lookup ("Annex A 5.15", "A.5.15");
  assert_lookup ("Annex A.5.15", "A.5.15");
  assert_lookup ("annex a.5.15", "A.5.15");
  assert_lookup ("ANNEX A5.15", "A.5.15");
  assert_lookup ("Control 5.15", "A.5.15");
  assert_lookup ("control A.5.15", "A.5.15");
  assert_lookup ("A.05.15", "A.5.15");
  assert_lookup ("5.15", "A.5.15");          /* no clause 5.15: the control */
  assert_lookup ("8.34", "A.8.34");
  assert_lookup ("  A.5.15  ", "A.5.15");
  assert_lookup ("A.5.15.", "A.5.15");
  assert_lookup ("\tAnnex A 5.15. ", "A.5.15");
  assert_lookup ("A.5.15 Access control", "A.5.15");
  assert_lookup ("a.5.15 access CONTROL.", "A.5.15");

  /* Clauses */
  assert_lookup ("9.2", "9.2");
  assert_lookup ("Clause 9.2", "9.2");
  assert_lookup ("clause 9.2", "9.2");
  assert_lookup ("CLAUSE 9.2.", "9.2");
  assert_lookup ("§ 9.2", "9.2");
  assert_lookup ("§9.2", "9.2");
  assert_lookup (" 9.2 ", "9.2");
  assert_lookup ("9.2.", "9.2");
  assert_lookup ("9.2 Internal audit", "9.2");
  assert_lookup ("4", "4");
  assert_lookup ("10.2", "10.2");
  assert_lookup ("6.1.3", "6.1.3");
  assert_lookup ("Clause 6.1.3", "6.1.3");

  /* A bare number is a clause when that clause exists, else a control. */
  assert_lookup ("5.1", "5.1");
  assert_lookup ("A.5.1", "A.5.1");
  assert_lookup ("Annex A 5.1", "A.5.1");
  assert_lookup ("Control 5.1", "A.5.1");
  assert_lookup ("8.1", "8.1");
  assert_lookup ("A.8.1", "A.8.1");
  assert_lookup ("5.4", "A.5.4");
  assert_lookup ("Clause 5.4", NULL);         /* a clause was asked for: no such clause */
}

static void
test_lookup_unknown (void)
{
  assert_lookup (NULL, NULL);
  assert_lookup ("", NULL);
  assert_lookup ("   ", NULL);
  assert_lookup (".", NULL);
  assert_lookup ("banana", NULL);
  assert_lookup ("A.9.99", NULL);
  assert_lookup ("A.9", NULL);
  assert_lookup ("A.5", NULL);
  assert_lookup ("A.", NULL);
  assert_lookup ("Annex A", NULL);
  assert_lookup ("Clause", NULL);
  assert_lookup ("11", NULL);
  assert_lookup ("3", NULL);
  assert_lookup ("A.4", NULL);
  assert_lookup ("Clause A.5.15", NULL);      /* contradicts itself */
  assert_lookup ("A.5.15 Something else", NULL);
  assert_lookup ("A.5.15x", NULL);
  assert_lookup ("A.5.15.1", NULL);
  assert_lookup ("5..15", NULL);
  assert_lookup ("Apple 5.15", NULL);
  assert_lookup ("99999999999999999999", NULL);
}

static void
test_lookup_all_refs (void)
{
  GListModel *model = rectify_catalogue_get_default ();

  /* Every entry is found by its own ref and by its own label. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RectifyCatalogueEntry) entry = g_list_model_get_item (model, i);

      g_assert_true (rectify_catalogue_lookup (rectify_catalogue_entry_get_ref (entry)) == entry);
      g_assert_true (rectify_catalogue_lookup (rectify_catalogue_entry_get_label (entry)) == entry);

      if (rectify_catalogue_entry_get_kind (entry) == RECTIFY_CATALOGUE_CONTROL)
        {
          g_autofree char *annex = g_strconcat ("Annex A ",
                                                rectify_catalogue_entry_get_ref (entry) + 2,
                                                NULL);

          g_assert_true (rectify_catalogue_lookup (annex) == entry);
        }
      else
        {
          g_autofree char *clause = g_strconcat ("Clause ",
                                                 rectify_catalogue_entry_get_ref (entry), NULL);

          g_assert_true (rectify_catalogue_lookup (clause) == entry);
        }
    }
}

static GPtrArray *
refs_of (GPtrArray *entries)
{
  GPtrArray *refs = g_ptr_array_new ();

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (refs, (gpointer)rectify_catalogue_entry_get_ref (g_ptr_array_index (entries, i)));

  return refs;
}

static void
assert_search (const char  *text,
               guint        max_results,
               const char **expected)
{
  g_autoptr(GPtrArray) results = rectify_catalogue_search (text, max_results);
  g_autoptr(GPtrArray) refs = refs_of (results);
  guint n_expected = g_strv_length ((char **)expected);

  for (guint i = 0; i < MIN (n_expected, refs->len); i++)
    {
      if (!g_str_equal (expected[i], g_ptr_array_index (refs, i)))
        g_error ("search “%s”: result %u is %s, expected %s", text, i,
                 (const char *)g_ptr_array_index (refs, i), expected[i]);
    }
  g_assert_cmpuint (refs->len, ==, n_expected);
}

static void
test_search_refs (void)
{
  /* Ref-prefix matches in standard order: clauses first, then controls. */
  assert_search ("A.5.1", 0, (const char *[]) {
    "A.5.1", "A.5.10", "A.5.11", "A.5.12", "A.5.13", "A.5.14", "A.5.15", "A.5.16", "A.5.17",
    "A.5.18", "A.5.19", NULL });
  assert_search ("Annex A 5.1", 3, (const char *[]) { "A.5.1", "A.5.10", "A.5.11", NULL });
  assert_search ("9.2", 0, (const char *[]) { "9.2", "9.2.1", "9.2.2", NULL });
  assert_search ("Clause 9", 0, (const char *[]) {
    "9", "9.1", "9.2", "9.2.1", "9.2.2", "9.3", "9.3.1", "9.3.2", "9.3.3", NULL });
  assert_search ("7.5.", 0, (const char *[]) { "7.5.1", "7.5.2", "7.5.3", NULL });
  assert_search ("8.3", 0, (const char *[]) { "8.3", "A.8.3", "A.8.30", "A.8.31", "A.8.32",
                                             "A.8.33", "A.8.34", NULL });
  assert_search ("A.8.3", 4, (const char *[]) { "A.8.3", "A.8.30", "A.8.31", "A.8.32", NULL });
  assert_search ("A.9", 0, (const char *[]) { NULL });
  assert_search ("§ 10", 0, (const char *[]) { "10", "10.1", "10.2", NULL });
  assert_search ("Annex A", 3, (const char *[]) { "A.5.1", "A.5.2", "A.5.3", NULL });
  assert_search ("Clause", 2, (const char *[]) { "4", "4.1", NULL });
}

static void
test_search_kind_only (void)
{
  g_autoptr(GPtrArray) controls = rectify_catalogue_search ("Annex A", 0);
  g_autoptr(GPtrArray) a = rectify_catalogue_search ("a.", 0);
  g_autoptr(GPtrArray) clauses = rectify_catalogue_search ("§", 0);

  /* A kind alone lists that kind; nothing has "annex" in its title. */
  g_assert_cmpuint (controls->len, ==, 93);
  g_assert_cmpuint (clauses->len, ==, 41);

  /* "A" lists the controls first, then titles with a word starting with "a". */
  g_assert_cmpuint (a->len, >, 93);
  for (guint i = 0; i < 93; i++)
    g_assert_cmpint (rectify_catalogue_entry_get_kind (g_ptr_array_index (a, i)), ==,
                     RECTIFY_CATALOGUE_CONTROL);
  g_assert_cmpint (rectify_catalogue_entry_get_kind (g_ptr_array_index (a, 93)), ==,
                   RECTIFY_CATALOGUE_CLAUSE);

  /* "Control" alone is a title word, not the list of controls. */
  assert_search ("control", 0, (const char *[]) { "7.5.3", "8.1", "A.5.15", NULL });
}

static void
test_search_titles (void)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) limited = NULL;

  assert_search ("internal audit", 0, (const char *[]) { "9.2", "9.2.2", NULL });
  assert_search ("AUDIT", 0, (const char *[]) { "9.2", "9.2.2", "A.8.34", NULL });
  assert_search ("access control", 0, (const char *[]) { "A.5.15", NULL });
  assert_search ("Access", 0, (const char *[]) { "A.5.15", "A.5.18", "A.8.2", "A.8.3", "A.8.4",
                                                NULL });
  assert_search ("banana", 0, (const char *[]) { NULL });
  assert_search ("cloud", 0, (const char *[]) { "A.5.23", NULL });

  /* Every result holds the text; "secur" matches "security", "secure", "securing". */
  results = rectify_catalogue_search ("secur", 0);
  g_assert_cmpuint (results->len, >, 10);
  for (guint i = 1; i < results->len; i++)
    {
      g_autofree char *prev = g_utf8_strdown (rectify_catalogue_entry_get_title (g_ptr_array_index (results, i - 1)), -1);
      g_autofree char *cur = g_utf8_strdown (rectify_catalogue_entry_get_title (g_ptr_array_index (results, i)), -1);

      g_assert_nonnull (strstr (prev, "secur"));
      g_assert_nonnull (strstr (cur, "secur"));
    }
  g_clear_pointer (&results, g_ptr_array_unref);

  /* "rol" begins a word in "roles" but sits inside "control": "roles" first. */
  assert_search ("rol", 0, (const char *[]) { "5.3", "A.5.2", "7.5.3", "8.1", "A.5.15", NULL });

  /* Empty text: everything, in order; NULL is safe. */
  all = rectify_catalogue_search (NULL, 0);
  g_assert_cmpuint (all->len, ==, 134);
  g_assert_cmpstr (rectify_catalogue_entry_get_ref (g_ptr_array_index (all, 0)), ==, "4");
  limited = rectify_catalogue_search ("  ", 5);
  g_assert_cmpuint (limited->len, ==, 5);
  g_assert_cmpstr (rectify_catalogue_entry_get_ref (g_ptr_array_index (limited, 4)), ==, "4.4");
}

static void
test_search_mixed (void)
{
  /* "5.2" is a clause and two controls by ref; no title holds "5" or "2". */
  assert_search ("5.2", 0, (const char *[]) { "5.2", "A.5.2", "A.5.20", "A.5.21", "A.5.22",
                                             "A.5.23", "A.5.24", "A.5.25", "A.5.26", "A.5.27",
                                             "A.5.28", "A.5.29", NULL });

  /* max_results cuts title matches too. */
  for (guint max = 1; max < 5; max++)
    {
      g_autoptr(GPtrArray) results = rectify_catalogue_search ("information", max);
      g_autoptr(GPtrArray) unlimited = rectify_catalogue_search ("information", 0);

      g_assert_cmpuint (results->len, ==, max);
      g_assert_cmpuint (unlimited->len, >, max);
      for (guint i = 0; i < max; i++)
        g_assert_true (g_ptr_array_index (results, i) == g_ptr_array_index (unlimited, i));
    }
}

/* The groups of the figures by theme and of the register's theme filter: every control goes to
 * the theme the catalogue gives it, every clause to one group; unknown and empty requirements to
 * their own. */
static void
test_classify (void)
{
  static const struct
  {
    const char            *text;
    RectifyCatalogueTheme  theme;
    const char            *ref;
  } cases[] = {
    { "A.5.15", RECTIFY_CATALOGUE_THEME_ORGANIZATIONAL, "A.5.15" },
    { "  Annex A 5.15 Access control ", RECTIFY_CATALOGUE_THEME_ORGANIZATIONAL, "A.5.15" },
    { "A 6.3", RECTIFY_CATALOGUE_THEME_PEOPLE, "A.6.3" },
    { "a7.4", RECTIFY_CATALOGUE_THEME_PHYSICAL, "A.7.4" },
    { "A.8.8", RECTIFY_CATALOGUE_THEME_TECHNOLOGICAL, "A.8.8" },
    { "8.8", RECTIFY_CATALOGUE_THEME_TECHNOLOGICAL, "A.8.8" },   /* no clause 8.8 */
    { "9.2", RECTIFY_CATALOGUE_THEME_CLAUSES, "9.2" },
    { "Clause 4", RECTIFY_CATALOGUE_THEME_CLAUSES, "4" },
    { "§10.2", RECTIFY_CATALOGUE_THEME_CLAUSES, "10.2" },
    { "A.9.9", RECTIFY_CATALOGUE_THEME_OTHER, NULL },
    { "GDPR Art. 32", RECTIFY_CATALOGUE_THEME_OTHER, NULL },
    { "", RECTIFY_CATALOGUE_THEME_NONE, NULL },
    { "   ", RECTIFY_CATALOGUE_THEME_NONE, NULL },
    { NULL, RECTIFY_CATALOGUE_THEME_NONE, NULL },
  };
  GListModel *model = rectify_catalogue_get_default ();
  guint counts[RECTIFY_CATALOGUE_N_THEMES] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RectifyCatalogueEntry *entry = (gpointer)0x1;

      g_test_message ("%s", cases[i].text != NULL ? cases[i].text : "(null)");
      g_assert_cmpint (rectify_catalogue_classify (cases[i].text, &entry), ==, cases[i].theme);
      if (cases[i].ref != NULL)
        g_assert_cmpstr (rectify_catalogue_entry_get_ref (entry), ==, cases[i].ref);
      else
        g_assert_null (entry);
      g_assert_cmpint (rectify_catalogue_classify (cases[i].text, NULL), ==, cases[i].theme);
    }

  /* Each entry of the catalogue: its theme is the label of its group. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RectifyCatalogueEntry) entry = g_list_model_get_item (model, i);
      RectifyCatalogueEntry *found = NULL;
      RectifyCatalogueTheme theme = rectify_catalogue_classify (rectify_catalogue_entry_get_ref (entry),
                                                                &found);

      g_assert_true (found == entry);
      counts[theme]++;
      if (rectify_catalogue_entry_get_kind (entry) == RECTIFY_CATALOGUE_CLAUSE)
        g_assert_cmpint (theme, ==, RECTIFY_CATALOGUE_THEME_CLAUSES);
      else
        g_assert_cmpstr (rectify_catalogue_theme_get_label (theme), ==,
                         rectify_catalogue_entry_get_theme (entry));
    }
  g_assert_cmpuint (counts[RECTIFY_CATALOGUE_THEME_ORGANIZATIONAL], ==, 37);
  g_assert_cmpuint (counts[RECTIFY_CATALOGUE_THEME_PEOPLE], ==, 8);
  g_assert_cmpuint (counts[RECTIFY_CATALOGUE_THEME_PHYSICAL], ==, 14);
  g_assert_cmpuint (counts[RECTIFY_CATALOGUE_THEME_TECHNOLOGICAL], ==, 34);
  g_assert_cmpuint (counts[RECTIFY_CATALOGUE_THEME_CLAUSES], ==, 41);
  g_assert_cmpuint (counts[RECTIFY_CATALOGUE_THEME_OTHER], ==, 0);
  g_assert_cmpuint (counts[RECTIFY_CATALOGUE_THEME_NONE], ==, 0);

  /* Keys and labels, both ways */
  for (guint t = 0; t < RECTIFY_CATALOGUE_N_THEMES; t++)
    {
      RectifyCatalogueTheme back = RECTIFY_CATALOGUE_N_THEMES;

      g_assert_nonnull (rectify_catalogue_theme_get_key (t));
      g_assert_true (rectify_catalogue_theme_from_key (rectify_catalogue_theme_get_key (t), &back));
      g_assert_cmpint (back, ==, t);
      g_assert_nonnull (rectify_catalogue_theme_get_label (t));
    }
  g_assert_cmpstr (rectify_catalogue_theme_get_key (RECTIFY_CATALOGUE_THEME_TECHNOLOGICAL), ==,
                   "technological");
  g_assert_cmpstr (rectify_catalogue_theme_get_label (RECTIFY_CATALOGUE_THEME_TECHNOLOGICAL), ==,
                   "Technological");
  g_assert_cmpstr (rectify_catalogue_theme_get_label (RECTIFY_CATALOGUE_THEME_CLAUSES), ==,
                   "Clauses 4-10");
  g_assert_false (rectify_catalogue_theme_from_key ("Technological", &(RectifyCatalogueTheme) { 0 }));
  g_assert_false (rectify_catalogue_theme_from_key (NULL, &(RectifyCatalogueTheme) { 0 }));
}

static gboolean
locale_exists (const char *name)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean exists = setlocale (LC_ALL, name) != NULL;

  setlocale (LC_ALL, saved);

  return exists;
}

/* The catalogue in German, read from the catalogue built in po/ as an installed one would be:
 * titles, themes and labels are German, and lookup and search take the German and the English
 * titles alike. */
static void
test_german (void)
{
  const char *builddir = g_getenv ("RECTIFY_BUILDDIR");
  const char *themes[] = { "Organisatorische Maßnahmen", "Personenbezogene Maßnahmen",
                           "Physische Maßnahmen", "Technologische Maßnahmen" };
  const guint theme_counts[] = { 37, 8, 14, 34 };
  guint counts[G_N_ELEMENTS (themes)] = { 0 };
  g_autofree char *localedir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *title = NULL;
  RectifyCatalogueEntry *entry;
  GListModel *model;

  if (builddir == NULL)
    {
      g_test_skip ("RECTIFY_BUILDDIR is not set: run through meson test");
      return;
    }

  localedir = g_build_filename (builddir, "po", NULL);
  mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing: build first (ninja -C _build)", mo);

  if (!g_test_subprocess ())
    {
      /* Gettext ignores LANGUAGE under the C locale; C.UTF-8 honours it (glibc >= 2.35). */
      if (!locale_exists ("C.UTF-8"))
        {
          g_test_skip ("the C.UTF-8 locale is not available");
          return;
        }

      /* A fresh process: the catalogue is translated when it is first used. */
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_assert_nonnull (bindtextdomain (GETTEXT_PACKAGE, localedir));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  entry = rectify_catalogue_lookup ("A.5.15");
  g_assert_nonnull (entry);
  g_assert_cmpstr (rectify_catalogue_entry_get_ref (entry), ==, "A.5.15");
  g_assert_cmpstr (rectify_catalogue_entry_get_title (entry), ==, "Zugangssteuerung");
  g_assert_cmpstr (rectify_catalogue_entry_get_label (entry), ==, "A.5.15 Zugangssteuerung");
  g_assert_cmpstr (rectify_catalogue_entry_get_theme (entry), ==, "Organisatorische Maßnahmen");
  g_object_get (entry, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Zugangssteuerung");

  /* The label in either language, as typed or imported. */
  g_assert_true (rectify_catalogue_lookup ("A.5.15 Zugangssteuerung") == entry);
  g_assert_true (rectify_catalogue_lookup ("a.5.15 ZUGANGSSTEUERUNG.") == entry);
  g_assert_true (rectify_catalogue_lookup ("A.5.15 Access control") == entry);
  assert_lookup ("A.5.15 Zugangsrechte", NULL);

  entry = rectify_catalogue_lookup ("4");
  g_assert_cmpstr (rectify_catalogue_entry_get_title (entry), ==, "Kontext der Organisation");
  g_assert_cmpstr (rectify_catalogue_entry_get_theme (entry), ==, "Kontext der Organisation");
  entry = rectify_catalogue_lookup ("9.2");
  g_assert_cmpstr (rectify_catalogue_entry_get_label (entry), ==, "9.2 Internes Audit");
  g_assert_cmpstr (rectify_catalogue_entry_get_theme (entry), ==, "Bewertung der Leistung");
  entry = rectify_catalogue_lookup ("A.8.8");
  g_assert_cmpstr (rectify_catalogue_entry_get_title (entry), ==,
                   "Handhabung von technischen Schwachstellen");
  /* The theme, not the fishbone bone "People" ("Personen"). */
  entry = rectify_catalogue_lookup ("A.6.1");
  g_assert_cmpstr (rectify_catalogue_entry_get_theme (entry), ==, "Personenbezogene Maßnahmen");
  /* The groups of the figures and the filter by theme, in German too */
  g_assert_cmpint (rectify_catalogue_classify ("A.6.1", NULL), ==, RECTIFY_CATALOGUE_THEME_PEOPLE);
  g_assert_cmpstr (rectify_catalogue_theme_get_label (RECTIFY_CATALOGUE_THEME_PEOPLE), ==,
                   "Personenbezogene Maßnahmen");
  g_assert_cmpstr (rectify_catalogue_theme_get_label (RECTIFY_CATALOGUE_THEME_TECHNOLOGICAL), ==,
                   "Technologische Maßnahmen");
  g_assert_cmpstr (rectify_catalogue_theme_get_label (RECTIFY_CATALOGUE_THEME_CLAUSES), ==,
                   "Abschnitte 4–10");

  /* German words find German titles, at word starts first; English words find the same
   * entries as they do in English. */
  assert_search ("Zugang", 0, (const char *[]) { "A.5.15", "A.5.18", "A.8.2", "A.8.3", NULL });
  assert_search ("zugangssteuerung", 0, (const char *[]) { "A.5.15", NULL });
  assert_search ("access", 0, (const char *[]) { "A.5.15", "A.5.18", "A.8.2", "A.8.3", "A.8.4",
                                                NULL });
  assert_search ("access control", 0, (const char *[]) { "A.5.15", NULL });
  assert_search ("Massnahmen", 0, (const char *[]) { "6.1", "10.2", NULL });
  assert_search ("A.5.1", 2, (const char *[]) { "A.5.1", "A.5.10", NULL });

  /* Every entry is found by its German label, and every control has a German theme. */
  model = rectify_catalogue_get_default ();
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RectifyCatalogueEntry) item = g_list_model_get_item (model, i);
      const char *theme = rectify_catalogue_entry_get_theme (item);
      gboolean known = FALSE;

      g_assert_true (rectify_catalogue_lookup (rectify_catalogue_entry_get_label (item)) == item);

      if (rectify_catalogue_entry_get_kind (item) != RECTIFY_CATALOGUE_CONTROL)
        continue;

      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        {
          if (g_str_equal (theme, themes[t]))
            {
              counts[t]++;
              known = TRUE;
            }
        }
      if (!known)
        g_error ("%s has the theme “%s”", rectify_catalogue_entry_get_ref (item), theme);
    }
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    g_assert_cmpuint (counts[t], ==, theme_counts[t]);
}

static gpointer
lookup_thread (gpointer data)
{
  guint found = 0;

  for (guint i = 0; i < 200; i++)
    {
      GListModel *model = rectify_catalogue_get_default ();
      g_autoptr(GPtrArray) results = rectify_catalogue_search ("A.5", 10);
      g_autoptr(GObject) item = g_list_model_get_item (model, i % 134);

      if (rectify_catalogue_lookup ("Annex A 5.15") != NULL && results->len == 10 && item != NULL)
        found++;
    }

  return GUINT_TO_POINTER (found);
}

static void
test_threads (void)
{
  GThread *threads[4];

  if (!g_test_subprocess ())
    {
      /* A fresh process, so that the threads race to load the catalogue first. */
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("lookup", lookup_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Run the thread test first so that, in a subprocess, it loads the catalogue. */
  g_test_add_func ("/Rectify/Catalogue/threads", test_threads);
  g_test_add_func ("/Rectify/Catalogue/counts", test_counts);
  g_test_add_func ("/Rectify/Catalogue/order", test_order);
  g_test_add_func ("/Rectify/Catalogue/entry", test_entry);
  g_test_add_func ("/Rectify/Catalogue/lookup-forms", test_lookup_forms);
  g_test_add_func ("/Rectify/Catalogue/lookup-unknown", test_lookup_unknown);
  g_test_add_func ("/Rectify/Catalogue/lookup-all-refs", test_lookup_all_refs);
  g_test_add_func ("/Rectify/Catalogue/search-refs", test_search_refs);
  g_test_add_func ("/Rectify/Catalogue/search-kind-only", test_search_kind_only);
  g_test_add_func ("/Rectify/Catalogue/search-titles", test_search_titles);
  g_test_add_func ("/Rectify/Catalogue/search-mixed", test_search_mixed);
  g_test_add_func ("/Rectify/Catalogue/classify", test_classify);
  g_test_add_func ("/Rectify/Catalogue/german", test_german);

  return g_test_run ();
}
