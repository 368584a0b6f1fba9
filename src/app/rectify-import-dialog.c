/* rectify-import-dialog.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-enums.h"
#include "rectify-import-dialog.h"
#include "rectify-import.h"

/* One finding of the file in the preview table. */

#define RECTIFY_TYPE_IMPORT_PREVIEW_ITEM (rectify_import_preview_item_get_type ())

G_DECLARE_FINAL_TYPE (RectifyImportPreviewItem, rectify_import_preview_item,
                      RECTIFY, IMPORT_PREVIEW_ITEM, GObject)

struct _RectifyImportPreviewItem
{
  GObject           parent_instance;
  RectifyImportRow *row;   /* owned by the dialog's parse result */
};

G_DEFINE_FINAL_TYPE (RectifyImportPreviewItem, rectify_import_preview_item, G_TYPE_OBJECT)

static void
rectify_import_preview_item_class_init (RectifyImportPreviewItemClass *klass)
{
}

static void
rectify_import_preview_item_init (RectifyImportPreviewItem *self)
{
}

/* The dialog */

struct _RectifyImportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *import_button;
  AdwActionRow        *file_row;
  AdwComboRow         *audit_row;
  AdwEntryRow         *audit_title_row;
  GtkLabel            *summary_label;
  GtkLabel            *ignored_label;
  GtkStack            *content_stack;
  GtkColumnView       *preview_view;
  GtkListBox          *problem_list;

  RectifyRegister     *reg;
  RectifyImportResult *result;
  GListStore          *preview;
  GtkStringList       *audit_names;  /* "No Audit", the audits, "New Audit…" */
  gboolean             can_import;
};

G_DEFINE_FINAL_TYPE (RectifyImportDialog, rectify_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  PREVIEW_REFERENCE,
  PREVIEW_GRADE,
  PREVIEW_REQUIREMENT,
  PREVIEW_STATEMENT,
} PreviewColumn;

static const struct {
  const char *title;
  gboolean    expand;
  int         width;
} preview_columns[] = {
  { N_("Reference"), FALSE, 100 },
  { N_("Grade"), FALSE, 110 },
  { N_("Requirement"), FALSE, 110 },
  { N_("Statement"), TRUE, 300 },
};

/* Helpers */

/* The audit title the import goes to: NULL for no audit, "" for a new audit without a title. */
static const char *
get_audit_title (RectifyImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->audit_row);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->audit_names));

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  if (selected == n - 1)
    return gtk_editable_get_text (GTK_EDITABLE (self->audit_title_row));

  return gtk_string_list_get_string (self->audit_names, selected);
}

static char *
strip_dup (const char *text)
{
  return text != NULL ? g_strstrip (g_strdup (text)) : NULL;
}

static void
set_can_import (RectifyImportDialog *self,
                gboolean             can_import)
{
  self->can_import = can_import;
  gtk_widget_set_sensitive (self->import_button, can_import);
}

/* Runs the import as a dry run and says what it would create. */
static void
update_summary (RectifyImportDialog *self)
{
  g_auto(RectifyImportSummary) summary = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *title = strip_dup (get_audit_title (self));
  g_autofree char *text = NULL;
  g_autofree char *created = NULL;
  g_autofree char *existing = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->audit_title_row),
                          adw_combo_row_get_selected (self->audit_row) ==
                          g_list_model_get_n_items (G_LIST_MODEL (self->audit_names)) - 1);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");

  if (!rectify_import_result_is_ok (self->result))
    {
      guint n = self->result->problems->len;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The file has %'u problem; nothing can be imported",
                                           "The file has %'u problems; nothing can be imported",
                                           n),
                              n);
      gtk_label_set_text (self->summary_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      set_can_import (self, FALSE);
      return;
    }

  if (title != NULL && *title == '\0')
    {
      gtk_label_set_text (self->summary_label, _("Enter the title of the new audit"));
      set_can_import (self, FALSE);
      return;
    }

  if (!rectify_import_apply (self->reg, self->result, title, TRUE, &summary, &error))
    {
      g_warning ("Import preview failed: %s", error->message);
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      set_can_import (self, FALSE);
      return;
    }

  /* Translators: the first half of "12 new, 3 already in the register" */
  created = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u new finding", "%'u new findings",
                                          summary.n_created),
                             summary.n_created);
  if (summary.n_existing > 0)
    {
      /* Translators: the second half of "12 new findings, 3 already in the register" */
      existing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%'u already in the register",
                                               "%'u already in the register",
                                               summary.n_existing),
                                  summary.n_existing);
      /* Translators: "12 new findings" and "3 already in the register" */
      text = g_strdup_printf (_("%s, %s"), created, existing);
    }
  else
    text = g_steal_pointer (&created);

  if (summary.audit_created)
    {
      g_autofree char *with_audit = NULL;

      /* Translators: the counts, then the title of the audit that will be created */
      with_audit = g_strdup_printf (_("%s; the audit “%s” will be created"), text, title);
      g_free (text);
      text = g_steal_pointer (&with_audit);
    }

  gtk_label_set_text (self->summary_label, text);
  set_can_import (self, summary.n_created > 0);
}

