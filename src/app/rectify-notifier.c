/* rectify-notifier.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "rectify-date.h"
#include "rectify-notifier-private.h"
#include "rectify-reminders.h"
#include "rectify-settings.h"
#include "rectify-window.h"

/* The day is checked at least this often, so a suspended machine catches up soon after. */
#define MAX_TIMER_SECONDS     3600
/* A change of the settings is checked once the user pauses. */
#define SETTINGS_DELAY_MS     1000
/* How long after a window shows a register its reminders are checked */
#define CHECK_DELAY_MS        500
#define SENT_KEY              "reminders-sent"
#define RECENT_KEY            "recent-registers"
#define REMIND_RECENT_KEY     "remind-recent-registers"

struct _RectifyNotifier
{
  GObject         parent_instance;

  GtkApplication *application;  /* weak */
  GSettings      *settings;     /* nullable */

  /* path -> set of keys, when there are no settings to keep them in */
  GHashTable     *sent_in_memory;

  char           *last_day;     /* the day of the last check of every register */
  guint           timer_id;
  guint           timer_seconds;
  guint           settings_id;

  /* The check of the recent registers that no window has open, in a worker thread */
  GCancellable   *recent_cancellable;  /* non-NULL while a check is under way */
  gboolean        recent_again;        /* another check was asked for meanwhile */
  guint           recent_timer_id;
  guint           n_recent_checks;     /* finished, for tests */
  guint           n_recent_sent;       /* by the last one, for tests */
};

G_DEFINE_FINAL_TYPE (RectifyNotifier, rectify_notifier, G_TYPE_OBJECT)

enum {
  NOTIFICATION_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static GHashTable *
new_key_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* The keys already sent for the register at @path (transfer full). */
static GHashTable *
load_sent (RectifyNotifier *self,
           const char      *path)
{
  GHashTable *sent = new_key_set ();
  g_autoptr(GVariant) all = NULL;
  g_autofree const char **keys = NULL;

  if (self->settings == NULL)
    {
      GHashTable *memory = g_hash_table_lookup (self->sent_in_memory, path);
      GHashTableIter iter;
      gpointer key;

      if (memory != NULL)
        {
          g_hash_table_iter_init (&iter, memory);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (sent, g_strdup (key));
        }
      return sent;
    }

  all = g_settings_get_value (self->settings, SENT_KEY);
  if (g_variant_lookup (all, path, "^a&s", &keys))
    for (guint i = 0; keys[i] != NULL; i++)
      g_hash_table_add (sent, g_strdup (keys[i]));

  return sent;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Stores @sent for @path, and drops the entries of register files that are gone. */
static void
save_sent (RectifyNotifier *self,
           const char      *path,
           GHashTable      *sent)
{
  g_autoptr(GVariant) all = NULL;
  g_autofree const char **keys = NULL;
  guint n_keys;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *other_path;
  GVariant *other_keys;

  if (self->settings == NULL)
    {
      g_hash_table_replace (self->sent_in_memory, g_strdup (path), g_hash_table_ref (sent));
      return;
    }

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sas}"));

  all = g_settings_get_value (self->settings, SENT_KEY);
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@as}", &other_path, &other_keys))
    {
      if (g_strcmp0 (other_path, path) != 0 && g_file_test (other_path, G_FILE_TEST_EXISTS))
        g_variant_builder_add (&builder, "{s@as}", other_path, other_keys);
      g_variant_unref (other_keys);
    }

  if (g_hash_table_size (sent) > 0)
    {
      /* Sorted, so the same set is stored the same way (NULL-terminated) */
      keys = (const char **)g_hash_table_get_keys_as_array (sent, &n_keys);
      qsort (keys, n_keys, sizeof (char *), compare_strings);
      g_variant_builder_add (&builder, "{s^as}", path, keys);
    }

  g_settings_set_value (self->settings, SENT_KEY, g_variant_builder_end (&builder));
}

static gboolean
reminders_enabled (RectifyNotifier *self)
{
  return self->settings == NULL || g_settings_get_boolean (self->settings, "reminders-enabled");
}

/* A notification id for @suffix in the register at @path: the same item gets the same id, so a
 * later reminder of it replaces the earlier one. */
static char *
make_notification_id (const char *path,
                      const char *suffix)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);

  hash[16] = '\0';
  return g_strdup_printf ("reminder-%s-%s", hash, suffix);
}

