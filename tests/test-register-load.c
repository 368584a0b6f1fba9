/* test-register-load.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a register is read when it opens: the fast load path (fields written straight into new
 * objects) gives the same objects as the ones that were stored, actions are read on first use
 * without losing changes made before, and the damage check at open covers the tables the app
 * reads while the rest is left to rectify_register_verify ().
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rectify-demo.h"
#include "rectify-register.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rectify-load-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "register.rectify", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Every property of @a equals the same property of @b */
static void
assert_same_properties (GObject *a,
                        GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  g_assert_true (a != b);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  g_assert_cmpuint (n, >, 1);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);

      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        {
          g_autofree char *sa = g_strdup_value_contents (&va);
          g_autofree char *sb = g_strdup_value_contents (&vb);

          g_error ("%s.%s: %s stored, %s read back", G_OBJECT_TYPE_NAME (a), pspecs[i]->name,
                   sa, sb);
        }
    }
}

static void
assert_same_lists (GListModel *a,
                   GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));

  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(GObject) ia = g_list_model_get_item (a, i);
      g_autoptr(GObject) ib = g_list_model_get_item (b, i);

      assert_same_properties (ia, ib);
    }
}

/* The demo register (every grade, source and status, audits, causes, actions, verifications) and
 * one piece of evidence, read back after reopening: every property of every object is the same. */
static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) stored = NULL;
  g_autoptr(RectifyRegister) loaded = NULL;
  g_autoptr(RectifyEvidence) evidence = rectify_evidence_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("scan", 4);
  g_autoptr(RectifyNonconformity) first = NULL;
  GListModel *ncs;
  guint n_causes = 0;
  guint n_verifications = 0;

  stored = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_demo_populate (stored, "2026-06-15", &error));
  g_assert_no_error (error);

  ncs = rectify_register_get_nonconformities (stored);
  first = g_list_model_get_item (ncs, 0);
  g_object_set (evidence,
                "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (first)),
                "name", "scan.pdf",
                "mime-type", "application/pdf",
                NULL);
  g_assert_true (rectify_register_add_evidence (stored, evidence, bytes, &error));
  g_assert_no_error (error);

  loaded = rectify_register_open (f->path, &error);
  g_assert_no_error (error);

  assert_same_lists (rectify_register_get_audits (stored), rectify_register_get_audits (loaded));
  assert_same_lists (ncs, rectify_register_get_nonconformities (loaded));
  assert_same_lists (rectify_register_get_actions (stored), rectify_register_get_actions (loaded));
  g_assert_cmpuint (g_list_model_get_n_items (ncs), >=, 20);

  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) a = g_list_model_get_item (ncs, i);
      g_autoptr(RectifyNonconformity) b =
        g_list_model_get_item (rectify_register_get_nonconformities (loaded), i);
      g_autoptr(GListModel) ca = rectify_register_list_causes (stored, a);
      g_autoptr(GListModel) cb = rectify_register_list_causes (loaded, b);
      g_autoptr(GListModel) va = rectify_register_list_verifications (stored, a);
      g_autoptr(GListModel) vb = rectify_register_list_verifications (loaded, b);
      g_autoptr(GListModel) ea = rectify_register_list_evidence (stored, RECTIFY_ENTITY (a));
      g_autoptr(GListModel) eb = rectify_register_list_evidence (loaded, RECTIFY_ENTITY (b));
      g_autoptr(GListModel) aa = rectify_register_list_actions_for (stored, a);
      g_autoptr(GListModel) ab = rectify_register_list_actions_for (loaded, b);

      assert_same_lists (ca, cb);
      assert_same_lists (va, vb);
      assert_same_lists (ea, eb);
      assert_same_lists (aa, ab);
      n_causes += g_list_model_get_n_items (ca);
      n_verifications += g_list_model_get_n_items (va);
    }

  /* (the demo has them, so the comparison above covered those kinds) */
  g_assert_cmpuint (n_causes, >, 0);
  g_assert_cmpuint (n_verifications, >, 0);
}

static gboolean
list_contains (GListModel *list,
               gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) o = g_list_model_get_item (list, i);

      if (o == item)
        return TRUE;
    }

  return FALSE;
}