static void
fill_problems (RectifyImportDialog *self)
{
  for (guint i = 0; i < self->result->problems->len; i++)
    {
      RectifyImportProblem *problem = g_ptr_array_index (self->result->problems, i);
      g_autofree char *where = NULL;
      GtkWidget *row;

      if (problem->line > 0)
        /* Translators: where a problem is in the file */
        where = g_strdup_printf (_("Line %u"), problem->line);
      else
        where = g_strdup (_("The whole file"));

      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "use-markup", FALSE,
                          "title", where,
                          "subtitle", problem->message,
                          NULL);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", "dialog-warning-symbolic",
                                               "css-classes", (const char *[]) { "warning", NULL },
                                               NULL));
      gtk_list_box_append (self->problem_list, row);
    }
}

static void
fill_preview (RectifyImportDialog *self)
{
  for (guint i = 0; i < self->result->rows->len; i++)
    {
      g_autoptr(RectifyImportPreviewItem) item = g_object_new (RECTIFY_TYPE_IMPORT_PREVIEW_ITEM,
                                                               NULL);

      item->row = g_ptr_array_index (self->result->rows, i);
      g_list_store_append (self->preview, item);
    }
}

static void
fill_audits (RectifyImportDialog *self)
{
  GListModel *audits = rectify_register_get_audits (self->reg);

  gtk_string_list_append (self->audit_names, _("No Audit"));
  for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
    {
      g_autoptr(RectifyAudit) audit = g_list_model_get_item (audits, i);
      const char *title = rectify_audit_get_title (audit);

      if (title != NULL && *title != '\0')
        gtk_string_list_append (self->audit_names, title);
    }
  gtk_string_list_append (self->audit_names, _("New Audit…"));

  adw_combo_row_set_model (self->audit_row, G_LIST_MODEL (self->audit_names));
  adw_combo_row_set_selected (self->audit_row, 0);
}

static void
load_file (RectifyImportDialog *self,
           GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *parse_name = g_file_get_parse_name (file);
  gsize length = 0;

  adw_window_title_set_subtitle (self->window_title, name);
  adw_action_row_set_subtitle (self->file_row, parse_name);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    {
      RectifyImportProblem *problem = g_new0 (RectifyImportProblem, 1);

      g_warning ("Could not read %s: %s", parse_name, error->message);
      self->result = rectify_import_parse ("", 0);
      /* The empty file has its own problem; say why instead. */
      problem->line = 0;
      problem->message = g_strdup (error->message);
      g_ptr_array_set_size (self->result->problems, 0);
      g_ptr_array_add (self->result->problems, problem);
    }
  else
    self->result = rectify_import_parse (data, length);

  if (self->result->ignored_columns != NULL && self->result->ignored_columns->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint i = 0; i < self->result->ignored_columns->len; i++)
        {
          if (i > 0)
            /* Translators: the separator between column names */
            g_string_append (names, _(", "));
          g_string_append_printf (names, "“%s”",
                                  (char *)g_ptr_array_index (self->result->ignored_columns, i));
        }
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %s is a list of column names */
                                           "This column is not recognised and is ignored: %s",
                                           "These columns are not recognised and are ignored: %s",
                                           self->result->ignored_columns->len),
                              names->str);
      gtk_label_set_text (self->ignored_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->ignored_label), TRUE);
    }

  if (rectify_import_result_is_ok (self->result))
    {
      fill_preview (self);
      gtk_stack_set_visible_child_name (self->content_stack, "preview");
    }
  else
    {
      fill_problems (self);
      gtk_stack_set_visible_child_name (self->content_stack, "problems");
    }
}

/* Callbacks */

