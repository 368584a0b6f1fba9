/* rectify-dashboard.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-dashboard"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "rectify-accessible.h"
#include "rectify-catalogue.h"
#include "rectify-dashboard.h"
#include "rectify-date.h"
#include "rectify-enums.h"

/* Changes within this time are shown by one computation. */
#define UPDATE_DELAY_MS 300

/* The open statuses, the bars of the status chart. */
#define N_OPEN_STATUSES RECTIFY_STATUS_CLOSED

struct _RectifyDashboard
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkStack        *stack;
  GtkLabel        *scope_label;
  GtkLabel        *as_of_label;
  GtkDropDown     *audit_dropdown;
  GtkFlowBox      *figures_box;
  GtkFlowBox      *charts_box;
  GtkWidget       *open_button;
  GtkLabel        *open_value;
  GtkLabel        *open_detail;
  GtkWidget       *overdue_button;
  GtkLabel        *overdue_value;
  GtkLabel        *overdue_detail;
  GtkLabel        *overdue_actions_value;
  GtkLabel        *overdue_actions_detail;
  GtkLabel        *days_value;
  GtkLabel        *days_detail;
  GtkLabel        *on_time_value;
  GtkLabel        *on_time_detail;
  GtkLabel        *reopened_value;
  GtkLabel        *reopened_detail;
  RectifyChart    *trend_chart;
  RectifyChart    *status_chart;
  RectifyChart    *grade_chart;
  RectifyChart    *source_chart;
  RectifyChart    *theme_chart;

  RectifyRegister *reg;
  gint64           audit_id;      /* 0: the whole register */
  GtkStringList   *audit_names;   /* "All Audits", then the audits' titles */
  GArray          *audit_ids;     /* gint64, in audit_names order (minus 1) */
  gboolean         rebuilding;    /* the drop-down is being refilled */

  RectifyStats    *stats;
  gboolean         dirty;
  guint            update_id;
  guint            n_updates;
};

G_DEFINE_FINAL_TYPE (RectifyDashboard, rectify_dashboard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_AUDIT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_NONCONFORMITIES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
set_figure (GtkLabel   *value_label,
            GtkLabel   *detail_label,
            const char *value,
            const char *detail,
            gboolean    alert)
{
  gtk_label_set_text (value_label, value);
  gtk_label_set_text (detail_label, detail);
  if (alert)
    gtk_widget_add_css_class (GTK_WIDGET (value_label), "alert");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (value_label), "alert");
}

