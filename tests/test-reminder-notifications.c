/* test-reminder-notifications.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminders as desktop notifications, end to end under Xvfb and a session bus: the application
 * sends them through GIO's freedesktop backend to a notification server played by this test
 * (org.freedesktop.Notifications on the session bus), and "clicking" one (the server's
 * ActionInvoked signal) must open the item. The day comes from RECTIFY_TODAY (2026-06-15 in the
 * test environment) and is moved by the test. The recent registers that no window has open are
 * reminded of too, read in a thread without being changed.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rectify-action-dialog.h"
#include "rectify-application.h"
#include "rectify-date.h"
#include "rectify-nc-editor.h"
#include "rectify-notifier-private.h"
#include "rectify-settings.h"
#include "rectify-window-private.h"
#include "test-ui-common.h"

#define TODAY "2026-06-15"

/* What the notification server was asked to do */
typedef struct
{
  guint32  id;
  char    *summary;
  char    *body;
  char   **actions;
} Shown;

/* What the notifier said it sent */
typedef struct
{
  char     *id;
  char     *action;
  GVariant *target;
} Sent;

static gboolean         have_display;
static gboolean         have_server;
static GDBusConnection *bus;
static GPtrArray       *shown;     /* Shown */
static GArray          *closed;    /* guint32 */
static guint32          next_id = 1;
static GPtrArray       *sent;      /* Sent */
static RectifyApplication *app;
static GSettings       *settings;
static char            *tmpdir;

static void
shown_free (gpointer data)
{
  Shown *s = data;

  g_free (s->summary);
  g_free (s->body);
  g_strfreev (s->actions);
  g_free (s);
}

static void
sent_free (gpointer data)
{
  Sent *s = data;

  g_free (s->id);
  g_free (s->action);
  g_variant_unref (s->target);
  g_free (s);
}

/* The notification server */

static const char server_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg name='app_name' type='s' direction='in'/>"
  "      <arg name='replaces_id' type='u' direction='in'/>"
  "      <arg name='app_icon' type='s' direction='in'/>"
  "      <arg name='summary' type='s' direction='in'/>"
  "      <arg name='body' type='s' direction='in'/>"
  "      <arg name='actions' type='as' direction='in'/>"
  "      <arg name='hints' type='a{sv}' direction='in'/>"
  "      <arg name='expire_timeout' type='i' direction='in'/>"
  "      <arg name='id' type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg name='id' type='u' direction='in'/>"
  "    </method>"
  "    <method name='GetCapabilities'>"
  "      <arg name='capabilities' type='as' direction='out'/>"
  "    </method>"
  "    <method name='GetServerInformation'>"
  "      <arg name='name' type='s' direction='out'/>"
  "      <arg name='vendor' type='s' direction='out'/>"
  "      <arg name='version' type='s' direction='out'/>"
  "      <arg name='spec_version' type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'>"
  "      <arg name='id' type='u'/>"
  "      <arg name='action_key' type='s'/>"
  "    </signal>"
  "    <signal name='NotificationClosed'>"
  "      <arg name='id' type='u'/>"
  "      <arg name='reason' type='u'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

static void
server_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  if (g_strcmp0 (method_name, "Notify") == 0)
    {
      Shown *s = g_new0 (Shown, 1);
      guint32 replaces_id;

      g_variant_get (parameters, "(&su&sss^as@a{sv}i)", NULL, &replaces_id, NULL,
                     &s->summary, &s->body, &s->actions, NULL, NULL);
      s->id = replaces_id != 0 ? replaces_id : next_id++;
      g_test_message ("Notify %u: %s | %s", s->id, s->summary, s->body);
      g_ptr_array_add (shown, s);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", s->id));
    }
  else if (g_strcmp0 (method_name, "CloseNotification") == 0)
    {
      guint32 id;

      g_variant_get (parameters, "(u)", &id);
      g_array_append_val (closed, id);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_strcmp0 (method_name, "GetCapabilities") == 0)
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(ssss)", "test", "rectify", "1",
                                                            "1.2"));
    }
}

static const GDBusInterfaceVTable server_vtable = { server_method_call, NULL, NULL, { 0 } };

/* Owns org.freedesktop.Notifications on the session bus; FALSE when there is no bus or another
 * server has the name. */
