/* rectify-fishbone.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-fishbone"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rectify-categories.h"
#include "rectify-fishbone.h"

/* Distances at scale 1, in layout units. */
#define MARGIN          24.0
#define LABEL_MAX_W    200.0  /* text width of a cause or category label */
#define HEAD_MAX_W     230.0  /* text width of the head */
#define PAD_X            6.0  /* label box padding */
#define PAD_Y            3.0
#define ROW_GAP          9.0  /* between two labels on a bone */
#define SPINE_CLEAR     22.0  /* between the spine and the nearest label */
#define RIB_GAP         26.0  /* between a label's right edge and the bone (or its stem) */
#define INDENT          14.0  /* between a rib's end and the stem of its sub-causes */
#define BONE_SLOPE       0.5  /* horizontal run of a short bone per unit of height */
#define BONE_MIN_SLOPE   0.2  /* ... and of a long one, */
#define BONE_RUN       190.0  /* which runs about this far along the spine */
#define MIN_BONE        56.0  /* shortest bone, up to its category label */
#define CAT_GAP         12.0  /* between the outermost label and the category label */
#define CAT_PAD_X       12.0
#define CAT_PAD_Y        5.0
#define BONE_GAP        28.0  /* between the bounding boxes of two bones on one side */
#define STAGGER         64.0  /* least distance between two bones along the spine */
#define HEAD_GAP        44.0  /* between the rightmost bone and the head */
#define HEAD_PAD_X      14.0
#define HEAD_PAD_Y      10.0
#define TAIL_SPACE      44.0  /* spine to the left of the first bone */
#define TAIL_W          22.0
#define TAIL_H          13.0
#define ARROW_LEN       14.0
#define ARROW_HALF       7.0

/* PNG export: twice the layout scale, smaller when the image would be too large. */
#define PNG_SCALE        2.0
#define PNG_MAX_SIDE 32000.0
#define PNG_MAX_AREA 64.0e6
#define PNG_MIN_SCALE    0.25

typedef struct
{
  gint64             id;
  int                parent;   /* index into the causes being laid out, -1 at top level */
  int                category; /* bone */
  int                depth;
  int                position;
  gboolean           is_root;
  PangoLayout       *text;
  double             text_x;   /* where the text is drawn (its logical origin) */
  double             text_y;
  cairo_rectangle_t  rect;     /* the label box */
  double             line_y;   /* the rib (a line under the label) from x0 to x1 */
  double             line_x0;
  double             line_x1;
  gboolean           has_stem; /* a vertical stem down to its sub-causes' ribs */
  double             stem_x;
  double             stem_y0;
  double             stem_y1;
} Cause;

typedef struct
{
  char              *name;
  gboolean           above;
  PangoLayout       *text;
  double             text_x;
  double             text_y;
  cairo_rectangle_t  rect;     /* category label */
  double             x0;       /* the bone: from the spine (x0, y0) to the label (x1, y1) */
  double             y0;
  double             x1;
  double             y1;
} Bone;

struct _RectifyFishboneLayout
{
  gatomicrefcount    ref_count;
  double             scale;
  double             width;
  double             height;

  PangoContext      *context;

  GArray            *causes;   /* Cause, in reading order */
  GArray            *bones;    /* Bone */

  PangoLayout       *head_text;
  double             head_text_x;
  double             head_text_y;
  cairo_rectangle_t  head;

  double             spine_y;
  double             spine_x0;
  double             spine_x1; /* the tip of the arrow, at the head */
};

G_DEFINE_QUARK (rectify-fishbone-error-quark, rectify_fishbone_error)
G_DEFINE_BOXED_TYPE (RectifyFishboneLayout, rectify_fishbone_layout,
                     rectify_fishbone_layout_ref, rectify_fishbone_layout_unref)

static const char * const default_categories[] = {
  N_("People"),
  N_("Process"),
  N_("Technology"),
  N_("Policy & documentation"),
  N_("Suppliers & third parties"),
  N_("Environment"),
  NULL
};

/* Translators: the fishbone bone of causes that have no category */
#define OTHER_CATEGORY N_("Other")

#define RGB(r, g, b) { (r) / 255.f, (g) / 255.f, (b) / 255.f, 1.f }

static const RectifyFishboneStyle style_light = {
  .background      = RGB (0xff, 0xff, 0xff),
  .foreground      = RGB (0x1f, 0x23, 0x28),
  .spine           = RGB (0x24, 0x3a, 0x52),
  .bone            = RGB (0x4a, 0x5d, 0x72),
  .rib             = RGB (0x8c, 0x98, 0xa6),
  .category_fill   = RGB (0xe3, 0xeb, 0xf4),
  .category_border = RGB (0x4a, 0x5d, 0x72),
  .category_text   = RGB (0x17, 0x30, 0x4a),
  .head_fill       = RGB (0x1c, 0x3b, 0x5a),
  .head_border     = RGB (0x10, 0x26, 0x3c),
  .head_text       = RGB (0xff, 0xff, 0xff),
  .root_fill       = RGB (0xfd, 0xe7, 0xe1),
  .root_border     = RGB (0xb4, 0x2a, 0x1a),
  .root_text       = RGB (0x7a, 0x14, 0x08),
  .selection       = RGB (0x1c, 0x71, 0xd8),
};