/* The accessible label of a figure's button: its caption, value and detail in one phrase. */
static void
label_figure_button (GtkWidget  *button,
                     const char *caption,
                     GtkLabel   *value,
                     GtkLabel   *detail)
{
  g_autofree char *label = NULL;

  /* Translators: a headline figure for screen readers: "Open: 20, of 26 nonconformities" */
  label = g_strdup_printf (C_("figure", "%s: %s, %s"), caption, gtk_label_get_text (value),
                           gtk_label_get_text (detail));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* "12", or "12.5" when the days are not whole. */
static char *
format_days (double days)
{
  if (fabs (days - round (days)) < 0.05)
    return g_strdup_printf ("%.0f", round (days));

  return g_strdup_printf ("%.1f", days);
}

static GDateTime *
month_start (const char *month)
{
  int year, number;

  if (month == NULL || sscanf (month, "%d-%d", &year, &number) != 2)
    return NULL;

  return g_date_time_new_local (year, number, 1, 0, 0, 0);
}

static void
update_figures (RectifyDashboard *self)
{
  RectifyStats *stats = self->stats;
  const RectifyStatsDuration *days = rectify_stats_get_days_to_close (stats);
  guint n_total = rectify_stats_get_n_total (stats);
  guint n_open = rectify_stats_get_n_open (stats);
  guint n_overdue = rectify_stats_get_overdue_ncs (stats)->len;
  guint n_overdue_actions = rectify_stats_get_overdue_actions (stats)->len;
  guint n_reopened = rectify_stats_get_reopened_ncs (stats)->len;
  guint n_reopenings = rectify_stats_get_n_reopenings (stats);
  guint n_done = rectify_stats_get_n_actions_done (stats);
  guint n_on_time = rectify_stats_get_n_actions_on_time (stats);
  double share = rectify_stats_get_on_time_share (stats);
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;

  value = g_strdup_printf ("%'u", n_open);
  /* Translators: under the number of open NCs, "of 26 nonconformities" */
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %'u nonconformity",
                                         "of %'u nonconformities", n_total), n_total);
  set_figure (self->open_value, self->open_detail, value, detail, FALSE);
  /* Translators: the dashboard figure: open (not closed) nonconformities */
  label_figure_button (self->open_button, C_("figure", "Open"), self->open_value,
                       self->open_detail);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  value = g_strdup_printf ("%'u", n_overdue);
  detail = g_strdup (g_dngettext (GETTEXT_PACKAGE, "nonconformity past its due date",
                                  "nonconformities past their due date", n_overdue));
  set_figure (self->overdue_value, self->overdue_detail, value, detail, n_overdue > 0);
  label_figure_button (self->overdue_button, _("Overdue"), self->overdue_value, self->overdue_detail);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  value = g_strdup_printf ("%'u", n_overdue_actions);
  detail = g_strdup (g_dngettext (GETTEXT_PACKAGE, "corrective action past its target date",
                                  "corrective actions past their target date", n_overdue_actions));
  set_figure (self->overdue_actions_value, self->overdue_actions_detail, value, detail,
              n_overdue_actions > 0);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  if (days->count > 0)
    {
      g_autofree char *p90 = format_days (days->p90);

      value = format_days (days->median);
      /* Translators: under the median days to close; %s is a number of days */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "90th percentile: %s days, over %'u closed",
                                             "90th percentile: %s days, over %'u closed",
                                             days->count),
                                p90, days->count);
    }
  else
    {
      value = g_strdup ("—");
      detail = g_strdup (_("No nonconformity closed yet"));
    }
  set_figure (self->days_value, self->days_detail, value, detail, FALSE);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  if (!isnan (share))
    {
      /* Translators: a share of actions done on time, "83 %" */
      value = g_strdup_printf (_("%.0f %%"), share * 100);
      /* Translators: under the share of actions done on time */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%'u of %'u done action met its target date",
                                             "%'u of %'u done actions met their target date",
                                             n_done),
                                n_on_time, n_done);
    }
  else
    {
      value = g_strdup ("—");
      detail = g_strdup (_("No action done with a target date yet"));
    }
  set_figure (self->on_time_value, self->on_time_detail, value, detail, FALSE);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  value = g_strdup_printf ("%'u", n_reopened);
  /* Translators: under the number of reopened NCs */
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u reopening in all",
                                         "%'u reopenings in all", n_reopenings), n_reopenings);
  set_figure (self->reopened_value, self->reopened_detail, value, detail, n_reopened > 0);
}

