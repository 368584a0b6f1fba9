/* rectify-preferences-window.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-categories.h"
#include "rectify-fishbone.h"
#include "rectify-preferences-window.h"
#include "rectify-settings.h"

/* A change of the register's policy is written once the user pauses. */
#define APPLY_DELAY_MS 500

/* The fields of the deadline policy, as rows. */
static const struct {
  const char *key;
  gboolean    days;
  const char *title;
  const char *subtitle;
} policy_fields[] = {
  { RECTIFY_POLICY_KEY_CAP_DUE_DAYS, TRUE,
    N_("Corrective Action Plan"),
    N_("Days after the audit ends, or the nonconformity is reported, until the plan is due") },
  { RECTIFY_POLICY_KEY_MAJOR_DAYS, TRUE,
    N_("Major Nonconformity"),
    N_("Days to implement and verify its corrective actions") },
  { RECTIFY_POLICY_KEY_MINOR_DAYS, TRUE,
    N_("Minor Nonconformity"),
    N_("Days to implement and verify; usually until the next surveillance audit") },
  { RECTIFY_POLICY_KEY_OBSERVATION_DAYS, TRUE,
    N_("Observation or Opportunity for Improvement"),
    N_("Days to address it") },
  { RECTIFY_POLICY_KEY_EFFECTIVENESS_DAYS, TRUE,
    N_("Effectiveness Review"),
    N_("Days after the last corrective action is done") },
  { RECTIFY_POLICY_KEY_CB_ACCEPTANCE, FALSE,
    N_("Certification Body Accepts Plans for Majors"),
    N_("The plan for a major nonconformity also needs the certification body’s acceptance") },
  { RECTIFY_POLICY_KEY_LIGHT_PATH, FALSE,
    N_("Light Path for Observations"),
    N_("Observations and opportunities for improvement may close on a response, without corrective actions") },
};

#define N_POLICY_FIELDS G_N_ELEMENTS (policy_fields)

/* The choices of the style row, in its order, as stored in "style-variant". */
static const char * const style_variants[] = { "follow", "light", "dark" };

struct _RectifyPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *style_row;
  GtkSwitch            *reminders_switch;
  AdwActionRow         *recent_row;
  GtkSwitch            *recent_switch;
  AdwActionRow         *action_lead_row;
  AdwActionRow         *nc_lead_row;
  GtkSpinButton        *action_lead_spin;
  GtkSpinButton        *nc_lead_spin;
  AdwPreferencesGroup  *defaults_group;
  AdwPreferencesPage   *register_page;
  AdwPreferencesGroup  *register_group;
  AdwPreferencesGroup  *categories_group;
  GtkTextView          *categories_view;
  GtkLabel             *categories_message;

  GSettings            *settings;
  RectifyRegister      *reg;

  /* The switch or spin button of each policy field */
  GtkWidget            *default_widgets[N_POLICY_FIELDS];
  GtkWidget            *register_widgets[N_POLICY_FIELDS];

  guint                 apply_id;
  /* > 0 while the register's widgets are filled from its policy */
  guint                 updating;
};

G_DEFINE_FINAL_TYPE (RectifyPreferencesWindow, rectify_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_REGISTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static int
find_policy_field (const char *key)
{
  for (guint i = 0; i < N_POLICY_FIELDS; i++)
    if (g_strcmp0 (policy_fields[i].key, key) == 0)
      return (int)i;

  return -1;
}

/* An action row with a spin button (days) or a switch, for policy field @i. */
static GtkWidget *
add_policy_row (AdwPreferencesGroup *group,
                guint                i)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget;

  g_assert (i < N_POLICY_FIELDS);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(policy_fields[i].title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(policy_fields[i].subtitle));

  if (policy_fields[i].days)
    {
      widget = gtk_spin_button_new_with_range (0, RECTIFY_POLICY_MAX_DAYS, 1);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (widget), TRUE);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (widget), 0);
    }
  else
    {
      widget = gtk_switch_new ();
    }

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(policy_fields[i].title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(policy_fields[i].subtitle),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  adw_preferences_group_add (group, row);

  return widget;
}

/* Shows @policy in the register's widgets. */
static void
show_register_policy (RectifyPreferencesWindow *self,
                      const RectifyPolicy      *policy)
{
  self->updating++;

  for (guint i = 0; i < N_POLICY_FIELDS; i++)
    {
      g_autofree char *value = rectify_policy_get_value (policy, policy_fields[i].key);

      if (value == NULL)
        continue;

      if (policy_fields[i].days)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->register_widgets[i]),
                                   g_ascii_strtod (value, NULL));
      else
        gtk_switch_set_active (GTK_SWITCH (self->register_widgets[i]),
                               g_strcmp0 (value, "true") == 0);
    }

  self->updating--;
}