static const RectifyFishboneStyle style_dark = {
  .background      = RGB (0x24, 0x24, 0x24),
  .foreground      = RGB (0xec, 0xee, 0xf0),
  .spine           = RGB (0xc6, 0xd2, 0xde),
  .bone            = RGB (0xa3, 0xb1, 0xbf),
  .rib             = RGB (0x6e, 0x7a, 0x86),
  .category_fill   = RGB (0x2d, 0x3c, 0x4c),
  .category_border = RGB (0xa3, 0xb1, 0xbf),
  .category_text   = RGB (0xe3, 0xee, 0xf8),
  .head_fill       = RGB (0x2a, 0x5a, 0x8c),
  .head_border     = RGB (0x8f, 0xbc, 0xeb),
  .head_text       = RGB (0xff, 0xff, 0xff),
  .root_fill       = RGB (0x5a, 0x1e, 0x18),
  .root_border     = RGB (0xff, 0x8a, 0x78),
  .root_text       = RGB (0xff, 0xe0, 0xda),
  .selection       = RGB (0x78, 0xae, 0xed),
};

/* Helpers */

static const char *
canonical_category (const char *name)
{
  if (name == NULL || *name == '\0')
    return OTHER_CATEGORY;

  for (guint i = 0; default_categories[i] != NULL; i++)
    if (g_str_equal (name, default_categories[i]) || g_str_equal (name, _(default_categories[i])))
      return default_categories[i];

  if (g_str_equal (name, _(OTHER_CATEGORY)))
    return OTHER_CATEGORY;

  return name;
}

static void
clear_cause (gpointer data)
{
  Cause *cause = data;

  g_clear_object (&cause->text);
}

static void
free_kids (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static void
clear_bone (gpointer data)
{
  Bone *bone = data;

  g_clear_pointer (&bone->name, g_free);
  g_clear_object (&bone->text);
}

static PangoLayout *
make_text (PangoContext               *context,
           const PangoFontDescription *font,
           const char                 *text,
           double                      max_width,
           gboolean                    bold)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

/* The logical extents of @layout in layout units. */
static void
measure_text (PangoLayout *layout,
              double      *x,
              double      *y,
              double      *width,
              double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *x = (double)logical.x / PANGO_SCALE;
  *y = (double)logical.y / PANGO_SCALE;
  *width = (double)logical.width / PANGO_SCALE;
  *height = (double)logical.height / PANGO_SCALE;
}

static PangoFontDescription *
scaled_font (const PangoFontDescription *font,
             double                      scale,
             double                      factor)
{
  PangoFontDescription *desc;
  int size;

  desc = font != NULL ? pango_font_description_copy (font)
                      : pango_font_description_from_string ("Sans 10");
  size = pango_font_description_get_size (desc);
  if (size <= 0)
    size = 10 * PANGO_SCALE;

  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size * scale * factor);
  else
    pango_font_description_set_size (desc, (int)(size * scale * factor));

  return desc;
}

static int
compare_siblings (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Cause *causes = user_data;
  const Cause *ca = &causes[*(const int *)a];
  const Cause *cb = &causes[*(const int *)b];

  if (ca->position != cb->position)
    return ca->position < cb->position ? -1 : 1;
  if (ca->id != cb->id)
    return ca->id < cb->id ? -1 : 1;
  return 0;
}

/* Appends @index and its sub-causes in reading order to @order. */
static void
add_subtree (GArray     *order,
             Cause      *causes,
             GPtrArray  *children,
             int         index,
             int         depth)
{
  GArray *kids = g_ptr_array_index (children, index);

  causes[index].depth = depth;
  g_array_append_val (order, index);

  if (kids == NULL)
    return;

  for (guint i = 0; i < kids->len; i++)
    add_subtree (order, causes, children, g_array_index (kids, int, i), depth + 1);
}

static void
rect_union (double                  *x0,
            double                  *y0,
            double                  *x1,
            double                  *y1,
            const cairo_rectangle_t *r)
{
  *x0 = MIN (*x0, r->x);
  *y0 = MIN (*y0, r->y);
  *x1 = MAX (*x1, r->x + r->width);
  *y1 = MAX (*y1, r->y + r->height);
}

