/* test-categories.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rectify-categories.h"
#include "rectify-fishbone.h"
#include "rectify-register.h"

typedef struct
{
  char                 *dir;
  char                 *path;
  RectifyRegister      *reg;
  RectifyNonconformity *nc;
  RectifyNonconformity *other;
} Fixture;

static RectifyNonconformity *
add_nc (RectifyRegister *reg,
        const char      *title)
{
  g_autoptr(GError) error = NULL;
  RectifyNonconformity *nc = rectify_nonconformity_new ();

  g_object_set (nc, "title", title, "reported-on", "2026-03-01", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_no_error (error);

  return nc;
}

static RectifyCause *
add_cause (RectifyRegister      *reg,
           RectifyNonconformity *nc,
           const char           *category,
           const char           *text)
{
  g_autoptr(GError) error = NULL;
  RectifyCause *cause = rectify_cause_new ();

  g_object_set (cause, "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                "category", category, "text", text, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (cause), &error));
  g_assert_no_error (error);

  return cause;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rectify-categories-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.rectify", NULL);
  f->reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  f->nc = add_nc (f->reg, "Supplier access not reviewed");
  f->other = add_nc (f->reg, "Backups not tested");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&f->nc);
  g_clear_object (&f->other);
  g_clear_object (&f->reg);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
assert_categories (RectifyRegister      *reg,
                   RectifyNonconformity *nc,
                   const char * const   *expected)
{
  g_auto(GStrv) got = rectify_categories_get_for_nc (reg, nc);
  g_autofree char *got_text = g_strjoinv ("|", got);
  g_autofree char *expected_text = g_strjoinv ("|", (char **)expected);

  g_assert_cmpstr (got_text, ==, expected_text);
}

static void
count_info_changed (RectifyRegister *reg,
                    const char      *key,
                    guint           *count)
{
  (*count)++;
}

static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  const char * const *builtin = rectify_fishbone_default_categories ();
  const char *expected[] = { "People", "Process", "Technology", "Policy & documentation",
                             "Suppliers & third parties", "Environment", NULL };
  const char *with_extra[] = { "People", "Process", "Technology", "Policy & documentation",
                               "Suppliers & third parties", "Environment", "Budget", "Other",
                               NULL };
  g_autoptr(RectifyCause) a = NULL;
  g_autoptr(RectifyCause) b = NULL;
  g_autoptr(RectifyCause) c = NULL;
  g_auto(GStrv) set = NULL;

  g_assert_cmpuint (g_strv_length ((char **)builtin), ==, 6);
  assert_categories (f->reg, f->nc, expected);
  g_assert_false (rectify_categories_nc_has_own (f->reg, f->nc));
  g_assert_false (rectify_categories_has_default_set (f->reg));
  set = rectify_categories_get_default_set (f->reg);
  g_assert_true (g_strv_equal ((const char * const *)set, expected));

  /* A cause on a category the list lacks adds it; one without a category is "Other" */
  a = add_cause (f->reg, f->nc, "Budget", "No budget for a review tool");
  b = add_cause (f->reg, f->nc, "Process", "No review step");
  c = add_cause (f->reg, f->nc, NULL, "Nobody asked");
  assert_categories (f->reg, f->nc, with_extra);
  assert_categories (f->reg, f->other, expected);
  g_assert_cmpuint (rectify_categories_count_causes (f->reg, f->nc, "Process"), ==, 1);
  g_assert_cmpuint (rectify_categories_count_causes (f->reg, f->nc, "Other"), ==, 1);
  g_assert_cmpuint (rectify_categories_count_causes (f->reg, f->nc, "People"), ==, 0);
}

