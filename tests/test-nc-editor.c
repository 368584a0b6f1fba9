/* test-nc-editor.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rectify-action-dialog.h"
#include "rectify-audit-dialog.h"
#include "rectify-date-button.h"
#include "rectify-demo.h"
#include "rectify-nc-editor.h"
#include "rectify-requirement-row.h"
#include "rectify-window-private.h"
#include "rectify-window.h"

typedef struct
{
  char                 *dir;
  RectifyRegister      *reg;
  RectifyNonconformity *nc1;
  RectifyNonconformity *nc2;
  GtkWidget            *window;
  RectifyNcEditor      *editor;
  GPtrArray            *errors;
} Fixture;

static void
error_cb (RectifyNcEditor *editor,
          const char      *message,
          Fixture         *f)
{
  g_ptr_array_add (f->errors, g_strdup (message));
}

static RectifyNonconformity *
add_nc (RectifyRegister *reg,
        const char      *title)
{
  g_autoptr(GError) error = NULL;
  RectifyNonconformity *nc = rectify_nonconformity_new ();

  g_object_set (nc, "title", title, "statement", "Line one\nLine two", NULL);
  rectify_register_add (reg, RECTIFY_ENTITY (nc), &error);
  g_assert_no_error (error);
  return nc;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("rectify-editor-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.rectify", NULL);
  f->reg = rectify_register_create (path, &error);
  g_assert_no_error (error);
  f->nc1 = add_nc (f->reg, "First");
  f->nc2 = add_nc (f->reg, "Second");
  f->errors = g_ptr_array_new_with_free_func (g_free);

  f->window = gtk_window_new ();
  f->editor = RECTIFY_NC_EDITOR (rectify_nc_editor_new ());
  g_signal_connect (f->editor, "error", G_CALLBACK (error_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->editor));
  rectify_nc_editor_set_register (f->editor, f->reg);
  rectify_nc_editor_set_nonconformity (f->editor, f->nc1);
  /* Shown, not presented: presenting takes the X input focus (there is no window manager), and
   * tests run side by side on one display; some of them send real keys to their window. */
  gtk_widget_set_visible (f->window, TRUE);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "test.rectify", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->nc1);
  g_clear_object (&f->nc2);
  g_clear_object (&f->reg);
  g_ptr_array_unref (f->errors);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static guint
count_history (Fixture              *f,
               RectifyNonconformity *nc,
               const char           *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_register_list_history (f->reg, RECTIFY_ENTITY (nc), &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      RectifyHistoryEntry *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->field, field) == 0)
        n++;
    }

  return n;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The @n-th widget of @type in @widget's tree, depth first (counts down @n). */
static GtkWidget *
find_nth (GtkWidget *widget,
          GType      type,
          guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (*n == 0)
        return widget;
      (*n)--;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth (child, type, n);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_widget (Fixture *f,
             GType    type,
             guint    n)
{
  GtkWidget *w = find_nth (GTK_WIDGET (f->editor), type, &n);

  g_assert_nonnull (w);
  return w;
}

static void
test_title_debounced (Fixture       *f,
                      gconstpointer  data)
{
  GtkEditable *title = _rectify_nc_editor_get_title_editable (f->editor);

  g_assert_cmpstr (gtk_editable_get_text (title), ==, "First");
  gtk_editable_set_text (title, "First edited");
  /* not saved at once */
  g_assert_cmpstr (rectify_nonconformity_get_title (f->nc1), ==, "First");
  spin (900);
  g_assert_cmpstr (rectify_nonconformity_get_title (f->nc1), ==, "First edited");
  g_assert_cmpuint (count_history (f, f->nc1, "title"), ==, 1);
  g_assert_cmpuint (f->errors->len, ==, 0);
}

static void
test_flush_and_switch (Fixture       *f,
                       gconstpointer  data)
{
  GtkEditable *title = _rectify_nc_editor_get_title_editable (f->editor);

  gtk_editable_set_text (title, "Changed");
  _rectify_nc_editor_flush (f->editor);
  g_assert_cmpstr (rectify_nonconformity_get_title (f->nc1), ==, "Changed");

  /* A pending edit is saved to the NC it was made on when the editor switches. */
  gtk_editable_set_text (title, "Changed again");
  rectify_nc_editor_set_nonconformity (f->editor, f->nc2);
  g_assert_cmpstr (rectify_nonconformity_get_title (f->nc1), ==, "Changed again");
  g_assert_cmpstr (rectify_nonconformity_get_title (f->nc2), ==, "Second");
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Second");
  g_assert_true (rectify_nc_editor_get_nonconformity (f->editor) == f->nc2);
  /* switching itself saves nothing */
  g_assert_cmpuint (count_history (f, f->nc2, "title"), ==, 0);

  rectify_nc_editor_set_nonconformity (f->editor, NULL);
  g_assert_null (rectify_nc_editor_get_nonconformity (f->editor));
  g_assert_cmpuint (count_history (f, f->nc2, "title"), ==, 0);
}

static void
test_external_change (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *title = _rectify_nc_editor_get_title_editable (f->editor);
  GtkTextView *statement = GTK_TEXT_VIEW (find_widget (f, GTK_TYPE_TEXT_VIEW, 0));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (statement);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  rectify_register_update_string (f->reg, RECTIFY_ENTITY (f->nc1), "title", "From elsewhere", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "From elsewhere");

  rectify_register_update_string (f->reg, RECTIFY_ENTITY (f->nc1), "statement", "New statement",
                                  &error);
  g_assert_no_error (error);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "New statement");

  /* updating the widgets wrote nothing back */
  spin (800);
  _rectify_nc_editor_flush (f->editor);
  g_assert_cmpuint (count_history (f, f->nc1, "title"), ==, 1);
  g_assert_cmpuint (count_history (f, f->nc1, "statement"), ==, 1);

  /* undo shows the old value again */
  rectify_register_undo (f->reg, &error);
  g_assert_no_error (error);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_clear_pointer (&text, g_free);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Line one\nLine two");
}

