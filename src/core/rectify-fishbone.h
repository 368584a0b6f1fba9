/* rectify-fishbone.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "rectify-cause.h"
#include "rectify-nonconformity.h"
#include "rectify-register.h"

G_BEGIN_DECLS

/* The fishbone (Ishikawa) diagram of one nonconformity.
 *
 * A RectifyFishboneLayout is computed once (pure: text is measured with Pango on the default
 * PangoCairo font map, with hinting off, so the same input gives the same geometry for the screen
 * and for files) and can then be drawn into any cairo_t, hit-tested and queried for the rectangle
 * of each item. All coordinates are in layout units: (0, 0) is the top left corner of the diagram,
 * (width, height) its bottom right; with an identity matrix on the cairo_t one unit is one device
 * unit (pixel or point). A widget zooms by creating the layout with another @scale, or by
 * cairo_scale() before drawing. A layout holds Pango objects of the thread that made it: use it
 * in that thread.
 *
 * Geometry: the head (a rounded box with the reference and the problem) sits on the right, at the
 * end of the horizontal spine. Bones run diagonally from the spine to their category label,
 * alternately above and below the spine, from left to right, in the order of the categories. Each
 * top-level cause of a category is a horizontal rib from its label to the bone; its "why?"
 * answers (causes whose parent-id is that cause) hang below it on a stem, indented further at each
 * level, recursively. Bones grow to fit their causes; no two labels overlap. */

#define RECTIFY_FISHBONE_ERROR (rectify_fishbone_error_quark ())

typedef enum
{
  RECTIFY_FISHBONE_ERROR_UNSUPPORTED_FORMAT, /* the file name does not end in .png, .svg or .pdf */
  RECTIFY_FISHBONE_ERROR_TOO_LARGE,          /* the diagram does not fit in an image */
  RECTIFY_FISHBONE_ERROR_FAILED,             /* cairo or the file system failed */
} RectifyFishboneError;

/* Colours have the same layout as GdkRGBA, so a widget can copy theme colours into a style. */
typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} RectifyFishboneColor;

typedef struct
{
  RectifyFishboneColor background;     /* filled first; alpha 0 for none */
  RectifyFishboneColor foreground;     /* cause text */
  RectifyFishboneColor spine;          /* the spine and the arrow head */
  RectifyFishboneColor bone;           /* the diagonal bones */
  RectifyFishboneColor rib;            /* the lines under causes and the stems of sub-causes */
  RectifyFishboneColor category_fill;
  RectifyFishboneColor category_border;
  RectifyFishboneColor category_text;
  RectifyFishboneColor head_fill;
  RectifyFishboneColor head_border;
  RectifyFishboneColor head_text;
  RectifyFishboneColor root_fill;      /* root causes: a coloured box and bold text */
  RectifyFishboneColor root_border;
  RectifyFishboneColor root_text;
  RectifyFishboneColor selection;      /* the focus ring around the selected cause */
} RectifyFishboneStyle;

typedef enum
{
  RECTIFY_FISHBONE_HIT_NONE,
  RECTIFY_FISHBONE_HIT_CAUSE,
  RECTIFY_FISHBONE_HIT_CATEGORY,
  RECTIFY_FISHBONE_HIT_HEAD,
} RectifyFishboneHit;

typedef struct _RectifyFishboneLayout RectifyFishboneLayout;

#define RECTIFY_TYPE_FISHBONE_LAYOUT (rectify_fishbone_layout_get_type ())

GQuark                      rectify_fishbone_error_quark            (void);
GType                       rectify_fishbone_layout_get_type        (void) G_GNUC_CONST;

/* The default categories (bones) for an ISMS, untranslated, NULL-terminated: "People", "Process",
 * "Technology", "Policy & documentation", "Suppliers & third parties", "Environment". Causes store
 * these untranslated names; rectify_fishbone_category_label() gives the text to show. */
const char * const         *rectify_fishbone_default_categories     (void);
/* The stored name of a category: a default one typed translated gives its untranslated name, an
 * empty or NULL one "Other", any other as it is. (transfer none) */
const char                 *rectify_fishbone_category_canonical     (const char            *name);
/* The translated label of a category: a default one translated, any other as it is. */
const char                 *rectify_fishbone_category_label         (const char            *category);
/* The categories of a set of causes: the defaults, then every other category the causes use in
 * the order of first use (a cause without a category counts as "Other").
 * (transfer full) @causes: (element-type RectifyCause) */
GStrv                       rectify_fishbone_categories_for_causes  (GListModel            *causes);

/* Lays out a diagram.
 * @ref: (nullable): the NC's reference, shown in bold in the head
 * @problem: (nullable): the problem statement (the NC's title or statement)
 * @categories: (nullable): the bones in order; NULL for rectify_fishbone_categories_for_causes().
 *   A cause whose category is not in the list gets a bone of its own after them.
 * @causes: (element-type RectifyCause): the NC's causes; a cause whose parent-id names another
 *   cause in the list is drawn as its sub-cause (on its parent's bone), any other at top level.
 * @font: (nullable): the base font; NULL for "Sans 10"
 * @scale: multiplies the font size and every distance; <= 0 for 1 */
