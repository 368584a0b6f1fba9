/* test-lifecycle-ui.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Takes one nonconformity from Reported to Closed through the widgets of the NC editor, and
 * checks the register after each step.
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rectify-action-dialog.h"
#include "rectify-date.h"
#include "rectify-date-button.h"
#include "rectify-evidence-list.h"
#include "rectify-history-view.h"
#include "rectify-nc-editor.h"
#include "rectify-requirement-row.h"

typedef struct
{
  char                 *dir;
  char                 *path;
  RectifyRegister      *reg;
  RectifyNonconformity *nc;
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

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rectify-lifeui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.rectify", NULL);
  f->reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  rectify_register_set_user (f->reg, "Tess Tester");

  f->nc = rectify_nonconformity_new ();
  g_object_set (f->nc,
                "title", "Leavers keep their accounts",
                "grade", RECTIFY_GRADE_MAJOR,
                "reported-on", "2026-01-10",
                NULL);
  rectify_register_add (f->reg, RECTIFY_ENTITY (f->nc), &error);
  g_assert_no_error (error);
  f->errors = g_ptr_array_new_with_free_func (g_free);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 480, 800);
  f->editor = RECTIFY_NC_EDITOR (rectify_nc_editor_new ());
  g_signal_connect (f->editor, "error", G_CALLBACK (error_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->editor));
  rectify_nc_editor_set_register (f->editor, f->reg);
  rectify_nc_editor_set_nonconformity (f->editor, f->nc);
  /* Shown, not presented: presenting takes the X input focus (there is no window manager), and
   * tests run side by side on one display; some of them send real keys to their window. */
  gtk_widget_set_visible (f->window, TRUE);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->nc);
  g_clear_object (&f->reg);
  g_ptr_array_unref (f->errors);
  remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
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
child (Fixture    *f,
       const char *name)
{
  GtkWidget *w = _rectify_nc_editor_get_child (f->editor, name);

  g_assert_nonnull (w);
  return w;
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c))
      n++;

  return n;
}

/* The missing items shown, as one string */
static char *
missing_text (Fixture *f)
{
  GString *s = g_string_new (NULL);
  GtkWidget *list = child (f, "missing_list");

  if (!gtk_widget_get_visible (list))
    return g_string_free (s, FALSE);

  for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_PREFERENCES_ROW (c))
      g_string_append_printf (s, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)));

  return g_string_free (s, FALSE);
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
press_move (Fixture       *f,
            RectifyStatus  expected)
{
  _rectify_nc_editor_flush (f->editor);
  g_assert_true (gtk_widget_is_sensitive (child (f, "move_button")));
  g_signal_emit_by_name (child (f, "move_button"), "clicked");
  g_assert_cmpint (rectify_nonconformity_get_status (f->nc), ==, expected);
  spin (150);
}

static void
assert_refused (Fixture    *f,
                const char *expected_part)
{
  g_autofree char *text = NULL;

  _rectify_nc_editor_flush (f->editor);
  text = missing_text (f);
  g_assert_false (gtk_widget_is_sensitive (child (f, "move_button")));
  g_assert_true (gtk_widget_get_visible (child (f, "missing_list")));
  if (strstr (text, expected_part) == NULL)
    g_error ("“%s” not in the missing items:\n%s", expected_part, text);
}

static RectifyActionDialog *
find_action_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RECTIFY_IS_ACTION_DIALOG (l->data))
      return l->data;

  return NULL;
}

static guint
count_history_field (RectifyRegister      *reg,
                     RectifyNonconformity *nc,
                     const char           *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_register_list_history (reg, RECTIFY_ENTITY (nc), &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (((RectifyHistoryEntry *)g_ptr_array_index (rows, i))->field, field) == 0)
      n++;

  return n;
}

static GtkWidget *
approval_row (Fixture *f,
              int      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (f, "approvals_list")),
                                                      index);

  g_assert_true (ADW_IS_ACTION_ROW (row));
  return GTK_WIDGET (row);
}

/* The CB does not accept the plan and wants it back by a date, which has passed: the date row only
 * for "not accepted", the date stored in its field (not in the comment), shown in the locale's
 * format and marked overdue, and said on the step card. */
