/* rectify-chart.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-chart"

#include "config.h"

#include <adwaita.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "rectify-chart.h"

/* Bars: one row each, the label at the start, the bar, then its value. */
#define ROW_HEIGHT      32
#define BARS_PADDING    4
#define BAR_THICKNESS   14
#define BAR_RADIUS      4
#define LABEL_GAP       12
#define VALUE_GAP       8
#define LABEL_SHARE     0.4
/* Lines */
#define LINES_HEIGHT    240
#define LEGEND_GAP      16
#define MARKER_SIZE     7
#define MAX_MARKERS     40
/* The header (title and menu) above the drawing */
#define HEADER_SPACING  8
/* Files */
#define FILE_WIDTH      800
#define FILE_PADDING    24
#define FILE_PNG_SCALE  2

typedef enum
{
  KIND_NONE,
  KIND_BARS,
  KIND_LINES,
} Kind;

typedef struct
{
  char             *label;
  double            value;
  RectifyChartTone  tone;
} Bar;

typedef struct
{
  char             *name;
  RectifyChartTone  tone;
  double           *values;
} Series;

typedef struct
{
  GdkRGBA  fg;
  GdkRGBA  background;
  GdkRGBA  tones[RECTIFY_CHART_N_TONES];
  gboolean high_contrast;
} Palette;

struct _RectifyChart
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *header;
  GtkLabel   *title_label;
  GtkWidget  *menu_button;

  char       *title;
  char       *file_name;
  char       *caption;
  char       *description;

  Kind        kind;
  GPtrArray  *bars;         /* Bar */
  gboolean    activatable;
  GPtrArray  *buttons;      /* GtkButton, one per bar of an activatable chart */
  guint       focus_bar;

  guint       n_points;
  GStrv       labels;       /* lines: the axis labels ... */
  GStrv       long_labels;  /* ... and the ones for people */
  GPtrArray  *series;       /* Series */

  int         canvas_y;     /* where the drawing starts, below the header */
  Palette     palette;
};

G_DEFINE_FINAL_TYPE (RectifyChart, rectify_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_FILE_NAME,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bar_free (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar);
}

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_free (series->values);
  g_free (series);
}

/* Pure geometry */

double
_rectify_chart_nice_step (double max,
                          guint  n_ticks)
{
  double raw, magnitude, fraction;

  if (!(max > 0) || n_ticks == 0)
    return 1;

  raw = max / n_ticks;
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;

  if (fraction <= 1)
    fraction = 1;
  else if (fraction <= 2)
    fraction = 2;
  else if (fraction <= 5)
    fraction = 5;
  else
    fraction = 10;

  return MAX (1, fraction * magnitude);
}

int
_rectify_chart_point_at (guint  n_points,
                         double x0,
                         double width,
                         double x)
{
  double step;
  int index;

  if (n_points == 0)
    return -1;
  if (n_points == 1 || width <= 0)
    return 0;

  step = width / (n_points - 1);
  index = (int)floor ((x - x0) / step + 0.5);

  return CLAMP (index, 0, (int)n_points - 1);
}

int
_rectify_chart_bar_at (guint  n_bars,
                       double y0,
                       double row_height,
                       double y)
{
  double index;

  if (n_bars == 0 || row_height <= 0 || y < y0)
    return -1;

  index = floor ((y - y0) / row_height);

  return index < n_bars ? (int)index : -1;
}

/* Helpers */

/* "3", or "2.5" for a value that is not whole, grouped and with the decimal mark of the locale
 * ("1,234" in English, "1.234" and "2,5" in German). (transfer full) */
static char *
format_value (double value)
{
  if (value == floor (value))
    return g_strdup_printf ("%'.0f", value);

  return g_strdup_printf ("%'.1f", value);
}

static double
max_value (RectifyChart *self)
{
  double max = 0;

  if (self->kind == KIND_BARS)
    {
      for (guint i = 0; i < self->bars->len; i++)
        max = MAX (max, ((Bar *)g_ptr_array_index (self->bars, i))->value);
    }
  else if (self->kind == KIND_LINES)
    {
      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = g_ptr_array_index (self->series, s);

          for (guint i = 0; i < self->n_points; i++)
            max = MAX (max, series->values[i]);
        }
    }

  return max;
}

static int
content_height (RectifyChart *self)
{
  switch (self->kind)
    {
    case KIND_BARS:
      return MAX (self->bars->len, 2) * ROW_HEIGHT + 2 * BARS_PADDING;
    case KIND_LINES:
      return LINES_HEIGHT;
    case KIND_NONE:
    default:
      return 0;
    }
}

