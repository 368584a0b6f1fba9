/* rectify-categories.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-categories"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rectify-categories.h"
#include "rectify-cause.h"
#include "rectify-entity.h"
#include "rectify-fishbone.h"
#include "rectify-register-private.h"

char *
rectify_categories_nc_key (RectifyNonconformity *nc)
{
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  return g_strdup_printf (RECTIFY_CATEGORIES_KEY ":%" G_GINT64_FORMAT,
                          rectify_entity_get_id (RECTIFY_ENTITY (nc)));
}

/* A stored list: one name a line, canonical, empty lines skipped. */
static GPtrArray *
parse_list (const char *value)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;

  if (value == NULL)
    return list;

  lines = g_strsplit (value, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *name = g_strstrip (lines[i]);

      if (*name != '\0')
        g_ptr_array_add (list, g_strdup (rectify_fishbone_category_canonical (name)));
    }

  return list;
}

static char *
join_list (GPtrArray *list)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (list, i));
    }

  return g_string_free (text, FALSE);
}

static GStrv
list_to_strv (GPtrArray *list)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < list->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (list, i));

  return g_strv_builder_end (builder);
}

/* Two names are the same category when their canonical names or their labels are equal,
 * case-insensitively. */
static gboolean
same_category (const char *a,
               const char *b)
{
  const char *ca = rectify_fishbone_category_canonical (a);
  const char *cb = rectify_fishbone_category_canonical (b);
  g_autofree char *fa = g_utf8_casefold (ca, -1);
  g_autofree char *fb = g_utf8_casefold (cb, -1);
  g_autofree char *la = NULL;
  g_autofree char *lb = NULL;

  if (g_str_equal (fa, fb))
    return TRUE;

  la = g_utf8_casefold (rectify_fishbone_category_label (ca), -1);
  lb = g_utf8_casefold (rectify_fishbone_category_label (cb), -1);

  return g_str_equal (la, lb);
}

static int
find_category (GPtrArray  *list,
               const char *name,
               gboolean    exact)
{
  const char *canonical = rectify_fishbone_category_canonical (name);

  for (guint i = 0; i < list->len; i++)
    {
      const char *item = g_ptr_array_index (list, i);

      if (exact ? g_str_equal (item, canonical) : same_category (item, name))
        return (int)i;
    }

  return -1;
}

gboolean
rectify_categories_validate_name (const char  *name,
                                  GError     **error)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                           _("A category needs a name."));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                           _("A category needs a name."));
      return FALSE;
    }

  if (strpbrk (stripped, "\n\r\t") != NULL)
    {
      g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                           _("A category name must fit on one line."));
      return FALSE;
    }

  if (g_utf8_strlen (stripped, -1) > RECTIFY_CATEGORY_MAX_LENGTH)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A category name can have at most %d character.",
                                "A category name can have at most %d characters.",
                                RECTIFY_CATEGORY_MAX_LENGTH),
                   RECTIFY_CATEGORY_MAX_LENGTH);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_duplicate (GPtrArray   *list,
                 const char  *name,
                 int          except,
                 GError     **error)
{
  for (guint i = 0; i < list->len; i++)
    {
      const char *item = g_ptr_array_index (list, i);

      if ((int)i != except && same_category (item, name))
        {
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                       _("There is already a category “%s”."),
                       rectify_fishbone_category_label (item));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
rectify_categories_validate (const char * const  *categories,
                             GError             **error)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  g_return_val_if_fail (categories != NULL, FALSE);

  for (guint i = 0; categories[i] != NULL; i++)
    {
      if (!rectify_categories_validate_name (categories[i], error) ||
          !check_duplicate (seen, categories[i], -1, error))
        return FALSE;
      g_ptr_array_add (seen, (gpointer)categories[i]);
    }

  return TRUE;
}

gboolean
rectify_categories_has_default_set (RectifyRegister *reg)
{
  g_autofree char *value = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);

  value = rectify_register_get_info (reg, RECTIFY_CATEGORIES_KEY);
  list = parse_list (value);

  return list->len > 0;
}