static void
send (RectifyNotifier *self,
      const char      *id,
      GNotification   *notification,
      GVariant        *target)
{
  static const char action[] = "app.show-item";

  g_variant_ref_sink (target);
  g_notification_set_default_action_and_target_value (notification, action, target);
  g_application_send_notification (G_APPLICATION (self->application), id, notification);
  g_debug ("Sent %s", id);
  g_signal_emit (self, signals[NOTIFICATION_SENT], 0, id, notification, action, target);
  g_variant_unref (target);
}

static void
send_reminder (RectifyNotifier       *self,
               const char            *path,
               const char            *register_name,
               const RectifyReminder *reminder)
{
  g_autoptr(GNotification) notification = g_notification_new (reminder->title);
  g_autofree char *id = make_notification_id (path, reminder->key);
  g_autofree char *body = NULL;
  gboolean action = reminder->kind == RECTIFY_REMINDER_ITEM_ACTION;

  /* Translators: the text of a reminder ("Leavers keep access — due on 2026-06-18"), then on a
   * line of its own the name of the register it is in */
  body = g_strdup_printf (_("%s\nIn “%s”"), reminder->body, register_name);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification,
                               reminder->threshold == RECTIFY_REMINDER_OVERDUE
                               ? G_NOTIFICATION_PRIORITY_HIGH
                               : G_NOTIFICATION_PRIORITY_NORMAL);

  send (self, id, notification,
        g_variant_new ("(ssx)", path, action ? "action" : "nc", reminder->id));

  /* An overdue item is no longer "due soon". */
  if (reminder->threshold == RECTIFY_REMINDER_OVERDUE)
    {
      g_autofree char *soon_key = rectify_reminder_make_key (reminder->kind, reminder->id,
                                                             RECTIFY_REMINDER_DUE_SOON,
                                                             reminder->due_on);
      g_autofree char *soon_id = make_notification_id (path, soon_key);

      g_application_withdraw_notification (G_APPLICATION (self->application), soon_id);
    }
}

static void
send_summary (RectifyNotifier *self,
              const char      *path,
              const char      *register_name,
              guint            n_more)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = make_notification_id (path, "more");
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: a reminder after several others */
                                        "%'u more item is due soon or overdue",
                                        "%'u more items are due soon or overdue", n_more),
                           n_more);
  /* Translators: %s is the name of a register */
  body = g_strdup_printf (_("In “%s”"), register_name);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  send (self, id, notification, g_variant_new ("(ssx)", path, "register", (gint64)0));
}

/* Adds the keys @item could have now (both thresholds at its current due date) to @keys. */
static void
add_possible_keys (GHashTable                *keys,
                   const RectifyReminderItem *item)
{
  if (item->finished || item->due_on == NULL)
    return;

  g_hash_table_add (keys, rectify_reminder_make_key (item->kind, item->id,
                                                     RECTIFY_REMINDER_DUE_SOON, item->due_on));
  g_hash_table_add (keys, rectify_reminder_make_key (item->kind, item->id,
                                                     RECTIFY_REMINDER_OVERDUE, item->due_on));
}

/* The keys that can still matter for @items (transfer full). */
static GHashTable *
collect_possible_keys (GArray *items)
{
  GHashTable *possible = new_key_set ();

  for (guint i = 0; i < items->len; i++)
    add_possible_keys (possible, &g_array_index (items, RectifyReminderItem, i));

  return possible;
}

/* Sends @reminders of the register at @path, up to the limit and a summary after it; adds their
 * keys to @sent (the keys sent before), keeps of those only the keys in @possible, withdraws the
 * notifications of the others, and stores what is kept. Returns the number of notifications
 * sent. */