static gboolean
start_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GVariant) reply = NULL;
  guint32 result = 0;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_test_message ("no session bus: %s", error->message);
      return FALSE;
    }

  info = g_dbus_node_info_new_for_xml (server_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &server_vtable, NULL, NULL, &error);
  g_assert_no_error (error);

  /* DBUS_NAME_FLAG_DO_NOT_QUEUE = 4; DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER = 1 */
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  if (result != 1)
    g_test_message ("another notification server owns the name");

  return result == 1;
}

/* Helpers */

static gboolean
n_shown_at_least (gpointer data)
{
  return shown->len >= GPOINTER_TO_UINT (data);
}

static gboolean
n_closed_at_least (gpointer data)
{
  return closed->len >= GPOINTER_TO_UINT (data);
}

static void
notification_sent_cb (RectifyNotifier *notifier,
                      const char      *id,
                      GNotification   *notification,
                      const char      *action,
                      GVariant        *target,
                      gpointer         user_data)
{
  Sent *s = g_new0 (Sent, 1);

  s->id = g_strdup (id);
  s->action = g_strdup (action);
  s->target = g_variant_ref (target);
  g_ptr_array_add (sent, s);
}

static void
reset_records (void)
{
  g_ptr_array_set_size (shown, 0);
  g_array_set_size (closed, 0);
  g_ptr_array_set_size (sent, 0);
}

static const Shown *
find_shown (const char *summary)
{
  for (guint i = 0; i < shown->len; i++)
    {
      const Shown *s = g_ptr_array_index (shown, i);

      if (g_strcmp0 (s->summary, summary) == 0)
        return s;
    }

  return NULL;
}

/* The reminder keys stored for @path, sorted, as one string "k1 k2 ..." */
static char *
stored_keys (const char *path)
{
  g_autoptr(GVariant) all = g_settings_get_value (settings, "reminders-sent");
  g_autofree const char **keys = NULL;

  if (!g_variant_lookup (all, path, "^a&s", &keys))
    return g_strdup ("");

  return g_strjoinv (" ", (char **)keys);
}

static RectifyNonconformity *
add_nc (RectifyRegister *reg,
        const char      *ref,
        const char      *title,
        const char      *due_on)
{
  g_autoptr(GError) error = NULL;
  RectifyNonconformity *nc = rectify_nonconformity_new ();

  g_object_set (nc, "ref", ref, "title", title, "grade", RECTIFY_GRADE_MINOR,
                "reported-on", "2026-05-01", NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (nc), &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (nc), "due-on", due_on,
                                                 &error));
  g_assert_no_error (error);

  return nc;
}

static RectifyAction *
add_action (RectifyRegister      *reg,
            RectifyNonconformity *nc,
            const char           *title,
            const char           *target_on)
{
  g_autoptr(GError) error = NULL;
  RectifyAction *action = rectify_action_new ();

  g_object_set (action, "title", title, "owner", "Ops", "target-on", target_on, NULL);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (action), &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_link_action (reg, nc, action, &error));
  g_assert_no_error (error);

  return action;
}

static char *
register_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* A register with, on 2026-06-15:
 *   NC-001 due 2026-06-17 (2 days: due soon, lead 3)
 *   NC-002 due 2026-06-10 (overdue)
 *   NC-003 due 2026-06-30 (15 days: nothing) with A-001 target 2026-06-25 (10 days: due soon,
 *          lead 14) and A-002 target 2026-07-20 (nothing)
 *   NC-004 due 2026-06-01, closed by hand in the file (nothing) */
static char *
create_register (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = register_path (name);
  g_autoptr(RectifyRegister) reg = rectify_register_create (path, &error);
  g_autoptr(RectifyNonconformity) nc1 = NULL;
  g_autoptr(RectifyNonconformity) nc2 = NULL;
  g_autoptr(RectifyNonconformity) nc3 = NULL;
  g_autoptr(RectifyNonconformity) nc4 = NULL;
  g_autoptr(RectifyAction) a1 = NULL;
  g_autoptr(RectifyAction) a2 = NULL;

  g_assert_no_error (error);
  nc1 = add_nc (reg, "NC-001", "Visitor log incomplete", "2026-06-17");
  nc2 = add_nc (reg, "NC-002", "Leavers keep access", "2026-06-10");
  nc3 = add_nc (reg, "NC-003", "Backups not tested", "2026-06-30");
  nc4 = add_nc (reg, "NC-004", "Old finding", "2026-06-01");
  a1 = add_action (reg, nc3, "Schedule restore tests", "2026-06-25");
  a2 = add_action (reg, nc3, "Document restore steps", "2026-07-20");

  g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (nc4), "status",
                                               RECTIFY_STATUS_CLOSED, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static RectifyWindow *
window_for (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      RectifyRegister *reg;

      if (RECTIFY_IS_WINDOW (l->data) &&
          (reg = rectify_window_get_register (l->data)) != NULL &&
          g_strcmp0 (rectify_register_get_path (reg), path) == 0)
        return l->data;
    }

  return NULL;
}

