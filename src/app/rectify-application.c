/* rectify-application.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-application"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>

#include "rectify-action-dialog.h"
#include "rectify-application.h"
#include "rectify-notifier.h"
#include "rectify-preferences-window.h"
#include "rectify-settings.h"
#include "rectify-window.h"

/* How long after the start the recent registers that are not open are checked */
#define RECENT_REMINDERS_DELAY_MS 3000

struct _RectifyApplication
{
  AdwApplication   parent_instance;

  /* NULL when the schema is not installed */
  GSettings       *settings;
  RectifyNotifier *notifier;
};

G_DEFINE_FINAL_TYPE (RectifyApplication, rectify_application, ADW_TYPE_APPLICATION)

static RectifyWindow *
get_or_create_window (RectifyApplication *self)
{
  GtkWindow *window;

  g_assert (RECTIFY_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (RECTIFY_IS_WINDOW (window))
    return RECTIFY_WINDOW (window);

  return rectify_window_new (GTK_APPLICATION (self));
}

/* The window that already shows @file, if any. */
static RectifyWindow *
find_window_for_file (RectifyApplication *self,
                      GFile              *file)
{
  g_assert (RECTIFY_IS_APPLICATION (self));
  g_assert (G_IS_FILE (file));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      RectifyRegister *reg;
      g_autoptr(GFile) open_file = NULL;

      if (!RECTIFY_IS_WINDOW (l->data))
        continue;

      reg = rectify_window_get_register (RECTIFY_WINDOW (l->data));
      if (reg == NULL)
        continue;

      open_file = g_file_new_for_path (rectify_register_get_path (reg));
      if (g_file_equal (open_file, file))
        return RECTIFY_WINDOW (l->data);
    }

  return NULL;
}

/* Follows the "style-variant" setting. */
static void
update_style (RectifyApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *style = NULL;
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  g_assert (RECTIFY_IS_APPLICATION (self));

  if (self->settings == NULL)
    return;

  style = g_settings_get_string (self->settings, "style-variant");
  if (g_strcmp0 (style, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (style, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (manager, scheme);
}

/* Callbacks */

static void
style_changed_cb (RectifyApplication *self)
{
  update_style (self);
}

static void
rectify_application_open_action (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  RectifyApplication *self = user_data;
  RectifyWindow *window = get_or_create_window (self);

  gtk_window_present (GTK_WINDOW (window));
  rectify_window_show_open_dialog (window);
}

static void
rectify_application_new_register_action (GSimpleAction *action,
                                         GVariant      *param,
                                         gpointer       user_data)
{
  RectifyApplication *self = user_data;
  RectifyWindow *window = get_or_create_window (self);

  gtk_window_present (GTK_WINDOW (window));
  rectify_window_show_new_dialog (window);
}

static void
rectify_application_open_recent_action (GSimpleAction *action,
                                        GVariant      *param,
                                        gpointer       user_data)
{
  RectifyApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  g_application_open (G_APPLICATION (self), &file, 1, "");
}

static void
rectify_application_quit_action (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  RectifyApplication *self = user_data;
  GList *windows;

  /* Close the windows first, so each one saves its size and closes its register. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))))
    gtk_window_destroy (windows->data);

  g_application_quit (G_APPLICATION (self));
}

static void
rectify_application_preferences_action (GSimpleAction *action,
                                        GVariant      *param,
                                        gpointer       user_data)
{
  RectifyApplication *self = user_data;
  RectifyWindow *parent = NULL;
  RectifyRegister *reg = NULL;
  GtkWidget *preferences;

  if (self->settings == NULL)
    return;

  /* The windows are in the order they were last focused. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (RECTIFY_IS_PREFERENCES_WINDOW (l->data))
        {
          gtk_window_present (l->data);
          return;
        }

      if (parent == NULL && RECTIFY_IS_WINDOW (l->data))
        parent = l->data;
    }

  if (parent != NULL)
    reg = rectify_window_get_register (parent);

  preferences = rectify_preferences_window_new (GTK_WINDOW (parent), self->settings, reg);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* Opens @file in a window that shows the welcome page, or in a new one, before returning (the
 * caller goes on to show an item of it); says why in a dialog when it cannot be opened. */
static RectifyWindow *
open_file_now (RectifyApplication *self,
               GFile              *file)
{
  g_autoptr(GError) error = NULL;
  RectifyWindow *window;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (RECTIFY_IS_WINDOW (active) &&
      rectify_window_get_register (RECTIFY_WINDOW (active)) == NULL &&
      !rectify_window_is_opening (RECTIFY_WINDOW (active)))
    window = RECTIFY_WINDOW (active);
  else
    window = rectify_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));

  if (!rectify_window_open_file (window, file, &error))
    {
      AdwMessageDialog *dialog;
      g_autofree char *name = g_file_get_basename (file);

      g_warning ("Could not open %s: %s", name, error->message);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                           _("Could Not Open Register"), NULL));
      /* Translators: %s is a file name, then the technical reason */
      adw_message_dialog_format_body (dialog, _("“%s” could not be opened: %s"),
                                      name, error->message);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return NULL;
    }

  return window;
}