static void
test_statement_saved (Fixture       *f,
                      gconstpointer  data)
{
  GtkTextView *statement = GTK_TEXT_VIEW (find_widget (f, GTK_TYPE_TEXT_VIEW, 0));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (statement), "Typed statement", -1);
  g_assert_cmpstr (rectify_nonconformity_get_statement (f->nc1), ==, "Line one\nLine two");
  _rectify_nc_editor_flush (f->editor);
  g_assert_cmpstr (rectify_nonconformity_get_statement (f->nc1), ==, "Typed statement");

  /* clearing the text stores NULL/empty */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (statement), "", -1);
  _rectify_nc_editor_flush (f->editor);
  g_assert_true (rectify_nonconformity_get_statement (f->nc1) == NULL ||
                 rectify_nonconformity_get_statement (f->nc1)[0] == '\0');
}

static void
test_combo_and_date (Fixture       *f,
                     gconstpointer  data)
{
  AdwComboRow *grade = ADW_COMBO_ROW (find_widget (f, ADW_TYPE_COMBO_ROW, 0));
  RectifyDateButton *date = RECTIFY_DATE_BUTTON (find_widget (f, RECTIFY_TYPE_DATE_BUTTON, 0));

  g_assert_cmpuint (adw_combo_row_get_selected (grade), ==, rectify_nonconformity_get_grade (f->nc1));
  adw_combo_row_set_selected (grade, RECTIFY_GRADE_OFI);
  /* saved at once */
  g_assert_cmpint (rectify_nonconformity_get_grade (f->nc1), ==, RECTIFY_GRADE_OFI);
  g_assert_cmpuint (count_history (f, f->nc1, "grade"), ==, 1);

  rectify_date_button_set_date (date, "2026-03-04");
  g_assert_cmpstr (rectify_nonconformity_get_occurred_on (f->nc1), ==, "2026-03-04");
  rectify_date_button_set_date (date, NULL);
  g_assert_null (rectify_nonconformity_get_occurred_on (f->nc1));
  g_assert_cmpuint (f->errors->len, ==, 0);
}

static void
test_requirement (Fixture       *f,
                  gconstpointer  data)
{
  RectifyRequirementRow *row = RECTIFY_REQUIREMENT_ROW (find_widget (f, RECTIFY_TYPE_REQUIREMENT_ROW, 0));

  gtk_editable_set_text (GTK_EDITABLE (row), "a5.15");
  g_assert_true (rectify_requirement_row_commit (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "A.5.15");
  g_assert_cmpstr (rectify_nonconformity_get_requirement (f->nc1), ==, "A.5.15");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  gtk_editable_set_text (GTK_EDITABLE (row), "no such control");
  g_assert_false (rectify_requirement_row_commit (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (rectify_nonconformity_get_requirement (f->nc1), ==, "A.5.15");

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (rectify_requirement_row_commit (row));
  g_assert_null (rectify_nonconformity_get_requirement (f->nc1));
}

static void
test_audit_combo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyAudit) audit = rectify_audit_new ();
  AdwComboRow *audit_row = ADW_COMBO_ROW (find_widget (f, ADW_TYPE_COMBO_ROW, 2));

  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (audit_row)), ==, 1);
  g_object_set (audit, "title", "Internal audit Q1", NULL);
  rectify_register_add (f->reg, RECTIFY_ENTITY (audit), &error);
  g_assert_no_error (error);
  /* live; adding an audit saves nothing */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (audit_row)), ==, 2);
  g_assert_cmpint (rectify_nonconformity_get_audit_id (f->nc1), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (audit_row), ==, 0);

  adw_combo_row_set_selected (audit_row, 1);
  g_assert_cmpint (rectify_nonconformity_get_audit_id (f->nc1), ==,
                   rectify_entity_get_id (RECTIFY_ENTITY (audit)));
  adw_combo_row_set_selected (audit_row, 0);
  g_assert_cmpint (rectify_nonconformity_get_audit_id (f->nc1), ==, 0);
}