static guint
notify_register (RectifyNotifier *self,
                 const char      *path,
                 const char      *register_name,
                 GPtrArray       *reminders,
                 GHashTable      *sent,
                 GHashTable      *possible)
{
  g_autoptr(GHashTable) kept = new_key_set ();
  GHashTableIter iter;
  gpointer key;
  guint n_individual;
  guint n_sent = 0;

  /* One at a time up to the limit; a summary instead of a flood after it. */
  n_individual = reminders->len <= RECTIFY_NOTIFIER_MAX_PER_CHECK + 1
                 ? reminders->len
                 : RECTIFY_NOTIFIER_MAX_PER_CHECK;
  for (guint i = 0; i < reminders->len; i++)
    {
      RectifyReminder *reminder = g_ptr_array_index (reminders, i);

      if (i < n_individual)
        {
          send_reminder (self, path, register_name, reminder);
          n_sent++;
        }
      g_hash_table_add (sent, g_strdup (reminder->key));
    }
  if (n_individual < reminders->len)
    {
      send_summary (self, path, register_name, reminders->len - n_individual);
      n_sent++;
    }

  /* Keep only the keys that can still matter; withdraw the notifications of the others. */
  g_hash_table_iter_init (&iter, sent);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (g_hash_table_contains (possible, key))
        {
          g_hash_table_add (kept, g_strdup (key));
        }
      else
        {
          g_autofree char *id = make_notification_id (path, key);

          g_application_withdraw_notification (G_APPLICATION (self->application), id);
        }
    }

  if (reminders->len > 0 || g_hash_table_size (kept) != g_hash_table_size (sent))
    save_sent (self, path, kept);

  return n_sent;
}

/* The window that has the register at @path open, if any. */
static RectifyWindow *
find_window (RectifyNotifier *self,
             const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    {
      RectifyRegister *reg;
      g_autoptr(GFile) open_file = NULL;

      if (!RECTIFY_IS_WINDOW (l->data) ||
          (reg = rectify_window_get_register (RECTIFY_WINDOW (l->data))) == NULL)
        continue;

      open_file = g_file_new_for_path (rectify_register_get_path (reg));
      if (g_file_equal (open_file, file))
        return RECTIFY_WINDOW (l->data);
    }

  return NULL;
}

static gboolean
recent_enabled (RectifyNotifier *self)
{
  return self->settings != NULL && reminders_enabled (self) &&
         g_settings_get_boolean (self->settings, REMIND_RECENT_KEY);
}

/* The check of the recent registers: what the worker thread gets, copied on the main thread,
 * and what it gives back. */
typedef struct
{
  char       *path;
  GHashTable *sent;       /* the keys sent before (a copy) */
} RecentJob;

typedef struct
{
  char       *path;
  char       *name;
  GPtrArray  *reminders;  /* RectifyReminder */
  GHashTable *possible;   /* the keys that can still matter */
} RecentResult;

typedef struct
{
  GPtrArray               *jobs;     /* RecentJob */
  RectifyReminderSettings  settings;
  char                    *today;
} RecentCheck;

static void
recent_job_free (gpointer data)
{
  RecentJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->sent, g_hash_table_unref);
  g_free (job);
}

static void
recent_result_free (gpointer data)
{
  RecentResult *result = data;

  g_free (result->path);
  g_free (result->name);
  g_clear_pointer (&result->reminders, g_ptr_array_unref);
  g_clear_pointer (&result->possible, g_hash_table_unref);
  g_free (result);
}

static void
recent_check_free (gpointer data)
{
  RecentCheck *check = data;

  g_ptr_array_unref (check->jobs);
  g_free (check->today);
  g_free (check);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* In a worker thread: each register opened read-only, its reminders computed as for an open
 * one. A register that cannot be read (missing, unreadable, locked, damaged, of another
 * version) is skipped without a word to the user: it is only a recent one. */
static void
check_recent_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  RecentCheck *check = task_data;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (recent_result_free);

  for (guint i = 0; i < check->jobs->len; i++)
    {
      RecentJob *job = g_ptr_array_index (check->jobs, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(RectifyRegister) reg = NULL;
      g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
      g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (RectifyReminderItem));
      RecentResult *result;

      if (g_task_return_error_if_cancelled (task))
        return;

      if ((reg = rectify_register_open_read_only (job->path, &error)) == NULL)
        {
          g_debug ("Recent register %s not checked: %s", job->path, error->message);
          continue;
        }

      if (!rectify_reminders_collect (reg, items, strings, &error))
        {
          g_debug ("Recent register %s not checked: %s", job->path, error->message);
          continue;
        }

      result = g_new0 (RecentResult, 1);
      result->path = g_strdup (job->path);
      result->name = g_path_get_basename (job->path);
      result->reminders = rectify_reminders_compute ((const RectifyReminderItem *)(gpointer)items->data,
                                                     items->len, &check->settings, check->today,
                                                     job->sent);
      result->possible = collect_possible_keys (items);
      g_ptr_array_add (results, result);
      g_debug ("Recent register %s: %u reminders", job->path, result->reminders->len);
    }

  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify)g_ptr_array_unref);
}

static void start_recent_check (RectifyNotifier *self);

