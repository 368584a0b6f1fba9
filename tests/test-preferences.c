/* test-preferences.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Preferences window under a real display (Xvfb): the defaults for new registers kept in
 * GSettings and given to a new register, the open register's own deadline policy written into
 * its file (with history), the reminder settings, and the style choice followed by the app.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rectify-application.h"
#include "rectify-categories.h"
#include "rectify-fishbone.h"
#include "rectify-preferences-window.h"
#include "rectify-settings.h"
#include "rectify-window.h"
#include "test-ui-common.h"

static gboolean have_display;

typedef struct
{
  char      *dir;
  char      *path;
  GSettings *settings;
} Fixture;

static void
destroy_and_wait (GtkWidget *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (test_ui_iterate_until (test_ui_is_null, &weak, 5000));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;

  f->dir = g_dir_make_tmp ("rectify-test-preferences-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Client.rectify", NULL);
  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);

  f->settings = rectify_settings_new ();
  g_assert_nonnull (f->settings);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  /* The memory backend lives as long as the process: put every key back. */
  g_object_get (f->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (f->settings, keys[i]);
  g_clear_object (&f->settings);

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);

  g_free (f->path);
  g_free (f->dir);
}

/* The schema's defaults are the core's defaults, key by key, and every policy key has one. */
static void
test_schema_defaults (Fixture       *f,
                      gconstpointer  user_data)
{
  const char * const *keys = rectify_policy_get_keys ();
  g_autoptr(GSettingsSchema) schema = NULL;
  RectifyPolicy from_settings;
  RectifyPolicy core;
  RectifyReminderSettings reminders;

  g_object_get (f->settings, "settings-schema", &schema, NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *key = rectify_settings_policy_key (keys[i]);

      g_test_message ("%s -> %s", keys[i], key);
      g_assert_true (g_settings_schema_has_key (schema, key));
    }

  rectify_policy_init_defaults (&core);
  rectify_settings_get_default_policy (f->settings, &from_settings);
  g_assert_true (rectify_policy_equal (&from_settings, &core));

  rectify_settings_get_reminder_settings (f->settings, &reminders);
  g_assert_cmpuint (reminders.action_lead_days, ==, RECTIFY_REMINDERS_DEFAULT_ACTION_LEAD_DAYS);
  g_assert_cmpuint (reminders.nc_lead_days, ==, RECTIFY_REMINDERS_DEFAULT_NC_LEAD_DAYS);
  g_assert_true (g_settings_get_boolean (f->settings, "reminders-enabled"));
  g_assert_true (g_settings_get_boolean (f->settings, "remind-recent-registers"));

  /* Nothing to apply while the defaults are the core's: no history is written. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RectifyRegister) reg = rectify_register_open (f->path, &error);
    g_autoptr(GPtrArray) history = NULL;

    g_assert_no_error (error);
    g_assert_true (rectify_settings_apply_default_policy (f->settings, reg, &error));
    g_assert_no_error (error);
    history = rectify_register_list_history (reg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 0);
  }
}

/* "Remind About Recent Registers": a switch for its setting, named for screen readers, that
 * only matters while reminders are on. */
static void
test_remind_recent (Fixture       *f,
                    gconstpointer  user_data)
{
  RectifyPreferencesWindow *prefs;
  GtkWidget *recent;
  GtkWidget *row;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  prefs = RECTIFY_PREFERENCES_WINDOW (rectify_preferences_window_new (NULL, f->settings, NULL));
  gtk_window_present (GTK_WINDOW (prefs));
  test_ui_iterate_for (50);

  recent = _rectify_preferences_window_get_recent_switch (prefs);
  row = gtk_widget_get_ancestor (recent, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (recent)));
  g_assert_true (gtk_widget_get_sensitive (row));

  gtk_switch_set_active (GTK_SWITCH (recent), FALSE);
  g_assert_false (g_settings_get_boolean (f->settings, "remind-recent-registers"));
  g_settings_set_boolean (f->settings, "remind-recent-registers", TRUE);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (recent)));

  /* Reminders off: nothing to choose */
  g_settings_set_boolean (f->settings, "reminders-enabled", FALSE);
  g_assert_false (gtk_widget_get_sensitive (row));
  g_settings_set_boolean (f->settings, "reminders-enabled", TRUE);
  g_assert_true (gtk_widget_get_sensitive (row));

  destroy_and_wait (GTK_WIDGET (prefs));
}