static void
preview_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  PreviewColumn column = GPOINTER_TO_INT (user_data);

  gtk_list_item_set_child (list_item,
                           g_object_new (GTK_TYPE_LABEL,
                                         "xalign", 0.0f,
                                         "ellipsize", column == PREVIEW_STATEMENT
                                                      ? PANGO_ELLIPSIZE_END
                                                      : PANGO_ELLIPSIZE_NONE,
                                         "single-line-mode", TRUE,
                                         NULL));
}

static void
preview_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  PreviewColumn column = GPOINTER_TO_INT (user_data);
  RectifyImportPreviewItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  const RectifyImportRow *row = item->row;
  const char *text = NULL;

  switch (column)
    {
    case PREVIEW_REFERENCE:
      text = row->reference;
      break;
    case PREVIEW_GRADE:
      text = row->has_grade ? rectify_enum_to_label (RECTIFY_TYPE_GRADE, row->grade) : NULL;
      break;
    case PREVIEW_REQUIREMENT:
      text = row->requirement;
      break;
    case PREVIEW_STATEMENT:
      text = row->statement;
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text != NULL ? text : "—");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               column == PREVIEW_STATEMENT ? text : NULL);
}

static void
audit_changed_cb (RectifyImportDialog *self)
{
  update_summary (self);
}

static void
cancel_clicked_cb (RectifyImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
import_clicked_cb (RectifyImportDialog *self)
{
  g_auto(RectifyImportSummary) summary = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *title = strip_dup (get_audit_title (self));

  if (!self->can_import)
    return;

  if (!rectify_import_apply (self->reg, self->result, title, FALSE, &summary, &error))
    {
      GtkWidget *dialog;

      g_warning ("Import failed: %s", error->message);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Failed"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      update_summary (self);
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[IMPORTED], 0, summary.n_created);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* Vfuncs */

static void
rectify_import_dialog_dispose (GObject *object)
{
  RectifyImportDialog *self = RECTIFY_IMPORT_DIALOG (object);

  if (self->preview_view != NULL)
    gtk_column_view_set_model (self->preview_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->preview);
  g_clear_object (&self->audit_names);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (rectify_import_dialog_parent_class)->dispose (object);
}

static void
rectify_import_dialog_finalize (GObject *object)
{
  RectifyImportDialog *self = RECTIFY_IMPORT_DIALOG (object);

  g_clear_pointer (&self->result, rectify_import_result_free);

  G_OBJECT_CLASS (rectify_import_dialog_parent_class)->finalize (object);
}

static void
rectify_import_dialog_class_init (RectifyImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_import_dialog_dispose;
  object_class->finalize = rectify_import_dialog_finalize;

  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, audit_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, audit_title_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, ignored_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyImportDialog, problem_list);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rectify_import_dialog_init (RectifyImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->preview = g_list_store_new (RECTIFY_TYPE_IMPORT_PREVIEW_ITEM);
  self->audit_names = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (preview_columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (preview_setup_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (preview_bind_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(preview_columns[i].title), factory);
      gtk_column_view_column_set_expand (column, preview_columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, preview_columns[i].width);
      gtk_column_view_append_column (self->preview_view, column);
    }

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->preview)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
}

/* Public API */

RectifyImportDialog *
rectify_import_dialog_new (GtkWindow       *parent,
                           RectifyRegister *reg,
                           GFile           *file)
{
  RectifyImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (RECTIFY_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->reg = g_object_ref (reg);

  fill_audits (self);
  load_file (self, file);
  update_summary (self);

  g_signal_connect_object (self->audit_row, "notify::selected",
                           G_CALLBACK (audit_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->audit_title_row, "changed",
                           G_CALLBACK (audit_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/* For tests */

GListModel *
_rectify_import_dialog_get_preview (RectifyImportDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->preview);
}

GtkListBox *
_rectify_import_dialog_get_problem_list (RectifyImportDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_IMPORT_DIALOG (self), NULL);
  return self->problem_list;
}

GtkWidget *
_rectify_import_dialog_get_import_button (RectifyImportDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_IMPORT_DIALOG (self), NULL);
  return self->import_button;
}

GtkLabel *
_rectify_import_dialog_get_summary_label (RectifyImportDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_IMPORT_DIALOG (self), NULL);
  return self->summary_label;
}

AdwComboRow *
_rectify_import_dialog_get_audit_row (RectifyImportDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_IMPORT_DIALOG (self), NULL);
  return self->audit_row;
}

GtkEditable *
_rectify_import_dialog_get_audit_title (RectifyImportDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_IMPORT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->audit_title_row);
}