static void
read_palette (RectifyChart *self)
{
  static const char * const tone_names[] = {
    "accent_color", "success_color", "warning_color", "error_color",
  };
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  Palette *palette = &self->palette;
  gboolean light_text;

  G_STATIC_ASSERT (G_N_ELEMENTS (tone_names) == RECTIFY_CHART_TONE_NEUTRAL);

  gtk_style_context_get_color (context, &palette->fg);
  palette->high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  light_text = 0.2126 * palette->fg.red + 0.7152 * palette->fg.green + 0.0722 * palette->fg.blue > 0.5;

  for (guint i = 0; i < G_N_ELEMENTS (tone_names); i++)
    if (!gtk_style_context_lookup_color (context, tone_names[i], &palette->tones[i]))
      palette->tones[i] = palette->fg;

  palette->tones[RECTIFY_CHART_TONE_NEUTRAL] = palette->fg;
  palette->tones[RECTIFY_CHART_TONE_NEUTRAL].alpha *= palette->high_contrast ? 0.8 : 0.45;

  /* The background of a saved chart: the style's, or the opposite of the text. */
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &palette->background) ||
      palette->background.alpha < 1)
    palette->background = light_text ? (GdkRGBA) { 0.12, 0.12, 0.12, 1 }
                                     : (GdkRGBA) { 1, 1, 1, 1 };
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static PangoLayout *
new_layout (PangoContext *pango,
            const char   *text,
            double        scale,
            gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (pango);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (pango));

  if (scale != 1.0)
    pango_font_description_set_size (font, (int)(pango_font_description_get_size (font) * scale));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);

  return layout;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_bars (RectifyChart  *self,
           cairo_t       *cr,
           PangoContext  *pango,
           const Palette *palette,
           double         width)
{
  double max = MAX (1, max_value (self));
  int label_width = 0;
  int value_width = 0;
  double bar_x, bar_area;

  if (self->bars->len == 0)
    {
      g_autoptr(PangoLayout) empty = new_layout (pango, _("Nothing to show"), 1.0, FALSE);
      int w, h;

      pango_layout_get_pixel_size (empty, &w, &h);
      set_source (cr, &palette->fg, 0.55);
      cairo_move_to (cr, (width - w) / 2, BARS_PADDING + ROW_HEIGHT - h / 2.0);
      pango_cairo_show_layout (cr, empty);
      return;
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = g_ptr_array_index (self->bars, i);
      g_autoptr(PangoLayout) label = new_layout (pango, bar->label, 1.0, FALSE);
      g_autofree char *text = format_value (bar->value);
      g_autoptr(PangoLayout) value = new_layout (pango, text, 1.0, TRUE);
      int w;

      pango_layout_get_pixel_size (label, &w, NULL);
      label_width = MAX (label_width, w);
      pango_layout_get_pixel_size (value, &w, NULL);
      value_width = MAX (value_width, w);
    }

  label_width = MIN (label_width, (int)(width * LABEL_SHARE));
  bar_x = label_width + LABEL_GAP;
  bar_area = MAX (24, width - bar_x - VALUE_GAP - value_width);

  /* The baseline the bars grow from */
  set_source (cr, &palette->fg, palette->high_contrast ? 0.7 : 0.15);
  cairo_rectangle (cr, bar_x - 1, BARS_PADDING, 1, self->bars->len * ROW_HEIGHT);
  cairo_fill (cr);

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = g_ptr_array_index (self->bars, i);
      g_autoptr(PangoLayout) label = new_layout (pango, bar->label, 1.0, FALSE);
      g_autofree char *text = format_value (bar->value);
      g_autoptr(PangoLayout) value = new_layout (pango, text, 1.0, TRUE);
      double center = BARS_PADDING + i * ROW_HEIGHT + ROW_HEIGHT / 2.0;
      double length = bar->value > 0 ? MAX (2, bar->value / max * bar_area) : 0;
      int h;

      pango_layout_set_width (label, label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, NULL, &h);
      set_source (cr, &palette->fg, 1);
      cairo_move_to (cr, 0, center - h / 2.0);
      pango_cairo_show_layout (cr, label);

      if (length > 0)
        {
          rounded_rectangle (cr, bar_x, center - BAR_THICKNESS / 2.0, length, BAR_THICKNESS,
                             BAR_RADIUS);
          set_source (cr, &palette->tones[bar->tone], 1);
          if (palette->high_contrast)
            {
              cairo_fill_preserve (cr);
              set_source (cr, &palette->fg, 1);
              cairo_set_line_width (cr, 1);
              cairo_stroke (cr);
            }
          else
            cairo_fill (cr);
        }

      pango_layout_get_pixel_size (value, NULL, &h);
      set_source (cr, &palette->fg, 1);
      cairo_move_to (cr, bar_x + length + VALUE_GAP, center - h / 2.0);
      pango_cairo_show_layout (cr, value);
    }
}

/* The plot area of a line chart in a drawing of @width x @height, and what goes around it. */
typedef struct
{
  double x0, y0, width, height;
  double top_value, step;
  double legend_height;
} LinesGeometry;

