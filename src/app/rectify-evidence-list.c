/* rectify-evidence-list.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-evidence-list"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rectify-evidence-list.h"

struct _RectifyEvidenceList
{
  AdwBin           parent_instance;

  RectifyRegister *reg;
  RectifyEntity   *owner;
  guint            n_rows;
  guint            n_damaged;

  /* Template widgets */
  GtkListBox      *list_box;
  GtkButton       *attach_button;
};

G_DEFINE_FINAL_TYPE (RectifyEvidenceList, rectify_evidence_list, ADW_TYPE_BIN)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
report_error (RectifyEvidenceList *self,
              const char          *message)
{
  g_warning ("%s", message);
  g_signal_emit (self, signals[ERROR], 0, message);
}

static gboolean
owns (RectifyEvidenceList *self,
      RectifyEvidence     *evidence)
{
  gint64 id;

  if (self->owner == NULL)
    return FALSE;

  id = rectify_entity_get_id (self->owner);
  if (RECTIFY_IS_NONCONFORMITY (self->owner))
    return rectify_evidence_get_nc_id (evidence) == id;

  return rectify_evidence_get_action_id (evidence) == id;
}

/* TRUE when the stored bytes still have the stored SHA-256. */
static gboolean
check_hash (RectifyEvidenceList *self,
            RectifyEvidence     *evidence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = rectify_register_load_evidence_data (self->reg, evidence, &error);
  g_autofree char *sum = NULL;

  if (data == NULL)
    return FALSE;

  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  return g_ascii_strcasecmp (sum, rectify_evidence_get_sha256 (evidence) != NULL
                                  ? rectify_evidence_get_sha256 (evidence) : "") == 0;
}

static char *
format_added_at (const char *added_at)
{
  g_autoptr(GDateTime) utc = added_at != NULL ? g_date_time_new_from_iso8601 (added_at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (added_at != NULL ? added_at : "");

  local = g_date_time_to_local (utc);
  /* Translators: date and time a file was attached, see g_date_time_format() */
  return g_date_time_format (local, _("%x %H:%M"));
}

static void
open_row_cb (GtkButton           *button,
             RectifyEvidenceList *self)
{
  RectifyEvidence *evidence = g_object_get_data (G_OBJECT (button), "evidence");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  data = rectify_register_load_evidence_data (self->reg, evidence, &error);
  if (data != NULL)
    dir = g_dir_make_tmp ("rectify-evidence-XXXXXX", &error);
  if (dir != NULL)
    {
      base = g_path_get_basename (rectify_evidence_get_name (evidence) != NULL
                                  ? rectify_evidence_get_name (evidence) : "evidence");
      path = g_build_filename (dir, base, NULL);
      if (g_file_set_contents (path, g_bytes_get_data (data, NULL),
                               (gssize)g_bytes_get_size (data), &error))
        {
          uri = g_filename_to_uri (path, NULL, &error);
          if (uri != NULL)
            {
              GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
              g_autoptr(GAppLaunchContext) context = NULL;

              context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (root))));
              g_app_info_launch_default_for_uri (uri, context, &error);
            }
        }
    }

  if (error != NULL)
    {
      /* Translators: %s is an error message */
      g_autofree char *message = g_strdup_printf (_("Could not open the file: %s"), error->message);

      report_error (self, message);
    }
}

static void
save_response_cb (GtkNativeDialog     *dialog,
                  int                  response,
                  RectifyEvidenceList *self)
{
  RectifyEvidence *evidence = g_object_get_data (G_OBJECT (dialog), "evidence");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) data = rectify_register_load_evidence_data (self->reg, evidence, &error);

      if (data == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        {
          /* Translators: %s is an error message */
          g_autofree char *message = g_strdup_printf (_("Could not save the file: %s"),
                                                      error->message);

          report_error (self, message);
        }
    }

  g_object_unref (dialog);
}

