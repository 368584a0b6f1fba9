/* test-shortcuts.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keyboard shortcuts window lists every shortcut, and the About window says what it must.
 *
 * Shortcuts are gathered from the running app under Xvfb: the accelerators of the application's
 * actions, and the shortcuts of the widgets in every window (the main window on a register, the
 * analysis window, the board, the Preferences window and the dialogs): those a Rectify widget
 * class adds to what its GTK or libadwaita parent class has, and those of shortcut controllers
 * added to widgets that call a named action. Each must be in gtk/help-overlay.ui, by its action
 * or by its accelerator. Keypad twins (KP_Delete for Delete) count as the main key.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rectify-action-dialog.h"
#include "rectify-analysis-window.h"
#include "rectify-audit-dialog.h"
#include "rectify-board.h"
#include "rectify-import-dialog.h"
#include "rectify-preferences-window.h"
#include "rectify-settings.h"
#include "rectify-window-private.h"
#include "test-ui-common.h"

#define CLASS_SHORTCUTS "gtk-widget-class-shortcuts"

static gboolean            have_display;
static RectifyApplication *app;
static char               *demo_dir;
static char               *demo_path;

/* Helpers */

/* The main key of keypad twins */
static guint
main_keyval (guint keyval)
{
  static const struct {
    guint keypad;
    guint main;
  } twins[] = {
    { GDK_KEY_KP_Insert, GDK_KEY_Insert },
    { GDK_KEY_KP_Delete, GDK_KEY_Delete },
    { GDK_KEY_KP_Enter, GDK_KEY_Return },
    { GDK_KEY_ISO_Enter, GDK_KEY_Return },
    { GDK_KEY_KP_Add, GDK_KEY_plus },
    { GDK_KEY_KP_Subtract, GDK_KEY_minus },
    { GDK_KEY_KP_0, GDK_KEY_0 },
    { GDK_KEY_KP_Up, GDK_KEY_Up },
    { GDK_KEY_KP_Down, GDK_KEY_Down },
    { GDK_KEY_KP_Left, GDK_KEY_Left },
    { GDK_KEY_KP_Right, GDK_KEY_Right },
    { GDK_KEY_KP_Home, GDK_KEY_Home },
    { GDK_KEY_KP_End, GDK_KEY_End },
    { GDK_KEY_KP_Space, GDK_KEY_space },
    { GDK_KEY_KP_Tab, GDK_KEY_Tab },
  };

  for (guint i = 0; i < G_N_ELEMENTS (twins); i++)
    if (keyval == twins[i].keypad)
      return twins[i].main;

  return gdk_keyval_to_lower (keyval);
}

static char *
normalize (guint           keyval,
           GdkModifierType mods)
{
  return gtk_accelerator_name (main_keyval (keyval), mods & gtk_accelerator_get_default_mod_mask ());
}

/* Adds the accelerators of "<Control>plus <Control>equal" to @set. */
static void
add_accelerators (GHashTable *set,
                  const char *accelerators)
{
  g_auto(GStrv) parts = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint keyval;
      GdkModifierType mods;

      if (parts[i][0] == '\0')
        continue;

      g_assert_true (gtk_accelerator_parse (parts[i], &keyval, &mods));
      g_hash_table_add (set, normalize (keyval, mods));
    }
}

/* The keys of @trigger (two for an alternative trigger), normalized, into @keys. */
static void
trigger_keys (GtkShortcutTrigger *trigger,
              GPtrArray          *keys)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      GtkKeyvalTrigger *key = GTK_KEYVAL_TRIGGER (trigger);

      g_ptr_array_add (keys, normalize (gtk_keyval_trigger_get_keyval (key),
                                        gtk_keyval_trigger_get_modifiers (key)));
    }
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      trigger_keys (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keys);
      trigger_keys (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keys);
    }
}

static char *
shortcut_string (GtkShortcut *shortcut)
{
  g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
  g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

  return g_strdup_printf ("%s -> %s", trigger, action);
}

static GtkEventController *
find_class_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), CLASS_SHORTCUTS) == 0)
        return controller;
    }

  return NULL;
}

/* The class shortcuts of an instance of @type, as strings (empty for an abstract type). Cached
 * per type. (transfer none) */
static GHashTable *
class_shortcuts_of_type (GType type)
{
  static GHashTable *cache;
  GHashTable *set;
  GtkWidget *instance;
  GtkEventController *controller;

  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  if ((set = g_hash_table_lookup (cache, GSIZE_TO_POINTER (type))) != NULL)
    return set;

  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (cache, GSIZE_TO_POINTER (type), set);
  if (G_TYPE_IS_ABSTRACT (type))
    return set;

  instance = g_object_ref_sink (g_object_new (type, NULL));
  if ((controller = find_class_controller (instance)) != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
      {
        g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);

        g_hash_table_add (set, shortcut_string (shortcut));
      }

  if (GTK_IS_WINDOW (instance))
    gtk_window_destroy (GTK_WINDOW (instance));
  g_object_unref (instance);

  return set;
}

