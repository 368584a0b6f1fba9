/* rectify-cli-stats.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* rectify-cli stats REGISTER [--audit TITLE] [--from DATE] [--to DATE] [--format text|json] */

#define G_LOG_DOMAIN "rectify-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rectify-cli-private.h"
#include "rectify-date.h"
#include "rectify-stats.h"

/* A table of rows: the first column is a label, padded; the others are right-aligned. */
typedef struct
{
  guint      n_cols;
  gboolean   left_last; /* the last column is text, left-aligned */
  GPtrArray *rows;      /* GStrv */
} Table;

static void
table_init (Table *table,
            guint  n_cols)
{
  table->n_cols = n_cols;
  table->left_last = FALSE;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
}

/* Takes the @n_cols strings that follow (transfer full). */
static void
table_add (Table *table,
           ...)
{
  char **row = g_new0 (char *, table->n_cols + 1);
  va_list args;

  va_start (args, table);
  for (guint c = 0; c < table->n_cols; c++)
    {
      char *cell = va_arg (args, char *);

      row[c] = cell != NULL ? cell : g_strdup ("");
    }
  va_end (args);

  g_ptr_array_add (table->rows, row);
}

static void
table_append (GString *out,
              Table   *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_cols);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_cols; c++)
        widths[c] = MAX (widths[c], (guint)g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      g_autoptr(GString) line = g_string_new ("  ");

      _rectify_cli_append_padded (line, row[0], widths[0]);
      for (guint c = 1; c < table->n_cols; c++)
        {
          glong len = g_utf8_strlen (row[c], -1);

          g_string_append (line, "  ");
          if (table->left_last && c + 1 == table->n_cols)
            {
              g_string_append (line, row[c]);
              continue;
            }
          for (glong i = len; i < (glong)widths[c]; i++)
            g_string_append_c (line, ' ');
          g_string_append (line, row[c]);
        }
      /* No trailing spaces */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append (out, line->str);
      g_string_append_c (out, '\n');
    }

  g_clear_pointer (&table->rows, g_ptr_array_unref);
}

static char *
uint_text (guint value)
{
  return g_strdup_printf ("%'u", value);
}

static char *
days_text (double value)
{
  if (isnan (value))
    return g_strdup ("-");

  return g_strdup_printf ("%.1f", value);
}

static void
append_heading (GString    *out,
                const char *heading)
{
  g_string_append_printf (out, "\n%s\n", heading);
}

static void
append_none (GString *out)
{
  /* Translators: an empty section of "rectify-cli stats" */
  g_string_append_printf (out, "  %s\n", _("None"));
}

static void
append_counts (GString    *out,
               const char *heading,
               GPtrArray  *counts)
{
  Table table;

  append_heading (out, heading);
  if (counts->len == 0)
    {
      append_none (out);
      return;
    }

  table_init (&table, 2);
  for (guint i = 0; i < counts->len; i++)
    {
      RectifyStatsCount *count = g_ptr_array_index (counts, i);

      table_add (&table, g_strdup (count->label), uint_text (count->count));
    }
  table_append (out, &table);
}

static void
append_enum_counts (GString      *out,
                    const char   *heading,
                    GType         type,
                    guint         n_values,
                    RectifyStats *stats,
                    guint       (*get) (RectifyStats *, int))
{
  Table table;

  append_heading (out, heading);
  table_init (&table, 2);
  for (guint i = 0; i < n_values; i++)
    table_add (&table, g_strdup (rectify_enum_to_label (type, (int)i)),
               uint_text (get (stats, (int)i)));
  table_append (out, &table);
}

static guint
get_status (RectifyStats *stats,
            int           value)
{
  return rectify_stats_get_by_status (stats, (RectifyStatus)value);
}

static guint
get_grade (RectifyStats *stats,
           int           value)
{
  return rectify_stats_get_open_by_grade (stats, (RectifyGrade)value);
}

static guint
get_source (RectifyStats *stats,
            int           value)
{
  return rectify_stats_get_open_by_source (stats, (RectifySource)value);
}