/* The defaults page writes GSettings; a register created afterwards gets them. */
static void
test_defaults_for_new_registers (Fixture       *f,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  RectifyPreferencesWindow *prefs;
  GtkWidget *major;
  GtkWidget *cb;
  g_autofree char *new_path = g_build_filename (f->dir, "New.rectify", NULL);
  g_autoptr(RectifyRegister) reg = NULL;
  RectifyPolicy policy;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  prefs = RECTIFY_PREFERENCES_WINDOW (rectify_preferences_window_new (NULL, f->settings, NULL));
  gtk_window_present (GTK_WINDOW (prefs));
  test_ui_iterate_for (50);

  /* No register: no register page. */
  g_assert_null (_rectify_preferences_window_get_policy_widget (prefs, TRUE,
                                                               RECTIFY_POLICY_KEY_MAJOR_DAYS));

  major = _rectify_preferences_window_get_policy_widget (prefs, FALSE, RECTIFY_POLICY_KEY_MAJOR_DAYS);
  cb = _rectify_preferences_window_get_policy_widget (prefs, FALSE, RECTIFY_POLICY_KEY_CB_ACCEPTANCE);
  g_assert_true (GTK_IS_SPIN_BUTTON (major));
  g_assert_true (GTK_IS_SWITCH (cb));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (major)), ==, 90);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (cb)));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (major), 60);
  gtk_switch_set_active (GTK_SWITCH (cb), FALSE);
  g_assert_cmpint (g_settings_get_int (f->settings, "default-policy-major-days"), ==, 60);
  g_assert_false (g_settings_get_boolean (f->settings, "default-policy-cb-acceptance-for-major"));

  /* A change made elsewhere shows in the window. */
  g_settings_set_int (f->settings, "default-policy-minor-days", 200);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (
                     _rectify_preferences_window_get_policy_widget (prefs, FALSE,
                                                                    RECTIFY_POLICY_KEY_MINOR_DAYS))),
                   ==, 200);

  destroy_and_wait (GTK_WIDGET (prefs));

  reg = rectify_register_create (new_path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_settings_apply_default_policy (f->settings, reg, &error));
  g_assert_no_error (error);
  g_clear_object (&reg);

  /* In the file, not only in memory */
  reg = rectify_register_open (new_path, &error);
  g_assert_no_error (error);
  rectify_register_get_policy (reg, &policy);
  g_assert_cmpuint (policy.major_days, ==, 60);
  g_assert_cmpuint (policy.minor_days, ==, 200);
  g_assert_cmpuint (policy.cap_due_days, ==, 30);
  g_assert_false (policy.cb_acceptance_for_major);
  g_assert_true (policy.light_path_for_observations);

  /* The register the other test made is untouched. */
  g_clear_object (&reg);
  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  rectify_register_get_policy (reg, &policy);
  g_assert_cmpuint (policy.major_days, ==, 90);
}