static gboolean
rect_contains (const cairo_rectangle_t *r,
               double                   x,
               double                   y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

/* Lays out bone @b in local coordinates: the bone meets the spine at (0, 0), and u is the distance
 * from the spine (y = -u above the spine, +u below). @rows are the indices of its causes in
 * reading order. Returns the horizontal extent of everything on the bone in @min_x, @max_x. */
static void
layout_bone (RectifyFishboneLayout *self,
             Bone                  *bone,
             Cause                 *causes,
             GArray                *rows,
             double                *min_x,
             double                *max_x)
{
  const double s = self->scale;
  const double sign = bone->above ? -1.0 : 1.0;
  g_autofree double *u_lo = g_new0 (double, MAX (rows->len, 1));
  g_autofree double *u_hi = g_new0 (double, MAX (rows->len, 1));
  double u = SPINE_CLEAR * s;
  double cat_u, slope, tx, ty, tw, th;

  /* The last row in reading order is the nearest to the spine, so that sub-causes (which follow
   * their cause) lie between their cause and the spine, where the bone leaves them more room. */
  for (int j = (int)rows->len - 1; j >= 0; j--)
    {
      Cause *c = &causes[g_array_index (rows, int, j)];

      u_lo[j] = u;
      u_hi[j] = u + c->rect.height;
      u = u_hi[j] + ROW_GAP * s;
    }

  /* Long bones stand steeper, so that their causes stay close to them. */
  cat_u = MAX (u - ROW_GAP * s + CAT_GAP * s, MIN_BONE * s);
  slope = CLAMP (BONE_RUN * s / cat_u, BONE_MIN_SLOPE, BONE_SLOPE);

  *min_x = 0;
  *max_x = 0;

  for (guint j = 0; j < rows->len; j++)
    {
      int index = g_array_index (rows, int, j);
      Cause *c = &causes[index];
      double u_line = bone->above ? u_lo[j] : u_hi[j];
      double end, right;

      if (c->parent < 0)
        {
          /* A rib from the label to the bone; the label keeps RIB_GAP from the bone at its
           * outer edge, where the bone is furthest to the left. */
          end = -u_line * slope;
          right = -u_hi[j] * slope - RIB_GAP * s;
        }
      else
        {
          /* A rib from the label to its parent's stem. */
          Cause *parent = &causes[c->parent];

          end = parent->stem_x;
          right = end - RIB_GAP * s;
        }

      c->rect.x = right - c->rect.width;
      c->rect.y = bone->above ? -u_hi[j] : u_lo[j];
      c->text_x += c->rect.x;
      c->text_y += c->rect.y;
      c->line_y = sign * u_line;
      c->line_x0 = c->rect.x;
      c->line_x1 = end;
      c->stem_x = right + (RIB_GAP - INDENT) * s;
      c->has_stem = FALSE;

      if (c->parent >= 0)
        {
          Cause *parent = &causes[c->parent];

          /* Rows come in reading order: the last child seen sets the end of the stem. */
          parent->has_stem = TRUE;
          parent->stem_y0 = parent->line_y;
          parent->stem_y1 = c->line_y;
        }

      *min_x = MIN (*min_x, c->rect.x);
      *max_x = MAX (*max_x, MAX (end, c->rect.x + c->rect.width));
    }

  /* The category label at the outer end of the bone. */
  measure_text (bone->text, &tx, &ty, &tw, &th);
  bone->rect.width = tw + 2 * CAT_PAD_X * s;
  bone->rect.height = th + 2 * CAT_PAD_Y * s;
  bone->x0 = 0;
  bone->y0 = 0;
  bone->x1 = -cat_u * slope;
  bone->y1 = sign * cat_u;
  bone->rect.x = bone->x1 - bone->rect.width / 2;
  bone->rect.y = bone->above ? bone->y1 - bone->rect.height : bone->y1;
  bone->text_x = bone->rect.x + CAT_PAD_X * s - tx;
  bone->text_y = bone->rect.y + CAT_PAD_Y * s - ty;

  *min_x = MIN (*min_x, bone->rect.x);
  *max_x = MAX (*max_x, bone->rect.x + bone->rect.width);
}

static void
translate_cause (Cause  *c,
                 double  dx,
                 double  dy)
{
  c->text_x += dx;
  c->text_y += dy;
  c->rect.x += dx;
  c->rect.y += dy;
  c->line_y += dy;
  c->line_x0 += dx;
  c->line_x1 += dx;
  c->stem_x += dx;
  c->stem_y0 += dy;
  c->stem_y1 += dy;
}

static void
translate_bone (Bone   *b,
                double  dx,
                double  dy)
{
  b->text_x += dx;
  b->text_y += dy;
  b->rect.x += dx;
  b->rect.y += dy;
  b->x0 += dx;
  b->y0 += dy;
  b->x1 += dx;
  b->y1 += dy;
}

static const Cause *
find_cause (const RectifyFishboneLayout *self,
            gint64                       cause_id)
{
  if (cause_id == 0)
    return NULL;

  for (guint i = 0; i < self->causes->len; i++)
    {
      const Cause *c = &g_array_index (self->causes, Cause, i);

      if (c->id == cause_id)
        return c;
    }

  return NULL;
}

/* Drawing */

static void
set_color (cairo_t                    *cr,
           const RectifyFishboneColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
line (cairo_t *cr,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

/* Export */

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} ExportFormat;

typedef struct
{
  FILE       *file;   /* written to, or */
  GByteArray *buffer; /* appended to */
  gboolean    failed;
  int         saved_errno; /* of the first failed write */
} WriteClosure;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *wc = closure;

  if (wc->failed)
    return CAIRO_STATUS_WRITE_ERROR;

  if (wc->buffer != NULL)
    g_byte_array_append (wc->buffer, data, length);
  else if (fwrite (data, 1, length, wc->file) != length)
    {
      wc->failed = TRUE;
      wc->saved_errno = errno;
      return CAIRO_STATUS_WRITE_ERROR;
    }

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
parse_format (const char    *path,
              ExportFormat  *format,
              GError       **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  const char *dot = strrchr (basename, '.');
  g_autofree char *display = g_filename_display_basename (path);

  if (dot != NULL && g_ascii_strcasecmp (dot, ".png") == 0)
    *format = FORMAT_PNG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = FORMAT_SVG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = FORMAT_PDF;
  else
    {
      g_set_error (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_UNSUPPORTED_FORMAT,
                   /* Translators: %s is a file name */
                   _("Cannot tell the format of “%s”: the name must end in .png, .svg or .pdf"),
                   display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
draw_to_stream (const RectifyFishboneLayout *layout,
                const RectifyFishboneStyle  *style,
                ExportFormat                 format,
                double                       png_scale,
                WriteClosure                *wc,
                GError                     **error)
{
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  double scale = 1.0;

  switch (format)
    {
    case FORMAT_PNG:
      scale = png_scale;
      scale = MIN (scale, PNG_MAX_SIDE / layout->width);
      scale = MIN (scale, PNG_MAX_SIDE / layout->height);
      scale = MIN (scale, sqrt (PNG_MAX_AREA / (layout->width * layout->height)));
      if (scale < PNG_MIN_SCALE)
        {
          g_set_error (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_TOO_LARGE,
                       _("The diagram is too large for a PNG image; export it as SVG or PDF"));
          return FALSE;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int)ceil (layout->width * scale),
                                            (int)ceil (layout->height * scale));
      break;

    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_cb, wc, layout->width, layout->height);
      break;

    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_cb, wc, layout->width, layout->height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rectify");
      break;

    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  rectify_fishbone_draw (layout, cr, style, 0);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_cb, wc);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || wc->failed)
    {
      g_set_error (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_FAILED,
                   /* Translators: %s is an error message */
                   _("Could not draw the diagram: %s"),
                   wc->failed ? g_strerror (wc->saved_errno) : cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* Public API */

const char * const *
rectify_fishbone_default_categories (void)
{
  return default_categories;
}

const char *
rectify_fishbone_category_canonical (const char *name)
{
  return canonical_category (name);
}

const char *
rectify_fishbone_category_label (const char *category)
{
  if (category == NULL || *category == '\0' || g_str_equal (category, OTHER_CATEGORY))
    return _(OTHER_CATEGORY);

  for (guint i = 0; default_categories[i] != NULL; i++)
    if (g_str_equal (category, default_categories[i]))
      return _(default_categories[i]);

  return category;
}

GStrv
rectify_fishbone_categories_for_causes (GListModel *causes)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (causes == NULL || G_IS_LIST_MODEL (causes), NULL);

  for (guint i = 0; default_categories[i] != NULL; i++)
    g_ptr_array_add (seen, g_strdup (default_categories[i]));

  n = causes != NULL ? g_list_model_get_n_items (causes) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);
      const char *name = canonical_category (rectify_cause_get_category (cause));

      if (!g_ptr_array_find_with_equal_func (seen, name, g_str_equal, NULL))
        g_ptr_array_add (seen, g_strdup (name));
    }

  for (guint i = 0; i < seen->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (seen, i));

  return g_strv_builder_end (builder);
}

RectifyFishboneLayout *
rectify_fishbone_layout_new (const char                 *ref,
                             const char                 *problem,
                             const char * const         *categories,
                             GListModel                 *causes,
                             const PangoFontDescription *font,
                             double                      scale)
{
  g_autoptr(RectifyFishboneLayout) self = NULL;
  g_autoptr(PangoFontDescription) body_font = NULL;
  g_autoptr(PangoFontDescription) head_font = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) order = NULL;
  g_auto(GStrv) computed = NULL;
  cairo_font_options_t *options;
  g_autofree double *bone_min = NULL;
  g_autofree double *bone_max = NULL;
  Cause *cs;
  double s, cursor[2] = { 0, 0 }, prev_a = 0, right = 0, left = G_MAXDOUBLE;
  double x0, y0, x1, y1, tx, ty, tw, th, dx, dy;
  guint n;

  g_return_val_if_fail (causes == NULL || G_IS_LIST_MODEL (causes), NULL);

  s = scale > 0 ? scale : 1.0;

  self = g_new0 (RectifyFishboneLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->scale = s;
  self->causes = g_array_new (FALSE, TRUE, sizeof (Cause));
  g_array_set_clear_func (self->causes, clear_cause);
  self->bones = g_array_new (FALSE, TRUE, sizeof (Bone));
  g_array_set_clear_func (self->bones, clear_bone);

  /* Text is measured without hinting, at 96 dpi, so that the geometry is the same whatever the
   * cairo_t it is later drawn into. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 96.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  body_font = scaled_font (font, s, 1.0);
  head_font = scaled_font (font, s, 1.15);

  if (categories == NULL)
    categories = (const char * const *)(computed = rectify_fishbone_categories_for_causes (causes));

  for (guint i = 0; categories[i] != NULL; i++)
    {
      Bone bone = { 0 };

      bone.name = g_strdup (canonical_category (categories[i]));
      g_array_append_val (self->bones, bone);
    }

  /* The causes, their bones and their parents. */
  n = causes != NULL ? g_list_model_get_n_items (causes) : 0;
  all = g_array_sized_new (FALSE, TRUE, sizeof (Cause), n);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);
      Cause c = { 0 };
      const char *name = canonical_category (rectify_cause_get_category (cause));
      guint b;

      c.id = rectify_entity_get_id (RECTIFY_ENTITY (cause));
      c.parent = -1;
      c.position = rectify_cause_get_position (cause);
      c.is_root = rectify_cause_get_is_root (cause);
      c.category = -1;

      for (b = 0; b < self->bones->len; b++)
        if (g_str_equal (g_array_index (self->bones, Bone, b).name, name))
          break;
      if (b == self->bones->len)
        {
          Bone bone = { 0 };

          bone.name = g_strdup (name);
          g_array_append_val (self->bones, bone);
        }
      c.category = (int)b;

      c.text = make_text (self->context, body_font, rectify_cause_get_text (cause),
                          LABEL_MAX_W * s, c.is_root);
      measure_text (c.text, &tx, &ty, &tw, &th);
      c.rect.width = MAX (tw, 12 * s) + 2 * PAD_X * s;
      c.rect.height = th + 2 * PAD_Y * s;
      c.text_x = PAD_X * s - tx; /* relative to the label box until it is placed */
      c.text_y = PAD_Y * s - ty;

      g_array_append_val (all, c);
    }

  cs = (Cause *)(void *)all->data;
  for (guint i = 0; i < n; i++)
    if (cs[i].id != 0)
      g_hash_table_insert (by_id, &cs[i].id, GINT_TO_POINTER (i + 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);
      gint64 parent_id = rectify_cause_get_parent_id (cause);
      int p = GPOINTER_TO_INT (g_hash_table_lookup (by_id, &parent_id)) - 1;

      if (parent_id != 0 && p >= 0 && p != (int)i)
        cs[i].parent = p;
    }

  /* A chain of parents that loops has no top: draw every cause in the loop at top level. */
  {
    g_autofree gboolean *in_loop = g_new0 (gboolean, MAX (n, 1));

    for (guint i = 0; i < n; i++)
      {
        int p = cs[i].parent;

        for (guint steps = 0; p >= 0 && steps <= n; steps++)
          {
            if (p == (int)i)
              {
                in_loop[i] = TRUE;
                break;
              }
            p = cs[p].parent;
          }
      }
    for (guint i = 0; i < n; i++)
      if (in_loop[i])
        cs[i].parent = -1;
  }

  /* Sub-causes go on their top cause's bone. */
  for (guint i = 0; i < n; i++)
    {
      int top = (int)i;

      while (cs[top].parent >= 0)
        top = cs[top].parent;
      cs[i].category = cs[top].category;
    }

  children = g_ptr_array_new_with_free_func (free_kids);
  g_ptr_array_set_size (children, n + 1);
  for (guint i = 0; i < n; i++)
    {
      guint slot = cs[i].parent >= 0 ? (guint)cs[i].parent : n; /* n: the top-level causes */
      GArray *kids = g_ptr_array_index (children, slot);

      if (kids == NULL)
        {
          kids = g_array_new (FALSE, FALSE, sizeof (int));
          g_ptr_array_index (children, slot) = kids;
        }
      g_array_append_val (kids, i);
    }
  for (guint i = 0; i <= n; i++)
    {
      GArray *kids = g_ptr_array_index (children, i);

      if (kids != NULL)
        g_array_sort_with_data (kids, compare_siblings, cs);
    }

  /* Each bone: its causes in reading order, laid out around a bone that meets the spine at 0. */
  bone_min = g_new0 (double, MAX (self->bones->len, 1));
  bone_max = g_new0 (double, MAX (self->bones->len, 1));
  order = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint b = 0; b < self->bones->len; b++)
    {
      Bone *bone = &g_array_index (self->bones, Bone, b);
      g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));
      GArray *tops = g_ptr_array_index (children, n);
      double a;
      int side;

      bone->above = (b % 2) == 0;
      bone->text = make_text (self->context, body_font,
                              rectify_fishbone_category_label (bone->name),
                              LABEL_MAX_W * s, TRUE);

      for (guint i = 0; tops != NULL && i < tops->len; i++)
        {
          int index = g_array_index (tops, int, i);

          if (cs[index].category == (int)b)
            add_subtree (rows, cs, children, index, 0);
        }

      layout_bone (self, bone, cs, rows, &bone_min[b], &bone_max[b]);

      /* Place it: clear of the previous bone on its side, and right of the previous bone. */
      side = bone->above ? 0 : 1;
      a = cursor[side] - bone_min[b];
      if (b > 0)
        a = MAX (a, prev_a + STAGGER * s);
      prev_a = a;
      cursor[side] = a + bone_max[b] + BONE_GAP * s;
      left = MIN (left, a + bone_min[b]);
      right = MAX (right, a + bone_max[b]);

      translate_bone (bone, a, 0);
      for (guint i = 0; i < rows->len; i++)
        translate_cause (&cs[g_array_index (rows, int, i)], a, 0);

      g_array_append_vals (order, rows->data, rows->len);
    }

  for (guint i = 0; i < order->len; i++)
    {
      Cause *c = &cs[g_array_index (order, int, i)];

      g_array_append_val (self->causes, *c);
      c->text = NULL; /* moved */
    }

  /* The head, on the right, centred on the spine. */
  {
    g_autofree char *head = NULL;
    PangoAttrList *attrs = pango_attr_list_new ();
    PangoAttribute *attr;
    gsize ref_len = ref != NULL ? strlen (ref) : 0;

    if (ref_len > 0 && problem != NULL && *problem != '\0')
      head = g_strconcat (ref, "\n", problem, NULL);
    else
      head = g_strdup (ref_len > 0 ? ref : (problem != NULL ? problem : ""));

    self->head_text = make_text (self->context, head_font, head, HEAD_MAX_W * s, FALSE);
    attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
    attr->start_index = 0;
    attr->end_index = (guint)ref_len;
    pango_attr_list_insert (attrs, attr);
    pango_layout_set_attributes (self->head_text, attrs);
    pango_attr_list_unref (attrs);

    measure_text (self->head_text, &tx, &ty, &tw, &th);
    if (self->bones->len == 0)
      right = 0;
    self->head.x = right + HEAD_GAP * s;
    self->head.width = MAX (tw, 40 * s) + 2 * HEAD_PAD_X * s;
    self->head.height = th + 2 * HEAD_PAD_Y * s;
    self->head.y = -self->head.height / 2;
    self->head_text_x = self->head.x + HEAD_PAD_X * s - tx;
    self->head_text_y = self->head.y + HEAD_PAD_Y * s - ty;
  }

  /* The spine, from the tail to the head. */
  self->spine_y = 0;
  self->spine_x1 = self->head.x;
  self->spine_x0 = self->bones->len > 0
                   ? MIN (g_array_index (self->bones, Bone, 0).x0 - TAIL_SPACE * s, left)
                   : self->head.x - (TAIL_SPACE + STAGGER) * s;

  /* Extents, then move everything to (MARGIN, MARGIN). */
  x0 = self->spine_x0 - TAIL_W * s;
  y0 = -TAIL_H * s;
  x1 = self->head.x + self->head.width;
  y1 = TAIL_H * s;
  rect_union (&x0, &y0, &x1, &y1, &self->head);
  for (guint b = 0; b < self->bones->len; b++)
    {
      Bone *bone = &g_array_index (self->bones, Bone, b);

      rect_union (&x0, &y0, &x1, &y1, &bone->rect);
    }
  for (guint i = 0; i < self->causes->len; i++)
    {
      Cause *c = &g_array_index (self->causes, Cause, i);

      rect_union (&x0, &y0, &x1, &y1, &c->rect);
    }

  dx = MARGIN * s - x0;
  dy = MARGIN * s - y0;
  self->width = ceil (x1 - x0 + 2 * MARGIN * s);
  self->height = ceil (y1 - y0 + 2 * MARGIN * s);

  for (guint b = 0; b < self->bones->len; b++)
    translate_bone (&g_array_index (self->bones, Bone, b), dx, dy);
  for (guint i = 0; i < self->causes->len; i++)
    translate_cause (&g_array_index (self->causes, Cause, i), dx, dy);
  self->head.x += dx;
  self->head.y += dy;
  self->head_text_x += dx;
  self->head_text_y += dy;
  self->spine_y += dy;
  self->spine_x0 += dx;
  self->spine_x1 += dx;

  /* The causes' texts were moved into self->causes; the rest of @all holds none. */
  for (guint i = 0; i < n; i++)
    g_clear_object (&cs[i].text);

  return g_steal_pointer (&self);
}

