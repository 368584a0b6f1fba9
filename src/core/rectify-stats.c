/* rectify-stats.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <string.h>

#include "rectify-catalogue.h"
#include "rectify-date.h"
#include "rectify-register-private.h"
#include "rectify-stats.h"

struct _RectifyStats
{
  char                 *today;
  char                 *audit_title;
  char                 *from;
  char                 *to;

  guint                 n_total;
  guint                 n_open;
  guint                 n_closed;

  guint                 by_status[RECTIFY_N_STATUSES];
  guint                 open_by_grade[RECTIFY_N_GRADES];
  guint                 open_by_source[RECTIFY_N_SOURCES];
  GPtrArray            *open_by_area;          /* RectifyStatsCount */
  GPtrArray            *open_by_requirement;   /* RectifyStatsCount */
  GPtrArray            *open_by_theme;         /* RectifyStatsCount */
  GPtrArray            *repeated_requirements; /* RectifyStatsCount */

  GPtrArray            *months;                /* RectifyStatsMonth */

  GPtrArray            *overdue_ncs;           /* char * refs */
  GPtrArray            *overdue_actions;       /* char * refs */

  RectifyStatsDuration  days_to_close;
  RectifyStatsDuration  days_to_close_by_grade[RECTIFY_N_GRADES];

  guint                 n_actions;
  guint                 n_actions_done;
  guint                 n_actions_on_time;
  guint                 n_actions_timed;       /* done with both dates */

  GPtrArray            *reopened_ncs;          /* char * refs */
  guint                 n_reopenings;
};

static void
stats_count_free (RectifyStatsCount *count)
{
  g_free (count->key);
  g_free (count->label);
  g_free (count);
}

static void
stats_month_free (RectifyStatsMonth *month)
{
  g_free (month->month);
  g_free (month);
}

/* Compares two refs with runs of digits taken as numbers ("NC-9" < "NC-10"). */
static int
natural_compare (const char *a,
                 const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *ea = a, *eb = b;
          gsize la, lb;
          int c;

          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (ea = a; g_ascii_isdigit (*ea); ea++)
            ;
          for (eb = b; g_ascii_isdigit (*eb); eb++)
            ;
          la = (gsize)(ea - a);
          lb = (gsize)(eb - b);
          if (la != lb)
            return la < lb ? -1 : 1;
          if ((c = strncmp (a, b, la)) != 0)
            return c;
          a = ea;
          b = eb;
          continue;
        }
      if (*a != *b)
        return (guchar)*a < (guchar)*b ? -1 : 1;
      a++;
      b++;
    }

  return (guchar)*a - (guchar)*b;
}

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  return natural_compare (*(const char * const *)a, *(const char * const *)b);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const RectifyStatsCount *ca = *(const RectifyStatsCount * const *)a;
  const RectifyStatsCount *cb = *(const RectifyStatsCount * const *)b;

  if (ca->count != cb->count)
    return ca->count > cb->count ? -1 : 1;

  return natural_compare (ca->key, cb->key);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return (da > db) - (da < db);
}

/* A tally keyed by a stable key, remembering one label per key. */
typedef struct
{
  GHashTable *counts;  /* key -> RectifyStatsCount */
} Tally;

static void
tally_init (Tally *tally)
{
  tally->counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify)stats_count_free);
}

static void
tally_add (Tally      *tally,
           const char *key,
           const char *label)
{
  RectifyStatsCount *count = g_hash_table_lookup (tally->counts, key);

  if (count == NULL)
    {
      count = g_new0 (RectifyStatsCount, 1);
      count->key = g_strdup (key);
      count->label = g_strdup (label);
      g_hash_table_insert (tally->counts, count->key, count);
    }
  count->count++;
}

/* Sorted, with counts below @min_count dropped; frees the tally. */
static GPtrArray *
tally_finish (Tally *tally,
              guint  min_count)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify)stats_count_free);
  GHashTableIter iter;
  RectifyStatsCount *count;

  g_hash_table_iter_init (&iter, tally->counts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&count))
    {
      g_hash_table_iter_steal (&iter);
      if (count->count >= min_count)
        g_ptr_array_add (result, count);
      else
        stats_count_free (count);
    }
  g_clear_pointer (&tally->counts, g_hash_table_unref);
  g_ptr_array_sort (result, compare_counts);

  return result;
}