static gboolean
has_window_for (gpointer data)
{
  return window_for (data) != NULL;
}

static gboolean
n_sent_at_least (gpointer data)
{
  return sent->len >= GPOINTER_TO_UINT (data);
}

/* Opens @path in a window and waits for the notifier's check: until @n_sent notifications in
 * all have been sent (however slow the machine, e.g. under the sanitizers), then as long again
 * as a check takes, for any that should not be sent. */
static RectifyWindow *
open_register (const char *path,
               guint       n_sent)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* The app reads the register in a thread; the notifier checks it half a second after the
   * window shows it (CHECK_DELAY_MS in rectify-notifier.c) */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (test_ui_iterate_until (has_window_for, (gpointer)path, 10000));
  test_ui_iterate_until (n_sent_at_least, GUINT_TO_POINTER (n_sent), 30000);
  test_ui_iterate_for (1200);

  return window_for (path);
}

static void
close_window (RectifyWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (test_ui_iterate_until (test_ui_is_null, &weak, 5000));
}

static gboolean
skip_without_server (void)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return TRUE;
    }
  if (!have_server)
    {
      g_test_skip ("no session bus, or another notification server is running");
      return TRUE;
    }

  /* What an earlier test left on the bus arrives first. */
  test_ui_iterate_for (100);
  reset_records ();
  g_setenv ("RECTIFY_TODAY", TODAY, TRUE);
  /* The registers of earlier tests are not this test's recent ones. */
  g_settings_set_strv (settings, "recent-registers", NULL);
  g_settings_reset (settings, "remind-recent-registers");

  return FALSE;
}

/* Tests */

/* Opening a register sends its reminders once; a second check and a new start (a new notifier
 * over the same settings) send nothing; the keys are stored for that register file. */
static void
test_once (void)
{
  g_autofree char *path = NULL;
  g_autofree char *other = NULL;
  g_autofree char *keys = NULL;
  g_autoptr(RectifyNotifier) restarted = NULL;
  RectifyNotifier *notifier;
  RectifyWindow *window;
  RectifyRegister *reg;
  const Shown *s;
  gint64 nc2_id;
  const char *target_path;
  const char *kind;
  gint64 id;

  if (skip_without_server ())
    return;

  path = create_register ("Once.rectify");
  window = open_register (path, 3);
  reg = rectify_window_get_register (window);
  nc2_id = rectify_entity_get_id (RECTIFY_ENTITY (rectify_register_find_nonconformity (reg, "NC-002")));

  /* Sent when the window opened the register */
  g_assert_cmpuint (sent->len, ==, 3);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (3), 5000));
  test_ui_iterate_for (200);
  g_assert_cmpuint (shown->len, ==, 3);

  s = find_shown ("Nonconformity NC-001 is due in 2 days");
  g_assert_nonnull (s);
  {
    /* The due date as the locale writes it (rectify_date_format_locale, checked in test-date) */
    g_autofree char *due = rectify_date_format_locale ("2026-06-17");
    g_autofree char *body = g_strdup_printf ("Visitor log incomplete — due on %s", due);

    g_assert_true (g_str_has_prefix (s->body, body));
    g_assert_null (strstr (s->body, "2026-06-17"));
  }
  g_assert_nonnull (strstr (s->body, "Once.rectify"));
  g_assert_true (g_strv_contains ((const char * const *)s->actions, "default"));
  g_assert_nonnull (find_shown ("Nonconformity NC-002 is overdue by 5 days"));
  g_assert_nonnull (find_shown ("Action A-001 is due in 10 days"));

  /* Each with "app.show-item" on its item */
  for (guint i = 0; i < sent->len; i++)
    {
      Sent *one = g_ptr_array_index (sent, i);

      g_assert_cmpstr (one->action, ==, "app.show-item");
      g_assert_true (g_variant_is_of_type (one->target, G_VARIANT_TYPE ("(ssx)")));
      g_variant_get (one->target, "(&s&sx)", &target_path, &kind, &id);
      g_assert_cmpstr (target_path, ==, path);
      if (g_str_has_suffix (one->id, ":overdue:2026-06-10"))
        {
          g_assert_cmpstr (kind, ==, "nc");
          g_assert_cmpint (id, ==, nc2_id);
        }
    }

  keys = stored_keys (path);
  g_test_message ("stored: %s", keys);
  g_assert_nonnull (strstr (keys, ":due-soon:2026-06-17"));
  g_assert_nonnull (strstr (keys, ":overdue:2026-06-10"));
  g_assert_nonnull (strstr (keys, ":due-soon:2026-06-25"));

  /* The same day again: nothing */
  notifier = _rectify_application_get_notifier (app);
  g_assert_cmpuint (rectify_notifier_check_all (notifier), ==, 0);
  g_assert_cmpuint (rectify_notifier_check_register (notifier, reg), ==, 0);

  /* The next start reads what was sent from the settings. */
  restarted = rectify_notifier_new (GTK_APPLICATION (app), settings);
  g_assert_cmpuint (rectify_notifier_check_all (restarted), ==, 0);
  test_ui_iterate_for (200);
  g_assert_cmpuint (shown->len, ==, 3);
  g_assert_cmpuint (sent->len, ==, 3);

  /* Per register file: a copy of the file at another path is reminded of its own. */
  close_window (window);
  other = register_path ("Copy.rectify");
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (other, contents, (gssize)length, NULL));
  }
  window = open_register (other, 6);
  g_assert_cmpuint (sent->len, ==, 6);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (6), 5000));
  {
    g_autofree char *keys_after = stored_keys (path);

    g_assert_cmpstr (keys, ==, keys_after);
  }
  close_window (window);
}