GStrv
rectify_categories_get_default_set (RectifyRegister *reg)
{
  g_autofree char *value = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), NULL);

  value = rectify_register_get_info (reg, RECTIFY_CATEGORIES_KEY);
  list = parse_list (value);
  if (list->len == 0)
    return g_strdupv ((char **)rectify_fishbone_default_categories ());

  return list_to_strv (list);
}

gboolean
rectify_categories_set_default_set (RectifyRegister     *reg,
                                    const char * const  *categories,
                                    GError             **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *value = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);

  if (categories != NULL && !rectify_categories_validate (categories, error))
    return FALSE;

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (categories[i]));

      g_ptr_array_add (list, g_strdup (rectify_fishbone_category_canonical (name)));
    }

  if (list->len > 0)
    value = join_list (list);

  return rectify_register_set_info (reg, RECTIFY_CATEGORIES_KEY, value, error);
}

gboolean
rectify_categories_nc_has_own (RectifyRegister      *reg,
                               RectifyNonconformity *nc)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), FALSE);

  key = rectify_categories_nc_key (nc);
  value = rectify_register_get_info (reg, key);

  return value != NULL;
}

/* The categories of @nc with @causes (its causes) as a list of canonical names. */
static GPtrArray *
categories_for_nc (RectifyRegister      *reg,
                   RectifyNonconformity *nc,
                   GListModel           *causes)
{
  g_autofree char *key = rectify_categories_nc_key (nc);
  g_autofree char *value = rectify_register_get_info (reg, key);
  GPtrArray *list;
  guint n;

  if (value != NULL)
    list = parse_list (value);
  else
    {
      g_auto(GStrv) defaults = rectify_categories_get_default_set (reg);

      list = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; defaults[i] != NULL; i++)
        g_ptr_array_add (list, g_strdup (defaults[i]));
    }

  n = g_list_model_get_n_items (causes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);
      const char *name = rectify_fishbone_category_canonical (rectify_cause_get_category (cause));

      if (find_category (list, name, TRUE) < 0)
        g_ptr_array_add (list, g_strdup (name));
    }

  return list;
}

GStrv
rectify_categories_get_for_nc (RectifyRegister      *reg,
                               RectifyNonconformity *nc)
{
  g_autoptr(GListModel) causes = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  causes = rectify_register_list_causes (reg, nc);
  list = categories_for_nc (reg, nc, causes);

  return list_to_strv (list);
}

static gboolean
cause_is_on (RectifyCause *cause,
             const char   *category)
{
  return g_str_equal (rectify_fishbone_category_canonical (rectify_cause_get_category (cause)),
                      rectify_fishbone_category_canonical (category));
}

guint
rectify_categories_count_causes (RectifyRegister      *reg,
                                 RectifyNonconformity *nc,
                                 const char           *category)
{
  g_autoptr(GListModel) causes = NULL;
  guint n, count = 0;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), 0);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), 0);

  causes = rectify_register_list_causes (reg, nc);
  n = g_list_model_get_n_items (causes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);

      if (cause_is_on (cause, category))
        count++;
    }

  return count;
}

static gboolean
store_nc_list (RectifyRegister       *reg,
               RectifyNonconformity  *nc,
               GPtrArray             *list,
               GError               **error)
{
  g_autofree char *key = rectify_categories_nc_key (nc);
  g_autofree char *value = join_list (list);

  return _rectify_register_set_info_undoable (reg, key, value, error);
}

static gboolean
check_stored (RectifyRegister       *reg,
              RectifyNonconformity  *nc,
              GError               **error)
{
  if (rectify_entity_get_id (RECTIFY_ENTITY (nc)) <= 0 ||
      rectify_register_lookup_nonconformity (reg, rectify_entity_get_id (RECTIFY_ENTITY (nc))) == NULL)
    {
      g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                           _("The nonconformity is not in this register."));
      return FALSE;
    }

  return TRUE;
}