static RectifyAction *
new_action (const char *title)
{
  RectifyAction *action = rectify_action_new ();

  g_object_set (action, "title", title, "owner", "Dana", NULL);

  return action;
}

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

/* Actions are read on the first rectify_register_get_actions (); what changed before is there,
 * with the same objects, and the model is live from then on. */
static void
test_lazy_actions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyAction) added = new_action ("Added before the load");
  g_autoptr(RectifyAction) rolled_back = new_action ("Rolled back");
  g_autoptr(RectifyAction) later = new_action ("Added after the load");
  RectifyAction *kept;
  RectifyAction *removed;
  RectifyAction *linked;
  GListModel *actions;
  guint n_stored;
  guint calls = 0;

  reg = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_demo_populate (reg, "2026-06-15", &error));
  g_assert_no_error (error);
  n_stored = g_list_model_get_n_items (rectify_register_get_actions (reg));
  g_assert_cmpuint (n_stored, >=, 3);
  g_clear_object (&reg);

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);

  /* Before the load: lookups read SQLite, changes go to the file and the object cache */
  kept = rectify_register_lookup_action (reg, 1);
  removed = rectify_register_lookup_action (reg, 2);
  g_assert_nonnull (kept);
  g_assert_nonnull (removed);
  g_assert_null (rectify_register_lookup_action (reg, 100000));
  g_assert_true (rectify_register_lookup_action (reg, 1) == kept);

  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (kept), "owner",
                                                 "Changed before the load", &error));
  g_assert_no_error (error);
  g_object_ref (removed);
  g_assert_true (rectify_register_remove (reg, RECTIFY_ENTITY (removed), &error));
  g_assert_no_error (error);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (added), &error));
  g_assert_no_error (error);

  g_assert_true (rectify_register_begin (reg, &error));
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (rolled_back), &error));
  g_assert_no_error (error);
  rectify_register_rollback (reg);

  /* An action reached through an NC is the object the model will hold */
  {
    g_autoptr(RectifyNonconformity) nc =
      g_list_model_get_item (rectify_register_get_nonconformities (reg), 0);
    g_autoptr(GListModel) for_nc = NULL;

    g_assert_true (rectify_register_link_action (reg, nc, added, &error));
    g_assert_no_error (error);
    for_nc = rectify_register_list_actions_for (reg, nc);
    g_assert_true (list_contains (for_nc, added));
    linked = added;
  }

  /* The load */
  actions = rectify_register_get_actions (reg);
  g_assert_true (rectify_register_get_actions (reg) == actions);
  g_assert_true (g_list_model_get_item_type (actions) == RECTIFY_TYPE_ACTION);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_stored);
  g_assert_true (list_contains (actions, kept));
  g_assert_true (list_contains (actions, added));
  g_assert_true (list_contains (actions, linked));
  g_assert_false (list_contains (actions, removed));
  g_assert_false (list_contains (actions, rolled_back));
  g_assert_cmpstr (rectify_action_get_owner (kept), ==, "Changed before the load");
  g_object_unref (removed);

  /* Sorted by id, like the other live models */
  for (guint i = 1; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RectifyEntity) a = g_list_model_get_item (actions, i - 1);
      g_autoptr(RectifyEntity) b = g_list_model_get_item (actions, i);

      g_assert_cmpint (rectify_entity_get_id (a), <, rectify_entity_get_id (b));
    }

  /* Live from now on */
  g_signal_connect (actions, "items-changed", G_CALLBACK (items_changed_cb), &calls);
  g_assert_true (rectify_register_add (reg, RECTIFY_ENTITY (later), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_true (list_contains (actions, later));
  g_assert_true (rectify_register_update_string (reg, RECTIFY_ENTITY (later), "owner", "Eve",
                                                 &error));
  g_assert_cmpuint (calls, ==, 2);
  g_assert_true (rectify_register_remove (reg, RECTIFY_ENTITY (later), &error));
  g_assert_cmpuint (calls, ==, 3);
  g_assert_false (list_contains (actions, later));
  g_signal_handlers_disconnect_by_data (actions, &calls);
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?mode=ro&immutable=1", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return v;
}

/* Overwrites the root page of @table with garbage; returns the damaged file's bytes */
static GBytes *
damage_table (const char *path,
              const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'",
                                          table);
  gint64 page_size = sql_int (path, "PRAGMA page_size");
  gint64 root = sql_int (path, sql);
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_cmpint (root, >, 1);
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_cmpuint (len, >=, (gsize)(root * page_size));
  memset (contents + (root - 1) * page_size, 0xa5, (gsize)page_size);
  g_assert_true (g_file_set_contents (path, contents, len, &error));
  g_assert_no_error (error);

  return g_bytes_new (contents, len);
}