static void
check_cb_not_accepted (Fixture *f)
{
  g_autofree char *date_today = rectify_date_today ();
  g_autofree char *decided = rectify_date_add_days (date_today, -10);
  g_autofree char *resubmit = rectify_date_add_days (date_today, -3);
  g_autofree char *shown = _rectify_date_button_format (resubmit);
  g_autofree char *expected = g_strdup_printf ("Resubmit by %s (overdue)", shown);
  g_autoptr(GPtrArray) approvals = NULL;
  GtkWidget *decision = child (f, "approval_decision_row");
  GtkWidget *resubmit_row = child (f, "resubmit_row");
  RectifyApproval *a;
  const char *subtitle;

  /* Only for the CB's "not accepted" */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "approval_role_row")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (decision), 1);
  g_assert_false (gtk_widget_get_visible (resubmit_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "approval_role_row")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (decision), 0);
  g_assert_false (gtk_widget_get_visible (resubmit_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (decision), 1);
  g_assert_true (gtk_widget_get_visible (resubmit_row));

  gtk_editable_set_text (GTK_EDITABLE (child (f, "approval_by_row")), "Example CB");
  rectify_date_button_set_date (RECTIFY_DATE_BUTTON (child (f, "approval_on_button")), decided);
  rectify_date_button_set_date (RECTIFY_DATE_BUTTON (child (f, "resubmit_button")), resubmit);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "approval_comment_row")), "Add a monthly check");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.record-approval", NULL);
  _rectify_nc_editor_flush (f->editor);
  g_assert_cmpuint (f->errors->len, ==, 1);

  approvals = rectify_register_list_approvals (f->reg, f->nc);
  g_assert_cmpuint (approvals->len, ==, 2);
  a = g_ptr_array_index (approvals, 1);
  g_assert_cmpstr (a->role, ==, "certification-body");
  g_assert_false (a->approved);
  g_assert_cmpstr (a->decided_on, ==, decided);
  g_assert_cmpstr (a->resubmit_by, ==, resubmit);
  g_assert_cmpstr (a->comment, ==, "Add a monthly check");
  /* the form is ready for the next decision */
  g_assert_null (rectify_date_button_get_date (RECTIFY_DATE_BUTTON (child (f, "resubmit_button"))));

  g_assert_cmpuint (n_rows (child (f, "approvals_list")), ==, 2);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (approval_row (f, 1)));
  g_test_message ("%s", subtitle);
  g_assert_nonnull (strstr (subtitle, expected));
  g_assert_nonnull (strstr (subtitle, "Add a monthly check"));
  g_assert_true (gtk_widget_has_css_class (approval_row (f, 1), "rectify-overdue"));
  g_assert_false (gtk_widget_has_css_class (approval_row (f, 0), "rectify-overdue"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (child (f, "deadline_label"))),
                            "Resubmission to the certification body overdue since"));

  /* Still waiting for the CB's acceptance */
  assert_refused (f, "ccept");

  /* Accepted hides the date row again */
  adw_combo_row_set_selected (ADW_COMBO_ROW (decision), 0);
  g_assert_false (gtk_widget_get_visible (resubmit_row));
}