static void
update_charts (RectifyDashboard *self)
{
  RectifyStats *stats = self->stats;
  RectifyChartBar status_bars[N_OPEN_STATUSES];
  RectifyChartBar grade_bars[RECTIFY_N_GRADES];
  RectifyChartBar source_bars[RECTIFY_N_SOURCES];
  g_autofree RectifyChartBar *theme_bars = NULL;
  GPtrArray *themes = rectify_stats_get_open_by_theme (stats);
  GPtrArray *months = rectify_stats_get_months (stats);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) long_labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *opened = g_new0 (double, MAX (months->len, 1));
  g_autofree double *closed = g_new0 (double, MAX (months->len, 1));
  RectifyChartSeries series[2];

  for (guint s = 0; s < N_OPEN_STATUSES; s++)
    status_bars[s] = (RectifyChartBar) {
      rectify_enum_to_label (RECTIFY_TYPE_STATUS, s),
      rectify_stats_get_by_status (stats, s),
      RECTIFY_CHART_TONE_ACCENT,
    };
  rectify_chart_set_bars (self->status_chart, status_bars, N_OPEN_STATUSES, TRUE);

  for (guint g = 0; g < RECTIFY_N_GRADES; g++)
    {
      static const RectifyChartTone tones[RECTIFY_N_GRADES] = {
        [RECTIFY_GRADE_MAJOR] = RECTIFY_CHART_TONE_ERROR,
        [RECTIFY_GRADE_MINOR] = RECTIFY_CHART_TONE_WARNING,
        [RECTIFY_GRADE_OBSERVATION] = RECTIFY_CHART_TONE_NEUTRAL,
        [RECTIFY_GRADE_OFI] = RECTIFY_CHART_TONE_ACCENT,
      };

      grade_bars[g] = (RectifyChartBar) {
        rectify_enum_to_label (RECTIFY_TYPE_GRADE, g),
        rectify_stats_get_open_by_grade (stats, g),
        tones[g],
      };
    }
  rectify_chart_set_bars (self->grade_chart, grade_bars, RECTIFY_N_GRADES, TRUE);

  for (guint s = 0; s < RECTIFY_N_SOURCES; s++)
    source_bars[s] = (RectifyChartBar) {
      rectify_enum_to_label (RECTIFY_TYPE_SOURCE, s),
      rectify_stats_get_open_by_source (stats, s),
      RECTIFY_CHART_TONE_ACCENT,
    };
  rectify_chart_set_bars (self->source_chart, source_bars, RECTIFY_N_SOURCES, TRUE);

  theme_bars = g_new0 (RectifyChartBar, MAX (themes->len, 1));
  for (guint i = 0; i < themes->len; i++)
    {
      RectifyStatsCount *count = g_ptr_array_index (themes, i);

      theme_bars[i] = (RectifyChartBar) { count->label, count->count, RECTIFY_CHART_TONE_ACCENT };
    }
  rectify_chart_set_bars (self->theme_chart, theme_bars, themes->len, TRUE);

  /* Per month: the axis names the month, and the year at its first month and each January. */
  for (guint i = 0; i < months->len; i++)
    {
      RectifyStatsMonth *month = g_ptr_array_index (months, i);
      g_autoptr(GDateTime) start = month_start (month->month);
      char *label, *long_label;

      if (start == NULL)
        {
          label = g_strdup (month->month);
          long_label = g_strdup (month->month);
        }
      else
        {
          /* The year under the first month and under each January */
          if (i == 0 || g_date_time_get_month (start) == 1)
            /* Translators: a month and its year on the axis of a chart, see g_date_time_format() */
            label = g_date_time_format (start, _("%b\n%Y"));
          else
            /* Translators: a month on the axis of a chart, see g_date_time_format() */
            label = g_date_time_format (start, _("%b"));
          /* Translators: a month for people, see g_date_time_format() */
          long_label = g_date_time_format (start, _("%B %Y"));
        }
      g_ptr_array_add (labels, label);
      g_ptr_array_add (long_labels, long_label);
      opened[i] = month->opened;
      closed[i] = month->closed;
    }
  series[0] = (RectifyChartSeries) { _("Opened"), RECTIFY_CHART_TONE_ACCENT, opened };
  series[1] = (RectifyChartSeries) { _("Closed"), RECTIFY_CHART_TONE_SUCCESS, closed };
  rectify_chart_set_lines (self->trend_chart,
                           (const char * const *)labels->pdata,
                           (const char * const *)long_labels->pdata,
                           months->len, series, G_N_ELEMENTS (series));
}

static void
update_scope (RectifyDashboard *self)
{
  const char *audit = self->stats != NULL ? rectify_stats_get_audit_title (self->stats) : NULL;
  g_autofree char *today = rectify_date_today ();
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *as_of = NULL;
  int year, month, day;

  gtk_label_set_text (self->scope_label, audit != NULL ? audit : _("Whole Register"));

  if (sscanf (today, "%d-%d-%d", &year, &month, &day) == 3 &&
      (date = g_date_time_new_local (year, month, day, 0, 0, 0)) != NULL)
    {
      /* Translators: a date, see g_date_time_format() */
      g_autofree char *text = g_date_time_format (date, _("%-d %B %Y"));

      /* Translators: %s is today's date */
      as_of = g_strdup_printf (_("Figures as of %s"), text);
    }
  gtk_label_set_text (self->as_of_label, as_of != NULL ? as_of : "");

  /* Saved charts say what they are about. */
  {
    RectifyChart *charts[] = {
      self->trend_chart, self->status_chart, self->grade_chart, self->source_chart,
      self->theme_chart,
    };
    g_autofree char *caption = NULL;

    if (as_of != NULL)
      /* Translators: under the title of a saved chart: the scope, then "Figures as of <date>" */
      caption = g_strdup_printf (_("%s · %s"), gtk_label_get_text (self->scope_label), as_of);
    else
      caption = g_strdup (gtk_label_get_text (self->scope_label));

    for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
      rectify_chart_set_caption (charts[i], caption);
  }
}

