/* rectify-action-dialog.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-action-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-action-dialog.h"
#include "rectify-date-button.h"
#include "rectify-date.h"
#include "rectify-enums.h"
#include "rectify-evidence-list.h"

struct _RectifyActionDialog
{
  AdwWindow             parent_instance;

  RectifyRegister      *reg;
  RectifyNonconformity *nc;
  /* NULL while creating */
  RectifyAction        *action;
  /* > 0 while widgets are filled from the action */
  guint                 updating;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkButton            *cancel_button;
  GtkButton            *create_button;
  AdwEntryRow          *title_row;
  AdwEntryRow          *description_row;
  AdwEntryRow          *owner_row;
  RectifyDateButton    *target_on_button;
  AdwEntryRow          *resources_row;
  AdwEntryRow          *success_criterion_row;
  AdwPreferencesGroup  *progress_group;
  AdwComboRow          *status_row;
  RectifyDateButton    *done_on_button;
  AdwPreferencesGroup  *evidence_group;
  RectifyEvidenceList  *evidence_list;
};

G_DEFINE_FINAL_TYPE (RectifyActionDialog, rectify_action_dialog, ADW_TYPE_WINDOW)

enum {
  ACTION_CREATED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *property;
  gsize       offset;
} entry_fields[] = {
  { "title",             G_STRUCT_OFFSET (RectifyActionDialog, title_row) },
  { "description",       G_STRUCT_OFFSET (RectifyActionDialog, description_row) },
  { "owner",             G_STRUCT_OFFSET (RectifyActionDialog, owner_row) },
  { "resources",         G_STRUCT_OFFSET (RectifyActionDialog, resources_row) },
  { "success-criterion", G_STRUCT_OFFSET (RectifyActionDialog, success_criterion_row) },
};

static inline GtkEditable *
entry_field_editable (RectifyActionDialog *self,
                      guint                i)
{
  return *(GtkEditable **)G_STRUCT_MEMBER_P (self, entry_fields[i].offset);
}

static char *
editable_get_value (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (text[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

static void
show_error (RectifyActionDialog *self,
            const char          *message)
{
  g_warning ("%s", message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
update_mode (RectifyActionDialog *self)
{
  gboolean editing = self->action != NULL;

  if (editing)
    {
      /* Translators: the window title, %s is the action's reference ("A-003") */
      g_autofree char *title = g_strdup_printf (_("Action %s"), rectify_action_get_ref (self->action));

      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_title (self->window_title, title);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Corrective Action"));
      adw_window_title_set_title (self->window_title, _("New Corrective Action"));
    }

  /* One action may address several NCs: an action being edited names them all. */
  if (editing && self->reg != NULL)
    {
      g_autoptr(GListModel) ncs = rectify_register_list_nonconformities_for (self->reg, self->action);
      g_autoptr(GString) refs = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
        {
          g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

          g_string_append_printf (refs, "%s%s", refs->len > 0 ? ", " : "", rectify_nonconformity_get_ref (nc));
        }
      if (refs->len > 0)
        {
          /* Translators: %s lists references of nonconformities ("NC-002, NC-021") */
          g_autofree char *subtitle = g_strdup_printf (_("Addresses %s"), refs->str);

          adw_window_title_set_subtitle (self->window_title, subtitle);
        }
    }
  else if (self->nc != NULL)
    adw_window_title_set_subtitle (self->window_title, rectify_nonconformity_get_ref (self->nc));

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !editing);
  gtk_widget_set_visible (GTK_WIDGET (self->create_button), !editing);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, editing);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, editing);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_group), editing);

  rectify_evidence_list_set_owner (self->evidence_list,
                                   editing ? RECTIFY_ENTITY (self->action) : NULL);
}

static void
update_create_sensitivity (RectifyActionDialog *self)
{
  g_autofree char *title = editable_get_value (GTK_EDITABLE (self->title_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "action.create",
                                 self->action == NULL && title != NULL && self->nc != NULL &&
                                 !rectify_register_is_read_only (self->reg));
}

/* A register open for reading only: the action is shown, its fields cannot be changed. */
static void
lock_fields (RectifyActionDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    gtk_editable_set_editable (entry_field_editable (self, i), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_on_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->done_on_button), FALSE);
}

static void
load (RectifyActionDialog *self)
{
  self->updating++;

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (self->action, entry_fields[i].property, &value, NULL);
      gtk_editable_set_text (entry_field_editable (self, i), value != NULL ? value : "");
    }

  adw_combo_row_set_selected (self->status_row, (guint)rectify_action_get_status (self->action));
  rectify_date_button_set_date (self->target_on_button, rectify_action_get_target_on (self->action));
  rectify_date_button_set_date (self->done_on_button, rectify_action_get_done_on (self->action));

  self->updating--;
}

