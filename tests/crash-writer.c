/* crash-writer.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A long-lived writer for tests/test-crash-kill.py: opens a register the way the app does and
 * edits it through the core API until it is killed. Before each change it prints what it is
 * about to do, after the change has been committed it prints that it is done, so the test can
 * tell, after a SIGKILL, which changes were reported as saved and which one was in flight:
 *
 *   try ID REF FIELD VALUE       about to set FIELD of REF (one line per field of a batch)
 *   saved ID                     change ID is committed (every field of it)
 *   add ID TITLE                 about to add an NC with that title
 *   added ID REF                 the NC is committed with that ref
 *
 *   crash-writer REGISTER SEED COUNT [PAUSE_MS]
 *
 * With PAUSE_MS it waits that long between changes, as a person would, so that other programs
 * writing to the register get their turn.
 * Values never contain a tab or a newline; fields are separated by tabs. Exits 0 after COUNT
 * changes, 2 with a message on stderr when the register refuses a change.
 */

#define G_LOG_DOMAIN "crash-writer"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rectify-register.h"

static const char * const edit_fields[] = { "title", "owner", "area" };

/* Prints one line and pushes it out of the process at once. */
static void
report (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

static void
report (const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  fflush (stdout);
}

static int
fail (GError *error)
{
  g_printerr ("crash-writer: %s\n", error->message);
  return 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  GListModel *ncs;
  guint64 count;
  guint64 pause_ms = 0;

  if (argc != 4 && argc != 5)
    {
      g_printerr ("usage: crash-writer REGISTER SEED COUNT [PAUSE_MS]\n");
      return 1;
    }
  if (argc == 5)
    pause_ms = g_ascii_strtoull (argv[4], NULL, 10);

  rand = g_rand_new_with_seed ((guint32)g_ascii_strtoull (argv[2], NULL, 10));
  count = g_ascii_strtoull (argv[3], NULL, 10);

  if ((reg = rectify_register_open (argv[1], &error)) == NULL)
    return fail (error);
  rectify_register_set_user (reg, "crash-writer");

  ncs = rectify_register_get_nonconformities (reg);
  if (g_list_model_get_n_items (ncs) == 0)
    {
      g_printerr ("crash-writer: the register has no nonconformities\n");
      return 2;
    }

  for (guint64 id = 1; id <= count; id++)
    {
      guint kind = (guint)g_rand_int_range (rand, 0, 10);

      if (pause_ms > 0)
        g_usleep (pause_ms * 1000);

      if (kind == 0)
        {
          /* A new NC */
          g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
          g_autofree char *title = g_strdup_printf ("added-%s-%" G_GUINT64_FORMAT, argv[2], id);

          g_object_set (nc, "title", title, "statement", title, NULL);
          report ("add\t%" G_GUINT64_FORMAT "\t%s\n", id, title);
          if (!rectify_register_add (reg, RECTIFY_ENTITY (nc), &error))
            return fail (error);
          report ("added\t%" G_GUINT64_FORMAT "\t%s\n", id, rectify_nonconformity_get_ref (nc));
        }
      else
        {
          /* One field of one NC, or (kind 1) the title of several NCs in one transaction */
          guint n_edits = kind == 1 ? (guint)g_rand_int_range (rand, 2, 12) : 1;
          guint n_items = g_list_model_get_n_items (ncs);
          g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
          const char *field = kind == 1 ? "title" :
                              edit_fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (edit_fields))];
          g_autofree char *value = g_strdup_printf ("%s-%s-%" G_GUINT64_FORMAT,
                                                    kind == 1 ? "batch" : "edit", argv[2], id);

          for (guint i = 0; i < n_edits; i++)
            {
              RectifyNonconformity *nc =
                g_list_model_get_item (ncs, (guint)g_rand_int_range (rand, 0, (gint32)n_items));

              /* each NC once in a batch */
              if (g_ptr_array_find (targets, nc, NULL))
                {
                  g_object_unref (nc);
                  continue;
                }
              g_ptr_array_add (targets, nc);
              report ("try\t%" G_GUINT64_FORMAT "\t%s\t%s\t%s\n", id,
                      rectify_nonconformity_get_ref (nc), field, value);
            }

          if (targets->len > 1 && !rectify_register_begin (reg, &error))
            return fail (error);

          for (guint i = 0; i < targets->len; i++)
            if (!rectify_register_update_string (reg, g_ptr_array_index (targets, i), field,
                                                 value, &error))
              return fail (error);

          if (targets->len > 1 && !rectify_register_commit (reg, &error))
            return fail (error);

          report ("saved\t%" G_GUINT64_FORMAT "\n", id);
        }
    }

  return 0;
}