RectifyFishboneLayout *
rectify_fishbone_layout_new_for_nc (RectifyRegister            *reg,
                                    RectifyNonconformity       *nc,
                                    const PangoFontDescription *font,
                                    double                      scale)
{
  g_autoptr(GListModel) causes = NULL;
  g_auto(GStrv) categories = NULL;
  const char *problem;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  causes = rectify_register_list_causes (reg, nc);
  problem = rectify_nonconformity_get_title (nc);
  if (problem == NULL || *problem == '\0')
    problem = rectify_nonconformity_get_statement (nc);

  categories = rectify_categories_get_for_nc (reg, nc);

  return rectify_fishbone_layout_new (rectify_nonconformity_get_ref (nc), problem,
                                      (const char * const *)categories, causes, font, scale);
}

RectifyFishboneLayout *
rectify_fishbone_layout_ref (RectifyFishboneLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  g_atomic_ref_count_inc (&layout->ref_count);

  return layout;
}

void
rectify_fishbone_layout_unref (RectifyFishboneLayout *layout)
{
  g_return_if_fail (layout != NULL);

  if (!g_atomic_ref_count_dec (&layout->ref_count))
    return;

  g_clear_pointer (&layout->causes, g_array_unref);
  g_clear_pointer (&layout->bones, g_array_unref);
  g_clear_object (&layout->head_text);
  g_clear_object (&layout->context);
  g_free (layout);
}