/* app.show-item ("(ssx)": register path, "nc", "action" or "register", id), the default action
 * of a reminder: opens the register if needed, then the item. */
static void
rectify_application_show_item_action (GSimpleAction *action,
                                      GVariant      *param,
                                      gpointer       user_data)
{
  RectifyApplication *self = user_data;
  g_autoptr(GFile) file = NULL;
  RectifyWindow *window;
  RectifyRegister *reg;
  const char *path;
  const char *kind;
  gint64 id;

  g_variant_get (param, "(&s&sx)", &path, &kind, &id);
  file = g_file_new_for_path (path);

  if ((window = find_window_for_file (self, file)) == NULL &&
      (window = open_file_now (self, file)) == NULL)
    return;

  gtk_window_present (GTK_WINDOW (window));
  reg = rectify_window_get_register (window);

  if (g_strcmp0 (kind, "nc") == 0)
    {
      RectifyNonconformity *nc = rectify_register_lookup_nonconformity (reg, id);

      if (nc != NULL)
        rectify_window_show_nonconformity (window, nc);
    }
  else if (g_strcmp0 (kind, "action") == 0)
    {
      RectifyAction *corrective_action = rectify_register_lookup_action (reg, id);
      g_autoptr(GListModel) ncs = NULL;
      g_autoptr(RectifyNonconformity) nc = NULL;
      GtkWidget *dialog;

      if (corrective_action == NULL)
        return;

      /* The NC it addresses in the editor, the action in its dialog over it */
      ncs = rectify_register_list_nonconformities_for (reg, corrective_action);
      if (g_list_model_get_n_items (ncs) > 0)
        {
          nc = g_list_model_get_item (ncs, 0);
          rectify_window_show_nonconformity (window, nc);
        }

      dialog = rectify_action_dialog_new (GTK_WINDOW (window), reg, nc, corrective_action);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* What a bug report needs to know, shown in the About window's troubleshooting page. */
static char *
make_debug_info (void)
{
  GString *info = g_string_new (NULL);

  g_string_append_printf (info, "Rectify %s (%s, profile %s)\n", PACKAGE_VERSION, APP_ID, PROFILE);
  g_string_append_printf (info, "GTK %u.%u.%u\n", gtk_get_major_version (),
                          gtk_get_minor_version (), gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita %u.%u.%u\n", adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version ());
  g_string_append_printf (info, "GLib %u.%u.%u\n", glib_major_version, glib_minor_version,
                          glib_micro_version);
  g_string_append_printf (info, "Flatpak: %s\n",
                          g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ? "yes" : "no");

  return g_string_free (info, FALSE);
}

static void
rectify_application_about_action (GSimpleAction *action,
                                  GVariant      *param,
                                  gpointer       user_data)
{
  RectifyApplication *self = user_data;
  static const char *developers[] = { "The Rectify authors", NULL };
  static const char *libraries[] = {
    "GTK https://gtk.org",
    "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
    "SQLite https://sqlite.org",
    "libxlsxwriter https://libxlsxwriter.github.io",
    "libcsv https://github.com/rgamble/libcsv",
    NULL
  };
  g_autofree char *debug_info = make_debug_info ();
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_set_application (GTK_WINDOW (about), GTK_APPLICATION (self));

  adw_about_window_set_application_name (about, _("Rectify"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_comments (about, _("Corrective actions for ISO/IEC 27001 nonconformities"));
  adw_about_window_set_website (about, PACKAGE_URL);
  adw_about_window_set_issue_url (about, PACKAGE_URL "/issues");
  adw_about_window_set_developer_name (about, _("The Rectify authors"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_copyright (about, _("© 2026 The Rectify authors"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* Translators: put your names here, one per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_set_debug_info (about, debug_info);
  adw_about_window_set_debug_info_filename (about, "rectify-debug-info.txt");

  /* Translators: the title of the list of libraries Rectify is built on */
  adw_about_window_add_acknowledgement_section (about, _("Built With"), libraries);
  /* The libraries the Flatpak bundles */
  adw_about_window_add_legal_section (about, "libxlsxwriter",
                                      "© 2014–2021 John McNamara", GTK_LICENSE_BSD, NULL);
  adw_about_window_add_legal_section (about, "libcsv",
                                      "© 2008 Robert Gamble", GTK_LICENSE_LGPL_2_1, NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "open", rectify_application_open_action },
  { "new-register", rectify_application_new_register_action },
  { "open-recent", rectify_application_open_recent_action, "s" },
  { "quit", rectify_application_quit_action },
  { "preferences", rectify_application_preferences_action },
  { "show-item", rectify_application_show_item_action, "(ssx)" },
  { "about", rectify_application_about_action },
};

/* Logging out, a shutdown or a kill from a terminal (SIGTERM, SIGHUP, SIGINT) closes the windows
 * as Quit does, so that an edit not yet saved (the pause after typing) is saved and the register
 * closed, instead of the process ending where it is. */
static gboolean
quit_on_signal_cb (gpointer user_data)
{
  RectifyApplication *self = user_data;

  g_debug ("Quitting on a signal");
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);

  return G_SOURCE_CONTINUE;
}

static gboolean
opening_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* A register still being read in a thread (a window opening it, or reading it again after an
 * outside change) is closed by the window's callback: let those callbacks run before the process
 * ends, so that every register is closed and its write-ahead log written back (at most 10 s). */
static void
rectify_application_shutdown (GApplication *app)
{
  gboolean timed_out = FALSE;
  guint timeout_id = 0;

  if (rectify_register_n_opening () > 0)
    timeout_id = g_timeout_add_seconds (10, opening_timeout_cb, &timed_out);
  while (rectify_register_n_opening () > 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_clear_handle_id (&timeout_id, g_source_remove);

  G_APPLICATION_CLASS (rectify_application_parent_class)->shutdown (app);
}

static void
rectify_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.open", { "<Control>o", NULL } },
    { "app.new-register", { "<Control><Shift>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new-nc", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.import", { "<Control>i", NULL } },
  };
  RectifyApplication *self = RECTIFY_APPLICATION (app);

  G_APPLICATION_CLASS (rectify_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  self->settings = rectify_settings_new ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::style-variant",
                               G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
      update_style (self);
    }
  else
    {
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                                "preferences")),
                                   FALSE);
    }

  /* Reminders of the registers the windows open, and of the recent ones once the window of the
   * last one is up */
  self->notifier = rectify_notifier_new (GTK_APPLICATION (self), self->settings);
  rectify_notifier_check_recent_later (self->notifier, RECENT_REMINDERS_DELAY_MS);

  gtk_window_set_default_icon_name (APP_ID);

  g_unix_signal_add (SIGTERM, quit_on_signal_cb, self);
  g_unix_signal_add (SIGHUP, quit_on_signal_cb, self);
  g_unix_signal_add (SIGINT, quit_on_signal_cb, self);
}

static void
rectify_application_activate (GApplication *app)
{
  RectifyApplication *self = RECTIFY_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      /* The last register is read from while the window is built */
      window = GTK_WINDOW (rectify_window_new_restoring_session (GTK_APPLICATION (self)));
    }

  gtk_window_present (window);
}

static void
rectify_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  RectifyApplication *self = RECTIFY_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      RectifyWindow *window;
      GtkWindow *active;

      if ((window = find_window_for_file (self, files[i])))
        {
          gtk_window_present (GTK_WINDOW (window));
          continue;
        }

      /* Reuse a window that shows the welcome page; otherwise open a new one. */
      active = gtk_application_get_active_window (GTK_APPLICATION (self));
      /* Read in a thread (for a new window, while it is built); the window says why when it
       * cannot be opened */
      if (RECTIFY_IS_WINDOW (active) &&
          rectify_window_get_register (RECTIFY_WINDOW (active)) == NULL &&
          !rectify_window_is_opening (RECTIFY_WINDOW (active)))
        {
          window = RECTIFY_WINDOW (active);
          rectify_window_open_file_async (window, files[i]);
        }
      else
        window = rectify_window_new_for_file (GTK_APPLICATION (self), files[i]);

      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
rectify_application_dispose (GObject *object)
{
  RectifyApplication *self = RECTIFY_APPLICATION (object);

  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rectify_application_parent_class)->dispose (object);
}

static void
rectify_application_class_init (RectifyApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rectify_application_dispose;

  app_class->startup = rectify_application_startup;
  app_class->shutdown = rectify_application_shutdown;
  app_class->activate = rectify_application_activate;
  app_class->open = rectify_application_open;
}

static void
rectify_application_init (RectifyApplication *self)
{
}

/* For tests: the reminders. (transfer none) (nullable): NULL before startup */
RectifyNotifier *
_rectify_application_get_notifier (RectifyApplication *self)
{
  g_return_val_if_fail (RECTIFY_IS_APPLICATION (self), NULL);

  return self->notifier;
}

RectifyApplication *
rectify_application_new (void)
{
  return g_object_new (RECTIFY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/rectify/Rectify",
                       NULL);
}
