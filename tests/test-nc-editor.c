/* test-nc-editor.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rectify-audit-dialog.h"
#include "rectify-date-button.h"
#include "rectify-nc-editor.h"
#include "rectify-requirement-row.h"

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
  gtk_window_present (GTK_WINDOW (f->window));
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
  gtk_window_present (GTK_WINDOW (dialog));
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
#undef ADD
  g_test_add_func ("/Rectify/DateButton/format", test_date_format);

  return g_test_run ();
}
