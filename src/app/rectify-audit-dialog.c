/* rectify-audit-dialog.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-audit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-audit-dialog.h"
#include "rectify-date-button.h"
#include "rectify-enums.h"

struct _RectifyAuditDialog
{
  AdwWindow          parent_instance;

  RectifyRegister   *reg;
  /* NULL while creating */
  RectifyAudit      *audit;
  /* > 0 while widgets are filled from the audit */
  guint              updating;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwHeaderBar      *header_bar;
  AdwWindowTitle    *window_title;
  GtkButton         *cancel_button;
  GtkButton         *create_button;
  AdwEntryRow       *title_row;
  AdwComboRow       *kind_row;
  RectifyDateButton *starts_on_button;
  RectifyDateButton *ends_on_button;
  AdwEntryRow       *lead_auditor_row;
  AdwEntryRow       *certification_body_row;
  AdwEntryRow       *scope_row;
};

G_DEFINE_FINAL_TYPE (RectifyAuditDialog, rectify_audit_dialog, ADW_TYPE_WINDOW)

enum {
  AUDIT_CREATED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The string properties edited through entry rows, and where their row is. */
static const struct {
  const char *property;
  gsize       offset;
} entry_fields[] = {
  { "title",              G_STRUCT_OFFSET (RectifyAuditDialog, title_row) },
  { "lead-auditor",       G_STRUCT_OFFSET (RectifyAuditDialog, lead_auditor_row) },
  { "certification-body", G_STRUCT_OFFSET (RectifyAuditDialog, certification_body_row) },
  { "scope",              G_STRUCT_OFFSET (RectifyAuditDialog, scope_row) },
};

static inline GtkEditable *
entry_field_editable (RectifyAuditDialog *self,
                      guint               i)
{
  return *(GtkEditable **)G_STRUCT_MEMBER_P (self, entry_fields[i].offset);
}

/* The trimmed text of an entry, NULL when empty (transfer full). */
static char *
editable_get_value (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (text[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

static void
show_error (RectifyAuditDialog *self,
            const char         *message)
{
  g_warning ("%s", message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
load (RectifyAuditDialog *self)
{
  self->updating++;

  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (self->audit, entry_fields[i].property, &value, NULL);
      gtk_editable_set_text (entry_field_editable (self, i), value != NULL ? value : "");
    }

  adw_combo_row_set_selected (self->kind_row, (guint)rectify_audit_get_kind (self->audit));
  rectify_date_button_set_date (self->starts_on_button, rectify_audit_get_starts_on (self->audit));
  rectify_date_button_set_date (self->ends_on_button, rectify_audit_get_ends_on (self->audit));

  self->updating--;
}

/* Editing: writes entry_fields[i] when it differs from the audit. */
static void
save_entry_field (RectifyAuditDialog *self,
                  guint               i)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *stored = NULL;

  if (self->audit == NULL || self->updating > 0)
    return;

  value = editable_get_value (entry_field_editable (self, i));
  g_object_get (self->audit, entry_fields[i].property, &stored, NULL);
  if (stored != NULL && stored[0] == '\0')
    g_clear_pointer (&stored, g_free);
  if (g_strcmp0 (value, stored) == 0)
    return;

  if (i == 0 && value == NULL)
    {
      self->updating++;
      gtk_editable_set_text (entry_field_editable (self, i), stored != NULL ? stored : "");
      self->updating--;
      show_error (self, _("An audit needs a title"));
      return;
    }

  if (!rectify_register_update_string (self->reg, RECTIFY_ENTITY (self->audit),
                                       entry_fields[i].property, value, &error))
    {
      self->updating++;
      gtk_editable_set_text (entry_field_editable (self, i), stored != NULL ? stored : "");
      self->updating--;
      show_error (self, error->message);
    }
}

static void
save_entries (RectifyAuditDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    save_entry_field (self, i);
}

static void
update_create_sensitivity (RectifyAuditDialog *self)
{
  g_autofree char *title = editable_get_value (GTK_EDITABLE (self->title_row));
  gboolean taken = title != NULL && self->audit == NULL &&
                   rectify_register_find_audit (self->reg, title) != NULL;

  if (taken)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_row),
                                   _("An audit with this title already exists"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_row), NULL);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.create",
                                 self->audit == NULL && title != NULL && !taken);
}

/* Callbacks */

static void
title_changed_cb (RectifyAuditDialog *self)
{
  if (self->audit == NULL)
    update_create_sensitivity (self);
}

static void
entry_commit_cb (RectifyAuditDialog *self)
{
  if (self->audit != NULL)
    save_entries (self);
}

static void
title_activated_cb (RectifyAuditDialog *self)
{
  if (self->audit == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "audit.create", NULL);
  else
    save_entries (self);
}

static void
kind_changed_cb (RectifyAuditDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->audit == NULL || self->updating > 0 || selected == GTK_INVALID_LIST_POSITION)
    return;
  if ((guint)rectify_audit_get_kind (self->audit) == selected)
    return;

  if (!rectify_register_update_enum (self->reg, RECTIFY_ENTITY (self->audit), "kind",
                                     (int)selected, &error))
    {
      load (self);
      show_error (self, error->message);
    }
}