/* The requirement of @nc as a stable key (the catalogue ref when the catalogue knows it) and a
 * label; its theme (rectify_catalogue_classify (), as the register's theme filter). */
static void
classify_requirement (RectifyNonconformity  *nc,
                      char                 **req_key,
                      char                 **req_label,
                      const char           **theme_key,
                      const char           **theme_label)
{
  const char *text = rectify_nonconformity_get_requirement (nc);
  RectifyCatalogueEntry *entry = NULL;
  RectifyCatalogueTheme theme = rectify_catalogue_classify (text, &entry);

  *theme_key = rectify_catalogue_theme_get_key (theme);
  *theme_label = rectify_catalogue_theme_get_label (theme);

  if (entry != NULL)
    {
      *req_key = g_strdup (rectify_catalogue_entry_get_ref (entry));
      *req_label = g_strdup (rectify_catalogue_entry_get_label (entry));
    }
  else if (theme == RECTIFY_CATALOGUE_THEME_NONE)
    {
      *req_key = g_strdup ("");
      *req_label = g_strdup (_("No requirement"));
    }
  else
    {
      *req_key = g_strstrip (g_strdup (text));
      *req_label = g_strdup (*req_key);
    }
}

static void
fill_duration (RectifyStatsDuration *duration,
               GArray               *days)
{
  g_array_sort (days, compare_doubles);
  duration->count = days->len;
  duration->median = rectify_stats_percentile ((const double *)(gpointer)days->data, days->len,
                                               0.5);
  duration->p90 = rectify_stats_percentile ((const double *)(gpointer)days->data, days->len,
                                            0.9);
}

/* "YYYY-MM" of an ISO date, or NULL. */
static char *
month_of (const char *date)
{
  if (date == NULL || !rectify_date_parse (date, NULL))
    return NULL;

  return g_strndup (date, 7);
}

static char *
next_month (const char *month)
{
  int year = atoi (month);
  int mon = atoi (month + 5);

  if (++mon > 12)
    {
      mon = 1;
      year++;
    }

  return g_strdup_printf ("%04d-%02d", year, mon);
}

static GPtrArray *
build_months (GHashTable *opened,
              GHashTable *closed,
              const char *first,
              const char *last)
{
  GPtrArray *months = g_ptr_array_new_with_free_func ((GDestroyNotify)stats_month_free);
  g_autofree char *month = NULL;

  if (first == NULL || last == NULL || strcmp (first, last) > 0)
    return months;

  month = g_strdup (first);
  while (strcmp (month, last) <= 0)
    {
      RectifyStatsMonth *m = g_new0 (RectifyStatsMonth, 1);
      char *next;

      m->month = g_strdup (month);
      m->opened = GPOINTER_TO_UINT (g_hash_table_lookup (opened, month));
      m->closed = GPOINTER_TO_UINT (g_hash_table_lookup (closed, month));
      g_ptr_array_add (months, m);

      next = next_month (month);
      g_free (month);
      month = next;
    }

  return months;
}

/* Takes @value (transfer full) into *@str. */
static void
replace_str (char **str,
             char  *value)
{
  g_free (*str);
  *str = value;
}

static void
count_month (GHashTable *table,
             const char *month)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, month));

  g_hash_table_insert (table, g_strdup (month), GUINT_TO_POINTER (n + 1));
}

static gboolean
db_failed (sqlite3  *db,
           int       rc,
           GError  **error)
{
  g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
               /* Translators: %s is an SQLite error message */
               _("Could not compute the figures: %s"), db != NULL ? sqlite3_errmsg (db) :
               sqlite3_errstr (rc));
  return FALSE;
}