static void
check_recent_done_cb (GObject      *source,
                      GAsyncResult *res,
                      gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(RectifyNotifier) self = g_weak_ref_get (weak);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sent = 0;

  weak_ref_free (weak);
  results = g_task_propagate_pointer (G_TASK (res), &error);
  /* Cancelled: the notifier is going away. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->recent_cancellable);

  /* What a window opened meanwhile is the window's to check; what was sent meanwhile is not
   * sent again; nothing when the reminders were turned off meanwhile. */
  for (guint i = 0; results != NULL && i < results->len && self->application != NULL &&
                    recent_enabled (self); i++)
    {
      RecentResult *result = g_ptr_array_index (results, i);
      g_autoptr(GHashTable) sent = NULL;
      g_autoptr(GPtrArray) fresh = NULL;

      if (find_window (self, result->path) != NULL)
        continue;

      sent = load_sent (self, result->path);
      fresh = g_ptr_array_new ();
      for (guint r = 0; r < result->reminders->len; r++)
        {
          RectifyReminder *reminder = g_ptr_array_index (result->reminders, r);

          if (!g_hash_table_contains (sent, reminder->key))
            g_ptr_array_add (fresh, reminder);
        }

      n_sent += notify_register (self, result->path, result->name, fresh, sent, result->possible);
    }

  self->n_recent_sent = n_sent;
  self->n_recent_checks++;

  if (self->recent_again)
    {
      self->recent_again = FALSE;
      start_recent_check (self);
    }
}

/* Starts the check of the recent registers that no window has open, unless one is under way
 * (then another follows it). */
static void
start_recent_check (RectifyNotifier *self)
{
  g_autoptr(GTask) task = NULL;
  g_auto(GStrv) uris = NULL;
  g_autoptr(GHashTable) seen = NULL;
  RecentCheck *check;
  GWeakRef *weak;

  if (self->application == NULL || !recent_enabled (self))
    return;

  if (self->recent_cancellable != NULL)
    {
      self->recent_again = TRUE;
      return;
    }

  /* A window still reading its register does not count as having it open yet: a reading of
   * the same file here would hold it open beside the window's (its WAL file then outlives the
   * window). Looked at again once the windows have their registers. */
  for (GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    if (RECTIFY_IS_WINDOW (l->data) && rectify_window_is_opening (RECTIFY_WINDOW (l->data)))
      {
        rectify_notifier_check_recent_later (self, 1000);
        return;
      }

  check = g_new0 (RecentCheck, 1);
  check->jobs = g_ptr_array_new_with_free_func (recent_job_free);
  check->today = rectify_date_today ();
  rectify_settings_get_reminder_settings (self->settings, &check->settings);

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  uris = g_settings_get_strv (self->settings, RECENT_KEY);
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *path = g_file_get_path (file);
      RecentJob *job;

      if (path == NULL)
        {
          g_debug ("Recent register %s not checked: not a local file", uris[i]);
          continue;
        }
      if (g_hash_table_contains (seen, path) || find_window (self, path) != NULL)
        continue;
      g_hash_table_add (seen, g_strdup (path));

      job = g_new0 (RecentJob, 1);
      job->path = g_steal_pointer (&path);
      job->sent = load_sent (self, job->path);
      g_ptr_array_add (check->jobs, job);
    }

  if (check->jobs->len == 0)
    {
      recent_check_free (check);
      self->n_recent_sent = 0;
      self->n_recent_checks++;
      return;
    }

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);

  self->recent_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->recent_cancellable, check_recent_done_cb, weak);
  g_task_set_source_tag (task, start_recent_check);
  g_task_set_name (task, "[rectify] reminders of recent registers");
  g_task_set_task_data (task, check, recent_check_free);
  g_task_run_in_thread (task, check_recent_thread);
}

static void
schedule_day_timer (RectifyNotifier *self);

/* Callbacks */

static gboolean
day_timer_cb (gpointer user_data)
{
  RectifyNotifier *self = user_data;

  self->timer_id = 0;
  _rectify_notifier_day_tick (self);

  return G_SOURCE_REMOVE;
}

static gboolean
settings_timeout_cb (gpointer user_data)
{
  RectifyNotifier *self = user_data;

  self->settings_id = 0;
  rectify_notifier_check_all (self);

  return G_SOURCE_REMOVE;
}