static void
test_dispose_saves (Fixture       *f,
                    gconstpointer  data)
{
  GtkEditable *title = _rectify_nc_editor_get_title_editable (f->editor);

  gtk_editable_set_text (title, "Saved on close");
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = gtk_window_new ();
  g_assert_cmpstr (rectify_nonconformity_get_title (f->nc1), ==, "Saved on close");
}

static void
test_failed_save (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *title = _rectify_nc_editor_get_title_editable (f->editor);

  /* the NC disappears from the register behind the editor's back */
  rectify_register_remove (f->reg, RECTIFY_ENTITY (f->nc1), &error);
  g_assert_no_error (error);

  gtk_editable_set_text (title, "Cannot be saved");
  g_test_expect_message ("rectify-nc-editor", G_LOG_LEVEL_WARNING, "Could not save*");
  _rectify_nc_editor_flush (f->editor);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (f->errors->len, ==, 1);
  /* reverted to what is stored */
  g_assert_cmpstr (gtk_editable_get_text (title), ==, rectify_nonconformity_get_title (f->nc1));
}


static RectifyAuditDialog *
find_audit_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (RECTIFY_IS_AUDIT_DIALOG (window))
        return RECTIFY_AUDIT_DIALOG (window);
    }

  return NULL;
}

static GtkWidget *
find_in (GtkWidget *root,
         GType      type,
         guint      n)
{
  GtkWidget *w = find_nth (root, type, &n);

  g_assert_nonnull (w);
  return w;
}

static void
test_new_audit_from_editor (Fixture       *f,
                            gconstpointer  data)
{
  RectifyAuditDialog *dialog;
  RectifyAudit *audit;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.new-audit", NULL));
  dialog = find_audit_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_null (rectify_audit_dialog_get_audit (dialog));

  gtk_editable_set_text (GTK_EDITABLE (find_in (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 0)),
                         "Surveillance audit 2026");
  gtk_editable_set_text (GTK_EDITABLE (find_in (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 1)),
                         "A. Auditor");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_in (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 0)),
                              RECTIFY_AUDIT_KIND_SURVEILLANCE);
  rectify_date_button_set_date (RECTIFY_DATE_BUTTON (find_in (GTK_WIDGET (dialog), RECTIFY_TYPE_DATE_BUTTON, 0)),
                                "2026-05-04");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "audit.create", NULL));

  audit = rectify_register_find_audit (f->reg, "Surveillance audit 2026");
  g_assert_nonnull (audit);
  g_assert_cmpint (rectify_audit_get_kind (audit), ==, RECTIFY_AUDIT_KIND_SURVEILLANCE);
  g_assert_cmpstr (rectify_audit_get_lead_auditor (audit), ==, "A. Auditor");
  g_assert_cmpstr (rectify_audit_get_starts_on (audit), ==, "2026-05-04");
  /* the NC now comes from the new audit */
  g_assert_cmpint (rectify_nonconformity_get_audit_id (f->nc1), ==,
                   rectify_entity_get_id (RECTIFY_ENTITY (audit)));
  g_assert_null (find_audit_dialog ());
}

static void
test_audit_dialog_duplicate (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyAudit) audit = rectify_audit_new ();
  GtkWidget *dialog;
  GtkWidget *title;

  g_object_set (audit, "title", "Taken", NULL);
  rectify_register_add (f->reg, RECTIFY_ENTITY (audit), &error);
  g_assert_no_error (error);

  dialog = rectify_audit_dialog_new (GTK_WINDOW (f->window), f->reg, NULL);
  title = find_in (dialog, ADW_TYPE_ENTRY_ROW, 0);
  gtk_editable_set_text (GTK_EDITABLE (title), "Taken");
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  gtk_widget_activate_action (dialog, "audit.create", NULL);
  gtk_editable_set_text (GTK_EDITABLE (title), "");
  gtk_widget_activate_action (dialog, "audit.create", NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_audits (f->reg)), ==, 1);
}