static guint
count_history (RectifyRegister *reg,
               const char      *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rectify_register_list_history (reg, NULL, &error);
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

/* The register page edits the register's own policy: written into the file (with a history
 * row) once the user pauses, or when the window closes; an NC's computed due date follows. */
static void
test_register_policy (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
  RectifyPreferencesWindow *prefs;
  GtkWidget *major;
  GtkWidget *light;
  GtkWidget *minor;
  RectifyPolicy policy;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_object_set (nc, "title", "Leavers keep access", "grade", RECTIFY_GRADE_MAJOR,
                "reported-on", "2026-06-01", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rectify_nonconformity_get_due_on (nc), ==, "2026-08-30");

  /* The defaults page and the register page are separate. */
  g_settings_set_int (f->settings, "default-policy-major-days", 45);

  prefs = RECTIFY_PREFERENCES_WINDOW (rectify_preferences_window_new (NULL, f->settings, reg));
  gtk_window_present (GTK_WINDOW (prefs));
  test_ui_iterate_for (50);

  major = _rectify_preferences_window_get_policy_widget (prefs, TRUE, RECTIFY_POLICY_KEY_MAJOR_DAYS);
  light = _rectify_preferences_window_get_policy_widget (prefs, TRUE, RECTIFY_POLICY_KEY_LIGHT_PATH);
  minor = _rectify_preferences_window_get_policy_widget (prefs, TRUE, RECTIFY_POLICY_KEY_MINOR_DAYS);
  g_assert_true (GTK_IS_SPIN_BUTTON (major));
  g_assert_true (GTK_IS_SWITCH (light));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (major)), ==, 90);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (light)));

  /* Several steps while the user works: one write after the pause */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (major), 91);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (major), 92);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (major), 60);
  rectify_register_get_policy (reg, &policy);
  g_assert_cmpuint (policy.major_days, ==, 90);
  test_ui_iterate_for (1000);
  rectify_register_get_policy (reg, &policy);
  g_assert_cmpuint (policy.major_days, ==, 60);
  g_assert_cmpuint (count_history (reg, RECTIFY_POLICY_KEY_MAJOR_DAYS), ==, 1);
  g_assert_cmpstr (rectify_nonconformity_get_due_on (nc), ==, "2026-07-31");
  /* GSettings is not touched by the register page */
  g_assert_cmpint (g_settings_get_int (f->settings, "default-policy-major-days"), ==, 45);

  /* A change still pending when the window closes is written. */
  gtk_switch_set_active (GTK_SWITCH (light), FALSE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (minor), 180);
  gtk_window_close (GTK_WINDOW (prefs));
  rectify_register_get_policy (reg, &policy);
  g_assert_false (policy.light_path_for_observations);
  g_assert_cmpuint (policy.minor_days, ==, 180);
  g_clear_object (&reg);
  g_clear_object (&nc);
  test_ui_iterate_for (50);

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  rectify_register_get_policy (reg, &policy);
  g_assert_cmpuint (policy.major_days, ==, 60);
  g_assert_cmpuint (policy.minor_days, ==, 180);
  g_assert_false (policy.light_path_for_observations);
  g_assert_true (policy.cb_acceptance_for_major);

  /* "Use Defaults" puts the defaults for new registers on the register. */
  prefs = RECTIFY_PREFERENCES_WINDOW (rectify_preferences_window_new (NULL, f->settings, reg));
  gtk_window_present (GTK_WINDOW (prefs));
  test_ui_iterate_for (50);
  major = _rectify_preferences_window_get_policy_widget (prefs, TRUE, RECTIFY_POLICY_KEY_MAJOR_DAYS);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (major)), ==, 60);
  {
    GtkWidget *group = gtk_widget_get_ancestor (major, ADW_TYPE_PREFERENCES_GROUP);
    GtkWidget *button = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group));

    g_assert_true (GTK_IS_BUTTON (button));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Use Defaults");
    g_signal_emit_by_name (button, "clicked");
  }
  rectify_register_get_policy (reg, &policy);
  g_assert_cmpuint (policy.major_days, ==, 45);
  g_assert_cmpuint (policy.minor_days, ==, 365);
  g_assert_true (policy.light_path_for_observations);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (major)), ==, 45);
  destroy_and_wait (GTK_WIDGET (prefs));
}

static gboolean
has_preferences_window (gpointer data)
{
  GtkApplication *app = data;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (RECTIFY_IS_PREFERENCES_WINDOW (l->data))
      return TRUE;

  return FALSE;
}

/* app.preferences (Ctrl+comma) opens the window on the active window's register, and the style
 * choice is followed by the style manager. */