void
rectify_fishbone_layout_get_size (const RectifyFishboneLayout *layout,
                                  double                      *width,
                                  double                      *height)
{
  g_return_if_fail (layout != NULL);

  if (width != NULL)
    *width = layout->width;
  if (height != NULL)
    *height = layout->height;
}

double
rectify_fishbone_layout_get_scale (const RectifyFishboneLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 1.0);

  return layout->scale;
}

guint
rectify_fishbone_layout_get_n_categories (const RectifyFishboneLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->bones->len;
}

const char *
rectify_fishbone_layout_get_category (const RectifyFishboneLayout *layout,
                                      guint                        index)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (index < layout->bones->len, NULL);

  return g_array_index (layout->bones, Bone, index).name;
}

gboolean
rectify_fishbone_layout_get_category_rect (const RectifyFishboneLayout *layout,
                                           guint                        index,
                                           cairo_rectangle_t           *rect)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (index >= layout->bones->len)
    return FALSE;

  *rect = g_array_index (layout->bones, Bone, index).rect;
  return TRUE;
}

void
rectify_fishbone_layout_get_head_rect (const RectifyFishboneLayout *layout,
                                       cairo_rectangle_t           *rect)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (rect != NULL);

  *rect = layout->head;
}

guint
rectify_fishbone_layout_get_n_causes (const RectifyFishboneLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->causes->len;
}