/* The day timer checks again only when the day changed: the next day NC-001 is overdue, and its
 * "due soon" notification is withdrawn. */
static void
test_daily (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) late = NULL;
  RectifyNotifier *notifier = _rectify_application_get_notifier (app);
  RectifyWindow *window;
  RectifyRegister *reg;
  const Shown *soon;
  guint32 soon_id;

  if (skip_without_server ())
    return;

  path = create_register ("Daily.rectify");
  window = open_register (path, 3);
  reg = rectify_window_get_register (window);
  g_assert_cmpuint (sent->len, ==, 3);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (3), 5000));
  /* (GIO withdraws only what its server has answered for) */
  test_ui_iterate_for (200);
  soon = find_shown ("Nonconformity NC-001 is due in 2 days");
  g_assert_nonnull (soon);
  soon_id = soon->id;

  /* Armed for the next midnight, an hour at most */
  g_assert_cmpuint (_rectify_notifier_get_timer_seconds (notifier), >, 0);
  g_assert_cmpuint (_rectify_notifier_get_timer_seconds (notifier), <=, 3600);

  /* Something new falls due, but the day has not changed: the timer does not check. */
  late = add_nc (reg, "NC-005", "Policy review missed", "2026-06-12");
  g_assert_cmpuint (_rectify_notifier_day_tick (notifier), ==, 0);
  g_assert_cmpuint (sent->len, ==, 3);

  /* The next day it does: NC-001 is overdue now, and NC-005 was never reminded. */
  g_setenv ("RECTIFY_TODAY", "2026-06-18", TRUE);
  g_assert_cmpuint (_rectify_notifier_day_tick (notifier), ==, 2);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (5), 5000));
  g_assert_nonnull (find_shown ("Nonconformity NC-001 is overdue by 1 day"));
  g_assert_nonnull (find_shown ("Nonconformity NC-005 is overdue by 6 days"));
  g_assert_true (test_ui_iterate_until (n_closed_at_least, GUINT_TO_POINTER (1), 5000));
  g_assert_cmpuint (g_array_index (closed, guint32, 0), ==, soon_id);

  /* Once more the same day: nothing */
  g_assert_cmpuint (_rectify_notifier_day_tick (notifier), ==, 0);
  g_assert_cmpuint (rectify_notifier_check_all (notifier), ==, 0);

  /* A moved due date reminds again. */
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (late), "due-on",
                                                 "2026-06-20", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rectify_notifier_check_all (notifier), ==, 1);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (6), 5000));
  g_assert_nonnull (find_shown ("Nonconformity NC-005 is due in 2 days"));

  close_window (window);
}