static char *
refs_text (GPtrArray *refs)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < refs->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (refs, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_text_report (GString      *out,
                    RectifyStats *stats,
                    const char   *display)
{
  const RectifyStatsDuration *duration;
  GPtrArray *months = rectify_stats_get_months (stats);
  GPtrArray *overdue_ncs = rectify_stats_get_overdue_ncs (stats);
  GPtrArray *overdue_actions = rectify_stats_get_overdue_actions (stats);
  GPtrArray *reopened = rectify_stats_get_reopened_ncs (stats);
  g_autofree char *scope = NULL;
  double share;
  Table table;

  if (rectify_stats_get_audit_title (stats) != NULL)
    /* Translators: the scope of "rectify-cli stats"; %s is the title of an audit */
    scope = g_strdup_printf (_("audit “%s”"), rectify_stats_get_audit_title (stats));
  else if (rectify_stats_get_from (stats) != NULL || rectify_stats_get_to (stats) != NULL)
    /* Translators: the scope of "rectify-cli stats" with a date range but without --audit */
    scope = g_strdup (_("all audits"));
  else
    /* Translators: the scope of "rectify-cli stats" without --audit */
    scope = g_strdup (_("whole register"));
  if (rectify_stats_get_from (stats) != NULL || rectify_stats_get_to (stats) != NULL)
    {
      g_autofree char *range = NULL;

      /* Translators: the date range of "rectify-cli stats": reported from DATE to DATE ("…"
       * stands for an open end) */
      range = g_strdup_printf (_("%s, reported from %s to %s"), scope,
                               rectify_stats_get_from (stats) != NULL
                               ? rectify_stats_get_from (stats) : "…",
                               rectify_stats_get_to (stats) != NULL
                               ? rectify_stats_get_to (stats) : "…");
      g_free (scope);
      scope = g_steal_pointer (&range);
    }

  /* Translators: first line of "rectify-cli stats": the register file, then the scope */
  g_string_append_printf (out, _("Figures for %s (%s)"), display, scope);
  g_string_append_c (out, '\n');
  /* Translators: %s is a date (YYYY-MM-DD) */
  g_string_append_printf (out, _("As of %s"), rectify_stats_get_today (stats));
  g_string_append_c (out, '\n');

  append_heading (out, _("Nonconformities"));
  table_init (&table, 2);
  table_add (&table, g_strdup (_("Total")), uint_text (rectify_stats_get_n_total (stats)));
  /* Translators: the number of nonconformities not yet closed: the adjective, not the verb */
  table_add (&table, g_strdup (C_("figures", "Open")),
             uint_text (rectify_stats_get_n_open (stats)));
  table_add (&table, g_strdup (_("Closed")), uint_text (rectify_stats_get_n_closed (stats)));
  table_append (out, &table);

  append_enum_counts (out, _("By status"), RECTIFY_TYPE_STATUS, RECTIFY_N_STATUSES, stats,
                      get_status);
  append_enum_counts (out, _("Open by grade"), RECTIFY_TYPE_GRADE, RECTIFY_N_GRADES, stats,
                      get_grade);
  append_enum_counts (out, _("Open by source"), RECTIFY_TYPE_SOURCE, RECTIFY_N_SOURCES, stats,
                      get_source);
  append_counts (out, _("Open by area"), rectify_stats_get_open_by_area (stats));
  append_counts (out, _("Open by requirement"), rectify_stats_get_open_by_requirement (stats));
  append_counts (out, _("Open by theme"), rectify_stats_get_open_by_theme (stats));

  append_heading (out, _("Opened and closed per month"));
  if (months->len == 0)
    append_none (out);
  else
    {
      table_init (&table, 3);
      /* Translators: column headings of the monthly figures */
      table_add (&table, g_strdup (_("Month")), g_strdup (_("Opened")), g_strdup (_("Closed")));
      for (guint i = 0; i < months->len; i++)
        {
          RectifyStatsMonth *m = g_ptr_array_index (months, i);

          table_add (&table, g_strdup (m->month), uint_text (m->opened), uint_text (m->closed));
        }
      table_append (out, &table);
    }

  append_heading (out, _("Overdue"));
  table_init (&table, 3);
  table.left_last = TRUE;
  table_add (&table, g_strdup (_("Nonconformities")), uint_text (overdue_ncs->len),
             refs_text (overdue_ncs));
  table_add (&table, g_strdup (_("Actions")), uint_text (overdue_actions->len),
             refs_text (overdue_actions));
  table_append (out, &table);

  append_heading (out, _("Days from report to closure"));
  table_init (&table, 4);
  /* Translators: column headings of the time-to-close figures; "90th pct." is the 90th
   * percentile */
  table_add (&table, g_strdup (""), g_strdup (_("Closed")), g_strdup (_("Median")),
             g_strdup (_("90th pct.")));
  duration = rectify_stats_get_days_to_close (stats);
  table_add (&table, g_strdup (_("All grades")), uint_text (duration->count),
             days_text (duration->median), days_text (duration->p90));
  for (guint g = 0; g < RECTIFY_N_GRADES; g++)
    {
      duration = rectify_stats_get_days_to_close_by_grade (stats, (RectifyGrade)g);
      table_add (&table, g_strdup (rectify_enum_to_label (RECTIFY_TYPE_GRADE, (int)g)),
                 uint_text (duration->count), days_text (duration->median),
                 days_text (duration->p90));
    }
  table_append (out, &table);

  append_heading (out, _("Corrective actions"));
  table_init (&table, 2);
  share = rectify_stats_get_on_time_share (stats);
  table_add (&table, g_strdup (_("Total")), uint_text (rectify_stats_get_n_actions (stats)));
  table_add (&table, g_strdup (_("Done")), uint_text (rectify_stats_get_n_actions_done (stats)));
  table_add (&table, g_strdup (_("Done on time")),
             uint_text (rectify_stats_get_n_actions_on_time (stats)));
  table_add (&table, g_strdup (_("Share done on time")),
             /* Translators: a share in percent, "75%" */
             isnan (share) ? g_strdup ("-") : g_strdup_printf (_("%.0f%%"), share * 100.0));
  table_append (out, &table);

  append_heading (out, _("Recurrence"));
  table_init (&table, 3);
  table.left_last = TRUE;
  table_add (&table, g_strdup (_("Reopened nonconformities")), uint_text (reopened->len),
             refs_text (reopened));
  table_add (&table, g_strdup (_("Reopenings")),
             uint_text (rectify_stats_get_n_reopenings (stats)), NULL);
  table_append (out, &table);

  append_counts (out, _("Requirements with repeated findings"),
                 rectify_stats_get_repeated_requirements (stats));
}

int
_rectify_cli_run_stats (const RectifyCliCommand  *command,
                        char                    **args)
{
  g_auto(GStrv) argv = args;
  g_autofree char *audit_title = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today = NULL;
  g_autofree char *display = NULL;
  g_autoptr(RectifyRegister) reg = NULL;
  g_autoptr(RectifyStats) stats = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gint64 audit_id = 0;
  const GOptionEntry entries[] = {
    { "audit", 'a', 0, G_OPTION_ARG_STRING, &audit_title,
      N_("Only the nonconformities of the audit with this title"), N_("TITLE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("Only nonconformities reported on or after this date"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("Only nonconformities reported on or before this date"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };

  if (!_rectify_cli_parse_options (command, entries, &argv, 1, 1))
    return RECTIFY_CLI_EXIT_USAGE;

  if (format_text == NULL || g_str_equal (format_text, "text"))
    json = FALSE;
  else if (g_str_equal (format_text, "json"))
    json = TRUE;
  else
    return _rectify_cli_usage_error (command, entries,
                                     /* Translators: %s is what the user typed */
                                     _("unknown format “%s” (one of: text, json)"), format_text);

  if (!_rectify_cli_parse_date (from_text, &from))
    return _rectify_cli_usage_error (command, entries,
                                     /* Translators: %s is what the user typed */
                                     _("--from needs a date (YYYY-MM-DD), not “%s”"), from_text);
  if (!_rectify_cli_parse_date (to_text, &to))
    return _rectify_cli_usage_error (command, entries,
                                     /* Translators: %s is what the user typed */
                                     _("--to needs a date (YYYY-MM-DD), not “%s”"), to_text);
  if (from != NULL && to != NULL && g_strcmp0 (from, to) > 0)
    return _rectify_cli_usage_error (command, entries,
                                     /* Translators: the two dates the user gave */
                                     _("--from %s is after --to %s"), from, to);

  if (!(reg = _rectify_cli_open_register (argv[1])))
    return RECTIFY_CLI_EXIT_BAD_INPUT;

  if (audit_title != NULL)
    {
      RectifyAudit *audit = rectify_register_find_audit (reg, audit_title);

      if (audit == NULL)
        {
          /* Translators: %s is the title of an audit */
          _rectify_cli_print_error (_("no audit titled “%s” in the register"), audit_title);
          return RECTIFY_CLI_EXIT_BAD_INPUT;
        }
      audit_id = rectify_entity_get_id (RECTIFY_ENTITY (audit));
    }

  display = g_filename_display_name (argv[1]);
  today = rectify_date_today ();
  stats = rectify_stats_compute (reg, audit_id, from, to, today, &error);
  if (stats == NULL)
    {
      _rectify_cli_print_error (_("%s: %s"), display, error->message);
      return RECTIFY_CLI_EXIT_BAD_INPUT;
    }

  out = g_string_new (NULL);
  if (json)
    {
      g_autofree char *text = rectify_stats_to_json (stats);

      g_string_append (out, text);
    }
  else
    append_text_report (out, stats, display);

  return _rectify_cli_write (out) ? RECTIFY_CLI_EXIT_OK : RECTIFY_CLI_EXIT_BAD_INPUT;
}