static void
lines_geometry (RectifyChart  *self,
                PangoContext  *pango,
                double         width,
                double         height,
                LinesGeometry *geometry)
{
  g_autoptr(PangoLayout) legend = new_layout (pango, "Xg", 1.0, FALSE);
  g_autoptr(PangoLayout) axis = NULL;
  g_autofree char *top_text = NULL;
  double max = MAX (1, max_value (self));
  int legend_h, axis_w, axis_h;

  geometry->step = _rectify_chart_nice_step (max, 4);
  geometry->top_value = ceil (max / geometry->step) * geometry->step;
  top_text = format_value (geometry->top_value);

  axis = new_layout (pango, top_text, 0.85, FALSE);
  pango_layout_get_pixel_size (axis, &axis_w, NULL);
  pango_layout_set_text (axis, "X\nX", -1);
  pango_layout_get_pixel_size (axis, NULL, &axis_h);
  pango_layout_get_pixel_size (legend, NULL, &legend_h);

  geometry->legend_height = legend_h;
  geometry->x0 = axis_w + 12;
  geometry->y0 = legend_h + 16;
  geometry->width = MAX (10, width - geometry->x0 - 16);
  geometry->height = MAX (10, height - geometry->y0 - axis_h - 8);
}

static double
point_x (const LinesGeometry *geometry,
         guint                n_points,
         guint                i)
{
  if (n_points <= 1)
    return geometry->x0 + geometry->width / 2;

  return geometry->x0 + i * geometry->width / (n_points - 1);
}

static void
draw_marker (cairo_t *cr,
             guint    series,
             double   x,
             double   y)
{
  cairo_new_sub_path (cr);
  if (series % 2 == 0)
    cairo_arc (cr, x, y, MARKER_SIZE / 2.0, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x - MARKER_SIZE / 2.0, y - MARKER_SIZE / 2.0, MARKER_SIZE, MARKER_SIZE);
}

/* The line of @series: solid for the first, dashed for the next, so they differ without colour. */
static void
set_line_style (cairo_t       *cr,
                const Palette *palette,
                guint          series)
{
  static const double dashes[] = { 6, 4 };

  cairo_set_line_width (cr, palette->high_contrast ? 3 : 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (series % 2 == 1)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_lines (RectifyChart  *self,
            cairo_t       *cr,
            PangoContext  *pango,
            const Palette *palette,
            double         width,
            double         height)
{
  LinesGeometry geometry;
  double legend_x = 0;
  guint stride = 1;
  int label_width = 0;

  if (self->n_points == 0)
    {
      g_autoptr(PangoLayout) empty = new_layout (pango, _("No dates yet"), 1.0, FALSE);
      int w, h;

      pango_layout_get_pixel_size (empty, &w, &h);
      set_source (cr, &palette->fg, 0.55);
      cairo_move_to (cr, (width - w) / 2, (height - h) / 2);
      pango_cairo_show_layout (cr, empty);
      return;
    }

  lines_geometry (self, pango, width, height, &geometry);

  /* Legend: a sample of each line, then its name */
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      g_autoptr(PangoLayout) name = new_layout (pango, series->name, 1.0, FALSE);
      double mid = geometry.legend_height / 2;
      int w;

      set_source (cr, &palette->tones[series->tone], 1);
      set_line_style (cr, palette, s);
      cairo_move_to (cr, legend_x, mid);
      cairo_line_to (cr, legend_x + 24, mid);
      cairo_stroke (cr);
      draw_marker (cr, s, legend_x + 12, mid);
      cairo_fill (cr);

      set_source (cr, &palette->fg, 1);
      cairo_move_to (cr, legend_x + 30, 0);
      pango_cairo_show_layout (cr, name);
      pango_layout_get_pixel_size (name, &w, NULL);
      legend_x += 30 + w + LEGEND_GAP;
    }
  cairo_set_dash (cr, NULL, 0, 0);

  /* Grid and the values of the vertical axis */
  for (double v = 0; v <= geometry.top_value + 0.5 * geometry.step; v += geometry.step)
    {
      double y = round (geometry.y0 + geometry.height - v / geometry.top_value * geometry.height) + 0.5;
      g_autofree char *text = format_value (v);
      g_autoptr(PangoLayout) tick = new_layout (pango, text, 0.85, FALSE);
      int w, h;

      set_source (cr, &palette->fg, palette->high_contrast ? 0.5 : (v == 0 ? 0.3 : 0.1));
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, geometry.x0, y);
      cairo_line_to (cr, geometry.x0 + geometry.width, y);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (tick, &w, &h);
      set_source (cr, &palette->fg, palette->high_contrast ? 1 : 0.7);
      cairo_move_to (cr, geometry.x0 - 8 - w, y - h / 2.0);
      pango_cairo_show_layout (cr, tick);
    }

  /* The categories, as many as fit */
  for (guint i = 0; i < self->n_points; i++)
    {
      g_autoptr(PangoLayout) label = new_layout (pango, self->labels[i], 0.85, FALSE);
      int w;

      pango_layout_get_pixel_size (label, &w, NULL);
      label_width = MAX (label_width, w);
    }
  if (self->n_points > 1)
    stride = MAX (1, (guint)ceil ((label_width + 8) / (geometry.width / (self->n_points - 1))));

  for (guint i = 0; i < self->n_points; i += stride)
    {
      g_autoptr(PangoLayout) label = new_layout (pango, self->labels[i], 0.85, FALSE);
      double x = point_x (&geometry, self->n_points, i);
      int w;

      pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (label, &w, NULL);
      x = CLAMP (x - w / 2.0, 0, width - w);
      set_source (cr, &palette->fg, palette->high_contrast ? 1 : 0.7);
      cairo_move_to (cr, x, geometry.y0 + geometry.height + 6);
      pango_cairo_show_layout (cr, label);
    }

  /* The lines, with a marker at each point when there is room */
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);

      set_source (cr, &palette->tones[series->tone], 1);
      set_line_style (cr, palette, s);
      for (guint i = 0; i < self->n_points; i++)
        {
          double x = point_x (&geometry, self->n_points, i);
          double y = geometry.y0 + geometry.height - series->values[i] / geometry.top_value * geometry.height;

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);

      if (self->n_points <= MAX_MARKERS)
        {
          for (guint i = 0; i < self->n_points; i++)
            {
              double x = point_x (&geometry, self->n_points, i);
              double y = geometry.y0 + geometry.height - series->values[i] / geometry.top_value * geometry.height;

              draw_marker (cr, s, x, y);
            }
          cairo_fill (cr);
        }
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The one drawing of the chart, for the screen and for files: @cr at the top left of an area of
 * @width x @height. */
