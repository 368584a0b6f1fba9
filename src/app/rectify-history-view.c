/* rectify-history-view.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-history-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rectify-date.h"
#include "rectify-date-button.h"
#include "rectify-enums.h"
#include "rectify-history-view.h"

struct _RectifyHistoryView
{
  AdwBin                parent_instance;

  RectifyRegister      *reg;
  RectifyNonconformity *nc;
  guint                 reload_id;
  guint                 n_rows;
  guint                 n_reopened;

  /* Template widgets */
  GtkListBox           *list_box;
};

G_DEFINE_FINAL_TYPE (RectifyHistoryView, rectify_history_view, ADW_TYPE_BIN)

static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  { "title",                 N_("Title") },
  { "statement",             N_("Statement") },
  { "requirement",           N_("Requirement") },
  { "evidence",              N_("Objective evidence") },
  { "area",                  N_("Process or area") },
  { "source",                N_("Source") },
  { "audit-id",              N_("Audit") },
  { "occurred-on",           N_("Occurred on") },
  { "location",              N_("Location") },
  { "reported-by",           N_("Reported by") },
  { "reported-on",           N_("Reported on") },
  { "owner",                 N_("Owner") },
  { "grade",                 N_("Grade") },
  { "correction",            N_("Correction") },
  { "correction-on",         N_("Correction date") },
  { "correction-by",         N_("Correction by") },
  { "correction-not-needed", N_("No correction needed") },
  { "correction-reason",     N_("Reason no correction is needed") },
  { "status",                N_("Status") },
  { "cap-due-on",            N_("Corrective action plan due") },
  { "due-on",                N_("Due") },
  { "closed-on",             N_("Closed on") },
  { "closed-by",             N_("Closed by") },
  { "reopened",              N_("Reopened") },
  { "description",           N_("Description") },
  { "target-on",             N_("Target date") },
  { "resources",             N_("Resources") },
  { "success-criterion",     N_("Success criterion") },
  { "done-on",               N_("Done on") },
  { "approval",              N_("Approval") },
};

static const char *
field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (field_labels[i].field, field) == 0)
      return _(field_labels[i].label);

  return field;
}

/* A stored value as people read it: enum nicks become labels. */
static char *
format_value (const char *entity,
              const char *field,
              const char *value)
{
  GType type = G_TYPE_INVALID;
  int v;

  if (value == NULL || value[0] == '\0')
    /* Translators: an empty value in the history */
    return g_strdup (_("(empty)"));

  if (g_strcmp0 (field, "status") == 0 || g_strcmp0 (field, "reopened") == 0)
    type = g_strcmp0 (entity, "action") == 0 ? RECTIFY_TYPE_ACTION_STATUS : RECTIFY_TYPE_STATUS;
  else if (g_strcmp0 (field, "grade") == 0)
    type = RECTIFY_TYPE_GRADE;
  else if (g_strcmp0 (field, "source") == 0)
    type = RECTIFY_TYPE_SOURCE;

  if (type != G_TYPE_INVALID && rectify_enum_from_nick (type, value, &v))
    return g_strdup (rectify_enum_to_label (type, v));

  /* A date ("2026-06-15", as stored) in the locale's format */
  if (strlen (value) == 10 && rectify_date_parse (value, NULL))
    return _rectify_date_button_format (value);

  if (g_utf8_strlen (value, -1) > 80)
    {
      g_autofree char *cut = g_utf8_substring (value, 0, 79);

      return g_strconcat (cut, "…", NULL);
    }

  return g_strdup (value);
}

static char *
format_absolute (const char *at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at != NULL ? at : "");

  local = g_date_time_to_local (utc);
  /* Translators: an absolute date and time in the history, see g_date_time_format() */
  return g_date_time_format (local, _("%x %H:%M"));
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const RectifyHistoryEntry *ea = *(RectifyHistoryEntry **)a;
  const RectifyHistoryEntry *eb = *(RectifyHistoryEntry **)b;
  int c = g_strcmp0 (ea->at, eb->at);

  if (c != 0)
    return c;

  return ea->id < eb->id ? -1 : ea->id > eb->id;
}