/* A finished item's keys are dropped from the settings and its notification withdrawn. */
static void
test_finished (void)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = NULL;
  RectifyNotifier *notifier = _rectify_application_get_notifier (app);
  RectifyWindow *window;
  RectifyRegister *reg;
  RectifyAction *a1 = NULL;
  const Shown *s;

  if (skip_without_server ())
    return;

  path = create_register ("Finished.rectify");
  window = open_register (path, 3);
  reg = rectify_window_get_register (window);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (3), 5000));
  test_ui_iterate_for (200);
  s = find_shown ("Action A-001 is due in 10 days");
  g_assert_nonnull (s);

  actions = rectify_register_list_actions_for (reg, rectify_register_find_nonconformity (reg, "NC-003"));
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);

      if (g_strcmp0 (rectify_action_get_ref (action), "A-001") == 0)
        a1 = action;
    }
  g_assert_nonnull (a1);

  before = stored_keys (path);
  g_assert_nonnull (strstr (before, ":due-soon:2026-06-25"));
  g_assert_true (rectify_register_update_enum (reg, RECTIFY_ENTITY (a1), "status",
                                               RECTIFY_ACTION_STATUS_DONE, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rectify_notifier_check_all (notifier), ==, 0);
  after = stored_keys (path);
  g_test_message ("before: %s; after: %s", before, after);
  g_assert_null (strstr (after, ":due-soon:2026-06-25"));
  g_assert_nonnull (strstr (after, ":overdue:2026-06-10"));
  g_assert_true (test_ui_iterate_until (n_closed_at_least, GUINT_TO_POINTER (1), 5000));
  g_assert_cmpuint (g_array_index (closed, guint32, 0), ==, s->id);

  close_window (window);
}

static gboolean
editor_shows (gpointer data)
{
  const char *ref = data;
  RectifyWindow *window = NULL;
  RectifyNonconformity *nc;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (RECTIFY_IS_WINDOW (l->data))
      window = l->data;
  if (window == NULL)
    return FALSE;

  nc = rectify_nc_editor_get_nonconformity (_rectify_window_get_editor (window));

  return nc != NULL && g_strcmp0 (rectify_nonconformity_get_ref (nc), ref) == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (_rectify_window_get_editor (window)));
}

static GtkWidget *
find_action_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (RECTIFY_IS_ACTION_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
has_action_dialog (gpointer data)
{
  return find_action_dialog () != NULL;
}

static void
click (const Shown *s)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (s);
  g_dbus_connection_emit_signal (bus, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", s->id, "default"), &error);
  g_assert_no_error (error);
}

/* Clicking a notification opens its register again when it was closed, then the NC in the
 * editor; an action's opens the action in its dialog over the NC it addresses. */
static void
test_activate (void)
{
  g_autofree char *path = NULL;
  RectifyWindow *window;
  GtkWidget *dialog;

  if (skip_without_server ())
    return;

  path = create_register ("Activate.rectify");
  window = open_register (path, 3);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (3), 5000));
  close_window (window);
  g_assert_null (window_for (path));

  click (find_shown ("Nonconformity NC-002 is overdue by 5 days"));
  g_assert_true (test_ui_iterate_until (editor_shows, (gpointer)"NC-002", 5000));
  g_assert_nonnull (window_for (path));
  /* Opening it again sent nothing new */
  g_assert_cmpuint (sent->len, ==, 3);

  click (find_shown ("Action A-001 is due in 10 days"));
  g_assert_true (test_ui_iterate_until (has_action_dialog, NULL, 5000));
  dialog = find_action_dialog ();
  g_assert_cmpstr (rectify_action_get_ref (rectify_action_dialog_get_action (RECTIFY_ACTION_DIALOG (dialog))),
                   ==, "A-001");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window_for (path)));
  g_assert_true (editor_shows ((gpointer)"NC-003"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  close_window (window_for (path));
}

/* The certification body wants the plan of NC-001 resubmitted by 2026-06-12 (three days ago):
 * one reminder, on the NC (so a click opens it, as test_activate checks for NCs); once the CB
 * has accepted a resubmitted plan, its key is dropped and the notification withdrawn. */
static void
test_resubmission (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = register_path ("Resubmit.rectify");
  g_autofree char *keys = NULL;
  g_autoptr(RectifyRegister) reg = rectify_register_create (path, &error);
  g_autoptr(RectifyNonconformity) nc = NULL;
  RectifyNotifier *notifier = _rectify_application_get_notifier (app);
  RectifyWindow *window;
  RectifyRegister *open_reg;
  const Shown *s;
  Sent *one;
  const char *target_path;
  const char *kind;
  gint64 id;

  if (skip_without_server ())
    return;

  g_assert_no_error (error);
  nc = add_nc (reg, "NC-001", "Backups not tested", "2026-09-30");
  g_assert_true (rectify_register_record_approval (reg, nc, "certification-body", "Example CB",
                                                   FALSE, "2026-06-01", "2026-06-12", NULL,
                                                   &error));
  g_assert_no_error (error);
  g_clear_object (&reg);

  window = open_register (path, 1);
  open_reg = rectify_window_get_register (window);
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (1), 5000));
  test_ui_iterate_for (200);
  s = find_shown ("The plan of NC-001 is overdue for resubmission by 3 days");
  g_assert_nonnull (s);
  g_assert_true (g_str_has_prefix (s->body, "Backups not tested — due on "));
  one = g_ptr_array_index (sent, 0);
  g_variant_get (one->target, "(&s&sx)", &target_path, &kind, &id);
  g_assert_cmpstr (kind, ==, "nc");
  g_assert_cmpint (id, ==, rectify_entity_get_id (RECTIFY_ENTITY (nc)));
  keys = stored_keys (path);
  g_assert_nonnull (strstr (keys, "resubmit:"));
  g_assert_nonnull (strstr (keys, ":overdue:2026-06-12"));

  /* Accepted since: nothing awaited any more */
  g_assert_true (rectify_register_record_approval (open_reg,
                                                   rectify_register_find_nonconformity (open_reg, "NC-001"),
                                                   "certification-body", "Example CB", TRUE,
                                                   "2026-06-14", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rectify_notifier_check_all (notifier), ==, 0);
  g_free (keys);
  keys = stored_keys (path);
  g_assert_null (strstr (keys, "resubmit:"));
  g_assert_true (test_ui_iterate_until (n_closed_at_least, GUINT_TO_POINTER (1), 5000));
  g_assert_cmpuint (g_array_index (closed, guint32, 0), ==, s->id);

  close_window (window);
}