static void
save_row_cb (GtkButton           *button,
             RectifyEvidenceList *self)
{
  RectifyEvidence *evidence = g_object_get_data (G_OBJECT (button), "evidence");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Save Evidence"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (rectify_evidence_get_name (evidence) != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog),
                                       rectify_evidence_get_name (evidence));
  g_object_set_data_full (G_OBJECT (dialog), "evidence", g_object_ref (evidence), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
create_row (RectifyEvidenceList *self,
            RectifyEvidence     *evidence,
            gboolean             intact)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *size = g_format_size ((guint64)MAX (rectify_evidence_get_size (evidence), 0));
  g_autofree char *when = format_added_at (rectify_evidence_get_added_at (evidence));
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (rectify_evidence_get_name (evidence) != NULL
                                                 ? rectify_evidence_get_name (evidence) : "", -1);

  if (rectify_evidence_get_added_by (evidence) != NULL)
    /* Translators: size of a file · who attached it · when */
    subtitle = g_strdup_printf (_("%s · %s · %s"), size, rectify_evidence_get_added_by (evidence), when);
  else
    subtitle = g_strdup_printf ("%s · %s", size, when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_tooltip_text (row, rectify_evidence_get_mime_type (evidence));

  if (!intact)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *damaged = g_strdup_printf ("%s\n%s", subtitle,
                                                  _("This file was changed outside Rectify"));

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("This file was changed outside Rectify"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), damaged);
      gtk_widget_add_css_class (row, "rectify-evidence-damaged");
    }

  button = icon_button ("document-open-symbolic", _("Open"));
  g_object_set_data_full (G_OBJECT (button), "evidence", g_object_ref (evidence), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (open_row_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = icon_button ("document-save-as-symbolic", _("Save As…"));
  g_object_set_data_full (G_OBJECT (button), "evidence", g_object_ref (evidence), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (save_row_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
reload (RectifyEvidenceList *self)
{
  GtkListBoxRow *row;

  /* Rows only: the placeholder is a child too. */
  while ((row = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (row));

  self->n_rows = 0;
  self->n_damaged = 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.attach",
                                 self->reg != NULL && self->owner != NULL &&
                                 !rectify_register_is_read_only (self->reg));

  if (self->reg != NULL && self->owner != NULL && rectify_entity_get_id (self->owner) > 0)
    {
      g_autoptr(GListModel) files = rectify_register_list_evidence (self->reg, self->owner);
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RectifyEvidence) evidence = g_list_model_get_item (files, i);
          gboolean intact = check_hash (self, evidence);

          gtk_list_box_append (self->list_box, create_row (self, evidence, intact));
          self->n_rows++;
          if (!intact)
            self->n_damaged++;
        }
    }
}

/* Callbacks */

static void
register_changed_cb (RectifyEvidenceList *self,
                     RectifyEntity       *entity,
                     const char          *property)
{
  if (RECTIFY_IS_EVIDENCE (entity) && owns (self, RECTIFY_EVIDENCE (entity)))
    reload (self);
}

static gboolean
drop_cb (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         RectifyEvidenceList *self)
{
  GdkFileList *list;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->owner == NULL ||
      rectify_register_is_read_only (self->reg))
    return FALSE;

  list = g_value_get_boxed (value);
  return rectify_evidence_list_attach_files (self, gdk_file_list_get_files (list)) > 0;
}

static void
attach_response_cb (GtkNativeDialog     *dialog,
                    int                  response,
                    RectifyEvidenceList *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      rectify_evidence_list_attach_files (self, list);
      g_slist_free_full (list, g_object_unref);
    }

  g_object_unref (dialog);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RectifyEvidenceList *self = RECTIFY_EVIDENCE_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Attach Evidence"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (attach_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* VFuncs */

static void
rectify_evidence_list_dispose (GObject *object)
{
  RectifyEvidenceList *self = RECTIFY_EVIDENCE_LIST (object);

  g_clear_object (&self->owner);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (rectify_evidence_list_parent_class)->dispose (object);
}

static void
rectify_evidence_list_class_init (RectifyEvidenceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_evidence_list_dispose;

  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-evidence-list.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyEvidenceList, list_box);
  gtk_widget_class_bind_template_child (widget_class, RectifyEvidenceList, attach_button);

  gtk_widget_class_install_action (widget_class, "evidence.attach", NULL, attach_action);
}