static GtkWidget *
create_row (RectifyHistoryEntry *entry,
            const char          *entity_ref,
            GDateTime           *now)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autofree char *title = NULL;
  g_autofree char *relative = _rectify_history_view_format_relative (entry->at, now);
  g_autofree char *absolute = format_absolute (entry->at);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  const char *icon_name = "document-edit-symbolic";
  gboolean reopened = g_strcmp0 (entry->field, "reopened") == 0;

  if (entry->field == NULL)
    {
      if (entry->new_value == NULL && entry->old_value != NULL)
        /* Translators: %s is a reference such as "A-003" */
        title = g_strdup_printf (_("%s removed"), entity_ref);
      else
        /* Translators: %s is a reference such as "NC-003" or "A-003" */
        title = g_strdup_printf (_("%s created"), entity_ref);
      icon_name = "list-add-symbolic";
    }
  else if (reopened)
    {
      g_autofree char *from = format_value (entry->entity, "status", entry->old_value);

      /* Translators: %s is the status it was reopened from */
      title = g_strdup_printf (_("Reopened from %s"), from);
      icon_name = "view-refresh-symbolic";
    }
  else
    {
      g_autofree char *old_value = format_value (entry->entity, entry->field, entry->old_value);
      g_autofree char *new_value = format_value (entry->entity, entry->field, entry->new_value);

      if (g_strcmp0 (entry->entity, "nonconformity") == 0)
        /* Translators: field: old value → new value */
        title = g_strdup_printf (_("%s: %s → %s"), field_label (entry->field), old_value, new_value);
      else
        /* Translators: reference, field: old value → new value */
        title = g_strdup_printf (_("%s, %s: %s → %s"), entity_ref, field_label (entry->field),
                                 old_value, new_value);
      if (g_strcmp0 (entry->field, "status") == 0)
        icon_name = "go-next-symbolic";
    }

  /* Translators: who · when (relative) · when (absolute) */
  subtitle = g_strdup_printf (_("%s · %s · %s"),
                              entry->who != NULL ? entry->who : _("Unknown"), relative, absolute);
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reopened ? _("Reopened") : _("Change"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (reopened)
    {
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_add_css_class (row, "rectify-history-reopened");
    }

  return row;
}

static void
append_history (RectifyHistoryView *self,
                GPtrArray          *all,
                RectifyEntity      *entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_register_list_history (self->reg, entity, &error);

  if (rows == NULL)
    {
      g_warning ("Could not read the history: %s", error->message);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      RectifyHistoryEntry *row = g_ptr_array_index (rows, i);

      g_ptr_array_add (all, row);
      g_ptr_array_add (all, entity);
    }

  /* the rows now belong to @all */
  g_ptr_array_set_free_func (rows, NULL);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  RectifyHistoryView *self = user_data;

  self->reload_id = 0;
  rectify_history_view_reload (self);

  return G_SOURCE_REMOVE;
}

static void
register_changed_cb (RectifyHistoryView *self,
                     RectifyEntity      *entity,
                     const char         *property)
{
  if (self->nc == NULL || self->reload_id != 0)
    return;

  self->reload_id = g_timeout_add (150, reload_idle_cb, self);
}

/* VFuncs */

static void
rectify_history_view_dispose (GObject *object)
{
  RectifyHistoryView *self = RECTIFY_HISTORY_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->nc);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (rectify_history_view_parent_class)->dispose (object);
}

static void
rectify_history_view_class_init (RectifyHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_history_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyHistoryView, list_box);
}