static void
test_reported_to_closed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reopened = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autofree char *file_path = NULL;
  g_autoptr(GFile) file = NULL;
  RectifyNonconformity *again;
  RectifyActionDialog *dialog;
  RectifyAction *action;
  RectifyEvidenceList *action_evidence;
  GtkWidget *row, *w;
  guint n;

  /* Reported: the header says what is missing; clicking an item goes to its field */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (f, "step_label"))), ==,
                   "Step 1 of 7 · Reported");
  assert_refused (f, "tatement");
  g_assert_cmpuint (n_rows (child (f, "missing_list")), ==, 3);
  row = gtk_widget_get_first_child (child (f, "missing_list"));
  g_signal_emit_by_name (row, "activated");
  n = 0;
  g_assert_true (gtk_widget_is_focus (find_nth (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW, &n)));
  /* a disabled move does nothing */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.move-next", NULL);
  g_assert_cmpint (rectify_nonconformity_get_status (f->nc), ==, RECTIFY_STATUS_REPORTED);

  n = 0;
  set_text_view (find_nth (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW, &n),
                 "Accounts of two leavers were still active.");
  assert_refused (f, "equirement");
  g_assert_cmpuint (n_rows (child (f, "missing_list")), ==, 2);
  n = 0;
  rectify_requirement_row_set_requirement (RECTIFY_REQUIREMENT_ROW (find_nth (GTK_WIDGET (f->editor), RECTIFY_TYPE_REQUIREMENT_ROW, &n)),
                                           "A.5.18");
  n = 1;
  set_text_view (find_nth (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW, &n),
                 "HR list of March against the directory.");
  press_move (f, RECTIFY_STATUS_ANALYSIS);
  g_assert_cmpstr (rectify_nonconformity_get_requirement (f->nc), ==, "A.5.18");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (f, "step_label"))), ==,
                   "Step 2 of 7 · Analysis");

  /* Analysis: correction and a root cause */
  assert_refused (f, "orrection");
  n = 2;
  set_text_view (find_nth (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW, &n),
                 "Both accounts disabled.");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "correction_by_row")), "IT helpdesk");
  n = 0;
  {
    /* the correction date: the date button in the row titled "Correction date" */
    GtkWidget *button = NULL;

    for (guint i = 0; (w = find_nth (GTK_WIDGET (f->editor), RECTIFY_TYPE_DATE_BUTTON, (n = i, &n))) != NULL; i++)
      {
        GtkWidget *r = gtk_widget_get_ancestor (w, ADW_TYPE_ACTION_ROW);

        if (r != NULL && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (r)), "Correction date") == 0)
          button = w;
      }
    g_assert_nonnull (button);
    rectify_date_button_set_date (RECTIFY_DATE_BUTTON (button), "2026-01-11");
  }
  _rectify_nc_editor_flush (f->editor);
  g_assert_cmpstr (rectify_nonconformity_get_correction (f->nc), ==, "Both accounts disabled.");
  g_assert_cmpstr (rectify_nonconformity_get_correction_by (f->nc), ==, "IT helpdesk");
  g_assert_cmpstr (rectify_nonconformity_get_correction_on (f->nc), ==, "2026-01-11");
  assert_refused (f, "root cause");

  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-cause", NULL);
  g_assert_cmpuint (n_rows (child (f, "causes_list")), ==, 1);
  row = gtk_widget_get_first_child (child (f, "causes_list"));
  w = g_object_get_data (G_OBJECT (row), "text-view");
  /* typed, then saved by the pause in typing (flushed here) */
  set_text_view (w, "HR does not tell IT about leavers");
  _rectify_nc_editor_flush (f->editor);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (g_object_get_data (G_OBJECT (row), "category")), 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (g_object_get_data (G_OBJECT (row), "root-check")), TRUE);
  {
    g_autoptr(GListModel) causes = rectify_register_list_causes (f->reg, f->nc);
    g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, 0);

    g_assert_cmpuint (g_list_model_get_n_items (causes), ==, 1);
    g_assert_cmpstr (rectify_cause_get_text (cause), ==, "HR does not tell IT about leavers");
    g_assert_cmpstr (rectify_cause_get_category (cause), ==, "People");
    g_assert_true (rectify_cause_get_is_root (cause));
  }
  /* the row survives the refresh (same cause: updated in place) */
  _rectify_nc_editor_flush (f->editor);
  g_assert_true (gtk_widget_get_first_child (child (f, "causes_list")) == row);
  press_move (f, RECTIFY_STATUS_ACTION_PLANNED);

  /* Action planned: an action through the dialog */
  assert_refused (f, "action");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-action", NULL);
  dialog = find_action_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (_rectify_action_dialog_get_field (dialog, "title")),
                         "Leaver process with IT step");
  gtk_editable_set_text (GTK_EDITABLE (_rectify_action_dialog_get_field (dialog, "owner")), "HR lead");
  gtk_editable_set_text (GTK_EDITABLE (_rectify_action_dialog_get_field (dialog, "success-criterion")),
                         "No active account of a leaver in 3 monthly checks");
  rectify_date_button_set_date (RECTIFY_DATE_BUTTON (_rectify_action_dialog_get_field (dialog, "target-on")),
                                "2099-03-31");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "action.create", NULL);
  action = rectify_action_dialog_get_action (dialog);
  g_assert_nonnull (action);
  g_assert_cmpstr (rectify_action_get_owner (action), ==, "HR lead");
  actions = rectify_register_list_actions_for (f->reg, f->nc);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 1);
  _rectify_nc_editor_flush (f->editor);
  g_assert_cmpuint (n_rows (child (f, "actions_list")), ==, 1);
  press_move (f, RECTIFY_STATUS_AWAITING_APPROVAL);

  /* Awaiting approval: management, then the CB (a major) */
  assert_refused (f, "ppro");
  g_assert_cmpuint (n_rows (child (f, "missing_list")), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "approval_role_row")), 0);
  /* no name: refused with a message */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.record-approval", NULL);
  g_assert_cmpuint (f->errors->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "approval_by_row")), "Managing director");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "approval_comment_row")), "Go ahead");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.record-approval", NULL);
  assert_refused (f, "ccept");
  g_assert_cmpuint (n_rows (child (f, "missing_list")), ==, 1);
  check_cb_not_accepted (f);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "approval_role_row")), 2);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "approval_by_row")), "Example CB");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "approval_decision_row")), 0);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.record-approval", NULL);
  _rectify_nc_editor_flush (f->editor);
  g_assert_cmpuint (n_rows (child (f, "approvals_list")), ==, 3);
  /* Accepted since: the resubmission is no longer awaited, nothing overdue about it */
  g_assert_false (gtk_widget_has_css_class (approval_row (f, 1), "rectify-overdue"));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (child (f, "deadline_label"))),
                         "Resubmission"));
  press_move (f, RECTIFY_STATUS_IMPLEMENTATION);

  /* Implementation: evidence on the action, through the evidence list, and the action done */
  assert_refused (f, "A-001");
  file_path = g_build_filename (f->dir, "leaver-procedure.txt", NULL);
  g_file_set_contents (file_path, "Step 4: HR opens a ticket for IT.\n", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (file_path);
  action_evidence = RECTIFY_EVIDENCE_LIST (_rectify_action_dialog_get_evidence_list (dialog));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (action_evidence))) ||
                 gtk_widget_get_mapped (GTK_WIDGET (action_evidence)));
  rectify_evidence_list_attach_file (action_evidence, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (_rectify_evidence_list_get_n_rows (action_evidence), ==, 1);
  g_assert_cmpuint (_rectify_evidence_list_get_n_damaged (action_evidence), ==, 0);
  assert_refused (f, "done");
  adw_combo_row_set_selected (ADW_COMBO_ROW (_rectify_action_dialog_get_field (dialog, "status")),
                              RECTIFY_ACTION_STATUS_DONE);
  g_assert_cmpint (rectify_action_get_status (action), ==, RECTIFY_ACTION_STATUS_DONE);
  g_assert_nonnull (rectify_action_get_done_on (action));
  gtk_window_close (GTK_WINDOW (dialog));
  spin (50);
  press_move (f, RECTIFY_STATUS_VERIFICATION);

  /* Verification: an effective review */
  assert_refused (f, "ffective");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (f, "verification_group"))),
                            "Review due"));
  gtk_editable_set_text (GTK_EDITABLE (child (f, "verifier_row")), "Internal auditor");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "verification_method_row")),
                              RECTIFY_VERIFICATION_METHOD_FOLLOW_UP_AUDIT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "verification_result_row")),
                              RECTIFY_VERIFICATION_RESULT_EFFECTIVE);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.record-verification", NULL);
  _rectify_nc_editor_flush (f->editor);
  g_assert_cmpuint (n_rows (child (f, "verifications_list")), ==, 1);
  press_move (f, RECTIFY_STATUS_CLOSED);

  /* Closed: closure shown, history complete */
  g_assert_cmpstr (rectify_nonconformity_get_closed_by (f->nc), ==, "Tess Tester");
  g_assert_nonnull (rectify_nonconformity_get_closed_on (f->nc));
  _rectify_nc_editor_flush (f->editor);
  g_assert_true (gtk_widget_get_visible (child (f, "closed_on_row")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (f, "closed_by_label"))), ==, "Tess Tester");
  /* the main button now reopens */
  g_assert_true (gtk_widget_get_visible (child (f, "move_button")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (f, "move_label"))), ==, "_Reopen for Analysis");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (child (f, "move_button"))), ==, "editor.reopen");
  rectify_history_view_reload (RECTIFY_HISTORY_VIEW (child (f, "history_view")));
  g_assert_cmpuint (_rectify_history_view_get_n_rows (RECTIFY_HISTORY_VIEW (child (f, "history_view"))), >=, 10);
  g_assert_cmpuint (f->errors->len, ==, 1);

  /* The file, opened again */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  g_clear_object (&f->nc);
  g_clear_object (&f->reg);

  reopened = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  again = rectify_register_find_nonconformity (reopened, "NC-001");
  g_assert_nonnull (again);
  g_assert_cmpint (rectify_nonconformity_get_status (again), ==, RECTIFY_STATUS_CLOSED);
  g_assert_cmpuint (count_history_field (reopened, again, "status"), ==, 6);
  g_assert_cmpuint (count_history_field (reopened, again, "correction"), ==, 1);
  rectify_register_verify (reopened, &error);
  g_assert_no_error (error);
}