/* The register's policy with the values of the widgets. */
static gboolean
read_register_policy (RectifyPreferencesWindow  *self,
                      RectifyPolicy             *policy,
                      GError                   **error)
{
  rectify_register_get_policy (self->reg, policy);

  for (guint i = 0; i < N_POLICY_FIELDS; i++)
    {
      GtkWidget *widget = self->register_widgets[i];
      g_autofree char *value = NULL;

      if (policy_fields[i].days)
        {
          /* Take what was typed but not yet confirmed. */
          gtk_spin_button_update (GTK_SPIN_BUTTON (widget));
          value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget)));
        }
      else
        {
          value = g_strdup (gtk_switch_get_active (GTK_SWITCH (widget)) ? "true" : "false");
        }

      if (!rectify_policy_set_value (policy, policy_fields[i].key, value, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes the widgets' policy into the register; on failure, says why (when @report) and shows
 * the stored policy again. */
static void
apply_register_policy (RectifyPreferencesWindow *self,
                       gboolean                  report)
{
  g_autoptr(GError) error = NULL;
  RectifyPolicy policy;
  RectifyPolicy current;

  g_clear_handle_id (&self->apply_id, g_source_remove);

  if (self->reg == NULL)
    return;

  rectify_register_get_policy (self->reg, &current);
  if (read_register_policy (self, &policy, &error) &&
      (rectify_policy_equal (&policy, &current) ||
       rectify_register_set_policy (self->reg, &policy, &error)))
    return;

  g_warning ("Could not change the deadline policy: %s", error->message);
  if (!report)
    return;

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    /* Translators: %s is a technical error message */
                                    adw_toast_new_format (_("Could not change the deadlines: %s"),
                                                          error->message));
  show_register_policy (self, &current);
}

/* Callbacks */

static gboolean
apply_timeout_cb (gpointer user_data)
{
  RectifyPreferencesWindow *self = user_data;

  self->apply_id = 0;
  apply_register_policy (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
register_widget_changed_cb (RectifyPreferencesWindow *self)
{
  if (self->updating > 0)
    return;

  g_clear_handle_id (&self->apply_id, g_source_remove);
  self->apply_id = g_timeout_add (APPLY_DELAY_MS, apply_timeout_cb, self);
}

static void
use_defaults_clicked_cb (RectifyPreferencesWindow *self)
{
  RectifyPolicy policy;

  g_assert (RECTIFY_IS_PREFERENCES_WINDOW (self));

  rectify_settings_get_default_policy (self->settings, &policy);
  show_register_policy (self, &policy);
  apply_register_policy (self, TRUE);
}

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_variants); i++)
    if (g_strcmp0 (style, style_variants[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (style_variants))
    return NULL;

  return g_variant_new_string (style_variants[i]);
}

/* The register's default fishbone categories: one a line, as labels. */
static void
show_register_categories (RectifyPreferencesWindow *self)
{
  g_auto(GStrv) categories = rectify_categories_get_default_set (self->reg);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; categories[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                            rectify_fishbone_category_label (categories[i]));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->categories_view), text->str, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->categories_message), FALSE);
}

static gboolean
apply_register_categories (RectifyPreferencesWindow  *self,
                           gboolean                   builtin,
                           GError                   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) categories = NULL;

  if (!builtin)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->categories_view);
      GtkTextIter start, end;
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_strstrip (lines[i]);
          if (*lines[i] != '\0')
            g_strv_builder_add (builder, lines[i]);
        }
      categories = g_strv_builder_end (builder);
    }

  return rectify_categories_set_default_set (self->reg,
                                             categories != NULL && categories[0] != NULL
                                               ? (const char * const *)categories : NULL,
                                             error);
}

static void
categories_applied (RectifyPreferencesWindow *self,
                    gboolean                  builtin)
{
  g_autoptr(GError) error = NULL;

  if (!apply_register_categories (self, builtin, &error))
    {
      gtk_label_set_text (self->categories_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->categories_message), TRUE);
      return;
    }

  show_register_categories (self);
}

static void
apply_categories_clicked_cb (RectifyPreferencesWindow *self)
{
  g_assert (RECTIFY_IS_PREFERENCES_WINDOW (self));

  categories_applied (self, FALSE);
}

static void
builtin_categories_clicked_cb (RectifyPreferencesWindow *self)
{
  g_assert (RECTIFY_IS_PREFERENCES_WINDOW (self));

  categories_applied (self, TRUE);
}

/* Vfuncs */

static gboolean
rectify_preferences_window_close_request (GtkWindow *window)
{
  RectifyPreferencesWindow *self = RECTIFY_PREFERENCES_WINDOW (window);

  if (self->apply_id != 0)
    apply_register_policy (self, FALSE);

  return GTK_WINDOW_CLASS (rectify_preferences_window_parent_class)->close_request (window);
}