/* Many items at once: five notifications, then one that sums up the rest; all remembered. */
static void
test_summary (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = register_path ("Many.rectify");
  g_autoptr(RectifyRegister) reg = rectify_register_create (path, &error);
  RectifyWindow *window;
  Sent *last;
  const char *kind;

  if (skip_without_server ())
    return;

  g_assert_no_error (error);
  for (guint i = 1; i <= 8; i++)
    {
      g_autofree char *ref = g_strdup_printf ("NC-%03u", i);
      g_autoptr(RectifyNonconformity) nc = add_nc (reg, ref, "Late", "2026-06-01");
    }
  g_clear_object (&reg);

  window = open_register (path, RECTIFY_NOTIFIER_MAX_PER_CHECK + 1);
  g_assert_cmpuint (sent->len, ==, RECTIFY_NOTIFIER_MAX_PER_CHECK + 1);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (6), 5000));
  g_assert_nonnull (find_shown ("3 more items are due soon or overdue"));
  last = g_ptr_array_index (sent, sent->len - 1);
  g_variant_get (last->target, "(&s&sx)", NULL, &kind, NULL);
  g_assert_cmpstr (kind, ==, "register");
  {
    g_autofree char *keys = stored_keys (path);
    g_auto(GStrv) split = g_strsplit (keys, " ", -1);

    g_assert_cmpuint (g_strv_length (split), ==, 8);
  }
  g_assert_cmpuint (rectify_notifier_check_all (_rectify_application_get_notifier (app)), ==, 0);

  close_window (window);
}

/* Reminders off: nothing is sent or remembered; on again, the open registers are checked. */
static void
test_disabled (void)
{
  g_autofree char *path = NULL;
  g_autofree char *keys = NULL;
  RectifyWindow *window;

  if (skip_without_server ())
    return;

  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  path = create_register ("Disabled.rectify");
  window = open_register (path, 0);
  test_ui_iterate_for (200);
  g_assert_cmpuint (sent->len, ==, 0);
  g_assert_cmpuint (shown->len, ==, 0);
  keys = stored_keys (path);
  g_assert_cmpstr (keys, ==, "");

  /* A longer lead time and reminders on: checked once the settings rest */
  g_settings_set_int (settings, "reminder-lead-days-nc", 20);
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (4), 5000));
  g_assert_nonnull (find_shown ("Nonconformity NC-003 is due in 15 days"));
  g_settings_reset (settings, "reminder-lead-days-nc");

  close_window (window);
}

typedef struct
{
  RectifyNotifier *notifier;
  guint            n;
} RecentWait;

typedef struct
{
  const char *path;
  const char *ref;
} EditorWait;