/* Not effective reopens; Reopen from Closed is a move of its own; both show in the timeline. */
static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RectifyHistoryView *history;

  /* an observation takes the light path: "Close" once a response is recorded */
  rectify_register_update_enum (f->reg, RECTIFY_ENTITY (f->nc), "grade", RECTIFY_GRADE_OBSERVATION, &error);
  g_assert_no_error (error);
  _rectify_nc_editor_flush (f->editor);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.close", NULL) &&
                  rectify_nonconformity_get_status (f->nc) == RECTIFY_STATUS_CLOSED);
  /* the lighter path has a button of its own, off until a response is recorded */
  g_assert_true (gtk_widget_get_visible (child (f, "close_button")));
  g_assert_false (gtk_widget_is_sensitive (child (f, "close_button")));
  gtk_switch_set_active (GTK_SWITCH (child (f, "not_needed_switch")), TRUE);
  g_assert_true (gtk_widget_get_visible (child (f, "correction_reason_row")));
  gtk_editable_set_text (GTK_EDITABLE (child (f, "correction_reason_row")), "Nothing exposed");
  _rectify_nc_editor_flush (f->editor);
  g_assert_true (rectify_nonconformity_get_correction_not_needed (f->nc));
  g_assert_cmpstr (rectify_nonconformity_get_correction_reason (f->nc), ==, "Nothing exposed");
  g_assert_true (gtk_widget_is_sensitive (child (f, "close_button")));
  g_signal_emit_by_name (child (f, "close_button"), "clicked");
  g_assert_cmpint (rectify_nonconformity_get_status (f->nc), ==, RECTIFY_STATUS_CLOSED);

  /* Closed: the main button reopens */
  _rectify_nc_editor_flush (f->editor);
  g_assert_false (gtk_widget_get_visible (child (f, "close_button")));
  g_signal_emit_by_name (child (f, "move_button"), "clicked");
  g_assert_cmpint (rectify_nonconformity_get_status (f->nc), ==, RECTIFY_STATUS_ANALYSIS);
  g_assert_null (rectify_nonconformity_get_closed_on (f->nc));

  history = RECTIFY_HISTORY_VIEW (child (f, "history_view"));
  rectify_history_view_reload (history);
  g_assert_cmpuint (_rectify_history_view_get_n_reopened (history), ==, 1);

  /* Move back is always there */
  _rectify_nc_editor_flush (f->editor);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.move-back", NULL);
  g_assert_cmpint (rectify_nonconformity_get_status (f->nc), ==, RECTIFY_STATUS_REPORTED);
  g_assert_cmpuint (f->errors->len, ==, 0);
}