static void
test_audit_dialog_edit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyAudit) audit = rectify_audit_new ();
  GtkWidget *dialog;
  GtkWidget *title;

  g_object_set (audit, "title", "Internal audit", "scope", "All", NULL);
  rectify_register_add (f->reg, RECTIFY_ENTITY (audit), &error);
  g_assert_no_error (error);

  dialog = rectify_audit_dialog_new (GTK_WINDOW (f->window), f->reg, audit);
  gtk_widget_set_visible (dialog, TRUE);
  title = find_in (dialog, ADW_TYPE_ENTRY_ROW, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Internal audit");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (dialog, ADW_TYPE_ENTRY_ROW, 3))), ==, "All");

  /* combos save at once */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_in (dialog, ADW_TYPE_COMBO_ROW, 0)),
                              RECTIFY_AUDIT_KIND_SUPPLIER);
  g_assert_cmpint (rectify_audit_get_kind (audit), ==, RECTIFY_AUDIT_KIND_SUPPLIER);

  /* text is saved when the dialog closes */
  gtk_editable_set_text (GTK_EDITABLE (title), "Internal audit 2026");
  gtk_editable_set_text (GTK_EDITABLE (find_in (dialog, ADW_TYPE_ENTRY_ROW, 2)), "Example CB");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_cmpstr (rectify_audit_get_title (audit), ==, "Internal audit 2026");
  g_assert_cmpstr (rectify_audit_get_certification_body (audit), ==, "Example CB");
  g_assert_cmpstr (rectify_audit_get_scope (audit), ==, "All");
  g_assert_nonnull (rectify_register_find_audit (f->reg, "Internal audit 2026"));

  /* a dialog destroyed without closing keeps its edits too */
  dialog = rectify_audit_dialog_new (GTK_WINDOW (f->window), f->reg, audit);
  gtk_editable_set_text (GTK_EDITABLE (find_in (dialog, ADW_TYPE_ENTRY_ROW, 1)), "Lead");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (rectify_audit_get_lead_auditor (audit), ==, "Lead");
}