static void
update_now (RectifyDashboard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = rectify_date_today ();
  RectifyStats *stats;

  g_clear_handle_id (&self->update_id, g_source_remove);
  self->dirty = FALSE;

  if (self->reg == NULL ||
      g_list_model_get_n_items (rectify_register_get_nonconformities (self->reg)) == 0)
    {
      g_clear_pointer (&self->stats, rectify_stats_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (!(stats = rectify_stats_compute (self->reg, self->audit_id, NULL, NULL, today, &error)))
    {
      g_warning ("Could not compute the figures: %s", error->message);
      return;
    }

  g_clear_pointer (&self->stats, rectify_stats_free);
  self->stats = stats;
  self->n_updates++;

  update_scope (self);
  update_figures (self);
  update_charts (self);
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

static gboolean
update_timeout_cb (gpointer user_data)
{
  RectifyDashboard *self = user_data;

  self->update_id = 0;
  update_now (self);

  return G_SOURCE_REMOVE;
}

/* A change: shown after a short pause (many changes, one computation), and only on screen. */
static void
queue_update (RectifyDashboard *self)
{
  self->dirty = TRUE;

  if (self->update_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->update_id = g_timeout_add (UPDATE_DELAY_MS, update_timeout_cb, self);
}

static void
select_audit (RectifyDashboard *self)
{
  guint position = 0;

  for (guint i = 0; i < self->audit_ids->len; i++)
    if (g_array_index (self->audit_ids, gint64, i) == self->audit_id)
      position = i + 1;

  self->rebuilding = TRUE;
  gtk_drop_down_set_selected (self->audit_dropdown, position);
  self->rebuilding = FALSE;
}

static void
rebuild_audits (RectifyDashboard *self)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->audit_names));
  gboolean found = self->audit_id == 0;

  g_array_set_size (self->audit_ids, 0);

  if (self->reg != NULL)
    {
      GListModel *audits = rectify_register_get_audits (self->reg);

      for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
        {
          g_autoptr(RectifyAudit) audit = g_list_model_get_item (audits, i);
          gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (audit));
          const char *title = rectify_audit_get_title (audit);

          g_array_append_val (self->audit_ids, id);
          g_ptr_array_add (titles, (gpointer)(title != NULL ? title : ""));
          found |= id == self->audit_id;
        }
    }
  g_ptr_array_add (titles, NULL);

  self->rebuilding = TRUE;
  gtk_string_list_splice (self->audit_names, 1, n_old - 1, (const char * const *)titles->pdata);
  self->rebuilding = FALSE;

  /* The audit in scope is gone: the whole register. */
  if (!found)
    rectify_dashboard_set_audit_id (self, 0);
  else
    select_audit (self);
}

/* Callbacks */

static void
register_changed_cb (RectifyDashboard *self)
{
  queue_update (self);
}

static void
items_changed_cb (RectifyDashboard *self)
{
  queue_update (self);
}

static void
audits_changed_cb (RectifyDashboard *self)
{
  rebuild_audits (self);
  queue_update (self);
}

static void
audit_selected_cb (RectifyDashboard *self)
{
  guint position = gtk_drop_down_get_selected (self->audit_dropdown);

  if (self->rebuilding)
    return;

  if (position > 0 && position - 1 < self->audit_ids->len)
    rectify_dashboard_set_audit_id (self, g_array_index (self->audit_ids, gint64, position - 1));
  else
    rectify_dashboard_set_audit_id (self, 0);
}

static void
show_nonconformities (RectifyDashboard *self,
                      int               status,
                      int               grade,
                      int               source,
                      int               theme,
                      gboolean          overdue)
{
  g_signal_emit (self, signals[SHOW_NONCONFORMITIES], 0, status, grade, source, theme, overdue);
}

static void
open_clicked_cb (RectifyDashboard *self)
{
  show_nonconformities (self, RECTIFY_DASHBOARD_STATUS_OPEN, -1, -1, -1, FALSE);
}

static void
overdue_clicked_cb (RectifyDashboard *self)
{
  show_nonconformities (self, -1, -1, -1, -1, TRUE);
}

static void
status_chart_activated_cb (RectifyDashboard *self,
                           guint             index)
{
  if (index < N_OPEN_STATUSES)
    show_nonconformities (self, index, -1, -1, -1, FALSE);
}

static void
grade_chart_activated_cb (RectifyDashboard *self,
                          guint             index)
{
  if (index < RECTIFY_N_GRADES)
    show_nonconformities (self, RECTIFY_DASHBOARD_STATUS_OPEN, index, -1, -1, FALSE);
}