static void
draw_content (RectifyChart  *self,
              cairo_t       *cr,
              PangoContext  *pango,
              const Palette *palette,
              double         width,
              double         height)
{
  switch (self->kind)
    {
    case KIND_BARS:
      draw_bars (self, cr, pango, palette, width);
      break;
    case KIND_LINES:
      draw_lines (self, cr, pango, palette, width, height);
      break;
    case KIND_NONE:
    default:
      break;
    }
}

static void
update_description (RectifyChart *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *values = NULL;
  const char *title = self->title != NULL ? self->title : "";

  if (self->kind == KIND_BARS)
    {
      for (guint i = 0; i < self->bars->len; i++)
        {
          Bar *bar = g_ptr_array_index (self->bars, i);
          g_autofree char *value = format_value (bar->value);

          /* Translators: a bar of a chart for screen readers, its label and value: "Major 3" */
          g_ptr_array_add (items, g_strdup_printf (C_("chart bar", "%s %s"), bar->label, value));
        }
    }
  else if (self->kind == KIND_LINES)
    {
      for (guint i = 0; i < self->n_points; i++)
        {
          g_autoptr(GString) point = g_string_new (self->long_labels[i]);

          for (guint s = 0; s < self->series->len; s++)
            {
              Series *series = g_ptr_array_index (self->series, s);
              g_autofree char *value = format_value (series->values[i]);

              g_string_append (point, s == 0 ? ": " : ", ");
              /* Translators: a line of a chart at one point for screen readers: "opened 3" */
              g_string_append_printf (point, C_("chart line", "%s %s"), series->name, value);
            }
          g_ptr_array_add (items, g_string_free (g_steal_pointer (&point), FALSE));
        }
    }

  g_free (self->description);
  if (items->len == 0)
    /* Translators: a chart without values, for screen readers; %s is its title */
    self->description = g_strdup_printf (_("%s: no data"), title);
  else
    {
      g_ptr_array_add (items, NULL);
      values = g_strjoinv (self->kind == KIND_LINES ? "; " : ", ", (char **)items->pdata);
      /* Translators: a chart for screen readers: its title, then its values */
      self->description = g_strdup_printf (C_("chart description", "%s: %s"), title, values);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
clear_buttons (RectifyChart *self)
{
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->buttons, i));
  g_ptr_array_set_size (self->buttons, 0);
}

static int
bar_index_of (RectifyChart *self,
              GtkWidget    *widget)
{
  for (guint i = 0; i < self->buttons->len; i++)
    if (g_ptr_array_index (self->buttons, i) == widget)
      return i;

  return -1;
}

static gboolean
focus_bar (RectifyChart *self,
           guint         index)
{
  if (index >= self->buttons->len)
    return FALSE;

  self->focus_bar = index;
  return gtk_widget_grab_focus (g_ptr_array_index (self->buttons, index));
}

static PangoContext *
create_file_pango_context (RectifyChart *self,
                           cairo_t      *cr)
{
  PangoContext *pango = pango_cairo_create_context (cr);
  PangoContext *widget_pango = gtk_widget_get_pango_context (GTK_WIDGET (self));

  pango_context_set_font_description (pango, pango_context_get_font_description (widget_pango));
  pango_context_set_language (pango, pango_context_get_language (widget_pango));
  pango_context_set_base_dir (pango, pango_context_get_base_dir (widget_pango));

  return pango;
}