RectifyFishboneLayout      *rectify_fishbone_layout_new             (const char            *ref,
                                                                     const char            *problem,
                                                                     const char * const    *categories,
                                                                     GListModel            *causes,
                                                                     const PangoFontDescription *font,
                                                                     double                 scale);
/* The layout of an NC as stored: its title (or statement when it has no title), its causes from
 * @reg and its categories (rectify_categories_get_for_nc()). */
RectifyFishboneLayout      *rectify_fishbone_layout_new_for_nc      (RectifyRegister       *reg,
                                                                     RectifyNonconformity  *nc,
                                                                     const PangoFontDescription *font,
                                                                     double                 scale);
RectifyFishboneLayout      *rectify_fishbone_layout_ref             (RectifyFishboneLayout *layout);
void                        rectify_fishbone_layout_unref           (RectifyFishboneLayout *layout);

/* The size of the diagram in layout units (whole numbers, including the margin). */
void                        rectify_fishbone_layout_get_size        (const RectifyFishboneLayout *layout,
                                                                     double                *width,
                                                                     double                *height);
double                      rectify_fishbone_layout_get_scale       (const RectifyFishboneLayout *layout);

/* Categories, in bone order. */
guint                       rectify_fishbone_layout_get_n_categories (const RectifyFishboneLayout *layout);
/* The untranslated name of category @index. */
const char                 *rectify_fishbone_layout_get_category    (const RectifyFishboneLayout *layout,
                                                                     guint                  index);
gboolean                    rectify_fishbone_layout_get_category_rect (const RectifyFishboneLayout *layout,
                                                                     guint                  index,
                                                                     cairo_rectangle_t     *rect);
void                        rectify_fishbone_layout_get_head_rect   (const RectifyFishboneLayout *layout,
                                                                     cairo_rectangle_t     *rect);

/* Causes in reading order (bone by bone, each cause followed by its sub-causes): for keyboard
 * focus order and accessibility. */
guint                       rectify_fishbone_layout_get_n_causes    (const RectifyFishboneLayout *layout);
gint64                      rectify_fishbone_layout_get_cause_id    (const RectifyFishboneLayout *layout,
                                                                     guint                  index);
/* The rectangle of the label of cause @cause_id; FALSE when the layout has no such cause. */
gboolean                    rectify_fishbone_layout_get_cause_rect  (const RectifyFishboneLayout *layout,
                                                                     gint64                 cause_id,
                                                                     cairo_rectangle_t     *rect);
/* The depth of a cause in its why-chain (0 for a top-level cause), -1 if absent. */
int                         rectify_fishbone_layout_get_cause_depth (const RectifyFishboneLayout *layout,
                                                                     gint64                 cause_id);
/* The bone (category index) a cause is drawn on, -1 if absent. */
int                         rectify_fishbone_layout_get_cause_category (const RectifyFishboneLayout *layout,
                                                                     gint64                 cause_id);

/* What is at (@x, @y): a cause label (its id in @cause_id), a category label (its index in
 * @category), the head, or nothing. Pure.
 * @cause_id: (out) (optional)
 * @category: (out) (optional) */
RectifyFishboneHit          rectify_fishbone_layout_hit_test        (const RectifyFishboneLayout *layout,
                                                                     double                 x,
                                                                     double                 y,
                                                                     gint64                *cause_id,
                                                                     int                   *category);

/* Styles with readable contrast on a light and on a dark background. */
const RectifyFishboneStyle *rectify_fishbone_style_light            (void);
const RectifyFishboneStyle *rectify_fishbone_style_dark             (void);

/* Draws the diagram into @cr at layout coordinates (the caller may translate or scale first).
 * @style: (nullable): NULL for the light style
 * @selected_cause_id: a cause to draw a focus ring around, 0 for none */
void                        rectify_fishbone_draw                   (const RectifyFishboneLayout *layout,
                                                                     cairo_t               *cr,
                                                                     const RectifyFishboneStyle *style,
                                                                     gint64                 selected_cause_id);

/* Whether rectify_fishbone_export() can write a file named @path (by its extension); fails with
 * UNSUPPORTED_FORMAT otherwise. Lets a caller refuse a name before doing any work. */
gboolean                    rectify_fishbone_check_path             (const char            *path,
                                                                     GError               **error);

/* Writes the diagram to @path as PNG (at twice the layout scale, for print), SVG or PDF, chosen by
 * the extension (case-insensitive); another extension fails with UNSUPPORTED_FORMAT. The file is
 * written beside the target under a temporary name and renamed over it when complete: on failure
 * nothing is left behind and an existing file is untouched.
 * @style: (nullable): NULL for the light style */
gboolean                    rectify_fishbone_export                 (const RectifyFishboneLayout *layout,
                                                                     const RectifyFishboneStyle *style,
                                                                     const char            *path,
                                                                     GError               **error);

/* The diagram as a PNG image in memory (for the CAP workbook), at @scale times the layout size
 * (<= 0 for 2, as rectify_fishbone_export()); smaller if the image would be too large.
 * @style: (nullable): NULL for the light style
 * Returns: (transfer full): the PNG file's bytes, or NULL with @error set */
GBytes                     *rectify_fishbone_render_png             (const RectifyFishboneLayout *layout,
                                                                     const RectifyFishboneStyle *style,
                                                                     double                 scale,
                                                                     GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifyFishboneLayout, rectify_fishbone_layout_unref)

G_END_DECLS