static void
save_entry_field (RectifyActionDialog *self,
                  guint                i)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *stored = NULL;

  if (self->action == NULL || self->updating > 0)
    return;

  value = editable_get_value (entry_field_editable (self, i));
  g_object_get (self->action, entry_fields[i].property, &stored, NULL);
  if (stored != NULL && stored[0] == '\0')
    g_clear_pointer (&stored, g_free);
  if (g_strcmp0 (value, stored) == 0)
    return;

  if (i == 0 && value == NULL)
    {
      self->updating++;
      gtk_editable_set_text (entry_field_editable (self, i), stored != NULL ? stored : "");
      self->updating--;
      show_error (self, _("An action needs a title"));
      return;
    }

  if (!rectify_register_update_string (self->reg, RECTIFY_ENTITY (self->action),
                                       entry_fields[i].property, value, &error))
    {
      self->updating++;
      gtk_editable_set_text (entry_field_editable (self, i), stored != NULL ? stored : "");
      self->updating--;
      show_error (self, error->message);
    }
}

static void
save_entries (RectifyActionDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    save_entry_field (self, i);
}

/* Callbacks */

static void
title_changed_cb (RectifyActionDialog *self)
{
  update_create_sensitivity (self);
}

static void
entry_commit_cb (RectifyActionDialog *self)
{
  if (self->action != NULL)
    save_entries (self);
}

static void
title_activated_cb (RectifyActionDialog *self)
{
  if (self->action == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "action.create", NULL);
  else
    save_entries (self);
}

static void
status_changed_cb (RectifyActionDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (selected == RECTIFY_ACTION_STATUS_DONE && self->updating == 0 &&
      rectify_date_button_get_date (self->done_on_button) == NULL)
    {
      g_autofree char *today = rectify_date_today ();

      /* Saved below (editing) or on creation. */
      self->updating++;
      rectify_date_button_set_date (self->done_on_button, today);
      self->updating--;
      if (self->action != NULL &&
          !rectify_register_update_string (self->reg, RECTIFY_ENTITY (self->action), "done-on",
                                           today, &error))
        {
          show_error (self, error->message);
          g_clear_error (&error);
        }
    }

  if (self->action == NULL || self->updating > 0 || selected == GTK_INVALID_LIST_POSITION)
    return;
  if ((guint)rectify_action_get_status (self->action) == selected)
    return;

  if (!rectify_register_update_enum (self->reg, RECTIFY_ENTITY (self->action), "status",
                                     (int)selected, &error))
    {
      load (self);
      show_error (self, error->message);
    }
}

static void
date_changed_cb (RectifyActionDialog *self,
                 GParamSpec          *pspec,
                 RectifyDateButton   *button)
{
  g_autoptr(GError) error = NULL;
  const char *property = button == self->target_on_button ? "target-on" : "done-on";
  const char *value = rectify_date_button_get_date (button);
  g_autofree char *stored = NULL;

  if (self->action == NULL || self->updating > 0)
    return;

  g_object_get (self->action, property, &stored, NULL);
  if (g_strcmp0 (stored, value) == 0)
    return;

  if (!rectify_register_update_string (self->reg, RECTIFY_ENTITY (self->action), property, value,
                                       &error))
    {
      load (self);
      show_error (self, error->message);
    }
}

static void
evidence_error_cb (RectifyActionDialog *self,
                   const char          *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RectifyActionDialog *self = RECTIFY_ACTION_DIALOG (widget);
  g_autoptr(RectifyAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = editable_get_value (GTK_EDITABLE (self->title_row));
  guint status = adw_combo_row_get_selected (self->status_row);

  if (self->action != NULL || title == NULL || self->nc == NULL)
    return;

  action = rectify_action_new ();
  g_object_set (action,
                "status", status != GTK_INVALID_LIST_POSITION ? (int)status : RECTIFY_ACTION_STATUS_PLANNED,
                "target-on", rectify_date_button_get_date (self->target_on_button),
                "done-on", rectify_date_button_get_date (self->done_on_button),
                NULL);
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      g_autofree char *value = editable_get_value (entry_field_editable (self, i));

      g_object_set (action, entry_fields[i].property, value, NULL);
    }

  /* Stored and linked together, or not at all. */
  if (!rectify_register_begin (self->reg, &error) ||
      !rectify_register_add (self->reg, RECTIFY_ENTITY (action), &error) ||
      !rectify_register_link_action (self->reg, self->nc, action, &error) ||
      !rectify_register_commit (self->reg, &error))
    {
      rectify_register_rollback (self->reg);
      show_error (self, error->message);
      return;
    }

  g_debug ("Created action %s for %s", rectify_action_get_ref (action),
           rectify_nonconformity_get_ref (self->nc));
  self->action = g_object_ref (action);
  update_mode (self);
  load (self);
  g_signal_emit (self, signals[ACTION_CREATED], 0, action);
}