static void
make_register (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = rectify_register_create (path, &error);
  g_autofree char *wal = NULL;

  g_assert_no_error (error);
  g_assert_true (rectify_demo_populate_synthetic (reg, 300, 1, "2026-06-15", &error));
  g_assert_no_error (error);
  g_clear_object (&reg);

  /* Closing folded the write-ahead log into the file: the pages are where the schema says */
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM nonconformity"), ==, 300);
}

/* Damage in a table that the app reads at open: refused with CORRUPT, the file untouched */
static void
test_damage_checked (Fixture       *f,
                     gconstpointer  data)
{
  const char *table = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *after = NULL;
  gsize len = 0;

  make_register (f->path);
  before = damage_table (f->path, table);

  reg = rectify_register_open (f->path, &error);
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_CORRUPT);
  g_assert_null (reg);

  g_assert_true (g_file_get_contents (f->path, &after, &len, NULL));
  g_assert_cmpmem (after, len, g_bytes_get_data (before, NULL), g_bytes_get_size (before));
}

/* Damage in the history, which is only checked by rectify_register_verify (): the register
 * opens and shows its NCs, and verify reports the damage. */
static void
test_damage_history (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(GBytes) before = NULL;

  make_register (f->path);
  before = damage_table (f->path, "history");

  reg = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)), ==, 300);

  g_assert_false (rectify_register_verify (reg, &error));
  g_assert_nonnull (error);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

static RectifyRegister *
open_async_and_wait (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rectify_register_open_async (path, cancellable, open_done_cb, &result);
  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rectify_register_open_finish (result, error);
}

/* The register read in a thread is the same as the one read here, and errors come back. */
static void
test_open_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RectifyRegister) created = NULL;
  g_autoptr(RectifyRegister) sync = NULL;
  g_autoptr(RectifyRegister) async = NULL;
  g_autoptr(RectifyRegister) cancelled = NULL;
  g_autoptr(RectifyRegister) missing = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *gone = g_build_filename (f->dir, "gone.rectify", NULL);
  GListModel *a, *b;

  created = rectify_register_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_demo_populate_synthetic (created, 50, 1, "2026-06-15", &error));
  g_assert_no_error (error);
  g_clear_object (&created);

  sync = rectify_register_open (f->path, &error);
  g_assert_no_error (error);
  async = open_async_and_wait (f->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (async);

  a = rectify_register_get_nonconformities (sync);
  b = rectify_register_get_nonconformities (async);
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, 50);
  g_assert_cmpuint (g_list_model_get_n_items (b), ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);

      assert_same_properties (x, y);
    }

  /* Used from this thread afterwards: a change is written */
  {
    g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (b, 0);

    g_assert_true (rectify_register_update_string (async, RECTIFY_ENTITY (nc), "title",
                                                   "Changed after an open in a thread", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (rectify_nonconformity_get_title (nc), ==, "Changed after an open in a thread");
  }

  missing = open_async_and_wait (gone, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  cancelled = open_async_and_wait (f->path, cancellable, &error);
  g_assert_null (cancelled);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/Rectify/RegisterLoad/" path, Fixture, data, fixture_setup, func, fixture_teardown)

  ADD ("fields", test_fields, NULL);
  ADD ("lazy-actions", test_lazy_actions, NULL);
  ADD ("damage/nonconformity", test_damage_checked, "nonconformity");
  ADD ("damage/audit", test_damage_checked, "audit");
  ADD ("damage/action", test_damage_checked, "action");
  ADD ("damage/nc_action", test_damage_checked, "nc_action");
  ADD ("damage/register_info", test_damage_checked, "register_info");
  ADD ("damage/history", test_damage_history, NULL);
  ADD ("open-async", test_open_async, NULL);

  return g_test_run ();
}
