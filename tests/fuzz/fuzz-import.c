/* fuzz-import.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz target: rectify_import_parse() on arbitrary bytes (a findings CSV file from outside), then,
 * for a file that parses cleanly, a dry-run rectify_import_apply() into an empty register. Checks
 * what the header promises: a result that is never NULL, a good file has no problems, every
 * value is valid UTF-8, dates are ISO, the delimiter is one of the three, and a dry run writes
 * nothing.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "rectify-import.h"
#include "rectify-register.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static RectifyRegister *reg;
static char *tmp_dir;

static void
check_text (const char *text,
            gboolean    nullable)
{
  if (text == NULL)
    {
      if (!nullable)
        g_error ("a required value is NULL");
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    g_error ("a value is not valid UTF-8");
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&reg);
  if (tmp_dir == NULL)
    return;
  dir = g_dir_open (tmp_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fuzz_common_init ();

  tmp_dir = g_dir_make_tmp ("rectify-fuzz-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmp_dir, "import.rectify", NULL);
  reg = rectify_register_create (path, &error);
  g_assert_no_error (error);
  atexit (remove_tmp_dir);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RectifyImportResult) result = rectify_import_parse ((const char *)data, size);
  g_auto(RectifyImportSummary) summary = { 0, };
  g_autoptr(GError) error = NULL;
  guint n_before;

  g_assert (result != NULL);
  g_assert (result->rows != NULL);
  g_assert (result->problems != NULL);
  g_assert (result->ignored_columns != NULL);

  for (guint i = 0; i < result->problems->len; i++)
    {
      RectifyImportProblem *problem = g_ptr_array_index (result->problems, i);

      check_text (problem->message, FALSE);
      g_assert (problem->message[0] != '\0');
    }
  for (guint i = 0; i < result->ignored_columns->len; i++)
    check_text (g_ptr_array_index (result->ignored_columns, i), FALSE);

  if (!rectify_import_result_is_ok (result))
    return 0;

  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert (result->delimiter == ',' || result->delimiter == ';' || result->delimiter == '\t');

  for (guint i = 0; i < result->rows->len; i++)
    {
      RectifyImportRow *row = g_ptr_array_index (result->rows, i);

      g_assert_cmpuint (row->line, >=, 1);
      check_text (row->reference, TRUE);
      check_text (row->statement, FALSE);
      g_assert (row->statement[0] != '\0');
      check_text (row->requirement, TRUE);
      check_text (row->evidence, TRUE);
      check_text (row->area, TRUE);
      check_text (row->auditor, TRUE);
      check_text (row->date, TRUE);
      if (row->date != NULL)
        g_assert (strlen (row->date) == 10 && row->date[4] == '-' && row->date[7] == '-');
    }

  /* A dry run into a real (empty) register: it must not fail on a good file nor write. */
  n_before = g_list_model_get_n_items (rectify_register_get_nonconformities (reg));
  if (!rectify_import_apply (reg, result, "Fuzz audit", TRUE, &summary, &error))
    g_error ("dry run of a good file failed: %s", error->message);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, n_before);
  g_assert (rectify_register_find_audit (reg, "Fuzz audit") == NULL);
  g_assert_cmpuint (summary.n_created + summary.n_existing, ==, result->rows->len);

  return 0;
}