/* Reopenings per NC id, from the history rows "reopened". */
static gboolean
load_reopenings (RectifyRegister  *reg,
                 GHashTable       *reopenings,
                 GError          **error)
{
  sqlite3 *db = _rectify_register_get_db (reg);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT entity_id, COUNT (*) FROM history"
                           " WHERE entity = ?1 AND field = ?2 GROUP BY entity_id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return db_failed (db, rc, error);

  sqlite3_bind_text (stmt, 1, "nonconformity", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, "reopened", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (reopenings, id, GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return db_failed (db, rc, error);

  return TRUE;
}

/* Ids of the actions linked to any NC in @nc_ids. */
static gboolean
load_linked_actions (RectifyRegister  *reg,
                     GHashTable       *nc_ids,
                     GHashTable       *action_ids,
                     GError          **error)
{
  sqlite3 *db = _rectify_register_get_db (reg);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT nc_id, action_id FROM nc_action", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return db_failed (db, rc, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 nc_id = sqlite3_column_int64 (stmt, 0);

      if (g_hash_table_contains (nc_ids, &nc_id))
        {
          gint64 *action_id = g_new (gint64, 1);

          *action_id = sqlite3_column_int64 (stmt, 1);
          g_hash_table_add (action_ids, action_id);
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return db_failed (db, rc, error);

  return TRUE;
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (date == NULL || rectify_date_parse (date, NULL))
    return TRUE;

  g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
               /* Translators: %s is what was given instead of a date */
               _("“%s” is not a date (YYYY-MM-DD)"), date);
  return FALSE;
}

/* Public API */

double
rectify_stats_percentile (const double *values,
                          guint         n_values,
                          double        p)
{
  double h;
  guint lo;

  g_return_val_if_fail (p >= 0.0 && p <= 1.0, NAN);

  if (n_values == 0 || values == NULL)
    return NAN;

  h = (n_values - 1) * p;
  lo = (guint)floor (h);
  if (lo + 1 >= n_values)
    return values[n_values - 1];

  return values[lo] + (h - lo) * (values[lo + 1] - values[lo]);
}

RectifyStats *
rectify_stats_compute (RectifyRegister  *reg,
                       gint64            audit_id,
                       const char       *from,
                       const char       *to,
                       const char       *today,
                       GError          **error)
{
  g_autoptr(RectifyStats) self = NULL;
  g_autoptr(GHashTable) nc_ids = NULL;
  g_autoptr(GHashTable) action_ids = NULL;
  g_autoptr(GHashTable) reopenings = NULL;
  g_autoptr(GHashTable) opened = NULL;
  g_autoptr(GHashTable) closed = NULL;
  g_autoptr(GArray) days_all = NULL;
  g_autoptr(GPtrArray) days_by_grade = NULL;
  g_autofree char *first_month = NULL;
  g_autofree char *last_month = NULL;
  Tally areas, requirements, themes, all_requirements;
  gboolean whole_register = audit_id == 0 && from == NULL && to == NULL;
  GListModel *model;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (today != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_date (today, error) || !check_date (from, error) || !check_date (to, error))
    return NULL;
  if (from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                   /* Translators: the dates of a range, as given */
                   _("The range starts (%s) after it ends (%s)"), from, to);
      return NULL;
    }

  self = g_new0 (RectifyStats, 1);
  self->today = g_strdup (today);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  if (audit_id != 0)
    {
      RectifyAudit *audit = rectify_register_lookup_audit (reg, audit_id);

      if (audit == NULL)
        {
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                       /* Translators: %d is a number that identifies an audit */
                       _("There is no audit %d"), (int)audit_id);
          return NULL;
        }
      self->audit_title = g_strdup (rectify_audit_get_title (audit));
    }
  self->overdue_ncs = g_ptr_array_new_with_free_func (g_free);
  self->overdue_actions = g_ptr_array_new_with_free_func (g_free);
  self->reopened_ncs = g_ptr_array_new_with_free_func (g_free);

  nc_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  action_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  reopenings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  opened = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  closed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  days_all = g_array_new (FALSE, FALSE, sizeof (double));
  days_by_grade = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  for (guint g = 0; g < RECTIFY_N_GRADES; g++)
    g_ptr_array_add (days_by_grade, g_array_new (FALSE, FALSE, sizeof (double)));

  if (!load_reopenings (reg, reopenings, error))
    return NULL;

  tally_init (&areas);
  tally_init (&requirements);
  tally_init (&themes);
  tally_init (&all_requirements);

  model = rectify_register_get_nonconformities (reg);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (model, i);
      const char *reported_on = rectify_nonconformity_get_reported_on (nc);
      const char *closed_on = rectify_nonconformity_get_closed_on (nc);
      RectifyStatus status = rectify_nonconformity_get_status (nc);
      RectifyGrade grade = rectify_nonconformity_get_grade (nc);
      RectifySource source = rectify_nonconformity_get_source (nc);
      gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (nc));
      const char *ref = rectify_nonconformity_get_ref (nc);
      g_autofree char *req_key = NULL;
      g_autofree char *req_label = NULL;
      g_autofree char *month = NULL;
      const char *theme_key;
      const char *theme_label;
      gint64 *id_key;
      guint n_reopened;

      if (audit_id != 0 && rectify_nonconformity_get_audit_id (nc) != audit_id)
        continue;
      if (from != NULL || to != NULL)
        {
          if (reported_on == NULL || !rectify_date_parse (reported_on, NULL))
            continue;
          if (from != NULL && strcmp (reported_on, from) < 0)
            continue;
          if (to != NULL && strcmp (reported_on, to) > 0)
            continue;
        }

      id_key = g_new (gint64, 1);
      *id_key = id;
      g_hash_table_add (nc_ids, id_key);

      self->n_total++;
      if ((guint)status < RECTIFY_N_STATUSES)
        self->by_status[status]++;

      classify_requirement (nc, &req_key, &req_label, &theme_key, &theme_label);
      tally_add (&all_requirements, req_key, req_label);

      if (status == RECTIFY_STATUS_CLOSED)
        {
          int days;

          self->n_closed++;
          if (reported_on != NULL && closed_on != NULL &&
              rectify_date_days_between (reported_on, closed_on, &days))
            {
              double d = days;

              g_array_append_val (days_all, d);
              if ((guint)grade < RECTIFY_N_GRADES)
                g_array_append_val (g_ptr_array_index (days_by_grade, grade), d);
            }
        }
      else
        {
          const char *area = rectify_nonconformity_get_area (nc);
          g_autofree char *area_key = g_strstrip (g_strdup (area != NULL ? area : ""));

          self->n_open++;
          if ((guint)grade < RECTIFY_N_GRADES)
            self->open_by_grade[grade]++;
          if ((guint)source < RECTIFY_N_SOURCES)
            self->open_by_source[source]++;
          tally_add (&areas, area_key, area_key[0] != '\0' ? area_key : _("No area"));
          tally_add (&requirements, req_key, req_label);
          tally_add (&themes, theme_key, theme_label);
        }

      if (rectify_nonconformity_is_overdue (nc, today))
        g_ptr_array_add (self->overdue_ncs, g_strdup (ref != NULL ? ref : ""));

      n_reopened = GPOINTER_TO_UINT (g_hash_table_lookup (reopenings, &id));
      if (n_reopened > 0)
        {
          g_ptr_array_add (self->reopened_ncs, g_strdup (ref != NULL ? ref : ""));
          self->n_reopenings += n_reopened;
        }

      /* Months: opened by reported-on, closed by closed-on (closed NCs only). */
      if ((month = month_of (reported_on)) != NULL)
        {
          count_month (opened, month);
          if (first_month == NULL || strcmp (month, first_month) < 0)
            replace_str (&first_month, g_strdup (month));
          if (last_month == NULL || strcmp (month, last_month) > 0)
            replace_str (&last_month, g_strdup (month));
          g_clear_pointer (&month, g_free);
        }
      if (status == RECTIFY_STATUS_CLOSED && (month = month_of (closed_on)) != NULL)
        {
          count_month (closed, month);
          if (first_month == NULL || strcmp (month, first_month) < 0)
            replace_str (&first_month, g_strdup (month));
          if (last_month == NULL || strcmp (month, last_month) > 0)
            replace_str (&last_month, g_strdup (month));
        }
    }

  self->open_by_area = tally_finish (&areas, 1);
  self->open_by_requirement = tally_finish (&requirements, 1);
  self->open_by_theme = tally_finish (&themes, 1);
  self->repeated_requirements = tally_finish (&all_requirements, 2);

  /* Month range: from @from (else the earliest date), to @to (else the later of today and the
   * latest date). */
  if (from != NULL)
    replace_str (&first_month, month_of (from));
  if (to != NULL)
    replace_str (&last_month, month_of (to));
  else if (first_month != NULL)
    {
      g_autofree char *today_month = month_of (today);

      if (last_month == NULL || strcmp (today_month, last_month) > 0)
        replace_str (&last_month, g_steal_pointer (&today_month));
    }
  self->months = build_months (opened, closed, first_month, last_month);

  /* Days to close */
  fill_duration (&self->days_to_close, days_all);
  for (guint g = 0; g < RECTIFY_N_GRADES; g++)
    fill_duration (&self->days_to_close_by_grade[g], g_ptr_array_index (days_by_grade, g));

  /* Actions */
  if (!whole_register && !load_linked_actions (reg, nc_ids, action_ids, error))
    return NULL;

  model = rectify_register_get_actions (reg);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (model, i);
      gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (action));
      const char *done_on = rectify_action_get_done_on (action);
      const char *target_on = rectify_action_get_target_on (action);
      const char *ref = rectify_action_get_ref (action);

      if (!whole_register && !g_hash_table_contains (action_ids, &id))
        continue;

      self->n_actions++;
      if (rectify_action_get_status (action) == RECTIFY_ACTION_STATUS_DONE)
        {
          self->n_actions_done++;
          if (rectify_date_parse (done_on, NULL) && rectify_date_parse (target_on, NULL))
            {
              self->n_actions_timed++;
              if (strcmp (done_on, target_on) <= 0)
                self->n_actions_on_time++;
            }
        }
      if (rectify_action_is_overdue (action, today))
        g_ptr_array_add (self->overdue_actions, g_strdup (ref != NULL ? ref : ""));
    }

  g_ptr_array_sort (self->overdue_ncs, compare_refs);
  g_ptr_array_sort (self->overdue_actions, compare_refs);
  g_ptr_array_sort (self->reopened_ncs, compare_refs);

  return g_steal_pointer (&self);
}