static void
settings_changed_cb (RectifyNotifier *self,
                     const char      *key)
{
  if (g_strcmp0 (key, "reminders-enabled") != 0 &&
      g_strcmp0 (key, "reminder-lead-days-action") != 0 &&
      g_strcmp0 (key, "reminder-lead-days-nc") != 0 &&
      g_strcmp0 (key, REMIND_RECENT_KEY) != 0)
    return;

  g_clear_handle_id (&self->settings_id, g_source_remove);
  self->settings_id = g_timeout_add (SETTINGS_DELAY_MS, settings_timeout_cb, self);
}

typedef struct
{
  RectifyNotifier *self;
  GWeakRef         window;
} DeferredCheck;

static void
deferred_check_free (gpointer data)
{
  DeferredCheck *check = data;

  g_object_unref (check->self);
  g_weak_ref_clear (&check->window);
  g_free (check);
}

static gboolean
deferred_check_cb (gpointer data)
{
  DeferredCheck *check = data;
  g_autoptr(RectifyWindow) window = g_weak_ref_get (&check->window);
  RectifyRegister *reg = window != NULL ? rectify_window_get_register (window) : NULL;

  if (reg != NULL)
    rectify_notifier_check_register (check->self, reg);

  return G_SOURCE_REMOVE;
}

/* A register is checked a moment after a window shows it: the check reads every action of the
 * register, which must not delay the window's first frame of a large register. */
static void
check_window_later (RectifyNotifier *self,
                    RectifyWindow   *window)
{
  DeferredCheck *check = g_new0 (DeferredCheck, 1);

  check->self = g_object_ref (self);
  g_weak_ref_init (&check->window, window);
  g_timeout_add_full (G_PRIORITY_LOW, CHECK_DELAY_MS, deferred_check_cb, check,
                      deferred_check_free);
}

static void
window_register_changed_cb (RectifyNotifier *self,
                            GParamSpec      *pspec,
                            RectifyWindow   *window)
{
  if (rectify_window_get_register (window) != NULL)
    check_window_later (self, window);
}

static void
window_added_cb (RectifyNotifier *self,
                 GtkWindow       *window,
                 GtkApplication  *application)
{
  if (!RECTIFY_IS_WINDOW (window))
    return;

  g_signal_connect_object (window, "notify::register",
                           G_CALLBACK (window_register_changed_cb), self, G_CONNECT_SWAPPED);
  if (rectify_window_get_register (RECTIFY_WINDOW (window)) != NULL)
    check_window_later (self, RECTIFY_WINDOW (window));
}

static gboolean
recent_timeout_cb (gpointer user_data)
{
  RectifyNotifier *self = user_data;

  self->recent_timer_id = 0;
  start_recent_check (self);

  return G_SOURCE_REMOVE;
}

/* Arms the timer for the next local midnight (a minute after), or an hour, whichever is sooner. */
static void
schedule_day_timer (RectifyNotifier *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int seconds_today = g_date_time_get_hour (now) * 3600 + g_date_time_get_minute (now) * 60 +
                      g_date_time_get_second (now);
  guint seconds = (guint)MAX (1, 24 * 3600 - seconds_today + 60);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_seconds = MIN (seconds, MAX_TIMER_SECONDS);
  self->timer_id = g_timeout_add_seconds (self->timer_seconds, day_timer_cb, self);
}

/* Vfuncs */

static void
rectify_notifier_dispose (GObject *object)
{
  RectifyNotifier *self = RECTIFY_NOTIFIER (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->settings_id, g_source_remove);
  g_clear_handle_id (&self->recent_timer_id, g_source_remove);
  if (self->recent_cancellable != NULL)
    g_cancellable_cancel (self->recent_cancellable);
  g_clear_object (&self->recent_cancellable);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rectify_notifier_parent_class)->dispose (object);
}

static void
rectify_notifier_finalize (GObject *object)
{
  RectifyNotifier *self = RECTIFY_NOTIFIER (object);

  g_clear_pointer (&self->sent_in_memory, g_hash_table_unref);
  g_clear_pointer (&self->last_day, g_free);

  G_OBJECT_CLASS (rectify_notifier_parent_class)->finalize (object);
}

static void
rectify_notifier_class_init (RectifyNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rectify_notifier_dispose;
  object_class->finalize = rectify_notifier_finalize;

  signals[NOTIFICATION_SENT] =
    g_signal_new ("notification-sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_NOTIFICATION, G_TYPE_STRING, G_TYPE_VARIANT);
}

static void
rectify_notifier_init (RectifyNotifier *self)
{
  self->sent_in_memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify)g_hash_table_unref);
}