/* The title of a saved chart, and the caption under it (NULL when there is none). */
static PangoLayout *
new_file_heading (RectifyChart  *self,
                  PangoContext  *pango,
                  int            width,
                  int           *title_height,
                  PangoLayout  **caption,
                  int           *caption_height)
{
  PangoLayout *title = new_layout (pango, self->title != NULL ? self->title : "", 1.25, TRUE);

  pango_layout_set_width (title, (width - 2 * FILE_PADDING) * PANGO_SCALE);
  pango_layout_set_wrap (title, PANGO_WRAP_WORD_CHAR);
  if (title_height != NULL)
    pango_layout_get_pixel_size (title, NULL, title_height);

  *caption = NULL;
  if (caption_height != NULL)
    *caption_height = 0;
  if (self->caption != NULL && *self->caption != '\0')
    {
      *caption = new_layout (pango, self->caption, 1.0, FALSE);
      pango_layout_set_width (*caption, (width - 2 * FILE_PADDING) * PANGO_SCALE);
      pango_layout_set_wrap (*caption, PANGO_WRAP_WORD_CHAR);
      if (caption_height != NULL)
        pango_layout_get_pixel_size (*caption, NULL, caption_height);
    }

  return title;
}

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* Callbacks */

static void
bar_clicked_cb (GtkButton    *button,
                RectifyChart *self)
{
  int index = bar_index_of (self, GTK_WIDGET (button));

  if (index < 0)
    return;

  self->focus_bar = index;
  g_signal_emit (self, signals[BAR_ACTIVATED], 0, (guint)index);
}

static gboolean
query_tooltip_cb (RectifyChart *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard || y < self->canvas_y)
    return FALSE;

  if (self->kind == KIND_BARS && !self->activatable)
    {
      int index = _rectify_chart_bar_at (self->bars->len, self->canvas_y + BARS_PADDING,
                                         ROW_HEIGHT, y);
      Bar *bar;
      g_autofree char *value = NULL;

      if (index < 0)
        return FALSE;
      bar = g_ptr_array_index (self->bars, index);
      value = format_value (bar->value);
      /* Translators: a bar's label and value in a tooltip, "Major: 3" */
      text = g_strdup_printf (C_("chart tooltip", "%s: %s"), bar->label, value);
    }
  else if (self->kind == KIND_LINES && self->n_points > 0)
    {
      LinesGeometry geometry;
      g_autoptr(GString) point = NULL;
      int index;

      lines_geometry (self, gtk_widget_get_pango_context (GTK_WIDGET (self)),
                      gtk_widget_get_width (GTK_WIDGET (self)),
                      gtk_widget_get_height (GTK_WIDGET (self)) - self->canvas_y, &geometry);
      if (x < geometry.x0 - 8 || x > geometry.x0 + geometry.width + 8)
        return FALSE;
      index = _rectify_chart_point_at (self->n_points, geometry.x0, geometry.width, x);

      point = g_string_new (self->long_labels[index]);
      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = g_ptr_array_index (self->series, s);
          g_autofree char *value = format_value (series->values[index]);

          g_string_append_printf (point, "\n%s: %s", series->name, value);
        }
      text = g_string_free (g_steal_pointer (&point), FALSE);
    }

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
save_response_cb (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(RectifyChart) self = user_data;
  RectifyChartFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "format"));
  const char *suffix = format == RECTIFY_CHART_FORMAT_SVG ? ".svg" : ".png";
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  GtkWidget *overlay;

  if (response != GTK_RESPONSE_ACCEPT ||
      (chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) == NULL)
    goto out;

  basename = g_file_get_basename (chosen);
  if (basename != NULL && !g_str_has_suffix (basename, suffix))
    {
      g_autoptr(GFile) parent = g_file_get_parent (chosen);
      g_autofree char *name = g_strconcat (basename, suffix, NULL);

      file = parent != NULL ? g_file_get_child (parent, name) : g_object_ref (chosen);
    }
  else
    file = g_object_ref (chosen);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_clear_pointer (&basename, g_free);
  basename = g_file_get_basename (file);

  if (!rectify_chart_save (self, file, format, &error))
    {
      g_warning ("Could not save the chart: %s", error->message);
      /* Translators: %s is a technical error message */
      title = g_strdup_printf (_("Could not save the chart: %s"), error->message);
    }
  else
    /* Translators: %s is the name of the file written */
    title = g_strdup_printf (_("Chart saved as “%s”"), basename);

  if (overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
    }

out:
  g_object_unref (native);
}

/* An arrow key on a bar: the previous or next bar. (The chart may sit in a container that binds
 * the arrows to its own moves: the bar's chart handles them first.) @args: -1 up, 1 down, -2
 * left, 2 right. */