void
rectify_stats_free (RectifyStats *self)
{
  if (self == NULL)
    return;

  g_free (self->today);
  g_free (self->audit_title);
  g_free (self->from);
  g_free (self->to);
  g_clear_pointer (&self->open_by_area, g_ptr_array_unref);
  g_clear_pointer (&self->open_by_requirement, g_ptr_array_unref);
  g_clear_pointer (&self->open_by_theme, g_ptr_array_unref);
  g_clear_pointer (&self->repeated_requirements, g_ptr_array_unref);
  g_clear_pointer (&self->months, g_ptr_array_unref);
  g_clear_pointer (&self->overdue_ncs, g_ptr_array_unref);
  g_clear_pointer (&self->overdue_actions, g_ptr_array_unref);
  g_clear_pointer (&self->reopened_ncs, g_ptr_array_unref);
  g_free (self);
}

const char *
rectify_stats_get_today (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->today;
}

const char *
rectify_stats_get_audit_title (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->audit_title;
}

const char *
rectify_stats_get_from (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->from;
}

const char *
rectify_stats_get_to (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->to;
}

guint
rectify_stats_get_n_total (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_total;
}

guint
rectify_stats_get_n_open (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_open;
}

guint
rectify_stats_get_n_closed (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_closed;
}

guint
rectify_stats_get_by_status (RectifyStats  *self,
                             RectifyStatus  status)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint)status < RECTIFY_N_STATUSES, 0);
  return self->by_status[status];
}