/* Public API */

RectifyNotifier *
rectify_notifier_new (GtkApplication *application,
                      GSettings      *settings)
{
  RectifyNotifier *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RECTIFY_TYPE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  g_set_object (&self->settings, settings);

  g_signal_connect_object (application, "window-added", G_CALLBACK (window_added_cb), self,
                           G_CONNECT_SWAPPED);
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    window_added_cb (self, l->data, application);

  if (settings != NULL)
    g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self,
                             G_CONNECT_SWAPPED);

  self->last_day = rectify_date_today ();
  schedule_day_timer (self);

  return self;
}

guint
rectify_notifier_check_register (RectifyNotifier *self,
                                 RectifyRegister *reg)
{
  g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (RectifyReminderItem));
  g_autoptr(GHashTable) sent = NULL;
  g_autoptr(GHashTable) possible = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autofree char *today = NULL;
  g_autofree char *register_name = NULL;
  RectifyReminderSettings reminder_settings;
  const char *path;

  g_return_val_if_fail (RECTIFY_IS_NOTIFIER (self), 0);
  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), 0);

  if (self->application == NULL || !reminders_enabled (self))
    return 0;

  path = rectify_register_get_path (reg);
  register_name = g_path_get_basename (path);
  today = rectify_date_today ();
  rectify_settings_get_reminder_settings (self->settings, &reminder_settings);

  /* Read from the file, not from the register's objects: its actions are only read when the
   * Actions page shows (about three per NC), and this runs on every open. The items borrow
   * their strings from @strings. */
  if (!rectify_reminders_collect (reg, items, strings, &error))
    {
      g_warning ("Reminders of %s not checked: %s", path, error->message);
      return 0;
    }
  possible = collect_possible_keys (items);

  sent = load_sent (self, path);
  reminders = rectify_reminders_compute ((const RectifyReminderItem *)(gpointer)items->data,
                                         items->len, &reminder_settings, today, sent);

  return notify_register (self, path, register_name, reminders, sent, possible);
}

guint
rectify_notifier_check_all (RectifyNotifier *self)
{
  guint n_sent = 0;

  g_return_val_if_fail (RECTIFY_IS_NOTIFIER (self), 0);

  g_free (self->last_day);
  self->last_day = rectify_date_today ();

  if (self->application == NULL)
    return 0;

  for (GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    {
      RectifyRegister *reg;

      if (RECTIFY_IS_WINDOW (l->data) &&
          (reg = rectify_window_get_register (RECTIFY_WINDOW (l->data))) != NULL)
        n_sent += rectify_notifier_check_register (self, reg);
    }

  start_recent_check (self);

  return n_sent;
}

void
rectify_notifier_check_recent (RectifyNotifier *self)
{
  g_return_if_fail (RECTIFY_IS_NOTIFIER (self));

  g_clear_handle_id (&self->recent_timer_id, g_source_remove);
  start_recent_check (self);
}

void
rectify_notifier_check_recent_later (RectifyNotifier *self,
                                     guint            delay_ms)
{
  g_return_if_fail (RECTIFY_IS_NOTIFIER (self));

  g_clear_handle_id (&self->recent_timer_id, g_source_remove);
  self->recent_timer_id = g_timeout_add_full (G_PRIORITY_LOW, delay_ms, recent_timeout_cb, self,
                                              NULL);
}

/* For tests */

guint
_rectify_notifier_day_tick (RectifyNotifier *self)
{
  g_autofree char *today = rectify_date_today ();
  guint n_sent = 0;

  g_return_val_if_fail (RECTIFY_IS_NOTIFIER (self), 0);

  if (g_strcmp0 (today, self->last_day) != 0)
    n_sent = rectify_notifier_check_all (self);

  schedule_day_timer (self);

  return n_sent;
}

guint
_rectify_notifier_get_timer_seconds (RectifyNotifier *self)
{
  g_return_val_if_fail (RECTIFY_IS_NOTIFIER (self), 0);

  return self->timer_seconds;
}

guint
_rectify_notifier_get_n_recent_checks (RectifyNotifier *self)
{
  g_return_val_if_fail (RECTIFY_IS_NOTIFIER (self), 0);

  return self->n_recent_checks;
}

guint
_rectify_notifier_get_n_recent_sent (RectifyNotifier *self)
{
  g_return_val_if_fail (RECTIFY_IS_NOTIFIER (self), 0);

  return self->n_recent_sent;
}