static void
test_default_set (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *set[] = { "People", " Legal ", "Facilities", NULL };
  const char *stored[] = { "People", "Legal", "Facilities", NULL };
  const char *dup[] = { "Legal", "LEGAL", NULL };
  const char *empty[] = { "Legal", "  ", NULL };
  const char *two_lines[] = { "Legal\nFacilities", NULL };
  g_autofree char *long_name = g_strnfill (RECTIFY_CATEGORY_MAX_LENGTH + 1, 'x');
  g_autofree char *max_name = g_strnfill (RECTIFY_CATEGORY_MAX_LENGTH, 'x');
  const char *too_long[] = { long_name, NULL };
  const char *longest[] = { max_name, NULL };
  g_autoptr(GPtrArray) history = NULL;
  gboolean recorded = FALSE;
  guint changed = 0;

  g_signal_connect (f->reg, "info-changed::" RECTIFY_CATEGORIES_KEY,
                    G_CALLBACK (count_info_changed), &changed);

  g_assert_true (rectify_categories_set_default_set (f->reg, set, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (rectify_categories_has_default_set (f->reg));
  assert_categories (f->reg, f->nc, stored);
  assert_categories (f->reg, f->other, stored);

  history = rectify_register_list_history (f->reg, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      RectifyHistoryEntry *entry = g_ptr_array_index (history, i);

      if (g_strcmp0 (entry->field, RECTIFY_CATEGORIES_KEY) == 0 &&
          g_strcmp0 (entry->new_value, "People\nLegal\nFacilities") == 0)
        recorded = TRUE;
    }
  g_assert_true (recorded);

  g_assert_false (rectify_categories_set_default_set (f->reg, dup, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Legal"));
  g_clear_error (&error);
  g_assert_false (rectify_categories_set_default_set (f->reg, empty, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_categories_set_default_set (f->reg, two_lines, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_categories_set_default_set (f->reg, too_long, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 1);
  assert_categories (f->reg, f->nc, stored);

  g_assert_true (rectify_categories_validate (longest, &error));
  g_assert_no_error (error);

  /* Back to the built-in set */
  g_assert_true (rectify_categories_set_default_set (f->reg, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (rectify_categories_has_default_set (f->reg));
  g_assert_cmpuint (changed, ==, 2);
  assert_categories (f->reg, f->nc, rectify_fishbone_default_categories ());
}

static void
test_nc_override (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *set[] = { "People", "Legal", NULL };
  const char *own[] = { "People", "Legal", "Cloud", NULL };
  const char *later[] = { "Staff", "Premises", NULL };

  g_assert_true (rectify_categories_set_default_set (f->reg, set, &error));
  g_assert_no_error (error);

  g_assert_true (rectify_categories_add (f->reg, f->nc, "Cloud", &error));
  g_assert_no_error (error);
  g_assert_true (rectify_categories_nc_has_own (f->reg, f->nc));
  g_assert_false (rectify_categories_nc_has_own (f->reg, f->other));
  assert_categories (f->reg, f->nc, own);

  /* Duplicates are refused case-insensitively, also against a default's name */
  g_assert_false (rectify_categories_add (f->reg, f->nc, "cloud", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_categories_add (f->reg, f->nc, "PEOPLE", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_categories_add (f->reg, f->nc, "", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  assert_categories (f->reg, f->nc, own);

  /* A new default set reaches the NCs without a list of their own only */
  g_assert_true (rectify_categories_set_default_set (f->reg, later, &error));
  g_assert_no_error (error);
  assert_categories (f->reg, f->nc, own);
  assert_categories (f->reg, f->other, later);

  /* Undo takes the NC back to the register's set */
  g_assert_true (rectify_register_can_undo (f->reg));
  g_assert_true (rectify_register_undo (f->reg, &error));
  g_assert_no_error (error);
  g_assert_false (rectify_categories_nc_has_own (f->reg, f->nc));
  assert_categories (f->reg, f->nc, later);
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyCause) a = add_cause (f->reg, f->nc, "Suppliers & third parties",
                                         "Contract has no access review clause");
  g_autoptr(RectifyCause) b = add_cause (f->reg, f->nc, "Suppliers & third parties",
                                         "Supplier portal lists no users");
  g_autoptr(RectifyCause) c = add_cause (f->reg, f->nc, "Process", "No review step");
  g_autoptr(RectifyCause) d = add_cause (f->reg, f->other, "Suppliers & third parties",
                                         "Backup vendor not asked");
  const char *renamed[] = { "People", "Process", "Technology", "Policy & documentation",
                            "Vendors", "Environment", NULL };
  g_autoptr(GPtrArray) history = NULL;
  guint info_changed = 0, cause_rows = 0, info_rows = 0;

  g_signal_connect (f->reg, "info-changed", G_CALLBACK (count_info_changed), &info_changed);

  /* Refused: a name that another category has, an empty one, an unknown category */
  g_assert_false (rectify_categories_rename (f->reg, f->nc, "Suppliers & third parties",
                                             "process", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_categories_rename (f->reg, f->nc, "Suppliers & third parties", " ",
                                             &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rectify_categories_rename (f->reg, f->nc, "Weather", "Climate", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (info_changed, ==, 0);
  g_assert_false (rectify_categories_nc_has_own (f->reg, f->nc));

  g_assert_true (rectify_categories_rename (f->reg, f->nc, "Suppliers & third parties",
                                            "Vendors", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info_changed, ==, 1);
  assert_categories (f->reg, f->nc, renamed);
  g_assert_cmpstr (rectify_cause_get_category (a), ==, "Vendors");
  g_assert_cmpstr (rectify_cause_get_category (b), ==, "Vendors");
  g_assert_cmpstr (rectify_cause_get_category (c), ==, "Process");
  /* Another NC's causes and categories are not touched */
  g_assert_cmpstr (rectify_cause_get_category (d), ==, "Suppliers & third parties");
  assert_categories (f->reg, f->other, rectify_fishbone_default_categories ());

  history = rectify_register_list_history (f->reg, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      RectifyHistoryEntry *entry = g_ptr_array_index (history, i);

      if (g_strcmp0 (entry->field, "category") == 0 &&
          g_strcmp0 (entry->old_value, "Suppliers & third parties") == 0 &&
          g_strcmp0 (entry->new_value, "Vendors") == 0)
        cause_rows++;
      if (g_str_has_prefix (entry->field != NULL ? entry->field : "", RECTIFY_CATEGORIES_KEY ":") &&
          entry->new_value != NULL && strstr (entry->new_value, "Vendors") != NULL)
        info_rows++;
    }
  g_assert_cmpuint (cause_rows, ==, 2);
  g_assert_cmpuint (info_rows, ==, 1);

  /* One undo reverts the list and the causes */
  g_assert_true (rectify_register_undo (f->reg, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info_changed, ==, 2);
  g_assert_cmpstr (rectify_cause_get_category (a), ==, "Suppliers & third parties");
  g_assert_cmpstr (rectify_cause_get_category (b), ==, "Suppliers & third parties");
  g_assert_false (rectify_categories_nc_has_own (f->reg, f->nc));
  assert_categories (f->reg, f->nc, rectify_fishbone_default_categories ());
  g_assert_false (rectify_register_can_undo (f->reg));

  /* Renaming a category that only a cause uses */
  g_assert_true (rectify_register_update_string (f->reg, RECTIFY_ENTITY (c), "category",
                                                 "Budget", &error));
  g_assert_no_error (error);
  g_assert_true (rectify_categories_rename (f->reg, f->nc, "Budget", "Funding", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rectify_cause_get_category (c), ==, "Funding");
  g_assert_cmpuint (rectify_categories_count_causes (f->reg, f->nc, "Budget"), ==, 0);
}

static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyCause) a = add_cause (f->reg, f->nc, "Suppliers & third parties",
                                         "Contract has no access review clause");
  g_autoptr(RectifyCause) b = add_cause (f->reg, f->nc, "Suppliers & third parties",
                                         "Supplier portal lists no users");
  g_autoptr(RectifyCause) c = add_cause (f->reg, f->nc, "Environment", "Office move");
  const char *without_env[] = { "People", "Process", "Technology", "Policy & documentation",
                                "Suppliers & third parties", NULL };
  const char *without_both[] = { "People", "Process", "Technology", "Policy & documentation",
                                 NULL };

  g_assert_false (rectify_categories_remove (f->reg, f->nc, "Suppliers & third parties",
                                             &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==,
                   "2 causes are on “Suppliers & third parties”: move or delete them first");
  g_clear_error (&error);

  g_assert_false (rectify_categories_remove (f->reg, f->nc, "Environment", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "1 cause is on “Environment”: move or delete it first");
  g_clear_error (&error);
  g_assert_false (rectify_categories_nc_has_own (f->reg, f->nc));

  /* Moved away: allowed */
  g_assert_true (rectify_register_update_string (f->reg, RECTIFY_ENTITY (c), "category",
                                                 "Process", &error));
  g_assert_no_error (error);
  g_assert_true (rectify_categories_remove (f->reg, f->nc, "Environment", &error));
  g_assert_no_error (error);
  assert_categories (f->reg, f->nc, without_env);

  /* Deleted: allowed */
  g_assert_true (rectify_register_remove (f->reg, RECTIFY_ENTITY (a), &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_remove (f->reg, RECTIFY_ENTITY (b), &error));
  g_assert_no_error (error);
  g_assert_true (rectify_categories_remove (f->reg, f->nc, "Suppliers & third parties", &error));
  g_assert_no_error (error);
  assert_categories (f->reg, f->nc, without_both);

  g_assert_false (rectify_categories_remove (f->reg, f->nc, "Environment", &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyCause) a = add_cause (f->reg, f->nc, "Cloud", "Tenant admin shared");
  g_autoptr(RectifyFishboneLayout) layout = NULL;
  const char *set[] = { "People", "Legal", NULL };
  const char *expected[] = { "Staff", "Legal", "Cloud", "Audits", NULL };

  g_assert_true (rectify_categories_set_default_set (f->reg, set, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_categories_add (f->reg, f->nc, "Audits", &error));
  g_assert_no_error (error);
  g_assert_true (rectify_categories_rename (f->reg, f->nc, "People", "Staff", &error));
  g_assert_no_error (error);
  assert_categories (f->reg, f->nc, expected);

  layout = rectify_fishbone_layout_new_for_nc (f->reg, f->nc, NULL, 1.0);
  g_assert_cmpuint (rectify_fishbone_layout_get_n_categories (layout), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (rectify_fishbone_layout_get_category (layout, i), ==, expected[i]);
  g_assert_cmpint (rectify_fishbone_layout_get_cause_category (layout,
                                                               rectify_entity_get_id (RECTIFY_ENTITY (a))),
                   ==, 2);
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyCause) a = add_cause (f->reg, f->nc, "Technology", "No MFA");
  const char *set[] = { "People", "Legal", NULL };
  const char *own[] = { "People", "Legal", "IT", NULL };
  gint64 nc_id = rectify_entity_get_id (RECTIFY_ENTITY (f->nc));
  gint64 other_id = rectify_entity_get_id (RECTIFY_ENTITY (f->other));
  RectifyNonconformity *nc;
  RectifyNonconformity *other;

  g_assert_true (rectify_categories_set_default_set (f->reg, set, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_categories_rename (f->reg, f->nc, "Technology", "IT", &error));
  g_assert_no_error (error);
  assert_categories (f->reg, f->nc, own);

  g_clear_object (&a);
  g_clear_object (&f->nc);
  g_clear_object (&f->other);
  g_clear_object (&f->reg);

  f->reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  nc = rectify_register_lookup_nonconformity (f->reg, nc_id);
  other = rectify_register_lookup_nonconformity (f->reg, other_id);
  g_assert_nonnull (nc);
  g_assert_nonnull (other);
  f->nc = g_object_ref (nc);
  f->other = g_object_ref (other);
  assert_categories (f->reg, f->nc, own);
  assert_categories (f->reg, f->other, set);
  g_assert_cmpuint (rectify_categories_count_causes (f->reg, f->nc, "IT"), ==, 1);
  g_assert_true (rectify_register_verify (f->reg, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Rectify/Categories/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("defaults", test_defaults);
  ADD ("default-set", test_default_set);
  ADD ("nc-override", test_nc_override);
  ADD ("rename", test_rename);
  ADD ("remove", test_remove);
  ADD ("layout", test_layout);
  ADD ("reopen", test_reopen);

#undef ADD

  return g_test_run ();
}