static void
rectify_preferences_window_constructed (GObject *object)
{
  RectifyPreferencesWindow *self = RECTIFY_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (rectify_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  g_settings_bind_with_mapping (self->settings, "style-variant", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_get_mapping, style_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "reminders-enabled", self->reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "remind-recent-registers", self->recent_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-lead-days-action", self->action_lead_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-lead-days-nc", self->nc_lead_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->reminders_switch, "active", self->recent_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->reminders_switch, "active", self->action_lead_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->reminders_switch, "active", self->nc_lead_row, "sensitive",
                          G_BINDING_SYNC_CREATE);

  /* The defaults for new registers */
  for (guint i = 0; i < N_POLICY_FIELDS; i++)
    {
      g_autofree char *key = rectify_settings_policy_key (policy_fields[i].key);

      self->default_widgets[i] = add_policy_row (self->defaults_group, i);
      g_settings_bind (self->settings, key, self->default_widgets[i],
                       policy_fields[i].days ? "value" : "active", G_SETTINGS_BIND_DEFAULT);
    }

  /* The open register's own policy */
  if (self->reg != NULL)
    {
      RectifyPolicy policy;
      g_autofree char *name = g_path_get_basename (rectify_register_get_path (self->reg));

      adw_preferences_group_set_title (self->register_group, name);
      for (guint i = 0; i < N_POLICY_FIELDS; i++)
        {
          self->register_widgets[i] = add_policy_row (self->register_group, i);
          g_signal_connect_object (self->register_widgets[i],
                                   policy_fields[i].days ? "notify::value" : "notify::active",
                                   G_CALLBACK (register_widget_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }

      rectify_register_get_policy (self->reg, &policy);
      show_register_policy (self, &policy);
      show_register_categories (self);

      /* A register open for reading only: its settings are shown, not changed */
      if (rectify_register_is_read_only (self->reg))
        {
          /* Translators: the window's title for a register that cannot be changed; %s is its name */
          g_autofree char *title = g_strdup_printf (_("%s (Read-Only)"), name);

          adw_preferences_group_set_title (self->register_group, title);
          gtk_widget_set_sensitive (GTK_WIDGET (self->register_group), FALSE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->categories_group), FALSE);
        }
    }
  else
    {
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self),
                                     self->register_page);
      self->register_page = NULL;
    }
}

static void
rectify_preferences_window_dispose (GObject *object)
{
  RectifyPreferencesWindow *self = RECTIFY_PREFERENCES_WINDOW (object);

  if (self->apply_id != 0)
    apply_register_policy (self, FALSE);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (rectify_preferences_window_parent_class)->dispose (object);
}

static void
rectify_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RectifyPreferencesWindow *self = RECTIFY_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_REGISTER:
      g_value_set_object (value, self->reg);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  RectifyPreferencesWindow *self = RECTIFY_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_REGISTER:
      self->reg = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_preferences_window_class_init (RectifyPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rectify_preferences_window_constructed;
  object_class->dispose = rectify_preferences_window_dispose;
  object_class->get_property = rectify_preferences_window_get_property;
  object_class->set_property = rectify_preferences_window_set_property;

  window_class->close_request = rectify_preferences_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REGISTER] =
    g_param_spec_object ("register", NULL, NULL, RECTIFY_TYPE_REGISTER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, recent_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, recent_switch);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, action_lead_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, nc_lead_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, action_lead_spin);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, nc_lead_spin);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, defaults_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, register_page);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, register_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, categories_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, categories_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyPreferencesWindow, categories_message);
  gtk_widget_class_bind_template_callback (widget_class, use_defaults_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_categories_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, builtin_categories_clicked_cb);
}

static void
rectify_preferences_window_init (RectifyPreferencesWindow *self)
{
  GObject *search_button;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* libadwaita 1.2 gives its search button only a tooltip, which is no accessible name. */
  search_button = gtk_widget_get_template_child (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW,
                                                 "search_button");
  if (GTK_IS_ACCESSIBLE (search_button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (search_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
}

/* Public API */

GtkWidget *
rectify_preferences_window_new (GtkWindow       *parent,
                                GSettings       *settings,
                                RectifyRegister *reg)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (reg == NULL || RECTIFY_IS_REGISTER (reg), NULL);

  return g_object_new (RECTIFY_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       "register", reg,
                       NULL);
}

/* For tests */

GtkWidget *
_rectify_preferences_window_get_policy_widget (RectifyPreferencesWindow *self,
                                               gboolean                  for_register,
                                               const char               *policy_key)
{
  int i;

  g_return_val_if_fail (RECTIFY_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (policy_key != NULL, NULL);

  if ((i = find_policy_field (policy_key)) < 0)
    return NULL;

  return for_register ? self->register_widgets[i] : self->default_widgets[i];
}

GtkWidget *
_rectify_preferences_window_get_recent_switch (RectifyPreferencesWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_PREFERENCES_WINDOW (self), NULL);

  return GTK_WIDGET (self->recent_switch);
}

void
_rectify_preferences_window_flush (RectifyPreferencesWindow *self)
{
  g_return_if_fail (RECTIFY_IS_PREFERENCES_WINDOW (self));

  if (self->apply_id != 0)
    apply_register_policy (self, TRUE);
}

GtkWidget *
_rectify_preferences_window_get_categories_view (RectifyPreferencesWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_PREFERENCES_WINDOW (self), NULL);

  return GTK_WIDGET (self->categories_view);
}

gboolean
_rectify_preferences_window_apply_categories (RectifyPreferencesWindow  *self,
                                              gboolean                   builtin,
                                              GError                   **error)
{
  g_return_val_if_fail (RECTIFY_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (self->reg != NULL, FALSE);

  if (!apply_register_categories (self, builtin, error))
    return FALSE;

  show_register_categories (self);
  return TRUE;
}