static void
rectify_history_view_init (RectifyHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
rectify_history_view_new (void)
{
  return g_object_new (RECTIFY_TYPE_HISTORY_VIEW, NULL);
}

void
rectify_history_view_set_register (RectifyHistoryView *self,
                                   RectifyRegister    *reg)
{
  g_return_if_fail (RECTIFY_IS_HISTORY_VIEW (self));

  if (self->reg == reg)
    return;

  if (self->reg != NULL)
    g_signal_handlers_disconnect_by_func (self->reg, register_changed_cb, self);
  g_clear_object (&self->nc);
  g_set_object (&self->reg, reg);
  if (reg != NULL)
    g_signal_connect_object (reg, "changed", G_CALLBACK (register_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rectify_history_view_reload (self);
}

void
rectify_history_view_set_nonconformity (RectifyHistoryView   *self,
                                        RectifyNonconformity *nc)
{
  g_return_if_fail (RECTIFY_IS_HISTORY_VIEW (self));

  if (self->nc == nc)
    return;

  g_set_object (&self->nc, nc);
  rectify_history_view_reload (self);
}

/* Rebuilds the timeline now. */
void
rectify_history_view_reload (RectifyHistoryView *self)
{
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) owners = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkWidget *child;

  g_return_if_fail (RECTIFY_IS_HISTORY_VIEW (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  self->n_rows = 0;
  self->n_reopened = 0;

  if (self->reg == NULL || self->nc == NULL)
    return;

  pairs = g_ptr_array_new ();
  append_history (self, pairs, RECTIFY_ENTITY (self->nc));
  {
    g_autoptr(GListModel) actions = rectify_register_list_actions_for (self->reg, self->nc);

    for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
      {
        RectifyAction *action = g_list_model_get_item (actions, i);

        append_history (self, pairs, RECTIFY_ENTITY (action));
        /* the cached action stays alive in the register */
        g_object_unref (action);
      }
  }

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)rectify_history_entry_free);
  owners = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < pairs->len; i += 2)
    {
      g_ptr_array_add (entries, g_ptr_array_index (pairs, i));
      g_hash_table_insert (owners, g_ptr_array_index (pairs, i), g_ptr_array_index (pairs, i + 1));
    }
  g_ptr_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      RectifyHistoryEntry *entry = g_ptr_array_index (entries, i);
      RectifyEntity *entity = g_hash_table_lookup (owners, entry);
      const char *ref = RECTIFY_IS_ACTION (entity)
                        ? rectify_action_get_ref (RECTIFY_ACTION (entity))
                        : rectify_nonconformity_get_ref (RECTIFY_NONCONFORMITY (entity));

      gtk_list_box_append (self->list_box, create_row (entry, ref != NULL ? ref : "", now));
      self->n_rows++;
      if (g_strcmp0 (entry->field, "reopened") == 0)
        self->n_reopened++;
    }
}

char *
_rectify_history_view_format_relative (const char *at,
                                       GDateTime  *now)
{
  g_autoptr(GDateTime) when = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  GTimeSpan span;
  gint64 n;

  if (when == NULL)
    return g_strdup ("");

  span = g_date_time_difference (now, when);
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("just now"));
  if (span < G_TIME_SPAN_HOUR)
    {
      n = span / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", (gulong)n), (int)n);
    }
  if (span < G_TIME_SPAN_DAY)
    {
      n = span / G_TIME_SPAN_HOUR;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", (gulong)n), (int)n);
    }
  if (span < 60 * G_TIME_SPAN_DAY)
    {
      n = span / G_TIME_SPAN_DAY;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", (gulong)n), (int)n);
    }
  if (span < 730 * G_TIME_SPAN_DAY)
    {
      n = span / (30 * G_TIME_SPAN_DAY);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month ago", "%d months ago", (gulong)n), (int)n);
    }

  n = span / (365 * G_TIME_SPAN_DAY);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year ago", "%d years ago", (gulong)n), (int)n);
}

guint
_rectify_history_view_get_n_rows (RectifyHistoryView *self)
{
  g_return_val_if_fail (RECTIFY_IS_HISTORY_VIEW (self), 0);

  return self->n_rows;
}

guint
_rectify_history_view_get_n_reopened (RectifyHistoryView *self)
{
  g_return_val_if_fail (RECTIFY_IS_HISTORY_VIEW (self), 0);

  return self->n_reopened;
}