/* The window of the register at @path shows the NC @ref in its editor. */
static gboolean
window_editor_shows (gpointer data)
{
  EditorWait *w = data;
  RectifyWindow *window = window_for (w->path);
  RectifyNonconformity *nc;

  if (window == NULL)
    return FALSE;

  nc = rectify_nc_editor_get_nonconformity (_rectify_window_get_editor (window));

  return nc != NULL && g_strcmp0 (rectify_nonconformity_get_ref (nc), w->ref) == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (_rectify_window_get_editor (window)));
}

static gboolean
recent_checked (gpointer data)
{
  RecentWait *w = data;

  return _rectify_notifier_get_n_recent_checks (w->notifier) >= w->n;
}

/* Runs a check of the recent registers and waits for its end. */
static void
check_recent_and_wait (RectifyNotifier *notifier)
{
  RecentWait wait = { notifier, _rectify_notifier_get_n_recent_checks (notifier) + 1 };

  rectify_notifier_check_recent (notifier);
  g_assert_true (test_ui_iterate_until (recent_checked, &wait, 10000));
}

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* A consultant's recent register that no window has open: its reminders are sent once, naming
 * it, and remembered for its file; the file is only read; missing and damaged recent files are
 * passed over without a word; an open register is left to its window; clicking a reminder
 * opens the register, then the item. The preference turns it off and on. */