static void
check_rows_titled (GtkWidget *widget,
                   guint     *n_rows)
{
  if (ADW_IS_ENTRY_ROW (widget) || ADW_IS_ACTION_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      (*n_rows)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_rows_titled (child, n_rows);
}

static void
test_rows_labelled (Fixture       *f,
                    gconstpointer  data)
{
  guint n_rows = 0;
  GtkWidget *dialog;

  /* every row names its field (AdwEntryRow/AdwActionRow titles are their accessible names) */
  check_rows_titled (GTK_WIDGET (f->editor), &n_rows);
  g_assert_cmpuint (n_rows, ==, 32);

  n_rows = 0;
  dialog = rectify_audit_dialog_new (GTK_WINDOW (f->window), f->reg, NULL);
  check_rows_titled (dialog, &n_rows);
  g_assert_cmpuint (n_rows, ==, 7);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_date_format (void)
{
  g_autofree char *none = _rectify_date_button_format (NULL);
  g_autofree char *bad = _rectify_date_button_format ("2026-02-30");
  g_autofree char *good = _rectify_date_button_format ("2026-03-04");

  g_assert_cmpstr (none, ==, "Not set");
  g_assert_cmpstr (bad, ==, "Not set");
  g_assert_cmpstr (good, !=, "Not set");
  g_assert_nonnull (strstr (good, "4"));
}

static RectifyNonconformity *
add_similar_nc (RectifyRegister *reg,
                const char      *title,
                const char      *statement,
                const char      *requirement,
                const char      *reported_on)
{
  g_autoptr(GError) error = NULL;
  RectifyNonconformity *nc = rectify_nonconformity_new ();

  g_object_set (nc,
                "title", title,
                "statement", statement,
                "requirement", requirement,
                "reported-on", reported_on,
                NULL);
  rectify_register_add (reg, RECTIFY_ENTITY (nc), &error);
  g_assert_no_error (error);
  return nc;
}

static RectifyAction *
add_linked_action (RectifyRegister      *reg,
                   RectifyNonconformity *nc,
                   const char           *title,
                   RectifyActionStatus   status)
{
  g_autoptr(GError) error = NULL;
  RectifyAction *action = rectify_action_new ();

  g_object_set (action, "title", title, "status", status, NULL);
  rectify_register_add (reg, RECTIFY_ENTITY (action), &error);
  g_assert_no_error (error);
  rectify_register_link_action (reg, nc, action, &error);
  g_assert_no_error (error);
  return action;
}

/* The references of the similar NCs listed, in order, space-separated. */
static char *
similar_refs (Fixture *f)
{
  GtkWidget *list = _rectify_nc_editor_get_child (f->editor, "similar_list");
  GString *refs = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      RectifyNonconformity *nc = g_object_get_data (G_OBJECT (row), "nc");

      if (nc != NULL)
        g_string_append_printf (refs, "%s%s", refs->len > 0 ? " " : "", rectify_nonconformity_get_ref (nc));
    }

  return g_string_free (refs, FALSE);
}

static GtkWidget *
similar_row (Fixture              *f,
             RectifyNonconformity *nc)
{
  GtkWidget *list = _rectify_nc_editor_get_child (f->editor, "similar_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "nc") == (gpointer)nc)
      return row;

  return NULL;
}

static void
show_nc_cb (RectifyNcEditor       *editor,
            RectifyNonconformity  *nc,
            RectifyNonconformity **shown)
{
  g_set_object (shown, nc);
}

/* Issue #7 in the editor: earlier NCs on the same requirement or with similar text, each with
 * its ref, title and status; following changes of the statement and requirement after a pause;
 * a click asks the window to show one; one of their actions can be linked to this NC. */
static void
test_similar (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RectifyNonconformity) patching = NULL;
  g_autoptr(RectifyNonconformity) firewall = NULL;
  g_autoptr(RectifyNonconformity) current = NULL;
  g_autoptr(RectifyNonconformity) later = NULL;
  g_autoptr(RectifyNonconformity) shown = NULL;
  g_autoptr(RectifyAction) action = NULL;
  g_autoptr(RectifyAction) cancelled = NULL;
  g_autoptr(GListModel) linked = NULL;
  g_autoptr(GListModel) addressed = NULL;
  g_autofree char *refs = NULL;
  GtkWidget *group, *row, *button, *list;
  GtkListBoxRow *action_row;
  GtkTextBuffer *statement;

  patching = add_similar_nc (f->reg, "Servers left unpatched",
                             "Critical vulnerabilities on the file servers were not patched for six weeks.",
                             "A.8.8", "2026-03-01");
  firewall = add_similar_nc (f->reg, "Firewall rules never reviewed",
                             "Rule base of the perimeter firewall has no review record.",
                             "A.8.20", "2026-02-01");
  current = add_similar_nc (f->reg, "Scanners left unpatched",
                            "Critical vulnerabilities on the handheld scanners were not patched.",
                            "A.8.20", "2026-04-01");
  later = add_similar_nc (f->reg, "Printer firmware outdated",
                          "Label printers still run their factory firmware.",
                          "A.8.8", "2026-05-01");
  action = add_linked_action (f->reg, patching, "Monthly patch compliance report", RECTIFY_ACTION_STATUS_IN_PROGRESS);
  cancelled = add_linked_action (f->reg, patching, "Replace the file servers", RECTIFY_ACTION_STATUS_CANCELLED);
  g_signal_connect (f->editor, "show-nonconformity", G_CALLBACK (show_nc_cb), &shown);

  /* NC-001 was the first: nothing earlier, and the section says so while it is recorded. */
  group = _rectify_nc_editor_get_child (f->editor, "similar_group");
  _rectify_nc_editor_similar_pending (f->editor, TRUE);
  refs = similar_refs (f);
  g_assert_cmpstr (refs, ==, "");
  g_assert_true (gtk_widget_get_visible (group));

  /* The scanners: the firewall finding (same requirement) and the patching one (similar text),
   * not the printers (later), not NC-001/NC-002 (nothing in common). */
  rectify_nc_editor_set_nonconformity (f->editor, current);
  g_clear_pointer (&refs, g_free);
  refs = similar_refs (f);
  g_assert_true (g_str_equal (refs, "NC-004 NC-003") || g_str_equal (refs, "NC-003 NC-004"));
  row = similar_row (f, firewall);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "NC-004 · Firewall rules never reviewed");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Reported · "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "A.8.20"));
  /* the firewall finding has no action to link; the patching one has one (not the cancelled) */
  g_assert_null (g_object_get_data (G_OBJECT (row), "link-button"));
  row = similar_row (f, patching);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "imilar text"));
  button = g_object_get_data (G_OBJECT (row), "link-button");
  g_assert_nonnull (button);
  list = g_object_get_data (G_OBJECT (button), "link-list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));

  /* The requirement changes: the list follows after a pause, not at once. */
  rectify_requirement_row_set_requirement (RECTIFY_REQUIREMENT_ROW (find_widget (f, RECTIFY_TYPE_REQUIREMENT_ROW, 0)),
                                           "A.8.8");
  g_assert_cmpstr (rectify_nonconformity_get_requirement (current), ==, "A.8.8");
  g_assert_true (_rectify_nc_editor_similar_pending (f->editor, FALSE));
  g_assert_nonnull (similar_row (f, firewall));
  spin (700);
  g_assert_false (_rectify_nc_editor_similar_pending (f->editor, FALSE));
  g_clear_pointer (&refs, g_free);
  refs = similar_refs (f);
  g_assert_cmpstr (refs, ==, "NC-003");

  /* So does the statement, once it is saved after its own pause in typing. */
  statement = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (f, GTK_TYPE_TEXT_VIEW, 0)));
  gtk_text_buffer_set_text (statement, "The perimeter firewall rule base has no review record.", -1);
  spin (300);
  g_clear_pointer (&refs, g_free);
  refs = similar_refs (f);
  g_assert_cmpstr (refs, ==, "NC-003");
  spin (1200);
  g_clear_pointer (&refs, g_free);
  refs = similar_refs (f);
  g_assert_true (g_str_equal (refs, "NC-004 NC-003") || g_str_equal (refs, "NC-003 NC-004"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (similar_row (f, firewall))),
                            "imilar text"));

  /* Linking the patching finding's action: it addresses both NCs now. */
  row = similar_row (f, patching);
  button = g_object_get_data (G_OBJECT (row), "link-button");
  list = g_object_get_data (G_OBJECT (button), "link-list");
  action_row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_true (g_object_get_data (G_OBJECT (action_row), "action") == (gpointer)action);
  g_signal_emit_by_name (list, "row-activated", action_row);
  linked = rectify_register_list_actions_for (f->reg, current);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);
  addressed = rectify_register_list_nonconformities_for (f->reg, action);
  g_assert_cmpuint (g_list_model_get_n_items (addressed), ==, 2);
  _rectify_nc_editor_flush (f->editor);
  g_assert_nonnull (gtk_widget_get_first_child (_rectify_nc_editor_get_child (f->editor, "actions_list")));
  g_assert_true (ADW_IS_ACTION_ROW (gtk_widget_get_first_child (_rectify_nc_editor_get_child (f->editor, "actions_list"))));
  /* the row says which other NC the action addresses */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_first_child (_rectify_nc_editor_get_child (f->editor, "actions_list")))),
                            "Also addresses NC-003"));
  _rectify_nc_editor_similar_pending (f->editor, TRUE);
  g_assert_null (g_object_get_data (G_OBJECT (similar_row (f, patching)), "link-button"));

  /* Its dialog names both NCs (built, not presented: see fixture_setup). */
  {
    GtkWidget *dialog = rectify_action_dialog_new (GTK_WINDOW (f->window), f->reg, current, action);
    GtkWidget *title;
    guint n = 0;

    title = find_nth (dialog, ADW_TYPE_WINDOW_TITLE, &n);
    g_assert_nonnull (title);
    g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, "Addresses NC-003, NC-005");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* A click on a similar NC asks the window to show it. */
  g_signal_emit_by_name (similar_row (f, patching), "activated");
  g_assert_true (shown == patching);
  g_assert_cmpuint (f->errors->len, ==, 0);
}