static void
source_chart_activated_cb (RectifyDashboard *self,
                           guint             index)
{
  if (index < RECTIFY_N_SOURCES)
    show_nonconformities (self, RECTIFY_DASHBOARD_STATUS_OPEN, -1, index, -1, FALSE);
}

/* The bars by theme are the non-empty groups, most first: the bar's key names its group. */
static void
theme_chart_activated_cb (RectifyDashboard *self,
                          guint             index)
{
  GPtrArray *themes = self->stats != NULL ? rectify_stats_get_open_by_theme (self->stats) : NULL;
  RectifyCatalogueTheme theme;

  if (themes == NULL || index >= themes->len)
    return;

  if (rectify_catalogue_theme_from_key (((RectifyStatsCount *)g_ptr_array_index (themes, index))->key,
                                        &theme))
    show_nonconformities (self, RECTIFY_DASHBOARD_STATUS_OPEN, -1, -1, theme, FALSE);
}

/* Vfuncs */

static void
rectify_dashboard_map (GtkWidget *widget)
{
  RectifyDashboard *self = RECTIFY_DASHBOARD (widget);

  GTK_WIDGET_CLASS (rectify_dashboard_parent_class)->map (widget);

  if (self->dirty)
    update_now (self);
}

static void
rectify_dashboard_dispose (GObject *object)
{
  RectifyDashboard *self = RECTIFY_DASHBOARD (object);

  rectify_dashboard_set_register (self, NULL);
  g_clear_handle_id (&self->update_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_DASHBOARD);

  g_clear_object (&self->audit_names);

  G_OBJECT_CLASS (rectify_dashboard_parent_class)->dispose (object);
}

static void
rectify_dashboard_finalize (GObject *object)
{
  RectifyDashboard *self = RECTIFY_DASHBOARD (object);

  g_clear_pointer (&self->stats, rectify_stats_free);
  g_clear_pointer (&self->audit_ids, g_array_unref);

  G_OBJECT_CLASS (rectify_dashboard_parent_class)->finalize (object);
}

static void
rectify_dashboard_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RectifyDashboard *self = RECTIFY_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_AUDIT_ID:
      g_value_set_int64 (value, self->audit_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_dashboard_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RectifyDashboard *self = RECTIFY_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_AUDIT_ID:
      rectify_dashboard_set_audit_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_dashboard_class_init (RectifyDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GdkDisplay *display = gdk_display_get_default ();

  object_class->dispose = rectify_dashboard_dispose;
  object_class->finalize = rectify_dashboard_finalize;
  object_class->get_property = rectify_dashboard_get_property;
  object_class->set_property = rectify_dashboard_set_property;

  widget_class->map = rectify_dashboard_map;

  properties[PROP_AUDIT_ID] =
    g_param_spec_int64 ("audit-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RectifyDashboard::show-nonconformities:
   * @status: a RectifyStatus, -1 for any, or RECTIFY_DASHBOARD_STATUS_OPEN
   * @grade: a RectifyGrade, or -1 for any
   * @source: a RectifySource, or -1 for any
   * @theme: a RectifyCatalogueTheme (the group of the requirement), or -1 for any
   * @overdue: only the overdue ones
   */
  signals[SHOW_NONCONFORMITIES] =
    g_signal_new ("show-nonconformities", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 5,
                  G_TYPE_INT, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT, G_TYPE_BOOLEAN);

  g_type_ensure (RECTIFY_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, scope_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, audit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, figures_box);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, charts_box);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, open_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, open_value);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, open_detail);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, overdue_value);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, overdue_detail);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, overdue_actions_value);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, overdue_actions_detail);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, days_value);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, days_detail);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, on_time_value);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, on_time_detail);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, reopened_value);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, reopened_detail);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, status_chart);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, grade_chart);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, source_chart);
  gtk_widget_class_bind_template_child (widget_class, RectifyDashboard, theme_chart);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, overdue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_chart_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, grade_chart_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_chart_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, theme_chart_activated_cb);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  if (display != NULL)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider,
                                           "/io/github/rectify/Rectify/rectify-dashboard.css");
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
}

/* The cells of a flow box take no focus of their own: their buttons and charts do. */
static void
unfocus_flow_box_children (GtkFlowBox *box)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX_CHILD (child))
      gtk_widget_set_focusable (child, FALSE);
}