/* Evidence changed outside Rectify is marked. */
static void
test_evidence_damaged (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_path = g_build_filename (f->dir, "minutes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  RectifyEvidenceList *list = RECTIFY_EVIDENCE_LIST (child (f, "evidence_list"));
  sqlite3 *db = NULL;

  g_file_set_contents (file_path, "Minutes of the review", -1, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_evidence_list_attach_file (list, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (_rectify_evidence_list_get_n_rows (list), ==, 1);
  g_assert_cmpuint (_rectify_evidence_list_get_n_damaged (list), ==, 0);

  /* an outside edit of the stored bytes */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE evidence SET data = x'00'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* shown again: the row is marked */
  rectify_evidence_list_set_owner (list, NULL);
  rectify_evidence_list_set_owner (list, RECTIFY_ENTITY (f->nc));
  g_assert_cmpuint (_rectify_evidence_list_get_n_damaged (list), ==, 1);
}

static void
test_relative_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 10, 12, 0, 0);
  g_autofree char *a = _rectify_history_view_format_relative ("2026-03-10T11:59:30Z", now);
  g_autofree char *b = _rectify_history_view_format_relative ("2026-03-10T09:00:00Z", now);
  g_autofree char *c = _rectify_history_view_format_relative ("2026-03-07T12:00:00Z", now);

  g_assert_cmpstr (a, ==, "just now");
  g_assert_cmpstr (b, ==, "3 hours ago");
  g_assert_cmpstr (c, ==, "3 days ago");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Rectify/LifecycleUi/relative-time", test_relative_time);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return g_test_run ();
    }
  adw_init ();

#define ADD(path, fn) g_test_add ("/Rectify/LifecycleUi/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("reported-to-closed", test_reported_to_closed);
  ADD ("reopen", test_reopen);
  ADD ("evidence-damaged", test_evidence_damaged);
#undef ADD

  return g_test_run ();
}