static GError *
no_such_category (const char *name)
{
  return g_error_new (RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                      _("There is no category “%s”."), rectify_fishbone_category_label (name));
}

gboolean
rectify_categories_add (RectifyRegister       *reg,
                        RectifyNonconformity  *nc,
                        const char            *name,
                        GError               **error)
{
  g_autoptr(GListModel) causes = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), FALSE);

  if (!check_stored (reg, nc, error) || !rectify_categories_validate_name (name, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  causes = rectify_register_list_causes (reg, nc);
  list = categories_for_nc (reg, nc, causes);
  if (!check_duplicate (list, stripped, -1, error))
    return FALSE;

  g_ptr_array_add (list, g_strdup (rectify_fishbone_category_canonical (stripped)));

  return store_nc_list (reg, nc, list, error);
}

gboolean
rectify_categories_rename (RectifyRegister       *reg,
                           RectifyNonconformity  *nc,
                           const char            *old_name,
                           const char            *new_name,
                           GError               **error)
{
  g_autoptr(GListModel) causes = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *stripped = NULL;
  const char *canonical;
  int index;
  guint n;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), FALSE);
  g_return_val_if_fail (old_name != NULL, FALSE);

  if (!check_stored (reg, nc, error) || !rectify_categories_validate_name (new_name, error))
    return FALSE;

  causes = rectify_register_list_causes (reg, nc);
  list = categories_for_nc (reg, nc, causes);
  if ((index = find_category (list, old_name, TRUE)) < 0)
    {
      g_propagate_error (error, no_such_category (old_name));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (new_name));
  canonical = rectify_fishbone_category_canonical (stripped);
  if (g_str_equal (canonical, g_ptr_array_index (list, index)))
    return TRUE;
  if (!check_duplicate (list, stripped, index, error))
    return FALSE;

  g_free (g_ptr_array_index (list, index));
  g_ptr_array_index (list, index) = g_strdup (canonical);

  /* The list and the causes: one transaction, one step of undo */
  if (!rectify_register_begin (reg, error))
    return FALSE;
  _rectify_register_begin_step (reg);

  if (!store_nc_list (reg, nc, list, error))
    goto fail;

  n = g_list_model_get_n_items (causes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);

      if (cause_is_on (cause, old_name) &&
          !rectify_register_update_string (reg, RECTIFY_ENTITY (cause), "category", canonical,
                                           error))
        goto fail;
    }

  _rectify_register_end_step (reg);
  return rectify_register_commit (reg, error);

fail:
  _rectify_register_end_step (reg);
  rectify_register_rollback (reg);
  return FALSE;
}

gboolean
rectify_categories_remove (RectifyRegister       *reg,
                           RectifyNonconformity  *nc,
                           const char            *name,
                           GError               **error)
{
  g_autoptr(GListModel) causes = NULL;
  g_autoptr(GPtrArray) list = NULL;
  guint count = 0, n;
  int index;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!check_stored (reg, nc, error))
    return FALSE;

  causes = rectify_register_list_causes (reg, nc);
  n = g_list_model_get_n_items (causes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);

      if (cause_is_on (cause, name))
        count++;
    }

  if (count > 0)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_REFUSED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%'u cause is on “%s”: move or delete it first",
                                "%'u causes are on “%s”: move or delete them first",
                                count),
                   count, rectify_fishbone_category_label (name));
      return FALSE;
    }

  list = categories_for_nc (reg, nc, causes);
  if ((index = find_category (list, name, TRUE)) < 0)
    {
      g_propagate_error (error, no_such_category (name));
      return FALSE;
    }

  g_ptr_array_remove_index (list, (guint)index);

  return store_nc_list (reg, nc, list, error);
}