static gboolean
move_bar_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  RectifyChart *self = RECTIFY_CHART (widget);
  int index = bar_index_of (self, gtk_widget_get_focus_child (widget));
  int step = g_variant_get_int32 (args);

  if (index < 0)
    return FALSE;

  if (ABS (step) == 2 && gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    step = -step;
  step = step < 0 ? -1 : 1;

  if (index + step >= 0 && (guint)(index + step) < self->buttons->len)
    focus_bar (self, index + step);
  else
    gtk_widget_error_bell (widget);

  return TRUE;
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RectifyChart *self = RECTIFY_CHART (widget);
  gboolean svg = g_str_equal (g_variant_get_string (param, NULL), "svg");
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (svg ? _("Save Chart as SVG") : _("Save Chart as PNG"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  if (svg)
    {
      gtk_file_filter_set_name (filter, _("SVG images"));
      gtk_file_filter_add_pattern (filter, "*.svg");
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_pattern (filter, "*.png");
      gtk_file_filter_add_mime_type (filter, "image/png");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  name = g_strdup_printf ("%s.%s", self->file_name != NULL ? self->file_name : "chart",
                          svg ? "svg" : "png");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_object_set_data (G_OBJECT (native), "format",
                     GINT_TO_POINTER (svg ? RECTIFY_CHART_FORMAT_SVG : RECTIFY_CHART_FORMAT_PNG));
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Vfuncs */

static void
rectify_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  RectifyChart *self = RECTIFY_CHART (widget);
  int header_min, header_nat;

  gtk_widget_measure (self->header, orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                      &header_min, &header_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (header_min, 200);
      *natural = MAX (header_nat, 360);
    }
  else
    {
      *minimum = header_min + HEADER_SPACING + content_height (self);
      *natural = header_nat + HEADER_SPACING + content_height (self);
    }
}

static void
rectify_chart_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  RectifyChart *self = RECTIFY_CHART (widget);
  int header_height;

  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, NULL, &header_height, NULL, NULL);
  gtk_widget_allocate (self->header, width, header_height, -1, NULL);
  self->canvas_y = header_height + HEADER_SPACING;

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);
      GskTransform *transform;

      gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, NULL, NULL, NULL, NULL);
      transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, self->canvas_y + BARS_PADDING + i * ROW_HEIGHT));
      gtk_widget_allocate (button, width, ROW_HEIGHT, -1, transform);
    }
}

static void
rectify_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RectifyChart *self = RECTIFY_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget) - self->canvas_y;

  gtk_widget_snapshot_child (widget, self->header, snapshot);

  /* The buttons of the bars go under the drawing: their hover and focus show around the bar. */
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->buttons, i), snapshot);

  if (self->kind != KIND_NONE && width > 0 && height > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (0, self->canvas_y, width, height));

      cairo_translate (cr, 0, self->canvas_y);
      draw_content (self, cr, gtk_widget_get_pango_context (widget), &self->palette, width, height);
      cairo_destroy (cr);
    }
}

static gboolean
rectify_chart_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  RectifyChart *self = RECTIFY_CHART (widget);
  GtkWidget *focus = gtk_widget_get_focus_child (widget);
  guint n_bars = self->buttons->len;
  int index;

  /* In the header (the menu button) */
  if (focus != NULL && focus == self->header)
    {
      if (gtk_widget_child_focus (self->header, direction))
        return TRUE;
      if ((direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN) && n_bars > 0)
        return focus_bar (self, MIN (self->focus_bar, n_bars - 1));
      return FALSE;
    }

  /* On a bar: the arrows move between the bars, Tab leaves them (one stop for all). */
  if (focus != NULL && (index = bar_index_of (self, focus)) >= 0)
    {
      switch ((int)direction)
        {
        case GTK_DIR_UP:
        case GTK_DIR_LEFT:
          if (index > 0)
            focus_bar (self, index - 1);
          return TRUE;
        case GTK_DIR_DOWN:
        case GTK_DIR_RIGHT:
          if ((guint)index + 1 < n_bars)
            focus_bar (self, index + 1);
          return TRUE;
        case GTK_DIR_TAB_BACKWARD:
          return gtk_widget_child_focus (self->header, direction);
        case GTK_DIR_TAB_FORWARD:
        default:
          return FALSE;
        }
    }

  /* Coming in */
  if (direction == GTK_DIR_TAB_BACKWARD && n_bars > 0)
    return focus_bar (self, MIN (self->focus_bar, n_bars - 1));
  if (gtk_widget_child_focus (self->header, direction))
    return TRUE;
  if (n_bars > 0)
    return focus_bar (self, MIN (self->focus_bar, n_bars - 1));

  return FALSE;
}

static void
rectify_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  RectifyChart *self = RECTIFY_CHART (widget);

  GTK_WIDGET_CLASS (rectify_chart_parent_class)->css_changed (widget, change);

  read_palette (self);
  gtk_widget_queue_draw (widget);
}

static void
rectify_chart_dispose (GObject *object)
{
  RectifyChart *self = RECTIFY_CHART (object);

  if (self->buttons != NULL)
    clear_buttons (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_CHART);

  G_OBJECT_CLASS (rectify_chart_parent_class)->dispose (object);
}

static void
rectify_chart_finalize (GObject *object)
{
  RectifyChart *self = RECTIFY_CHART (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->bars, g_ptr_array_unref);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->long_labels, g_strfreev);
  g_clear_pointer (&self->series, g_ptr_array_unref);

  G_OBJECT_CLASS (rectify_chart_parent_class)->finalize (object);
}