guint
rectify_stats_get_open_by_grade (RectifyStats *self,
                                 RectifyGrade  grade)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint)grade < RECTIFY_N_GRADES, 0);
  return self->open_by_grade[grade];
}

guint
rectify_stats_get_open_by_source (RectifyStats  *self,
                                  RectifySource  source)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint)source < RECTIFY_N_SOURCES, 0);
  return self->open_by_source[source];
}

GPtrArray *
rectify_stats_get_open_by_area (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->open_by_area;
}

GPtrArray *
rectify_stats_get_open_by_requirement (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->open_by_requirement;
}

GPtrArray *
rectify_stats_get_open_by_theme (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->open_by_theme;
}

GPtrArray *
rectify_stats_get_repeated_requirements (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->repeated_requirements;
}

guint
rectify_stats_count_lookup (GPtrArray  *counts,
                            const char *key)
{
  g_return_val_if_fail (counts != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);

  for (guint i = 0; i < counts->len; i++)
    {
      RectifyStatsCount *count = g_ptr_array_index (counts, i);

      if (g_str_equal (count->key, key))
        return count->count;
    }

  return 0;
}

GPtrArray *
rectify_stats_get_months (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->months;
}

GPtrArray *
rectify_stats_get_overdue_ncs (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->overdue_ncs;
}