gint64
rectify_fishbone_layout_get_cause_id (const RectifyFishboneLayout *layout,
                                      guint                        index)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (index < layout->causes->len, 0);

  return g_array_index (layout->causes, Cause, index).id;
}

gboolean
rectify_fishbone_layout_get_cause_rect (const RectifyFishboneLayout *layout,
                                        gint64                       cause_id,
                                        cairo_rectangle_t           *rect)
{
  const Cause *c;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!(c = find_cause (layout, cause_id)))
    return FALSE;

  *rect = c->rect;
  return TRUE;
}

int
rectify_fishbone_layout_get_cause_depth (const RectifyFishboneLayout *layout,
                                         gint64                       cause_id)
{
  const Cause *c;

  g_return_val_if_fail (layout != NULL, -1);

  c = find_cause (layout, cause_id);
  return c != NULL ? c->depth : -1;
}

int
rectify_fishbone_layout_get_cause_category (const RectifyFishboneLayout *layout,
                                            gint64                       cause_id)
{
  const Cause *c;

  g_return_val_if_fail (layout != NULL, -1);

  c = find_cause (layout, cause_id);
  return c != NULL ? c->category : -1;
}

RectifyFishboneHit
rectify_fishbone_layout_hit_test (const RectifyFishboneLayout *layout,
                                  double                       x,
                                  double                       y,
                                  gint64                      *cause_id,
                                  int                         *category)
{
  g_return_val_if_fail (layout != NULL, RECTIFY_FISHBONE_HIT_NONE);

  if (cause_id != NULL)
    *cause_id = 0;
  if (category != NULL)
    *category = -1;

  for (guint i = 0; i < layout->causes->len; i++)
    {
      const Cause *c = &g_array_index (layout->causes, Cause, i);

      if (rect_contains (&c->rect, x, y))
        {
          if (cause_id != NULL)
            *cause_id = c->id;
          if (category != NULL)
            *category = c->category;
          return RECTIFY_FISHBONE_HIT_CAUSE;
        }
    }

  for (guint b = 0; b < layout->bones->len; b++)
    if (rect_contains (&g_array_index (layout->bones, Bone, b).rect, x, y))
      {
        if (category != NULL)
          *category = (int)b;
        return RECTIFY_FISHBONE_HIT_CATEGORY;
      }

  if (rect_contains (&layout->head, x, y))
    return RECTIFY_FISHBONE_HIT_HEAD;

  return RECTIFY_FISHBONE_HIT_NONE;
}

