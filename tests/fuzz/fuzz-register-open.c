/* fuzz-register-open.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz target: rectify_register_open() on an arbitrary file (a register from a colleague, a
 * damaged copy, a file that is not a register). The input is written to a file in a private
 * folder and opened. When the open fails, the promise of rectify-register.h is checked byte for
 * byte: the file is unchanged and nothing was left beside it (no journal, WAL or backup). When
 * it opens, the NCs, audits and actions are listed (every object must have an id and an NC a
 * ref that finds it again), their history read, and the register closed.
 *
 * The inputs that found bugs here (damaged schemas, a damaged UNIQUE index, failed upgrades that
 * left the file changed or a backup beside it) are in the corpus.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz-common.h"
#include "rectify-register.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *tmp_dir;
static char *reg_path;

static void
empty_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      if (g_unlink (path) != 0)
        g_error ("cannot remove %s", path);
    }
}

static void
remove_tmp_dir (void)
{
  if (tmp_dir == NULL)
    return;
  empty_tmp_dir ();
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  g_clear_pointer (&reg_path, g_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_common_init ();

  /* Every input is a few SQLite writes with fsync: in memory (tmpfs) when there is one, it is
   * ten times faster. */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0)
    {
      tmp_dir = g_build_filename ("/dev/shm", "rectify-fuzz-open-XXXXXX", NULL);
      if (g_mkdtemp (tmp_dir) == NULL)
        g_clear_pointer (&tmp_dir, g_free);
    }
  if (tmp_dir == NULL)
    {
      tmp_dir = g_dir_make_tmp ("rectify-fuzz-open-XXXXXX", &error);
      g_assert_no_error (error);
    }
  reg_path = g_build_filename (tmp_dir, "fuzz.rectify", NULL);
  atexit (remove_tmp_dir);

  return 0;
}

static void
list_register (RectifyRegister *reg)
{
  GListModel *ncs = rectify_register_get_nonconformities (reg);
  GListModel *audits = rectify_register_get_audits (reg);
  GListModel *actions = rectify_register_get_actions (reg);
  guint n_ncs = g_list_model_get_n_items (ncs);

  for (guint i = 0; i < n_ncs; i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);
      g_autoptr(GListModel) linked = NULL;
      g_autoptr(GListModel) causes = NULL;
      g_autoptr(GPtrArray) history = NULL;
      g_autoptr(GError) error = NULL;
      const char *ref = rectify_nonconformity_get_ref (nc);

      g_assert (rectify_entity_get_id (RECTIFY_ENTITY (nc)) > 0);
      g_assert (ref != NULL);
      g_assert (rectify_register_find_nonconformity (reg, ref) != NULL);
      g_assert (rectify_register_lookup_nonconformity (reg, rectify_entity_get_id (RECTIFY_ENTITY (nc))) == nc);
      (void)rectify_nonconformity_get_title (nc);
      (void)rectify_nonconformity_get_status (nc);
      linked = rectify_register_list_actions_for (reg, nc);
      causes = rectify_register_list_causes (reg, nc);
      g_assert (linked != NULL && causes != NULL);
      /* A damaged history may give an error, never a crash. */
      history = rectify_register_list_history (reg, RECTIFY_ENTITY (nc), &error);
      g_assert ((history == NULL) == (error != NULL));
    }

  for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
    {
      g_autoptr(RectifyAudit) audit = g_list_model_get_item (audits, i);

      g_assert (rectify_entity_get_id (RECTIFY_ENTITY (audit)) > 0);
      (void)rectify_audit_get_title (audit);
    }

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(GObject) action = g_list_model_get_item (actions, i);

      g_assert (rectify_entity_get_id (RECTIFY_ENTITY (action)) > 0);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) write_error = NULL;

  empty_tmp_dir ();
  if (!g_file_set_contents (reg_path, (const char *)data, (gssize)size, &write_error))
    g_error ("cannot write the input: %s", write_error->message);

  reg = rectify_register_open (reg_path, &error);

  if (reg == NULL)
    {
      g_autofree char *after = NULL;
      gsize after_len = 0;
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (error == NULL)
        g_error ("rectify_register_open() failed without an error");
      if (error->domain != RECTIFY_REGISTER_ERROR)
        g_error ("rectify_register_open() failed with an error outside RECTIFY_REGISTER_ERROR: %s",
                 error->message);
      g_assert (error->message != NULL && error->message[0] != '\0');

      /* The file must be byte for byte what it was. */
      if (!g_file_get_contents (reg_path, &after, &after_len, NULL))
        g_error ("the file is gone after a failed open (%s)", error->message);
      if (after_len != size || memcmp (after, data, size) != 0)
        g_error ("a failed open (%s) modified the file: %zu bytes before, %zu after",
                 error->message, size, (size_t)after_len);

      /* And nothing left beside it (no journal, WAL, or backup copy "PATH.vN.bak"). */
      dir = g_dir_open (tmp_dir, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (!g_str_equal (name, "fuzz.rectify"))
          g_error ("a failed open (%s) left \"%s\" beside the file", error->message, name);

      return 0;
    }

  g_assert_no_error (error);
  list_register (reg);

  return 0;
}
