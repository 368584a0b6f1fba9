/* rectify-categories.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rectify-nonconformity.h"
#include "rectify-register.h"

G_BEGIN_DECLS

/* The categories (bones) of the fishbone of each nonconformity.
 *
 * The register keeps them in register_info: its default set under the key
 * RECTIFY_CATEGORIES_KEY and an NC's own list under "fishbone-categories:ID", each a
 * newline-separated list of names. A built-in default is stored untranslated ("People"), any other
 * name as typed; rectify_fishbone_category_label() gives the text to show.
 *
 * The categories of an NC are its own list if it has one, else the register's default set if it
 * has one, else rectify_fishbone_default_categories(); then every category one of its causes uses
 * that the list lacks, so that no cause disappears from the diagram.
 *
 * Names are validated: not empty, at most RECTIFY_CATEGORY_MAX_LENGTH characters, on one line,
 * and no two the same when compared case-insensitively (a default one also by its translated
 * label). Refusals are RECTIFY_REGISTER_ERROR_INVALID, or _REFUSED for the removal of a category
 * that causes are on. */

#define RECTIFY_CATEGORIES_KEY      "fishbone-categories"
#define RECTIFY_CATEGORY_MAX_LENGTH 60

/* The register_info key of @nc's own list. (transfer full) */
char     *rectify_categories_nc_key          (RectifyNonconformity  *nc);

/* The register's default set (its own, else the built-in one). (transfer full) */
GStrv     rectify_categories_get_default_set (RectifyRegister       *reg);
/* Whether the register has a default set of its own. */
gboolean  rectify_categories_has_default_set (RectifyRegister       *reg);
/* Sets the register's default set; NULL or an empty list goes back to the built-in one. Written
 * with a history row. NCs with a list of their own keep it. */
gboolean  rectify_categories_set_default_set (RectifyRegister       *reg,
                                              const char * const    *categories,
                                              GError               **error);

/* The categories of @nc, as described above. (transfer full) */
GStrv     rectify_categories_get_for_nc      (RectifyRegister       *reg,
                                              RectifyNonconformity  *nc);
/* Whether @nc has a list of its own. */
gboolean  rectify_categories_nc_has_own      (RectifyRegister       *reg,
                                              RectifyNonconformity  *nc);
/* How many causes of @nc are on @category (sub-causes included). */
guint     rectify_categories_count_causes    (RectifyRegister       *reg,
                                              RectifyNonconformity  *nc,
                                              const char            *category);

/* Changes to the categories of @nc. Each stores @nc's list (its current categories, changed) and
 * can be reverted with one rectify_register_undo(). */
gboolean  rectify_categories_add             (RectifyRegister       *reg,
                                              RectifyNonconformity  *nc,
                                              const char            *name,
                                              GError               **error);
/* Renames @old_name to @new_name in the list and on every cause of @nc on it, in one batch. */
gboolean  rectify_categories_rename          (RectifyRegister       *reg,
                                              RectifyNonconformity  *nc,
                                              const char            *old_name,
                                              const char            *new_name,
                                              GError               **error);
/* Removes @name from the list; refused (REFUSED) while causes are on it. */
gboolean  rectify_categories_remove          (RectifyRegister       *reg,
                                              RectifyNonconformity  *nc,
                                              const char            *name,
                                              GError               **error);

/* Checks one name, and a whole list (names and duplicates). */
gboolean  rectify_categories_validate_name   (const char            *name,
                                              GError               **error);
gboolean  rectify_categories_validate        (const char * const    *categories,
                                              GError               **error);

G_END_DECLS