/* VFuncs */

static gboolean
rectify_action_dialog_close_request (GtkWindow *window)
{
  RectifyActionDialog *self = RECTIFY_ACTION_DIALOG (window);

  if (self->action != NULL)
    save_entries (self);

  return GTK_WINDOW_CLASS (rectify_action_dialog_parent_class)->close_request (window);
}

static void
rectify_action_dialog_dispose (GObject *object)
{
  RectifyActionDialog *self = RECTIFY_ACTION_DIALOG (object);

  if (self->action != NULL && self->title_row != NULL)
    save_entries (self);
  self->title_row = NULL;

  g_clear_object (&self->action);
  g_clear_object (&self->nc);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (rectify_action_dialog_parent_class)->dispose (object);
}

static void
rectify_action_dialog_class_init (RectifyActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rectify_action_dialog_dispose;
  window_class->close_request = rectify_action_dialog_close_request;

  signals[ACTION_CREATED] =
    g_signal_new ("action-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RECTIFY_TYPE_ACTION);

  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RECTIFY_TYPE_DATE_BUTTON);
  g_type_ensure (RECTIFY_TYPE_EVIDENCE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, target_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, resources_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, success_criterion_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, done_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionDialog, evidence_list);

  gtk_widget_class_install_action (widget_class, "action.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rectify_action_dialog_init (RectifyActionDialog *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int s = 0; s <= RECTIFY_ACTION_STATUS_CANCELLED; s++)
    gtk_string_list_append (statuses, rectify_enum_to_label (RECTIFY_TYPE_ACTION_STATUS, s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      GtkWidget *row = GTK_WIDGET (entry_field_editable (self, i));
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (focus, "leave", G_CALLBACK (entry_commit_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_add_controller (row, focus);
      if (i == 0)
        g_signal_connect_object (row, "entry-activated", G_CALLBACK (title_activated_cb), self,
                                 G_CONNECT_SWAPPED);
      else
        g_signal_connect_object (row, "entry-activated", G_CALLBACK (entry_commit_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (title_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (status_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_on_button, "notify::date", G_CALLBACK (date_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->done_on_button, "notify::date", G_CALLBACK (date_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evidence_list, "error", G_CALLBACK (evidence_error_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * rectify_action_dialog_new:
 * @parent: (nullable): the window it is modal for
 * @reg: the register
 * @nc: (nullable): the NC a new action is linked to
 * @action: (nullable): the action to edit, or NULL to create one
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of toplevels
 */
GtkWidget *
rectify_action_dialog_new (GtkWindow            *parent,
                           RectifyRegister      *reg,
                           RectifyNonconformity *nc,
                           RectifyAction        *action)
{
  RectifyActionDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (nc != NULL || action != NULL, NULL);

  self = g_object_new (RECTIFY_TYPE_ACTION_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->reg = g_object_ref (reg);
  self->nc = nc != NULL ? g_object_ref (nc) : NULL;
  self->action = action != NULL ? g_object_ref (action) : NULL;
  rectify_evidence_list_set_register (self->evidence_list, reg);

  update_mode (self);
  if (action != NULL)
    load (self);
  if (rectify_register_is_read_only (reg))
    lock_fields (self);
  update_create_sensitivity (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));

  return GTK_WIDGET (self);
}

RectifyAction *
rectify_action_dialog_get_action (RectifyActionDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTION_DIALOG (self), NULL);

  return self->action;
}

GtkWidget *
_rectify_action_dialog_get_field (RectifyActionDialog *self,
                                  const char          *property)
{
  g_return_val_if_fail (RECTIFY_IS_ACTION_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    if (g_strcmp0 (entry_fields[i].property, property) == 0)
      return GTK_WIDGET (entry_field_editable (self, i));
  if (g_strcmp0 (property, "target-on") == 0)
    return GTK_WIDGET (self->target_on_button);
  if (g_strcmp0 (property, "done-on") == 0)
    return GTK_WIDGET (self->done_on_button);
  if (g_strcmp0 (property, "status") == 0)
    return GTK_WIDGET (self->status_row);

  return NULL;
}

GtkWidget *
_rectify_action_dialog_get_evidence_list (RectifyActionDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTION_DIALOG (self), NULL);

  return GTK_WIDGET (self->evidence_list);
}