static gboolean
is_ours (GType type)
{
  return g_str_has_prefix (g_type_name (type), "Rectify");
}

typedef struct
{
  GHashTable *listed;    /* normalized accelerators in the shortcuts window */
  GPtrArray  *missing;   /* "RectifyFishboneView: w -> action(fishbone.add-why)" */
  GHashTable *reported;
  guint       n_checked;
} Check;

static void
check_shortcut (Check       *check,
                const char  *owner,
                GtkShortcut *shortcut)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  trigger_keys (gtk_shortcut_get_trigger (shortcut), keys);
  check->n_checked++;

  for (guint i = 0; i < keys->len; i++)
    if (!g_hash_table_contains (check->listed, g_ptr_array_index (keys, i)))
      {
        g_autofree char *text = shortcut_string (shortcut);
        char *line = g_strdup_printf ("%s: %s", owner, text);

        if (g_hash_table_add (check->reported, line))
          g_ptr_array_add (check->missing, g_strdup (line));
        return;
      }
}

static void
check_widget (Check     *check,
              GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GType type = G_OBJECT_TYPE (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      const char *name;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      name = gtk_event_controller_get_name (controller);
      if (g_strcmp0 (name, CLASS_SHORTCUTS) == 0 && is_ours (type))
        {
          GType parent = type;
          GHashTable *inherited;

          /* What the nearest GTK or libadwaita class has is not ours. */
          while (is_ours (parent))
            parent = g_type_parent (parent);
          inherited = class_shortcuts_of_type (parent);

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              g_autofree char *text = shortcut_string (shortcut);

              if (!g_hash_table_contains (inherited, text))
                check_shortcut (check, G_OBJECT_TYPE_NAME (widget), shortcut);
            }
        }
      else if (name == NULL)
        {
          /* A controller added by our code: the ones that call named actions (GTK adds
           * unnamed ones for mnemonics and to show accelerators in menus, calling signals). */
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

              if (GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (shortcut)))
                check_shortcut (check, G_OBJECT_TYPE_NAME (widget), shortcut);
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (check, child);
}

/* What the shortcuts window lists: accelerators (normalized) and actions. */
static void
load_help_overlay (GHashTable *listed,
                   GHashTable *actions)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/rectify/Rectify/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  guint n_shortcuts = 0;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;
      g_autofree char *title = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      n_shortcuts++;
      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action,
                    "title", &title, NULL);
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");

      if (accelerator != NULL)
        add_accelerators (listed, accelerator);

      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                        action);

          /* No entry for an action without a shortcut */
          g_test_message ("%s: %s", title, action);
          g_assert_nonnull (accels[0]);
          for (guint i = 0; accels[i] != NULL; i++)
            add_accelerators (listed, accels[i]);
          g_hash_table_add (actions, g_steal_pointer (&action));
        }
    }

  g_assert_cmpuint (n_shortcuts, >, 5);
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_WINDOW (l->data))
      gtk_window_destroy (l->data);
}

static gboolean
skip_without_display (void)
{
  if (!have_display)
    g_test_skip ("no display");
  return !have_display;
}

/* Tests */

static void
test_shortcuts_complete (void)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) described = NULL;
  g_autoptr(GSettings) settings = rectify_settings_new ();
  g_autofree char *csv = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  Check check = { 0 };
  RectifyWindow *window;
  RectifyRegister *reg;
  RectifyNonconformity *nc = NULL;
  GListModel *ncs;
  GtkWidget *board_window;
  GtkWidget *board;
  GtkWidget *windows[6];

  if (skip_without_display ())
    return;

  load_help_overlay (listed, actions);

  /* 1. Every accelerator of the application's actions */
  described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_assert_true (g_strv_contains ((const char * const *)described, "app.preferences"));
  g_assert_true (g_strv_contains ((const char * const *)described, "win.show-help-overlay"));
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    described[i]);

      if (accels[0] == NULL)
        continue;

      check.n_checked++;
      if (!g_hash_table_contains (actions, described[i]))
        g_ptr_array_add (missing, g_strdup_printf ("application: %s (%s)", described[i],
                                                   accels[0]));
    }

  /* 2. The shortcuts of the widgets in every window */
  window = test_ui_open_window (app, demo_path);
  reg = rectify_window_get_register (window);
  ncs = rectify_register_get_nonconformities (reg);
  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) item = g_list_model_get_item (ncs, i);

      if (rectify_nonconformity_get_status (item) == RECTIFY_STATUS_ANALYSIS)
        nc = item;
    }
  g_assert_nonnull (nc);
  rectify_window_show_nonconformity (window, nc);
  rectify_analysis_window_present (GTK_WINDOW (window), reg, test_ui_find_analysed_nc (reg));

  board_window = gtk_window_new ();
  board = rectify_board_new ();
  rectify_board_set_register (RECTIFY_BOARD (board), reg);
  gtk_window_set_child (GTK_WINDOW (board_window), board);
  gtk_window_present (GTK_WINDOW (board_window));

  csv = g_build_filename (g_getenv ("RECTIFY_TESTDATA"), "import", "good.csv", NULL);
  csv_file = g_file_new_for_path (csv);
  windows[0] = rectify_action_dialog_new (GTK_WINDOW (window), reg, nc, NULL);
  windows[1] = rectify_audit_dialog_new (GTK_WINDOW (window), reg, NULL);
  windows[2] = GTK_WIDGET (rectify_import_dialog_new (GTK_WINDOW (window), reg, csv_file));
  windows[3] = rectify_preferences_window_new (GTK_WINDOW (window), settings, reg);
  windows[4] = rectify_analysis_window_lookup (reg, test_ui_find_analysed_nc (reg));
  windows[5] = board_window;
  for (guint i = 0; i < 4; i++)
    gtk_window_present (GTK_WINDOW (windows[i]));
  test_ui_iterate_for (300);

  check.listed = listed;
  check.missing = missing;
  check.reported = reported;
  check_widget (&check, GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      g_assert_true (GTK_IS_WINDOW (windows[i]));
      check_widget (&check, windows[i]);
    }

  g_test_message ("%u shortcuts checked", check.n_checked);
  g_assert_cmpuint (check.n_checked, >, 30);

  for (guint i = 0; i < missing->len; i++)
    {
      g_test_message ("not in the shortcuts window: %s", (char *)g_ptr_array_index (missing, i));
      g_string_append_printf (text, "\n  %s", (char *)g_ptr_array_index (missing, i));
    }
  if (missing->len > 0)
    g_test_fail_printf ("%u shortcuts are not in the shortcuts window:%s", missing->len, text->str);

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    test_ui_destroy (windows[i]);
  test_ui_destroy (GTK_WIDGET (window));
}

