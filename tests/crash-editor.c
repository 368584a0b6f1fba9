/* crash-editor.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's editor under SIGKILL, for tests/test-crash-kill.py: a window with the app's
 * nonconformity editor (RectifyNcEditor) on a register, into which edits are typed one after
 * the other, on a different NC each time. An edit is either left to the editor's own save after
 * a pause in typing, or committed at once as when the field loses the focus; the program prints
 *
 *   try ID REF title VALUE       the text has been typed into the title field of REF
 *   saved ID                     the register reported the title as written
 *
 * and is killed by the test at a random moment. Needs a display; exits 77 (skipped) without one.
 *
 *   crash-editor REGISTER SEED
 */

#define G_LOG_DOMAIN "crash-editor"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "rectify-nc-editor.h"
#include "rectify-register.h"

typedef struct
{
  RectifyRegister      *reg;
  RectifyNcEditor      *editor;
  GRand                *rand;
  const char           *seed;
  guint64               id;
  RectifyNonconformity *pending_nc;
  char                 *pending_value;
} Writer;

static gboolean next_edit_cb (gpointer user_data);

static void
register_changed_cb (RectifyRegister *reg,
                     RectifyEntity   *entity,
                     const char      *property,
                     Writer          *w)
{
  if (w->pending_nc == NULL || entity != RECTIFY_ENTITY (w->pending_nc) ||
      g_strcmp0 (property, "title") != 0 ||
      g_strcmp0 (rectify_nonconformity_get_title (w->pending_nc), w->pending_value) != 0)
    return;

  printf ("saved\t%" G_GUINT64_FORMAT "\n", w->id);
  fflush (stdout);

  g_clear_object (&w->pending_nc);
  g_clear_pointer (&w->pending_value, g_free);
  g_timeout_add (5, next_edit_cb, w);
}

static gboolean
next_edit_cb (gpointer user_data)
{
  Writer *w = user_data;
  GListModel *ncs = rectify_register_get_nonconformities (w->reg);
  guint n = g_list_model_get_n_items (ncs);
  g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, (guint)g_rand_int_range (w->rand, 0, (gint32)n));
  GtkEditable *title;

  w->id++;
  w->pending_value = g_strdup_printf ("ui-%s-%" G_GUINT64_FORMAT, w->seed, w->id);
  w->pending_nc = g_object_ref (nc);

  /* Switching saves any edit still pending on the previous NC (there is none here) */
  rectify_nc_editor_set_nonconformity (w->editor, nc);
  title = _rectify_nc_editor_get_title_editable (w->editor);
  gtk_editable_set_text (title, w->pending_value);

  printf ("try\t%" G_GUINT64_FORMAT "\t%s\ttitle\t%s\n", w->id,
          rectify_nonconformity_get_ref (nc), w->pending_value);
  fflush (stdout);

  /* Every third edit waits for the save after the pause in typing; the others are committed at
   * once, as when the field loses the focus */
  if (w->id % 3 != 0)
    _rectify_nc_editor_flush (w->editor);

  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  GtkWidget *window;
  Writer w = { 0 };

  if (argc != 3)
    {
      g_printerr ("usage: crash-editor REGISTER SEED\n");
      return 1;
    }

  g_setenv ("GTK_A11Y", "none", TRUE);
  if (!gtk_init_check ())
    {
      g_printerr ("crash-editor: no display\n");
      return 77;
    }
  adw_init ();

  if ((reg = rectify_register_open (argv[1], &error)) == NULL)
    {
      g_printerr ("crash-editor: %s\n", error->message);
      return 2;
    }
  if (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)) == 0)
    {
      g_printerr ("crash-editor: the register has no nonconformities\n");
      return 2;
    }

  w.reg = reg;
  w.seed = argv[2];
  w.rand = g_rand_new_with_seed ((guint32)g_ascii_strtoull (argv[2], NULL, 10));
  w.editor = RECTIFY_NC_EDITOR (rectify_nc_editor_new ());
  rectify_nc_editor_set_register (w.editor, reg);
  g_signal_connect (reg, "changed", G_CALLBACK (register_changed_cb), &w);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (w.editor));
  gtk_window_present (GTK_WINDOW (window));

  g_timeout_add (50, next_edit_cb, &w);

  /* Runs until killed */
  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);

  return 0;
}