static void
test_recent (void)
{
  RectifyNotifier *notifier = _rectify_application_get_notifier (app);
  g_autoptr(RectifyNotifier) restarted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *open_path = NULL;
  g_autofree char *missing = register_path ("Gone.rectify");
  g_autofree char *damaged = register_path ("Damaged.rectify");
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *keys = NULL;
  RectifyWindow *open_window;
  const Shown *s;

  if (skip_without_server ())
    return;

  path = create_register ("Client Nord.rectify");
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_assert_true (g_file_set_contents (damaged, "SQLite format 3 but not really, only text that "
                                      "is long enough to be read as a header of a database", -1,
                                      NULL));

  /* Another register open in a window: reminded by its window, not again as a recent one */
  open_path = create_register ("Open Client.rectify");
  open_window = open_register (open_path, 3);
  g_assert_cmpuint (sent->len, ==, 3);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (3), 5000));
  test_ui_iterate_for (200);
  reset_records ();

  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    g_autofree char *open_uri = g_filename_to_uri (open_path, NULL, NULL);
    g_autofree char *missing_uri = g_filename_to_uri (missing, NULL, NULL);
    g_autofree char *damaged_uri = g_filename_to_uri (damaged, NULL, NULL);
    const char *recent[] = { open_uri, missing_uri, uri, damaged_uri, "https://example.com/x.rectify",
                             NULL };

    g_settings_set_strv (settings, "recent-registers", recent);
  }
  before = checksum_of (path);

  /* The first check: the three reminders of the recent register, each naming it */
  check_recent_and_wait (notifier);
  g_assert_cmpuint (_rectify_notifier_get_n_recent_sent (notifier), ==, 3);
  g_assert_cmpuint (sent->len, ==, 3);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (3), 5000));
  test_ui_iterate_for (200);
  g_assert_cmpuint (shown->len, ==, 3);
  for (guint i = 0; i < shown->len; i++)
    {
      const Shown *one = g_ptr_array_index (shown, i);

      g_assert_nonnull (strstr (one->body, "In “Client Nord.rectify”"));
    }
  s = find_shown ("Nonconformity NC-002 is overdue by 5 days");
  g_assert_nonnull (s);
  g_assert_true (g_str_has_prefix (s->body, "Leavers keep access — due on "));
  g_assert_nonnull (find_shown ("Nonconformity NC-001 is due in 2 days"));
  g_assert_nonnull (find_shown ("Action A-001 is due in 10 days"));
  for (guint i = 0; i < sent->len; i++)
    {
      Sent *one = g_ptr_array_index (sent, i);
      const char *target_path;

      g_assert_cmpstr (one->action, ==, "app.show-item");
      g_variant_get (one->target, "(&s&sx)", &target_path, NULL, NULL);
      g_assert_cmpstr (target_path, ==, path);
    }

  /* Remembered for that file, which was only read */
  keys = stored_keys (path);
  g_assert_nonnull (strstr (keys, ":overdue:2026-06-10"));
  g_assert_nonnull (strstr (keys, ":due-soon:2026-06-17"));
  g_assert_nonnull (strstr (keys, ":due-soon:2026-06-25"));
  after = checksum_of (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* The next check, and the daily one, send nothing again; nor does a new start. */
  check_recent_and_wait (notifier);
  g_assert_cmpuint (_rectify_notifier_get_n_recent_sent (notifier), ==, 0);
  {
    RecentWait wait = { notifier, _rectify_notifier_get_n_recent_checks (notifier) + 1 };

    g_assert_cmpuint (rectify_notifier_check_all (notifier), ==, 0);
    g_assert_true (test_ui_iterate_until (recent_checked, &wait, 10000));
    g_assert_cmpuint (_rectify_notifier_get_n_recent_sent (notifier), ==, 0);
  }
  restarted = rectify_notifier_new (GTK_APPLICATION (app), settings);
  check_recent_and_wait (restarted);
  g_assert_cmpuint (_rectify_notifier_get_n_recent_sent (restarted), ==, 0);
  g_clear_object (&restarted);
  test_ui_iterate_for (200);
  g_assert_cmpuint (sent->len, ==, 3);
  g_assert_cmpuint (shown->len, ==, 3);

  /* Off: not checked. Something new falls due meanwhile; on again, it is reminded. */
  g_settings_set_boolean (settings, "remind-recent-registers", FALSE);
  {
    g_autoptr(RectifyRegister) reg = rectify_register_open (path, &error);
    g_autoptr(RectifyNonconformity) late = NULL;

    g_assert_no_error (error);
    late = add_nc (reg, "NC-005", "Policy review missed", "2026-06-12");
  }
  rectify_notifier_check_recent (notifier);
  test_ui_iterate_for (500);
  g_assert_cmpuint (sent->len, ==, 3);
  g_settings_set_boolean (settings, "remind-recent-registers", TRUE);
  g_assert_true (test_ui_iterate_until (n_shown_at_least, GUINT_TO_POINTER (4), 5000));
  g_assert_cmpuint (sent->len, ==, 4);
  g_assert_nonnull (find_shown ("Nonconformity NC-005 is overdue by 3 days"));

  /* Clicking a reminder opens the register in a window, then the NC; nothing is sent again. */
  g_assert_null (window_for (path));
  click (find_shown ("Nonconformity NC-002 is overdue by 5 days"));
  g_assert_true (test_ui_iterate_until (window_editor_shows, &(EditorWait) { path, "NC-002" }, 5000));
  g_assert_true (window_for (path) != open_window);
  test_ui_iterate_for (1200);
  g_assert_cmpuint (sent->len, ==, 4);

  close_window (window_for (path));
  close_window (open_window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* GIO's freedesktop backend, talking to the server below */
  g_setenv ("GNOTIFICATION_BACKEND", "freedesktop", TRUE);

  g_test_init (&argc, &argv, NULL);

  shown = g_ptr_array_new_with_free_func (shown_free);
  closed = g_array_new (FALSE, FALSE, sizeof (guint32));
  sent = g_ptr_array_new_with_free_func (sent_free);

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      have_server = start_server ();
    }

  if (have_display && have_server)
    {
      tmpdir = g_dir_make_tmp ("rectify-test-reminders-XXXXXX", &error);
      g_assert_no_error (error);

      settings = rectify_settings_new ();
      g_assert_nonnull (settings);

      app = g_object_new (RECTIFY_TYPE_APPLICATION,
                          "application-id", "io.github.rectify.Rectify.TestReminders",
                          "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                          "resource-base-path", "/io/github/rectify/Rectify",
                          NULL);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
      g_assert_nonnull (_rectify_application_get_notifier (app));
      g_signal_connect (_rectify_application_get_notifier (app), "notification-sent",
                        G_CALLBACK (notification_sent_cb), NULL);
    }

  g_test_add_func ("/Rectify/ReminderNotifications/once", test_once);
  g_test_add_func ("/Rectify/ReminderNotifications/daily", test_daily);
  g_test_add_func ("/Rectify/ReminderNotifications/finished", test_finished);
  g_test_add_func ("/Rectify/ReminderNotifications/activate", test_activate);
  g_test_add_func ("/Rectify/ReminderNotifications/summary", test_summary);
  g_test_add_func ("/Rectify/ReminderNotifications/resubmission", test_resubmission);
  g_test_add_func ("/Rectify/ReminderNotifications/disabled", test_disabled);
  g_test_add_func ("/Rectify/ReminderNotifications/recent", test_recent);

  status = g_test_run ();

  if (tmpdir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)))
        {
          g_autofree char *file = g_build_filename (tmpdir, name, NULL);
          g_unlink (file);
        }
      g_rmdir (tmpdir);
    }
  g_clear_object (&app);
  g_clear_object (&settings);

  return status;
}