GPtrArray *
rectify_stats_get_overdue_actions (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->overdue_actions;
}

const RectifyStatsDuration *
rectify_stats_get_days_to_close (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->days_to_close;
}

const RectifyStatsDuration *
rectify_stats_get_days_to_close_by_grade (RectifyStats *self,
                                          RectifyGrade  grade)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint)grade < RECTIFY_N_GRADES, NULL);
  return &self->days_to_close_by_grade[grade];
}

guint
rectify_stats_get_n_actions (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_actions;
}

guint
rectify_stats_get_n_actions_done (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_actions_done;
}

guint
rectify_stats_get_n_actions_on_time (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_actions_on_time;
}

double
rectify_stats_get_on_time_share (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (self->n_actions_timed == 0)
    return NAN;

  return (double)self->n_actions_on_time / self->n_actions_timed;
}

GPtrArray *
rectify_stats_get_reopened_ncs (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reopened_ncs;
}

guint
rectify_stats_get_n_reopenings (RectifyStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_reopenings;
}

/* JSON */

static void
json_string (GString    *out,
             const char *str)
{
  g_autofree char *valid = NULL;

  if (str == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  valid = g_utf8_make_valid (str, -1);
  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char)c);
        }
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char)c);
    }
  g_string_append_c (out, '"');
}

static void
json_number (GString *out,
             double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  gsize len;

  if (isnan (value) || isinf (value))
    {
      g_string_append (out, "null");
      return;
    }

  /* Four decimals, trailing zeros dropped, at least one decimal: "66.0", "0.9231" */
  g_ascii_formatd (buf, sizeof buf, "%.4f", value);
  len = strlen (buf);
  while (len > 0 && buf[len - 1] == '0')
    buf[--len] = '\0';
  if (len > 0 && buf[len - 1] == '.')
    buf[len++] = '0';
  buf[len] = '\0';
  if (g_str_equal (buf, "-0.0"))
    g_strlcpy (buf, "0.0", sizeof buf);
  g_string_append (out, buf);
}

static void
json_key (GString    *out,
          guint       indent,
          gboolean    first,
          const char *key)
{
  g_string_append (out, first ? "\n" : ",\n");
  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
  json_string (out, key);
  g_string_append (out, ": ");
}

static void
json_enum_counts (GString     *out,
                  guint        indent,
                  GType        type,
                  const guint *counts,
                  guint        n_counts)
{
  g_string_append_c (out, '{');
  for (guint i = 0; i < n_counts; i++)
    {
      json_key (out, indent + 2, i == 0, rectify_enum_to_nick (type, (int)i));
      g_string_append_printf (out, "%u", counts[i]);
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
  g_string_append_c (out, '}');
}

static void
json_counts (GString   *out,
             GPtrArray *counts)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < counts->len; i++)
    {
      RectifyStatsCount *count = g_ptr_array_index (counts, i);

      g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
      g_string_append (out, "\"key\": ");
      json_string (out, count->key);
      g_string_append (out, ", \"label\": ");
      json_string (out, count->label);
      g_string_append_printf (out, ", \"count\": %u}", count->count);
    }
  g_string_append (out, counts->len > 0 ? "\n  ]" : "]");
}

static void
json_refs (GString   *out,
           GPtrArray *refs)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < refs->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      json_string (out, g_ptr_array_index (refs, i));
    }
  g_string_append_c (out, ']');
}