static void
date_changed_cb (RectifyAuditDialog *self,
                 GParamSpec         *pspec,
                 RectifyDateButton  *button)
{
  g_autoptr(GError) error = NULL;
  const char *property = button == self->starts_on_button ? "starts-on" : "ends-on";
  const char *value = rectify_date_button_get_date (button);
  g_autofree char *stored = NULL;

  if (self->audit == NULL || self->updating > 0)
    return;

  g_object_get (self->audit, property, &stored, NULL);
  if (g_strcmp0 (stored, value) == 0)
    return;

  if (!rectify_register_update_string (self->reg, RECTIFY_ENTITY (self->audit), property, value,
                                       &error))
    {
      load (self);
      show_error (self, error->message);
    }
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RectifyAuditDialog *self = RECTIFY_AUDIT_DIALOG (widget);
  g_autoptr(RectifyAudit) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = editable_get_value (GTK_EDITABLE (self->title_row));
  g_autofree char *lead = editable_get_value (GTK_EDITABLE (self->lead_auditor_row));
  g_autofree char *body = editable_get_value (GTK_EDITABLE (self->certification_body_row));
  g_autofree char *scope = editable_get_value (GTK_EDITABLE (self->scope_row));
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (self->audit != NULL || title == NULL)
    return;

  audit = rectify_audit_new ();
  g_object_set (audit,
                "title", title,
                "kind", kind != GTK_INVALID_LIST_POSITION ? (int)kind : RECTIFY_AUDIT_KIND_INTERNAL,
                "starts-on", rectify_date_button_get_date (self->starts_on_button),
                "ends-on", rectify_date_button_get_date (self->ends_on_button),
                "lead-auditor", lead,
                "certification-body", body,
                "scope", scope,
                NULL);

  if (!rectify_register_add (self->reg, RECTIFY_ENTITY (audit), &error))
    {
      show_error (self, error->message);
      return;
    }

  g_debug ("Created audit “%s”", title);
  g_signal_emit (self, signals[AUDIT_CREATED], 0, audit);
  gtk_window_close (GTK_WINDOW (self));
}

/* VFuncs */

static gboolean
rectify_audit_dialog_close_request (GtkWindow *window)
{
  RectifyAuditDialog *self = RECTIFY_AUDIT_DIALOG (window);

  /* Never lose an edit. */
  if (self->audit != NULL)
    save_entries (self);

  return GTK_WINDOW_CLASS (rectify_audit_dialog_parent_class)->close_request (window);
}

static void
rectify_audit_dialog_dispose (GObject *object)
{
  RectifyAuditDialog *self = RECTIFY_AUDIT_DIALOG (object);

  /* Destroyed without being closed (its parent went away): still keep the edits. */
  if (self->audit != NULL && self->title_row != NULL)
    save_entries (self);
  self->title_row = NULL;

  g_clear_object (&self->audit);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (rectify_audit_dialog_parent_class)->dispose (object);
}

static void
rectify_audit_dialog_class_init (RectifyAuditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rectify_audit_dialog_dispose;
  window_class->close_request = rectify_audit_dialog_close_request;

  /**
   * RectifyAuditDialog::audit-created:
   * @audit: the audit now stored in the register
   */
  signals[AUDIT_CREATED] =
    g_signal_new ("audit-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RECTIFY_TYPE_AUDIT);

  /**
   * RectifyAuditDialog::error:
   * @message: what went wrong
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RECTIFY_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-audit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyAuditDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RectifyAuditDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RectifyAuditDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RectifyAuditDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyAuditDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyAuditDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyAuditDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyAuditDialog, starts_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyAuditDialog, ends_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyAuditDialog, lead_auditor_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyAuditDialog, certification_body_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyAuditDialog, scope_row);

  gtk_widget_class_install_action (widget_class, "audit.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rectify_audit_dialog_init (RectifyAuditDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int k = 0; k < RECTIFY_N_AUDIT_KINDS; k++)
    gtk_string_list_append (kinds, rectify_enum_to_label (RECTIFY_TYPE_AUDIT_KIND, k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

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
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->starts_on_button, "notify::date", G_CALLBACK (date_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ends_on_button, "notify::date", G_CALLBACK (date_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * rectify_audit_dialog_new:
 * @parent: (nullable): the window it is modal for
 * @reg: the register
 * @audit: (nullable): the audit to edit, or NULL to create one
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of toplevels
 */
GtkWidget *
rectify_audit_dialog_new (GtkWindow       *parent,
                          RectifyRegister *reg,
                          RectifyAudit    *audit)
{
  RectifyAuditDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (audit == NULL || RECTIFY_IS_AUDIT (audit), NULL);

  self = g_object_new (RECTIFY_TYPE_AUDIT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->reg = g_object_ref (reg);
  self->audit = audit != NULL ? g_object_ref (audit) : NULL;

  if (audit != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Audit"));
      adw_window_title_set_title (self->window_title, _("Edit Audit"));
      gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->create_button), FALSE);
      load (self);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Audit"));
      adw_window_title_set_title (self->window_title, _("New Audit"));
      adw_header_bar_set_show_start_title_buttons (self->header_bar, FALSE);
      adw_header_bar_set_show_end_title_buttons (self->header_bar, FALSE);
    }

  update_create_sensitivity (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));

  return GTK_WIDGET (self);
}

/**
 * rectify_audit_dialog_get_audit:
 *
 * Returns: (transfer none) (nullable): the audit edited, or NULL while creating
 */
RectifyAudit *
rectify_audit_dialog_get_audit (RectifyAuditDialog *self)
{
  g_return_val_if_fail (RECTIFY_IS_AUDIT_DIALOG (self), NULL);

  return self->audit;
}