static void
test_app_action (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_auto(GStrv) accels = NULL;
  AdwStyleManager *style = NULL;
  RectifyWindow *window;
  GtkWindow *prefs = NULL;
  RectifyRegister *prefs_reg = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  app = g_object_new (RECTIFY_TYPE_APPLICATION,
                      "application-id", "io.github.rectify.Rectify.TestPreferences",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/rectify/Rectify",
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  accels = gtk_application_get_accels_for_action (app, "app.preferences");
  g_assert_cmpstrv (accels, ((const char *[]) { "<Control>comma", NULL }));

  window = rectify_window_new (app);
  g_assert_true (rectify_window_open_file (window, file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_iterate_for (100);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (test_ui_iterate_until (has_preferences_window, app, 5000));
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (RECTIFY_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_object_get (prefs, "register", &prefs_reg, NULL);
  g_assert_true (prefs_reg == rectify_window_get_register (window));
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
  g_clear_object (&prefs_reg);

  /* A second activation presents the same window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  test_ui_iterate_for (50);
  {
    guint n = 0;

    for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
      n += RECTIFY_IS_PREFERENCES_WINDOW (l->data) ? 1 : 0;
    g_assert_cmpuint (n, ==, 1);
  }

  style = adw_style_manager_get_default ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_settings_set_string (f->settings, "style-variant", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (f->settings, "style-variant", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_string (f->settings, "style-variant", "follow");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  destroy_and_wait (GTK_WIDGET (prefs));
  destroy_and_wait (GTK_WIDGET (window));
}

/* The register's default fishbone categories: shown one a line, saved into the register, a
 * refusal shown, and back to the built-in set. */
static void
test_register_categories (Fixture       *f,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
  g_auto(GStrv) categories = NULL;
  RectifyPreferencesWindow *prefs;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *expected[] = { "People", "Legal", "Facilities", NULL };

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_object_set (nc, "title", "Leavers keep access", "reported-on", "2026-06-01", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_no_error (error);

  prefs = RECTIFY_PREFERENCES_WINDOW (rectify_preferences_window_new (NULL, f->settings, reg));
  gtk_window_present (GTK_WINDOW (prefs));
  test_ui_iterate_for (50);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (_rectify_preferences_window_get_categories_view (prefs)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "People\nProcess\nTechnology\nPolicy & documentation\n"
                             "Suppliers & third parties\nEnvironment");

  gtk_text_buffer_set_text (buffer, "People\n  Legal \n\nFacilities\n", -1);
  g_assert_true (_rectify_preferences_window_apply_categories (prefs, FALSE, &error));
  g_assert_no_error (error);
  categories = rectify_categories_get_for_nc (reg, nc);
  g_assert_true (g_strv_equal ((const char * const *)categories, expected));
  g_clear_pointer (&categories, g_strfreev);

  /* A duplicate is refused and nothing changes */
  gtk_text_buffer_set_text (buffer, "Legal\nlegal", -1);
  g_assert_false (_rectify_preferences_window_apply_categories (prefs, FALSE, &error));
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  categories = rectify_categories_get_for_nc (reg, nc);
  g_assert_true (g_strv_equal ((const char * const *)categories, expected));
  g_clear_pointer (&categories, g_strfreev);

  /* Back to the built-in set */
  g_assert_true (_rectify_preferences_window_apply_categories (prefs, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (rectify_categories_has_default_set (reg));
  categories = rectify_categories_get_for_nc (reg, nc);
  g_assert_true (g_strv_equal ((const char * const *)categories,
                               rectify_fishbone_default_categories ()));

  destroy_and_wait (GTK_WIDGET (prefs));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add ("/Rectify/Preferences/schema-defaults", Fixture, NULL,
              fixture_set_up, test_schema_defaults, fixture_tear_down);
  g_test_add ("/Rectify/Preferences/remind-recent", Fixture, NULL,
              fixture_set_up, test_remind_recent, fixture_tear_down);
  g_test_add ("/Rectify/Preferences/defaults-for-new-registers", Fixture, NULL,
              fixture_set_up, test_defaults_for_new_registers, fixture_tear_down);
  g_test_add ("/Rectify/Preferences/register-policy", Fixture, NULL,
              fixture_set_up, test_register_policy, fixture_tear_down);
  g_test_add ("/Rectify/Preferences/register-categories", Fixture, NULL,
              fixture_set_up, test_register_categories, fixture_tear_down);
  g_test_add ("/Rectify/Preferences/app-action", Fixture, NULL,
              fixture_set_up, test_app_action, fixture_tear_down);

  return g_test_run ();
}