const RectifyFishboneStyle *
rectify_fishbone_style_light (void)
{
  return &style_light;
}

const RectifyFishboneStyle *
rectify_fishbone_style_dark (void)
{
  return &style_dark;
}

void
rectify_fishbone_draw (const RectifyFishboneLayout *layout,
                       cairo_t                     *cr,
                       const RectifyFishboneStyle  *style,
                       gint64                       selected_cause_id)
{
  const Cause *selected;
  double s, sy;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    style = &style_light;

  s = layout->scale;
  sy = layout->spine_y;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (style->background.alpha > 0)
    {
      set_color (cr, &style->background);
      cairo_rectangle (cr, 0, 0, layout->width, layout->height);
      cairo_fill (cr);
    }

  /* Ribs and stems, under everything else. */
  set_color (cr, &style->rib);
  for (guint i = 0; i < layout->causes->len; i++)
    {
      const Cause *c = &g_array_index (layout->causes, Cause, i);

      cairo_set_line_width (cr, (c->depth == 0 ? 1.5 : 1.0) * s);
      line (cr, c->line_x0, c->line_y, c->line_x1, c->line_y);
      if (c->has_stem)
        {
          cairo_set_line_width (cr, 1.0 * s);
          line (cr, c->stem_x, c->stem_y0, c->stem_x, c->stem_y1);
        }
    }

  /* Bones, with a dot where each cause meets its bone. */
  set_color (cr, &style->bone);
  cairo_set_line_width (cr, 2.5 * s);
  for (guint b = 0; b < layout->bones->len; b++)
    {
      const Bone *bone = &g_array_index (layout->bones, Bone, b);

      line (cr, bone->x0, bone->y0, bone->x1, bone->y1);
    }
  for (guint i = 0; i < layout->causes->len; i++)
    {
      const Cause *c = &g_array_index (layout->causes, Cause, i);

      if (c->depth == 0)
        {
          cairo_arc (cr, c->line_x1, c->line_y, 2.5 * s, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* The spine: a tail on the left, an arrow into the head on the right. */
  set_color (cr, &style->spine);
  cairo_set_line_width (cr, 4.0 * s);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  line (cr, layout->spine_x0, sy, layout->spine_x1 - ARROW_LEN * s + 1, sy);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, layout->spine_x1, sy);
  cairo_line_to (cr, layout->spine_x1 - ARROW_LEN * s, sy - ARROW_HALF * s);
  cairo_line_to (cr, layout->spine_x1 - ARROW_LEN * s, sy + ARROW_HALF * s);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_move_to (cr, layout->spine_x0 + 1, sy);
  cairo_line_to (cr, layout->spine_x0 - TAIL_W * s, sy - TAIL_H * s);
  cairo_line_to (cr, layout->spine_x0 - TAIL_W * s * 0.6, sy);
  cairo_line_to (cr, layout->spine_x0 - TAIL_W * s, sy + TAIL_H * s);
  cairo_close_path (cr);
  cairo_fill (cr);

  /* Category labels. */
  for (guint b = 0; b < layout->bones->len; b++)
    {
      const Bone *bone = &g_array_index (layout->bones, Bone, b);
      const cairo_rectangle_t *r = &bone->rect;

      rounded_rect (cr, r->x, r->y, r->width, r->height, 6 * s);
      set_color (cr, &style->category_fill);
      cairo_fill_preserve (cr);
      set_color (cr, &style->category_border);
      cairo_set_line_width (cr, 1.5 * s);
      cairo_stroke (cr);
      set_color (cr, &style->category_text);
      show_text (cr, bone->text, bone->text_x, bone->text_y);
    }

  /* Causes; root causes in a coloured box with bold text. */
  cairo_set_line_width (cr, 1.5 * s);
  for (guint i = 0; i < layout->causes->len; i++)
    {
      const Cause *c = &g_array_index (layout->causes, Cause, i);

      if (c->is_root)
        {
          rounded_rect (cr, c->rect.x, c->rect.y, c->rect.width, c->rect.height, 4 * s);
          set_color (cr, &style->root_fill);
          cairo_fill_preserve (cr);
          set_color (cr, &style->root_border);
          cairo_stroke (cr);
          set_color (cr, &style->root_text);
        }
      else
        set_color (cr, &style->foreground);

      show_text (cr, c->text, c->text_x, c->text_y);
    }

  /* The head. */
  rounded_rect (cr, layout->head.x, layout->head.y, layout->head.width, layout->head.height,
                10 * s);
  set_color (cr, &style->head_fill);
  cairo_fill_preserve (cr);
  set_color (cr, &style->head_border);
  cairo_set_line_width (cr, 2.0 * s);
  cairo_stroke (cr);
  set_color (cr, &style->head_text);
  show_text (cr, layout->head_text, layout->head_text_x, layout->head_text_y);

  /* The focus ring. */
  selected = find_cause (layout, selected_cause_id);
  if (selected != NULL)
    {
      const cairo_rectangle_t *r = &selected->rect;
      double off = 2.5 * s;

      rounded_rect (cr, r->x - off, r->y - off, r->width + 2 * off, r->height + 2 * off, 6 * s);
      set_color (cr, &style->selection);
      cairo_set_line_width (cr, 2.0 * s);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

gboolean
rectify_fishbone_check_path (const char  *path,
                             GError     **error)
{
  ExportFormat format;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_format (path, &format, error);
}

gboolean
rectify_fishbone_export (const RectifyFishboneLayout *layout,
                         const RectifyFishboneStyle  *style,
                         const char                  *path,
                         GError                     **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  WriteClosure wc = { NULL, NULL, FALSE, 0 };
  ExportFormat format;
  int fd;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_format (path, &format, error))
    return FALSE;

  display = g_filename_display_name (path);
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_WRONLY, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second an error message */
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  wc.file = fdopen (fd, "wb");
  if (wc.file == NULL)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (tmp_path);
      g_set_error (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (!draw_to_stream (layout, style, format, PNG_SCALE, &wc, error))
    {
      fclose (wc.file);
      g_unlink (tmp_path);
      return FALSE;
    }

  if (fflush (wc.file) != 0 || fsync (fileno (wc.file)) != 0)
    {
      int saved_errno = errno;

      fclose (wc.file);
      g_unlink (tmp_path);
      g_set_error (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (fclose (wc.file) != 0 || g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

GBytes *
rectify_fishbone_render_png (const RectifyFishboneLayout *layout,
                             const RectifyFishboneStyle  *style,
                             double                       scale,
                             GError                     **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  WriteClosure wc = { NULL, buffer, FALSE, 0 };

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!draw_to_stream (layout, style, FORMAT_PNG, scale > 0 ? scale : PNG_SCALE, &wc, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