static void
rectify_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RectifyChart *self = RECTIFY_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_chart_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RectifyChart *self = RECTIFY_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      rectify_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_FILE_NAME:
      rectify_chart_set_file_name (self, g_value_get_string (value));
      break;
    case PROP_CAPTION:
      rectify_chart_set_caption (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_chart_class_init (RectifyChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_chart_dispose;
  object_class->finalize = rectify_chart_finalize;
  object_class->get_property = rectify_chart_get_property;
  object_class->set_property = rectify_chart_set_property;

  widget_class->measure = rectify_chart_measure;
  widget_class->size_allocate = rectify_chart_size_allocate;
  widget_class->snapshot = rectify_chart_snapshot;
  widget_class->focus = rectify_chart_focus;
  widget_class->css_changed = rectify_chart_css_changed;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RectifyChart::bar-activated:
   * @index: the bar, in the order given
   */
  signals[BAR_ACTIVATED] =
    g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-chart.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyChart, header);
  gtk_widget_class_bind_template_child (widget_class, RectifyChart, title_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyChart, menu_button);

  gtk_widget_class_install_action (widget_class, "chart.save", "s", save_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, move_bar_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, 0, move_bar_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, move_bar_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, 0, move_bar_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, move_bar_cb, "i", -2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, 0, move_bar_cb, "i", -2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, move_bar_cb, "i", 2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Right, 0, move_bar_cb, "i", 2);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rectify_chart_init (RectifyChart *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bars = g_ptr_array_new_with_free_func (bar_free);
  self->buttons = g_ptr_array_new ();
  self->series = g_ptr_array_new_with_free_func (series_free);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  read_palette (self);
  update_description (self);
}

/* Public API */

GtkWidget *
rectify_chart_new (void)
{
  return g_object_new (RECTIFY_TYPE_CHART, NULL);
}

void
rectify_chart_set_title (RectifyChart *self,
                         const char   *title)
{
  g_autofree char *save_label = NULL;

  g_return_if_fail (RECTIFY_IS_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_label_set_text (self->title_label, title != NULL ? title : "");

  /* Translators: the accessible label of a chart's save menu; %s is the chart's title */
  save_label = g_strdup_printf (_("Save “%s”"), title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, save_label, -1);

  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
rectify_chart_get_title (RectifyChart *self)
{
  g_return_val_if_fail (RECTIFY_IS_CHART (self), NULL);

  return self->title;
}

void
rectify_chart_set_file_name (RectifyChart *self,
                             const char   *file_name)
{
  g_return_if_fail (RECTIFY_IS_CHART (self));

  if (g_strcmp0 (self->file_name, file_name) == 0)
    return;

  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);
}

const char *
rectify_chart_get_file_name (RectifyChart *self)
{
  g_return_val_if_fail (RECTIFY_IS_CHART (self), NULL);

  return self->file_name;
}

void
rectify_chart_set_caption (RectifyChart *self,
                           const char   *caption)
{
  g_return_if_fail (RECTIFY_IS_CHART (self));

  if (g_strcmp0 (self->caption, caption) == 0)
    return;

  g_free (self->caption);
  self->caption = g_strdup (caption);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

const char *
rectify_chart_get_caption (RectifyChart *self)
{
  g_return_val_if_fail (RECTIFY_IS_CHART (self), NULL);

  return self->caption;
}

/**
 * rectify_chart_set_bars:
 * @bars: (array length=n_bars): the bars, in order; their labels are copied
 * @activatable: whether each bar is a button that emits "bar-activated"
 */
void
rectify_chart_set_bars (RectifyChart          *self,
                        const RectifyChartBar *bars,
                        guint                  n_bars,
                        gboolean               activatable)
{
  gboolean had_focus;

  g_return_if_fail (RECTIFY_IS_CHART (self));
  g_return_if_fail (bars != NULL || n_bars == 0);

  had_focus = bar_index_of (self, gtk_widget_get_focus_child (GTK_WIDGET (self))) >= 0;

  self->kind = KIND_BARS;
  self->activatable = activatable;
  g_ptr_array_set_size (self->bars, 0);
  g_ptr_array_set_size (self->series, 0);
  self->n_points = 0;
  clear_buttons (self);

  for (guint i = 0; i < n_bars; i++)
    {
      Bar *bar = g_new0 (Bar, 1);

      bar->label = g_strdup (bars[i].label != NULL ? bars[i].label : "");
      bar->value = bars[i].value;
      bar->tone = CLAMP (bars[i].tone, 0, RECTIFY_CHART_N_TONES - 1);
      g_ptr_array_add (self->bars, bar);

      if (activatable)
        {
          GtkWidget *button = gtk_button_new ();
          g_autofree char *value = format_value (bar->value);
          g_autofree char *label = NULL;

          /* Translators: a bar of a chart, as a button: its label and value, "Major: 3" */
          label = g_strdup_printf (C_("chart bar button", "%s: %s"), bar->label, value);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "chart-bar");
          gtk_widget_set_tooltip_text (button, label);
          gtk_widget_set_cursor_from_name (button, "pointer");
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_signal_connect_object (button, "clicked", G_CALLBACK (bar_clicked_cb), self, 0);
          gtk_widget_set_parent (button, GTK_WIDGET (self));
          g_ptr_array_add (self->buttons, button);
        }
    }

  if (self->focus_bar >= n_bars)
    self->focus_bar = n_bars > 0 ? n_bars - 1 : 0;
  if (had_focus && n_bars > 0)
    focus_bar (self, self->focus_bar);

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * rectify_chart_set_lines:
 * @labels: (array length=n_points): short labels of the categories, for the axis
 * @long_labels: (array length=n_points): the same for people (description, tooltips)
 * @series: (array length=n_series): the lines; each has @n_points values
 */
void
rectify_chart_set_lines (RectifyChart             *self,
                         const char * const       *labels,
                         const char * const       *long_labels,
                         guint                     n_points,
                         const RectifyChartSeries *series,
                         guint                     n_series)
{
  g_return_if_fail (RECTIFY_IS_CHART (self));
  g_return_if_fail (n_points == 0 || (labels != NULL && long_labels != NULL));
  g_return_if_fail (series != NULL || n_series == 0);

  self->kind = KIND_LINES;
  self->activatable = FALSE;
  g_ptr_array_set_size (self->bars, 0);
  g_ptr_array_set_size (self->series, 0);
  clear_buttons (self);

  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->long_labels, g_strfreev);
  self->labels = g_new0 (char *, n_points + 1);
  self->long_labels = g_new0 (char *, n_points + 1);
  for (guint i = 0; i < n_points; i++)
    {
      self->labels[i] = g_strdup (labels[i]);
      self->long_labels[i] = g_strdup (long_labels[i]);
    }
  self->n_points = n_points;

  for (guint s = 0; s < n_series; s++)
    {
      Series *copy = g_new0 (Series, 1);

      copy->name = g_strdup (series[s].name);
      copy->tone = CLAMP (series[s].tone, 0, RECTIFY_CHART_N_TONES - 1);
      copy->values = g_new0 (double, MAX (n_points, 1));
      if (n_points > 0)
        memcpy (copy->values, series[s].values, n_points * sizeof (double));
      g_ptr_array_add (self->series, copy);
    }

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
rectify_chart_get_description (RectifyChart *self)
{
  g_return_val_if_fail (RECTIFY_IS_CHART (self), NULL);

  return self->description;
}

guint
rectify_chart_get_n_bars (RectifyChart *self)
{
  g_return_val_if_fail (RECTIFY_IS_CHART (self), 0);

  return self->kind == KIND_BARS ? self->bars->len : 0;
}

GtkWidget *
rectify_chart_get_bar_widget (RectifyChart *self,
                              guint         index)
{
  g_return_val_if_fail (RECTIFY_IS_CHART (self), NULL);

  if (index >= self->buttons->len)
    return NULL;

  return g_ptr_array_index (self->buttons, index);
}

/**
 * rectify_chart_save:
 *
 * Draws the chart, with its title above it, on the background of the style into @file: a PNG
 * at twice the size for sharp print, or an SVG. The file is replaced at once, or left as it was.
 */
gboolean
rectify_chart_save (RectifyChart        *self,
                    GFile               *file,
                    RectifyChartFormat   format,
                    GError             **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  PangoContext *pango;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int title_height = 0;
  int caption_height = 0;
  int width = FILE_WIDTH;
  int height;
  int content = MAX (content_height (self), ROW_HEIGHT);

  g_return_val_if_fail (RECTIFY_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The heading's height, measured on a scratch surface */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  pango = create_file_pango_context (self, cr);
  title = new_file_heading (self, pango, width, &title_height, &caption, &caption_height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_clear_object (&title);
  g_clear_object (&caption);
  g_object_unref (pango);

  height = FILE_PADDING + title_height + caption_height + 2 * HEADER_SPACING + content + FILE_PADDING;

  if (format == RECTIFY_CHART_FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (write_to_bytes, bytes, width, height);
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            width * FILE_PNG_SCALE, height * FILE_PNG_SCALE);
      cairo_surface_set_device_scale (surface, FILE_PNG_SCALE, FILE_PNG_SCALE);
    }

  cr = cairo_create (surface);
  pango = create_file_pango_context (self, cr);

  set_source (cr, &self->palette.background, 1);
  cairo_paint (cr);

  title = new_file_heading (self, pango, width, NULL, &caption, NULL);
  set_source (cr, &self->palette.fg, 1);
  cairo_move_to (cr, FILE_PADDING, FILE_PADDING);
  pango_cairo_show_layout (cr, title);
  if (caption != NULL)
    {
      set_source (cr, &self->palette.fg, 0.7);
      cairo_move_to (cr, FILE_PADDING, FILE_PADDING + title_height);
      pango_cairo_show_layout (cr, caption);
    }

  cairo_save (cr);
  cairo_translate (cr, FILE_PADDING,
                   FILE_PADDING + title_height + caption_height + 2 * HEADER_SPACING);
  draw_content (self, cr, pango, &self->palette, width - 2 * FILE_PADDING, content);
  cairo_restore (cr);

  status = cairo_status (cr);
  g_clear_object (&title);
  g_clear_object (&caption);
  g_object_unref (pango);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == RECTIFY_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a technical error message from the drawing library */
                   _("The chart could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_replace_contents (file, (const char *)bytes->data, bytes->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