static RectifyCause *
add_cause (RectifyRegister      *reg,
           RectifyNonconformity *nc,
           const char           *text,
           const char           *category,
           gint64                parent_id)
{
  g_autoptr(GError) error = NULL;
  RectifyCause *cause = rectify_cause_new ();

  g_object_set (cause,
                "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                "text", text,
                "category", category,
                "parent-id", parent_id,
                NULL);
  rectify_register_add (reg, RECTIFY_ENTITY (cause), &error);
  g_assert_no_error (error);
  return cause;
}

static GtkWidget *
nth_cause_row (Fixture *f,
               guint    n)
{
  GtkWidget *row = gtk_widget_get_first_child (_rectify_nc_editor_get_child (f->editor, "causes_list"));

  for (; row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "cause") != NULL && n-- == 0)
      return row;

  return NULL;
}

/* The causes in the editor: in the diagram's reading order, whys indented under the cause they
 * answer (on its bone, so without a bone of their own), a bone the NC made up in the diagram in
 * the list of bones, a text of several lines saved by Enter. */
static void
test_causes_tree (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RectifyCause) vendor = NULL;
  g_autoptr(RectifyCause) process = NULL;
  g_autoptr(RectifyCause) why = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GtkWidget *row, *view, *dropdown;
  GtkTextBuffer *buffer;
  gboolean handled = FALSE;

  vendor = add_cause (f->reg, f->nc1, "The vendor shipped default passwords", "Vendors", 0);
  process = add_cause (f->reg, f->nc1, "No hardening step in the roll-out", "Process", 0);
  why = add_cause (f->reg, f->nc1, "The roll-out checklist predates the printers",
                   "Process", rectify_entity_get_id (RECTIFY_ENTITY (process)));
  _rectify_nc_editor_flush (f->editor);

  /* Process (a default bone) before Vendors (the NC's own), the why right under its cause. */
  row = nth_cause_row (f, 0);
  g_assert_true (g_object_get_data (G_OBJECT (row), "cause") == (gpointer)process);
  g_assert_nonnull (g_object_get_data (G_OBJECT (row), "category"));
  row = nth_cause_row (f, 1);
  g_assert_true (g_object_get_data (G_OBJECT (row), "cause") == (gpointer)why);
  g_assert_null (g_object_get_data (G_OBJECT (row), "category"));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "depth")), ==, 1);
  g_assert_cmpint (gtk_widget_get_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))), >,
                   gtk_widget_get_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (nth_cause_row (f, 0)))));
  row = nth_cause_row (f, 2);
  g_assert_true (g_object_get_data (G_OBJECT (row), "cause") == (gpointer)vendor);
  dropdown = g_object_get_data (G_OBJECT (row), "category");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown))),
                   ==, "Vendors");
  g_assert_null (nth_cause_row (f, 3));

  /* A long text wraps over several lines; Enter saves it at once (no newline in it). */
  view = g_object_get_data (G_OBJECT (nth_cause_row (f, 0)), "text-view");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, "Nobody owns the hardening of devices that are not computers", -1);
  controllers = gtk_widget_observe_controllers (view);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 36, 0, &handled);
    }
  g_assert_true (handled);
  g_assert_cmpstr (rectify_cause_get_text (process), ==,
                   "Nobody owns the hardening of devices that are not computers");

  /* Moving the Vendors cause to People (its list) reorders the rows; People comes first. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  g_assert_cmpstr (rectify_cause_get_category (vendor), ==, "People");
  _rectify_nc_editor_flush (f->editor);
  g_assert_true (g_object_get_data (G_OBJECT (nth_cause_row (f, 0)), "cause") == (gpointer)vendor);

  /* A change from elsewhere shows in place, in the same row. */
  row = nth_cause_row (f, 1);
  rectify_register_update_string (f->reg, RECTIFY_ENTITY (process), "text", "Hardening is nobody's job", NULL);
  _rectify_nc_editor_flush (f->editor);
  g_assert_true (nth_cause_row (f, 1) == row);
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (g_object_get_data (G_OBJECT (row), "text-view")));
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "Hardening is nobody's job");
  }
  g_assert_cmpuint (f->errors->len, ==, 0);
}