static void
rectify_dashboard_init (RectifyDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->audit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->audit_names = gtk_string_list_new ((const char * const []) { _("All Audits"), NULL });
  gtk_drop_down_set_model (self->audit_dropdown, G_LIST_MODEL (self->audit_names));
  rectify_accessible_name_drop_down (self->audit_dropdown);
  g_signal_connect_object (self->audit_dropdown, "notify::selected",
                           G_CALLBACK (audit_selected_cb), self, G_CONNECT_SWAPPED);

  unfocus_flow_box_children (self->figures_box);
  unfocus_flow_box_children (self->charts_box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dashboard"), -1);

  self->dirty = TRUE;
}

/* Public API */

GtkWidget *
rectify_dashboard_new (void)
{
  return g_object_new (RECTIFY_TYPE_DASHBOARD, NULL);
}

/**
 * rectify_dashboard_set_register:
 * @reg: (nullable): the register
 */
void
rectify_dashboard_set_register (RectifyDashboard *self,
                                RectifyRegister  *reg)
{
  g_return_if_fail (RECTIFY_IS_DASHBOARD (self));
  g_return_if_fail (reg == NULL || RECTIFY_IS_REGISTER (reg));

  if (self->reg == reg)
    return;

  if (self->reg != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->reg, self);
      g_signal_handlers_disconnect_by_data (rectify_register_get_nonconformities (self->reg), self);
      g_signal_handlers_disconnect_by_data (rectify_register_get_audits (self->reg), self);
    }

  g_set_object (&self->reg, reg);
  g_clear_pointer (&self->stats, rectify_stats_free);
  self->audit_id = 0;

  if (reg != NULL)
    {
      g_signal_connect_object (reg, "changed", G_CALLBACK (register_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (rectify_register_get_nonconformities (reg), "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
      /* Actions added or removed come through "changed" too; the actions are read only when
       * the figures are computed (a large register opens without them). */
      g_signal_connect_object (rectify_register_get_audits (reg), "items-changed",
                               G_CALLBACK (audits_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->audit_names != NULL)
    rebuild_audits (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIT_ID]);

  /* Computed now when on screen, else once it shows. */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_now (self);
}

void
rectify_dashboard_set_audit_id (RectifyDashboard *self,
                                gint64            audit_id)
{
  g_return_if_fail (RECTIFY_IS_DASHBOARD (self));
  g_return_if_fail (audit_id >= 0);

  if (self->audit_id == audit_id)
    return;

  self->audit_id = audit_id;
  select_audit (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIT_ID]);

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_now (self);
}

gint64
rectify_dashboard_get_audit_id (RectifyDashboard *self)
{
  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), 0);

  return self->audit_id;
}

/* For tests */

RectifyStats *
_rectify_dashboard_get_stats (RectifyDashboard *self)
{
  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), NULL);

  return self->stats;
}

guint
_rectify_dashboard_get_n_updates (RectifyDashboard *self)
{
  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), 0);

  return self->n_updates;
}

RectifyChart *
_rectify_dashboard_get_chart (RectifyDashboard *self,
                              const char       *name)
{
  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), NULL);

  if (g_strcmp0 (name, "status") == 0)
    return self->status_chart;
  if (g_strcmp0 (name, "grade") == 0)
    return self->grade_chart;
  if (g_strcmp0 (name, "source") == 0)
    return self->source_chart;
  if (g_strcmp0 (name, "theme") == 0)
    return self->theme_chart;
  if (g_strcmp0 (name, "trend") == 0)
    return self->trend_chart;

  return NULL;
}

GtkLabel *
_rectify_dashboard_get_figure (RectifyDashboard *self,
                               const char       *name)
{
  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), NULL);

  if (g_strcmp0 (name, "open") == 0)
    return self->open_value;
  if (g_strcmp0 (name, "overdue") == 0)
    return self->overdue_value;
  if (g_strcmp0 (name, "overdue-actions") == 0)
    return self->overdue_actions_value;
  if (g_strcmp0 (name, "days") == 0)
    return self->days_value;
  if (g_strcmp0 (name, "on-time") == 0)
    return self->on_time_value;
  if (g_strcmp0 (name, "reopened") == 0)
    return self->reopened_value;

  return NULL;
}

GtkWidget *
_rectify_dashboard_get_figure_button (RectifyDashboard *self,
                                      const char       *name)
{
  g_return_val_if_fail (RECTIFY_IS_DASHBOARD (self), NULL);

  if (g_strcmp0 (name, "open") == 0)
    return self->open_button;
  if (g_strcmp0 (name, "overdue") == 0)
    return self->overdue_button;

  return NULL;
}