/* The shortcuts window is what win.show-help-overlay shows, and it opens. */
static void
test_shortcuts_window (void)
{
  g_auto(GStrv) accels = NULL;
  RectifyWindow *window;
  GtkWindow *overlay;

  if (skip_without_display ())
    return;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *)accels, "<Control>question"));

  window = test_ui_open_window (app, demo_path);
  overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  test_ui_iterate_for (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (overlay);
  test_ui_destroy (GTK_WIDGET (window));
}

static gboolean
find_about (gpointer data)
{
  AdwAboutWindow **about = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      *about = l->data;

  return *about != NULL;
}

/* The About window: version, licence, credits, links; in step with the metainfo. */
static void
test_about (void)
{
  g_autofree char *metainfo_path = NULL;
  g_autofree char *metainfo = NULL;
  g_autofree char *release = NULL;
  AdwAboutWindow *about = NULL;
  RectifyWindow *window;
  const char * const *developers;

  if (skip_without_display ())
    return;

  window = test_ui_open_window (app, demo_path);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (test_ui_iterate_until (find_about, &about, 5000));

  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Rectify");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, PACKAGE_URL);
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, PACKAGE_URL "/issues");
  g_assert_nonnull (adw_about_window_get_comments (about));
  g_assert_nonnull (adw_about_window_get_copyright (about));
  g_assert_nonnull (adw_about_window_get_developer_name (about));
  developers = adw_about_window_get_developers (about);
  g_assert_nonnull (developers);
  g_assert_nonnull (developers[0]);
  g_assert_nonnull (adw_about_window_get_translator_credits (about));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (about), "GTK 4."));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (about), PACKAGE_VERSION));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));

  /* The same version and licence as the metainfo says */
  metainfo_path = g_build_filename (g_getenv ("RECTIFY_SRCDIR"), "data",
                                    "io.github.rectify.Rectify.metainfo.xml.in", NULL);
  g_assert_true (g_file_get_contents (metainfo_path, &metainfo, NULL, NULL));
  g_assert_nonnull (strstr (metainfo, "<project_license>GPL-3.0-or-later</project_license>"));
  release = g_strdup_printf ("<release version=\"%s\"", PACKAGE_VERSION);
  g_assert_nonnull (strstr (metainfo, release));
  g_assert_nonnull (strstr (metainfo, "<url type=\"homepage\">" PACKAGE_URL "</url>"));
  g_assert_nonnull (strstr (metainfo, "<url type=\"bugtracker\">" PACKAGE_URL "/issues</url>"));

  test_ui_destroy (GTK_WIDGET (about));
  test_ui_destroy (GTK_WIDGET (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      app = test_ui_new_application ("Shortcuts");
      demo_dir = test_ui_make_demo_folder ();
      demo_path = g_build_filename (demo_dir, "Demo.rectify", NULL);
    }

  g_test_add_func ("/Rectify/Shortcuts/complete", test_shortcuts_complete);
  g_test_add_func ("/Rectify/Shortcuts/window", test_shortcuts_window);
  g_test_add_func ("/Rectify/About/window", test_about);

  status = g_test_run ();

  if (demo_dir != NULL)
    test_ui_remove_folder (demo_dir);
  g_clear_pointer (&demo_dir, g_free);
  g_clear_pointer (&demo_path, g_free);
  g_clear_object (&app);

  return status;
}