/* The step card says when the NC is due and what is overdue (today is RECTIFY_TODAY,
 * 2026-06-15). */
static void
test_deadline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RectifyAction) action = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *label = _rectify_nc_editor_get_child (f->editor, "deadline_label");
  GtkWidget *icon = _rectify_nc_editor_get_child (f->editor, "deadline_icon");
  GtkWidget *box = _rectify_nc_editor_get_child (f->editor, "deadline_box");

  g_assert_cmpstr (g_getenv ("RECTIFY_TODAY"), ==, "2026-06-15");

  rectify_register_update_string (f->reg, RECTIFY_ENTITY (f->nc1), "due-on", "2026-07-15", &error);
  g_assert_no_error (error);
  _rectify_nc_editor_flush (f->editor);
  g_assert_true (gtk_widget_get_visible (box));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "in 30 days"));
  g_assert_false (gtk_widget_get_visible (icon));
  g_assert_false (gtk_widget_has_css_class (label, "error"));

  rectify_register_update_string (f->reg, RECTIFY_ENTITY (f->nc1), "due-on", "2026-06-01", &error);
  g_assert_no_error (error);
  _rectify_nc_editor_flush (f->editor);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "Overdue by 14 days"));
  g_assert_true (gtk_widget_get_visible (icon));
  g_assert_true (gtk_widget_has_css_class (label, "error"));

  /* An action past its target date is named. */
  rectify_register_update_string (f->reg, RECTIFY_ENTITY (f->nc1), "due-on", "2026-09-01", &error);
  g_assert_no_error (error);
  action = add_linked_action (f->reg, f->nc1, "Harden the printers", RECTIFY_ACTION_STATUS_PLANNED);
  rectify_register_update_string (f->reg, RECTIFY_ENTITY (action), "target-on", "2026-06-10", &error);
  g_assert_no_error (error);
  _rectify_nc_editor_flush (f->editor);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)),
                            "1 action overdue: A-001"));
  g_assert_true (gtk_widget_get_visible (icon));

  /* Done: no longer overdue. */
  rectify_register_update_enum (f->reg, RECTIFY_ENTITY (action), "status", RECTIFY_ACTION_STATUS_DONE, &error);
  g_assert_no_error (error);
  _rectify_nc_editor_flush (f->editor);
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (label)), "overdue"));
  g_assert_false (gtk_widget_get_visible (icon));
}