static void
json_duration (GString                    *out,
               const RectifyStatsDuration *d)
{
  g_string_append_printf (out, "{\"count\": %u, \"median\": ", d->count);
  json_number (out, d->median);
  g_string_append (out, ", \"p90\": ");
  json_number (out, d->p90);
  g_string_append_c (out, '}');
}

char *
rectify_stats_to_json (RectifyStats *self)
{
  g_autoptr(GString) out = g_string_new ("{");

  g_return_val_if_fail (self != NULL, NULL);

  json_key (out, 2, TRUE, "today");
  json_string (out, self->today);
  json_key (out, 2, FALSE, "audit");
  json_string (out, self->audit_title);
  json_key (out, 2, FALSE, "from");
  json_string (out, self->from);
  json_key (out, 2, FALSE, "to");
  json_string (out, self->to);

  json_key (out, 2, FALSE, "total");
  g_string_append_printf (out, "%u", self->n_total);
  json_key (out, 2, FALSE, "open");
  g_string_append_printf (out, "%u", self->n_open);
  json_key (out, 2, FALSE, "closed");
  g_string_append_printf (out, "%u", self->n_closed);

  json_key (out, 2, FALSE, "by-status");
  json_enum_counts (out, 2, RECTIFY_TYPE_STATUS, self->by_status, RECTIFY_N_STATUSES);
  json_key (out, 2, FALSE, "open-by-grade");
  json_enum_counts (out, 2, RECTIFY_TYPE_GRADE, self->open_by_grade, RECTIFY_N_GRADES);
  json_key (out, 2, FALSE, "open-by-source");
  json_enum_counts (out, 2, RECTIFY_TYPE_SOURCE, self->open_by_source, RECTIFY_N_SOURCES);
  json_key (out, 2, FALSE, "open-by-area");
  json_counts (out, self->open_by_area);
  json_key (out, 2, FALSE, "open-by-requirement");
  json_counts (out, self->open_by_requirement);
  json_key (out, 2, FALSE, "open-by-theme");
  json_counts (out, self->open_by_theme);

  json_key (out, 2, FALSE, "months");
  g_string_append_c (out, '[');
  for (guint i = 0; i < self->months->len; i++)
    {
      RectifyStatsMonth *m = g_ptr_array_index (self->months, i);

      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      g_string_append (out, "{\"month\": ");
      json_string (out, m->month);
      g_string_append_printf (out, ", \"opened\": %u, \"closed\": %u}", m->opened, m->closed);
    }
  g_string_append (out, self->months->len > 0 ? "\n  ]" : "]");

  json_key (out, 2, FALSE, "overdue-ncs");
  json_refs (out, self->overdue_ncs);
  json_key (out, 2, FALSE, "overdue-actions");
  json_refs (out, self->overdue_actions);

  json_key (out, 2, FALSE, "days-to-close");
  json_duration (out, &self->days_to_close);
  json_key (out, 2, FALSE, "days-to-close-by-grade");
  g_string_append_c (out, '{');
  for (guint g = 0; g < RECTIFY_N_GRADES; g++)
    {
      json_key (out, 4, g == 0, rectify_enum_to_nick (RECTIFY_TYPE_GRADE, (int)g));
      json_duration (out, &self->days_to_close_by_grade[g]);
    }
  g_string_append (out, "\n  }");

  json_key (out, 2, FALSE, "actions");
  g_string_append_printf (out, "%u", self->n_actions);
  json_key (out, 2, FALSE, "actions-done");
  g_string_append_printf (out, "%u", self->n_actions_done);
  json_key (out, 2, FALSE, "actions-done-on-time");
  g_string_append_printf (out, "%u", self->n_actions_on_time);
  json_key (out, 2, FALSE, "actions-on-time-share");
  json_number (out, rectify_stats_get_on_time_share (self));

  json_key (out, 2, FALSE, "reopened-ncs");
  json_refs (out, self->reopened_ncs);
  json_key (out, 2, FALSE, "reopenings");
  g_string_append_printf (out, "%u", self->n_reopenings);

  json_key (out, 2, FALSE, "repeated-requirements");
  json_counts (out, self->repeated_requirements);

  g_string_append (out, "\n}\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}