static void
rectify_evidence_list_init (RectifyEvidenceList *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.attach", FALSE);
}

/* Public API */

GtkWidget *
rectify_evidence_list_new (void)
{
  return g_object_new (RECTIFY_TYPE_EVIDENCE_LIST, NULL);
}

void
rectify_evidence_list_set_register (RectifyEvidenceList *self,
                                    RectifyRegister     *reg)
{
  g_return_if_fail (RECTIFY_IS_EVIDENCE_LIST (self));
  g_return_if_fail (reg == NULL || RECTIFY_IS_REGISTER (reg));

  if (self->reg == reg)
    return;

  if (self->reg != NULL)
    g_signal_handlers_disconnect_by_func (self->reg, register_changed_cb, self);
  g_clear_object (&self->owner);
  g_set_object (&self->reg, reg);
  if (reg != NULL)
    g_signal_connect_object (reg, "changed", G_CALLBACK (register_changed_cb), self,
                             G_CONNECT_SWAPPED);
  reload (self);
}

void
rectify_evidence_list_set_owner (RectifyEvidenceList *self,
                                 RectifyEntity       *owner)
{
  g_return_if_fail (RECTIFY_IS_EVIDENCE_LIST (self));
  g_return_if_fail (owner == NULL || RECTIFY_IS_NONCONFORMITY (owner) || RECTIFY_IS_ACTION (owner));

  g_set_object (&self->owner, owner);
  reload (self);
}

gboolean
rectify_evidence_list_attach_file (RectifyEvidenceList *self,
                                   GFile               *file,
                                   GError             **error)
{
  g_autoptr(RectifyEvidence) evidence = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *mime = NULL;

  g_return_val_if_fail (RECTIFY_IS_EVIDENCE_LIST (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->reg != NULL && self->owner != NULL, FALSE);

  data = g_file_load_bytes (file, NULL, NULL, error);
  if (data == NULL)
    return FALSE;

  name = g_file_get_basename (file);
  type = g_content_type_guess (name, g_bytes_get_data (data, NULL), g_bytes_get_size (data), NULL);
  mime = g_content_type_get_mime_type (type);

  evidence = rectify_evidence_new ();
  g_object_set (evidence,
                "name", name,
                "mime-type", mime != NULL ? mime : "application/octet-stream",
                NULL);
  if (RECTIFY_IS_NONCONFORMITY (self->owner))
    g_object_set (evidence, "nc-id", rectify_entity_get_id (self->owner), NULL);
  else
    g_object_set (evidence, "action-id", rectify_entity_get_id (self->owner), NULL);

  return rectify_register_add_evidence (self->reg, evidence, data, error);
}

guint
rectify_evidence_list_attach_files (RectifyEvidenceList *self,
                                    GSList              *files)
{
  guint n = 0;

  g_return_val_if_fail (RECTIFY_IS_EVIDENCE_LIST (self), 0);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;

      if (rectify_evidence_list_attach_file (self, l->data, &error))
        {
          n++;
        }
      else
        {
          g_autofree char *name = g_file_get_basename (l->data);
          /* Translators: first %s is a file name, second an error message */
          g_autofree char *message = g_strdup_printf (_("Could not attach “%s”: %s"),
                                                      name, error->message);

          report_error (self, message);
        }
    }

  return n;
}

guint
_rectify_evidence_list_get_n_rows (RectifyEvidenceList *self)
{
  g_return_val_if_fail (RECTIFY_IS_EVIDENCE_LIST (self), 0);

  return self->n_rows;
}

guint
_rectify_evidence_list_get_n_damaged (RectifyEvidenceList *self)
{
  g_return_val_if_fail (RECTIFY_IS_EVIDENCE_LIST (self), 0);

  return self->n_damaged;
}