/* In the main window: a similar NC opens there, even when the filters hide it. */
static void
test_similar_in_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rectify-editor-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.rectify", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RectifyRegister) demo = NULL;
  RectifyRegister *reg;
  RectifyNonconformity *ofi, *earlier = NULL;
  RectifyNcEditor *editor;
  RectifyWindow *window;
  GtkSingleSelection *selection;
  GtkWidget *list, *row;

  demo = rectify_register_create (path, &error);
  g_assert_no_error (error);
  rectify_demo_populate (demo, "2026-06-15", &error);
  g_assert_no_error (error);
  g_clear_object (&demo);

  window = rectify_window_new (NULL);
  g_assert_true (rectify_window_open_file (window, file, &error));
  g_assert_no_error (error);
  /* Shown, not presented: presenting takes the X input focus (there is no window manager), and
   * tests run side by side on one display; some of them send real keys to their window. */
  gtk_widget_set_visible (GTK_WIDGET (window), TRUE);
  reg = rectify_window_get_register (window);
  editor = _rectify_window_get_editor (window);

  /* Only OFIs shown; one of them in the editor. */
  gtk_drop_down_set_selected (_rectify_window_get_grade_filter (window), 1 + RECTIFY_GRADE_OFI);
  ofi = rectify_register_find_nonconformity (reg, "NC-021");
  g_assert_nonnull (ofi);
  g_assert_cmpint (rectify_nonconformity_get_grade (ofi), ==, RECTIFY_GRADE_OFI);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (_rectify_window_get_column_view (window)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (item == (GObject *)ofi)
        gtk_single_selection_set_selected (selection, i);
    }
  g_assert_true (rectify_nc_editor_get_nonconformity (editor) == ofi);

  /* Its similar NCs: an earlier one that is not an OFI. */
  list = _rectify_nc_editor_get_child (editor, "similar_list");
  for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      RectifyNonconformity *nc = g_object_get_data (G_OBJECT (row), "nc");

      if (nc != NULL && rectify_nonconformity_get_grade (nc) != RECTIFY_GRADE_OFI)
        {
          earlier = nc;
          break;
        }
    }
  g_assert_nonnull (earlier);

  g_signal_emit_by_name (row, "activated");
  g_assert_true (rectify_nc_editor_get_nonconformity (editor) == earlier);
  g_assert_cmpuint (gtk_drop_down_get_selected (_rectify_window_get_grade_filter (window)), ==, 0);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer)earlier);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, fn) g_test_add ("/Rectify/NcEditor/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("title-debounced", test_title_debounced);
  ADD ("flush-and-switch", test_flush_and_switch);
  ADD ("external-change", test_external_change);
  ADD ("statement-saved", test_statement_saved);
  ADD ("combo-and-date", test_combo_and_date);
  ADD ("requirement", test_requirement);
  ADD ("audit-combo", test_audit_combo);
  ADD ("dispose-saves", test_dispose_saves);
  ADD ("failed-save", test_failed_save);
  ADD ("new-audit", test_new_audit_from_editor);
  ADD ("audit-duplicate", test_audit_dialog_duplicate);
  ADD ("audit-edit", test_audit_dialog_edit);
  ADD ("rows-labelled", test_rows_labelled);
  ADD ("similar", test_similar);
  ADD ("causes-tree", test_causes_tree);
  ADD ("deadline", test_deadline);
#undef ADD
  g_test_add_func ("/Rectify/NcEditor/similar-in-window", test_similar_in_window);
  g_test_add_func ("/Rectify/DateButton/format", test_date_format);

  return g_test_run ();
}
