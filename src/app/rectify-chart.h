/* rectify-chart.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The colour of a bar or a line, taken from the style (light, dark, high contrast). */
typedef enum
{
  RECTIFY_CHART_TONE_ACCENT,
  RECTIFY_CHART_TONE_SUCCESS,
  RECTIFY_CHART_TONE_WARNING,
  RECTIFY_CHART_TONE_ERROR,
  RECTIFY_CHART_TONE_NEUTRAL,
} RectifyChartTone;

#define RECTIFY_CHART_N_TONES (RECTIFY_CHART_TONE_NEUTRAL + 1)

typedef enum
{
  RECTIFY_CHART_FORMAT_PNG,
  RECTIFY_CHART_FORMAT_SVG,
} RectifyChartFormat;

/* One bar of a bar chart. */
typedef struct
{
  const char       *label;
  double            value;
  RectifyChartTone  tone;
} RectifyChartBar;

/* One line of a line chart: one value per category. */
typedef struct
{
  const char       *name;
  RectifyChartTone  tone;
  const double     *values;
} RectifyChartSeries;

#define RECTIFY_TYPE_CHART (rectify_chart_get_type ())

G_DECLARE_FINAL_TYPE (RectifyChart, rectify_chart, RECTIFY, CHART, GtkWidget)

/* A chart card: a title, a menu to save the chart as PNG or SVG, and either horizontal bars (with
 * their labels and values) or lines over categories (opened and closed per month). Drawn with
 * Cairo and Pango in the colours of the style; the same drawing goes into the files.
 *
 * Accessibility: a group labelled with the title, described by a summary of its values
 * ("Open by grade: Major 3, Minor 7, …"). The bars of an activatable chart are buttons over the
 * drawing: one Tab stop, the arrow keys move between them, Enter or a click activates one.
 *
 * Properties:
 *   "title"      string   the heading, also the accessible label
 *   "file-name"  string   the suggested name of a saved file, without its extension
 *   "caption"    string   a line under the title in saved files (the scope and date)
 *
 * Signals:
 *   "bar-activated" (guint index): a bar of an activatable chart was clicked or activated.
 */

GtkWidget  *rectify_chart_new                (void);
void        rectify_chart_set_title          (RectifyChart             *self,
                                              const char               *title);
const char *rectify_chart_get_title          (RectifyChart             *self);
void        rectify_chart_set_file_name      (RectifyChart             *self,
                                              const char               *file_name);
const char *rectify_chart_get_file_name      (RectifyChart             *self);
void        rectify_chart_set_caption        (RectifyChart             *self,
                                              const char               *caption);
const char *rectify_chart_get_caption        (RectifyChart             *self);
/* Horizontal bars, in order. @activatable: the bars are buttons ("bar-activated"). */
void        rectify_chart_set_bars           (RectifyChart             *self,
                                              const RectifyChartBar    *bars,
                                              guint                     n_bars,
                                              gboolean                  activatable);
/* Lines over @n_points categories (@labels: short labels for the axis, @long_labels: for the
 * description and tooltips; both of @n_points entries). */
void        rectify_chart_set_lines          (RectifyChart             *self,
                                              const char * const       *labels,
                                              const char * const       *long_labels,
                                              guint                     n_points,
                                              const RectifyChartSeries *series,
                                              guint                     n_series);
/* The summary of the values given to assistive technologies (transfer none). */
const char *rectify_chart_get_description    (RectifyChart             *self);
guint       rectify_chart_get_n_bars         (RectifyChart             *self);
/* The button of bar @index of an activatable chart, or NULL (transfer none). */
GtkWidget  *rectify_chart_get_bar_widget     (RectifyChart             *self,
                                              guint                     index);
/* Draws the chart with its title into a PNG or an SVG file (what the "Save as" menu does). */
gboolean    rectify_chart_save               (RectifyChart             *self,
                                              GFile                    *file,
                                              RectifyChartFormat        format,
                                              GError                  **error);

/* Pure geometry, exposed for tests. */
/* A "nice" step for an axis from 0 to @max with about @n_ticks ticks (1, 2 or 5 times a power
 * of ten; at least 1). */
double      _rectify_chart_nice_step         (double                    max,
                                              guint                     n_ticks);
/* The category nearest to @x in a plot from @x0 of @width with @n_points evenly spread points
 * (the first at @x0, the last at @x0 + @width); -1 when there is none. */
int         _rectify_chart_point_at          (guint                     n_points,
                                              double                    x0,
                                              double                    width,
                                              double                    x);
/* The bar at @y in bars of @row_height from @y0; -1 outside them. */
int         _rectify_chart_bar_at            (guint                     n_bars,
                                              double                    y0,
                                              double                    row_height,
                                              double                    y);

G_END_DECLS
