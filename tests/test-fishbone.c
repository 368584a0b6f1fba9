/* test-fishbone.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "rectify-demo.h"
#include "rectify-fishbone.h"
#include "rectify-register.h"

/* The widest a cause label may be: its text width plus its padding (rectify-fishbone.c). */
#define LABEL_MAX_BOX 212.0
#define EPSILON 1e-6

static const char *japanese =
  "根本原因の分析では、なぜを五回繰り返して問題の本当の原因を見つけます。"
  "手順書が古いまま使われていたため、担当者は新しい手順を知りませんでした。";

typedef struct
{
  GListStore *causes;
  gint64      next_id;
} Builder;

static void
builder_init (Builder *b)
{
  b->causes = g_list_store_new (RECTIFY_TYPE_CAUSE);
  b->next_id = 100;
}

static void
builder_clear (Builder *b)
{
  g_clear_object (&b->causes);
}

static gint64
add_cause (Builder    *b,
           gint64      parent_id,
           const char *category,
           const char *text,
           gboolean    is_root)
{
  g_autoptr(RectifyCause) cause = rectify_cause_new ();
  gint64 id = b->next_id++;

  g_object_set (cause,
                "nc-id", (gint64)1,
                "parent-id", parent_id,
                "category", category,
                "text", text,
                "position", (int)(id % 7),
                "is-root", is_root,
                NULL);
  rectify_entity_set_id (RECTIFY_ENTITY (cause), id);
  g_list_store_append (b->causes, cause);

  return id;
}

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width - EPSILON && b->x < a->x + a->width - EPSILON
         && a->y < b->y + b->height - EPSILON && b->y < a->y + a->height - EPSILON;
}

static void
save_preview (RectifyFishboneLayout *layout,
              const char            *name)
{
  const char *dir = g_getenv ("RECTIFY_FISHBONE_PREVIEW_DIR");
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;

  light = g_strdup_printf ("%s/%s.png", dir, name);
  dark = g_strdup_printf ("%s/%s-dark.png", dir, name);
  g_assert_true (rectify_fishbone_export (layout, NULL, light, &error));
  g_assert_no_error (error);
  g_assert_true (rectify_fishbone_export (layout, rectify_fishbone_style_dark (), dark, &error));
  g_assert_no_error (error);
}

/* Every label (causes, categories, the head) lies inside the diagram, no two overlap, none crosses
 * the spine (which runs through the middle of the head), every cause is present and hit-testable
 * at the centre of its label. */
static void
check_layout (RectifyFishboneLayout *layout,
              GListModel            *causes)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  cairo_rectangle_t head;
  double width, height, spine_y;
  guint n_causes = causes != NULL ? g_list_model_get_n_items (causes) : 0;
  guint n_cats;

  rectify_fishbone_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpfloat (height, >, 0);
  g_assert_cmpfloat (width, ==, floor (width));
  g_assert_cmpfloat (height, ==, floor (height));

  rectify_fishbone_layout_get_head_rect (layout, &head);
  g_array_append_val (rects, head);
  spine_y = head.y + head.height / 2;

  n_cats = rectify_fishbone_layout_get_n_categories (layout);
  for (guint i = 0; i < n_cats; i++)
    {
      cairo_rectangle_t r;
      gint64 id = -1;
      int cat = -1;

      g_assert_true (rectify_fishbone_layout_get_category_rect (layout, i, &r));
      g_assert_nonnull (rectify_fishbone_layout_get_category (layout, i));
      g_assert_cmpint (rectify_fishbone_layout_hit_test (layout, r.x + r.width / 2,
                                                         r.y + r.height / 2, &id, &cat),
                       ==, RECTIFY_FISHBONE_HIT_CATEGORY);
      g_assert_cmpint (cat, ==, (int)i);
      g_assert_cmpint (id, ==, 0);
      g_array_append_val (rects, r);
    }
  g_assert_false (rectify_fishbone_layout_get_category_rect (layout, n_cats, &head));

  g_assert_cmpuint (rectify_fishbone_layout_get_n_causes (layout), ==, n_causes);
  for (guint i = 0; i < n_causes; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);
      gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (cause));
      cairo_rectangle_t r;
      gint64 hit_id = 0;
      int cat = -1;

      g_assert_true (rectify_fishbone_layout_get_cause_rect (layout, id, &r));
      g_assert_cmpfloat (r.width, <=, LABEL_MAX_BOX * rectify_fishbone_layout_get_scale (layout));
      g_assert_cmpint (rectify_fishbone_layout_hit_test (layout, r.x + r.width / 2,
                                                         r.y + r.height / 2, &hit_id, &cat),
                       ==, RECTIFY_FISHBONE_HIT_CAUSE);
      g_assert_cmpint (hit_id, ==, id);
      g_assert_cmpint (cat, ==, rectify_fishbone_layout_get_cause_category (layout, id));
      g_assert_cmpint (cat, >=, 0);
      g_assert_cmpint (cat, <, (int)n_cats);
      g_assert_cmpint (rectify_fishbone_layout_get_cause_depth (layout, id), >=, 0);
      g_array_append_val (rects, r);
    }

  for (guint i = 0; i < rects->len; i++)
    {
      const cairo_rectangle_t *a = &g_array_index (rects, cairo_rectangle_t, i);

      g_assert_cmpfloat (a->width, >, 0);
      g_assert_cmpfloat (a->height, >, 0);
      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->y, >=, 0);
      g_assert_cmpfloat (a->x + a->width, <=, width);
      g_assert_cmpfloat (a->y + a->height, <=, height);

      if (i > 0)
        g_assert_false (a->y < spine_y && spine_y < a->y + a->height);

      for (guint j = i + 1; j < rects->len; j++)
        {
          const cairo_rectangle_t *b = &g_array_index (rects, cairo_rectangle_t, j);

          if (rects_overlap (a, b))
            g_error ("labels %u (%g,%g %gx%g) and %u (%g,%g %gx%g) overlap",
                     i, a->x, a->y, a->width, a->height, j, b->x, b->y, b->width, b->height);
        }
    }

  /* The corners and a point outside hit nothing. */
  g_assert_cmpint (rectify_fishbone_layout_hit_test (layout, 1, 1, NULL, NULL), ==,
                   RECTIFY_FISHBONE_HIT_NONE);
  g_assert_cmpint (rectify_fishbone_layout_hit_test (layout, width - 1, height - 1, NULL, NULL),
                   ==, RECTIFY_FISHBONE_HIT_NONE);
  g_assert_cmpint (rectify_fishbone_layout_hit_test (layout, -5, -5, NULL, NULL), ==,
                   RECTIFY_FISHBONE_HIT_NONE);
  g_assert_cmpint (rectify_fishbone_layout_hit_test (layout, head.x + head.width / 2,
                                                     head.y + head.height / 2, NULL, NULL),
                   ==, RECTIFY_FISHBONE_HIT_HEAD);
}

/* No line (spine, bones, ribs, stems) runs through a label: draws only the lines, in a style where
 * everything else is transparent, and looks for ink inside each label (less a 2-unit border, where
 * a cause's rib runs along its bottom edge and a bone meets its category label). */
static void
check_lines_clear (RectifyFishboneLayout *layout)
{
  RectifyFishboneStyle lines = { 0 };
  const RectifyFishboneColor red = { 1, 0, 0, 1 };
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  cairo_surface_t *surface;
  cairo_rectangle_t r;
  unsigned char *data;
  double width, height;
  int stride;
  cairo_t *cr;

  lines.spine = red;
  lines.bone = red;
  lines.rib = red;

  rectify_fishbone_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)width, (int)height);
  cr = cairo_create (surface);
  rectify_fishbone_draw (layout, cr, &lines, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  rectify_fishbone_layout_get_head_rect (layout, &r);
  g_array_append_val (rects, r);
  for (guint i = 0; rectify_fishbone_layout_get_category_rect (layout, i, &r); i++)
    g_array_append_val (rects, r);
  for (guint i = 0; i < rectify_fishbone_layout_get_n_causes (layout); i++)
    {
      g_assert_true (rectify_fishbone_layout_get_cause_rect (layout,
                                                             rectify_fishbone_layout_get_cause_id (layout, i),
                                                             &r));
      g_array_append_val (rects, r);
    }

  for (guint i = 0; i < rects->len; i++)
    {
      const cairo_rectangle_t *a = &g_array_index (rects, cairo_rectangle_t, i);

      for (int y = (int)ceil (a->y + 2); y < (int)floor (a->y + a->height - 2); y++)
        for (int x = (int)ceil (a->x + 2); x < (int)floor (a->x + a->width - 2); x++)
          {
            guint32 px = ((guint32 *)(void *)(data + y * stride))[x];

            if (px != 0)
              g_error ("a line crosses label %u (%g,%g %gx%g) at %d,%d",
                       i, a->x, a->y, a->width, a->height, x, y);
          }
    }

  cairo_surface_destroy (surface);
}

/* @n causes: about a third at top level, the rest answers to earlier causes, over the default
 * categories and two more. */
static void
build_mixed (Builder *b,
             guint    n,
             guint32  seed)
{
  static const char * const cats[] = {
    "People", "Process", "Technology", "Policy & documentation", "Suppliers & third parties",
    "Environment", "Measurement", "Budget",
  };
  static const char * const texts[] = {
    "Staff were not trained on the new procedure",
    "No owner",
    "The backup job reports success even when the log volume is skipped",
    "Supplier contracts do not require notification of security incidents within a defined time",
    "Too short",
    "The access review is done once a year, so leavers stay enabled for months before anyone "
    "notices that their accounts still work",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      gint64 parent = 0;
      gint64 id;

      if (ids->len > 0 && g_rand_int_range (rand, 0, 3) > 0)
        parent = g_array_index (ids, gint64, g_rand_int_range (rand, 0, (int)ids->len));

      id = add_cause (b, parent, cats[g_rand_int_range (rand, 0, G_N_ELEMENTS (cats))],
                      texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))],
                      g_rand_int_range (rand, 0, 5) == 0);
      g_array_append_val (ids, id);
    }
}

static void
test_counts (void)
{
  const guint counts[] = { 0, 1, 2, 5, 10, 20, 40, 60 };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    for (guint32 seed = 1; seed <= 5; seed++)
      {
        g_autoptr(RectifyFishboneLayout) layout = NULL;
        Builder b;

        builder_init (&b);
        build_mixed (&b, counts[i], seed);
        layout = rectify_fishbone_layout_new ("NC-042", "Leavers' accounts not disabled on time",
                                              NULL, G_LIST_MODEL (b.causes), NULL, 1.0);
        check_layout (layout, G_LIST_MODEL (b.causes));

        /* Six default bones and the two extra categories once they are used. */
        g_assert_cmpuint (rectify_fishbone_layout_get_n_categories (layout), >=, 6);
        g_assert_cmpuint (rectify_fishbone_layout_get_n_categories (layout), <=, 8);

        if (seed == 1)
          {
            g_autofree char *name = g_strdup_printf ("mixed-%u", counts[i]);

            check_lines_clear (layout);

            save_preview (layout, name);
          }
        builder_clear (&b);
      }
}

static void
test_one_bone (void)
{
  for (guint n = 1; n <= 60; n += 59)
    {
      g_autoptr(RectifyFishboneLayout) layout = NULL;
      cairo_rectangle_t first, last;
      Builder b;

      builder_init (&b);
      for (guint i = 0; i < n; i++)
        add_cause (&b, 0, "Process", "A cause on the process bone that wraps onto a second line",
                   i % 4 == 0);
      layout = rectify_fishbone_layout_new ("NC-007", "All causes on one bone", NULL,
                                            G_LIST_MODEL (b.causes), NULL, 1.0);
      check_layout (layout, G_LIST_MODEL (b.causes));
      g_assert_cmpint (rectify_fishbone_layout_get_cause_category (layout, 100), ==, 1);

      /* The bone grew: the labels span a tall column. */
      g_assert_true (rectify_fishbone_layout_get_cause_rect (layout, 100, &first));
      g_assert_true (rectify_fishbone_layout_get_cause_rect (layout, 100 + n - 1, &last));
      if (n > 1)
        g_assert_cmpfloat (fabs (last.y - first.y), >, (n - 1) * 20.0);

      check_lines_clear (layout);
      if (n == 60)
        save_preview (layout, "one-bone-60");
      builder_clear (&b);
    }

  /* All on an extra category: it gets its own bone after the defaults. */
  {
    g_autoptr(RectifyFishboneLayout) layout = NULL;
    Builder b;

    builder_init (&b);
    for (guint i = 0; i < 25; i++)
      add_cause (&b, 0, "Weather", "Storm", FALSE);
    layout = rectify_fishbone_layout_new ("NC-008", "Storm", NULL, G_LIST_MODEL (b.causes),
                                          NULL, 1.0);
    check_layout (layout, G_LIST_MODEL (b.causes));
    g_assert_cmpuint (rectify_fishbone_layout_get_n_categories (layout), ==, 7);
    g_assert_cmpstr (rectify_fishbone_layout_get_category (layout, 6), ==, "Weather");
    g_assert_cmpint (rectify_fishbone_layout_get_cause_category (layout, 100), ==, 6);
    builder_clear (&b);
  }
}

static void
test_why_chains (void)
{
  g_autoptr(RectifyFishboneLayout) layout = NULL;
  Builder b;
  gint64 parent = 0;
  gint64 chain[12];

  builder_init (&b);
  /* A 12-level chain (deeper than 5 Whys), started on Technology; its links name other
   * categories, but they stay on their top cause's bone. */
  for (guint i = 0; i < G_N_ELEMENTS (chain); i++)
    parent = chain[i] = add_cause (&b, parent, i == 0 ? "Technology" : "People",
                                   "Why did this happen? Because of the previous answer", i == 11);
  /* Two 5 Whys chains with siblings at every level on Process. */
  for (guint c = 0; c < 2; c++)
    {
      parent = 0;
      for (guint level = 0; level < 5; level++)
        {
          gint64 first = add_cause (&b, parent, "Process", "Why?", level == 4);

          add_cause (&b, parent, "Process", "Another answer at the same level", FALSE);
          parent = first;
        }
    }

  layout = rectify_fishbone_layout_new ("NC-009", "Deep chains", NULL, G_LIST_MODEL (b.causes),
                                        NULL, 1.0);
  check_layout (layout, G_LIST_MODEL (b.causes));

  for (guint i = 0; i < G_N_ELEMENTS (chain); i++)
    {
      cairo_rectangle_t r, prev;

      g_assert_cmpint (rectify_fishbone_layout_get_cause_depth (layout, chain[i]), ==, (int)i);
      g_assert_cmpint (rectify_fishbone_layout_get_cause_category (layout, chain[i]), ==, 2);
      if (i == 0)
        continue;
      /* Each answer is indented further (its label ends further left) than its cause. */
      g_assert_true (rectify_fishbone_layout_get_cause_rect (layout, chain[i], &r));
      g_assert_true (rectify_fishbone_layout_get_cause_rect (layout, chain[i - 1], &prev));
      g_assert_cmpfloat (r.x + r.width, <, prev.x + prev.width);
    }

  /* Reading order: a cause comes before its answers. */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (chain); i++)
    {
      guint pos_a = G_MAXUINT, pos_b = G_MAXUINT;

      for (guint k = 0; k < rectify_fishbone_layout_get_n_causes (layout); k++)
        {
          if (rectify_fishbone_layout_get_cause_id (layout, k) == chain[i])
            pos_a = k;
          if (rectify_fishbone_layout_get_cause_id (layout, k) == chain[i + 1])
            pos_b = k;
        }
      g_assert_cmpuint (pos_a, <, pos_b);
    }

  check_lines_clear (layout);
  save_preview (layout, "why-chains");
  builder_clear (&b);
}

static void
test_long_texts (void)
{
  g_autoptr(RectifyFishboneLayout) layout = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *long_word = NULL;
  g_autofree char *long_problem = NULL;
  Builder b;
  gint64 id;

  while (long_text->len < 500)
    g_string_append (long_text, "The supplier did not report the incident in time because ");
  g_string_truncate (long_text, 500);
  long_word = g_strnfill (300, 'W');
  long_problem = g_strconcat (long_text->str, " ", long_word, NULL);

  builder_init (&b);
  for (guint i = 0; i < 6; i++)
    {
      const char *cat = rectify_fishbone_default_categories ()[i];

      id = add_cause (&b, 0, cat, long_text->str, i == 1);
      id = add_cause (&b, id, cat, long_word, FALSE);
      id = add_cause (&b, id, cat, japanese, i % 2 == 0);
      add_cause (&b, 0, cat, "", FALSE);
    }

  layout = rectify_fishbone_layout_new (long_word, long_problem, NULL, G_LIST_MODEL (b.causes),
                                        NULL, 1.0);
  check_layout (layout, G_LIST_MODEL (b.causes));
  check_lines_clear (layout);
  save_preview (layout, "long-texts");
  g_clear_pointer (&layout, rectify_fishbone_layout_unref);

  /* A long category name and a Japanese one. */
  add_cause (&b, 0, long_word, "Short", FALSE);
  add_cause (&b, 0, "人", japanese, TRUE);
  layout = rectify_fishbone_layout_new (NULL, japanese, NULL, G_LIST_MODEL (b.causes),
                                        NULL, 1.0);
  check_layout (layout, G_LIST_MODEL (b.causes));
  g_assert_cmpuint (rectify_fishbone_layout_get_n_categories (layout), ==, 8);
  check_lines_clear (layout);
  save_preview (layout, "long-categories");
  builder_clear (&b);
}

static void
test_odd_parents (void)
{
  g_autoptr(RectifyFishboneLayout) layout = NULL;
  Builder b;
  gint64 a, c;

  builder_init (&b);
  /* A loop (a -> c -> a), a cause answering itself, and a parent that is not in the list. */
  a = b.next_id;
  c = a + 1;
  add_cause (&b, c, "People", "A, in a loop", FALSE);
  add_cause (&b, a, "Process", "C, in a loop", FALSE);
  add_cause (&b, b.next_id, "Process", "Its own parent", FALSE);
  add_cause (&b, 99999, "Process", "Parent elsewhere", FALSE);
  add_cause (&b, 0, NULL, "No category", FALSE);
  add_cause (&b, 0, "", "Empty category", FALSE);

  layout = rectify_fishbone_layout_new ("NC-010", "Odd parents", NULL, G_LIST_MODEL (b.causes),
                                        NULL, 1.0);
  check_layout (layout, G_LIST_MODEL (b.causes));
  g_assert_cmpint (rectify_fishbone_layout_get_cause_depth (layout, a), ==, 0);
  g_assert_cmpint (rectify_fishbone_layout_get_cause_depth (layout, c), ==, 0);
  g_assert_cmpint (rectify_fishbone_layout_get_cause_depth (layout, c + 2), ==, 0);
  /* Causes without a category share an "Other" bone. */
  g_assert_cmpuint (rectify_fishbone_layout_get_n_categories (layout), ==, 7);
  g_assert_cmpstr (rectify_fishbone_layout_get_category (layout, 6), ==, "Other");
  g_assert_cmpint (rectify_fishbone_layout_get_cause_category (layout, c + 3), ==, 6);
  g_assert_cmpint (rectify_fishbone_layout_get_cause_category (layout, c + 4), ==, 6);
  g_assert_false (rectify_fishbone_layout_get_cause_rect (layout, 0, &(cairo_rectangle_t) { 0 }));
  g_assert_false (rectify_fishbone_layout_get_cause_rect (layout, 5, &(cairo_rectangle_t) { 0 }));
  g_assert_cmpint (rectify_fishbone_layout_get_cause_depth (layout, 5), ==, -1);
  builder_clear (&b);
}

static void
test_categories (void)
{
  const char * const *defaults = rectify_fishbone_default_categories ();
  const char * const given[] = { "Technology", "People", NULL };
  g_autoptr(RectifyFishboneLayout) layout = NULL;
  g_auto(GStrv) cats = NULL;
  Builder b;

  g_assert_cmpuint (g_strv_length ((char **)defaults), ==, 6);
  g_assert_cmpstr (defaults[0], ==, "People");
  g_assert_cmpstr (defaults[3], ==, "Policy & documentation");
  g_assert_cmpstr (defaults[5], ==, "Environment");
  g_assert_cmpstr (rectify_fishbone_category_label ("Budget"), ==, "Budget");
  g_assert_nonnull (rectify_fishbone_category_label (NULL));

  cats = rectify_fishbone_categories_for_causes (NULL);
  g_assert_true (g_strv_equal ((const char * const *)cats, defaults));
  g_clear_pointer (&cats, g_strfreev);

  builder_init (&b);
  add_cause (&b, 0, "Process", "x", FALSE);
  add_cause (&b, 0, "Measurement", "x", FALSE);
  add_cause (&b, 0, "Budget", "x", FALSE);
  add_cause (&b, 0, "Measurement", "x", FALSE);
  cats = rectify_fishbone_categories_for_causes (G_LIST_MODEL (b.causes));
  g_assert_cmpuint (g_strv_length (cats), ==, 8);
  g_assert_cmpstr (cats[6], ==, "Measurement");
  g_assert_cmpstr (cats[7], ==, "Budget");

  /* Given categories come first, in their order; others used by causes follow. */
  layout = rectify_fishbone_layout_new ("NC-011", "Given", given, G_LIST_MODEL (b.causes), NULL,
                                        1.0);
  check_layout (layout, G_LIST_MODEL (b.causes));
  g_assert_cmpuint (rectify_fishbone_layout_get_n_categories (layout), ==, 5);
  g_assert_cmpstr (rectify_fishbone_layout_get_category (layout, 0), ==, "Technology");
  g_assert_cmpstr (rectify_fishbone_layout_get_category (layout, 2), ==, "Process");
  g_assert_cmpstr (rectify_fishbone_layout_get_category (layout, 3), ==, "Measurement");
  g_assert_cmpstr (rectify_fishbone_layout_get_category (layout, 4), ==, "Budget");
  builder_clear (&b);
}

static void
test_scale_and_font (void)
{
  g_autoptr(RectifyFishboneLayout) one = NULL;
  g_autoptr(RectifyFishboneLayout) two = NULL;
  g_autoptr(RectifyFishboneLayout) again = NULL;
  g_autoptr(RectifyFishboneLayout) big = NULL;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 14");
  double w1, h1, w2, h2, w3, h3;
  Builder b;

  builder_init (&b);
  build_mixed (&b, 20, 7);
  one = rectify_fishbone_layout_new ("NC-012", "Scale", NULL, G_LIST_MODEL (b.causes), NULL, 1.0);
  two = rectify_fishbone_layout_new ("NC-012", "Scale", NULL, G_LIST_MODEL (b.causes), NULL, 2.0);
  again = rectify_fishbone_layout_new ("NC-012", "Scale", NULL, G_LIST_MODEL (b.causes), NULL, 0);
  big = rectify_fishbone_layout_new ("NC-012", "Scale", NULL, G_LIST_MODEL (b.causes), font, 1.0);
  check_layout (two, G_LIST_MODEL (b.causes));
  check_layout (big, G_LIST_MODEL (b.causes));

  rectify_fishbone_layout_get_size (one, &w1, &h1);
  rectify_fishbone_layout_get_size (two, &w2, &h2);
  g_assert_cmpfloat (fabs (w2 / w1 - 2.0), <, 0.1);
  g_assert_cmpfloat (fabs (h2 / h1 - 2.0), <, 0.1);
  g_assert_cmpfloat (rectify_fishbone_layout_get_scale (again), ==, 1.0);

  /* The same input gives the same geometry. */
  rectify_fishbone_layout_get_size (again, &w3, &h3);
  g_assert_cmpfloat (w3, ==, w1);
  g_assert_cmpfloat (h3, ==, h1);
  for (guint i = 0; i < rectify_fishbone_layout_get_n_causes (one); i++)
    {
      gint64 id = rectify_fishbone_layout_get_cause_id (one, i);
      cairo_rectangle_t r1, r3;

      g_assert_cmpint (id, ==, rectify_fishbone_layout_get_cause_id (again, i));
      g_assert_true (rectify_fishbone_layout_get_cause_rect (one, id, &r1));
      g_assert_true (rectify_fishbone_layout_get_cause_rect (again, id, &r3));
      g_assert_cmpmem (&r1, sizeof r1, &r3, sizeof r3);
    }

  /* A larger font makes a larger diagram. */
  rectify_fishbone_layout_get_size (big, &w3, &h3);
  g_assert_cmpfloat (h3, >, h1);

  /* The layout is a boxed type that can be shared. */
  g_assert_true (G_TYPE_IS_BOXED (RECTIFY_TYPE_FISHBONE_LAYOUT));
  rectify_fishbone_layout_unref (rectify_fishbone_layout_ref (one));
  builder_clear (&b);
}

static guint
count_pixels (cairo_surface_t            *surface,
              const RectifyFishboneColor *color,
              gboolean                    equal)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint32 want = 0xff000000u | ((guint32)lround (color->red * 255) << 16)
                 | ((guint32)lround (color->green * 255) << 8)
                 | (guint32)lround (color->blue * 255);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = ((guint32 *)(void *)(data + y * stride))[x];

        if ((px == want) == equal)
          n++;
      }

  return n;
}

static void
test_draw (void)
{
  g_autoptr(RectifyFishboneLayout) layout = NULL;
  const RectifyFishboneStyle *styles[] = {
    rectify_fishbone_style_light (), rectify_fishbone_style_dark (),
  };
  Builder b;
  gint64 root;
  double w, h;

  builder_init (&b);
  add_cause (&b, 0, "People", "Not trained", FALSE);
  root = add_cause (&b, 0, "Process", "No review step", TRUE);
  add_cause (&b, root, "Process", "Nobody owns the procedure", FALSE);
  layout = rectify_fishbone_layout_new ("NC-013", "Draw", NULL, G_LIST_MODEL (b.causes), NULL, 1.0);
  rectify_fishbone_layout_get_size (layout, &w, &h);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)w, (int)h);
      cairo_t *cr = cairo_create (surface);
      guint ink, root_fill, selection;
      cairo_rectangle_t r;

      rectify_fishbone_draw (layout, cr, styles[i], root);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);

      /* Drawn on the style's background: a real drawing, the root cause's box and the focus
       * ring in their colours. */
      g_assert_cmpuint (count_pixels (surface, &styles[i]->background, TRUE), >,
                        (guint)(w * h / 2));
      ink = count_pixels (surface, &styles[i]->background, FALSE);
      g_assert_cmpuint (ink, >, (guint)(w * h / 50));
      root_fill = count_pixels (surface, &styles[i]->root_fill, TRUE);
      g_assert_true (rectify_fishbone_layout_get_cause_rect (layout, root, &r));
      g_assert_cmpuint (root_fill, >, (guint)(r.width * r.height / 3));
      selection = count_pixels (surface, &styles[i]->selection, TRUE);
      g_assert_cmpuint (selection, >, (guint)(r.width + r.height));

      cairo_surface_destroy (surface);
    }

  /* The two styles differ where it matters for contrast. */
  g_assert_cmpfloat (styles[0]->background.red, >, styles[0]->foreground.red + 0.6);
  g_assert_cmpfloat (styles[1]->foreground.red, >, styles[1]->background.red + 0.6);
  builder_clear (&b);
}

static char *
read_head (const char *path,
           gsize      *size)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, size, &error));
  g_assert_no_error (error);

  return contents;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static void
test_export (void)
{
  g_autoptr(RectifyFishboneLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rectify-fishbone-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "a.png", NULL);
  g_autofree char *upper = g_build_filename (dir, "b.PNG", NULL);
  g_autofree char *svg = g_build_filename (dir, "c.Svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "d.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "e.txt", NULL);
  g_autofree char *noext = g_build_filename (dir, "png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "f.png", NULL);
  g_autofree char *contents = NULL;
  Builder b;
  double w, h;
  gsize size;

  g_assert_no_error (error);
  builder_init (&b);
  build_mixed (&b, 10, 3);
  layout = rectify_fishbone_layout_new ("NC-014", "Export", NULL, G_LIST_MODEL (b.causes), NULL,
                                        1.0);
  rectify_fishbone_layout_get_size (layout, &w, &h);

  g_assert_true (rectify_fishbone_export (layout, NULL, png, &error));
  g_assert_no_error (error);
  contents = read_head (png, &size);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (png);

    /* Twice the layout size, for print. */
    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int)(2 * w));
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int)(2 * h));
    cairo_surface_destroy (image);
  }

  g_assert_true (rectify_fishbone_export (layout, rectify_fishbone_style_dark (), upper, &error));
  g_assert_no_error (error);
  contents = read_head (upper, &size);
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);
  g_clear_pointer (&contents, g_free);

  g_assert_true (rectify_fishbone_export (layout, NULL, svg, &error));
  g_assert_no_error (error);
  contents = read_head (svg, &size);
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "</svg>"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (rectify_fishbone_export (layout, NULL, pdf, &error));
  g_assert_no_error (error);
  contents = read_head (pdf, &size);
  g_assert_cmpmem (contents, 5, "%PDF-", 5);
  g_assert_cmpuint (size, >, 100);
  g_assert_nonnull (g_strstr_len (contents + size - 16, 16, "%%EOF"));
  g_clear_pointer (&contents, g_free);

  /* In memory, for the workbook: a PNG at the scale asked for. */
  {
    g_autoptr(GBytes) bytes = rectify_fishbone_render_png (layout, NULL, 1.0, &error);
    const guint8 *data;
    gsize len;

    g_assert_no_error (error);
    g_assert_nonnull (bytes);
    data = g_bytes_get_data (bytes, &len);
    g_assert_cmpuint (len, >, 1000);
    g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
    /* IHDR: width and height, big-endian, at bytes 16 and 20. */
    g_assert_cmpuint (GUINT32_FROM_BE (*(const guint32 *)(const void *)(data + 16)), ==, (guint)w);
    g_assert_cmpuint (GUINT32_FROM_BE (*(const guint32 *)(const void *)(data + 20)), ==, (guint)h);
  }

  /* Overwriting works and leaves no temporary file. */
  g_assert_true (rectify_fishbone_export (layout, NULL, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 4);

  /* Unknown extensions: an error, nothing written, an existing file untouched. */
  g_assert_true (g_file_set_contents (txt, "keep", -1, &error));
  g_assert_false (rectify_fishbone_export (layout, NULL, txt, &error));
  g_assert_error (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_UNSUPPORTED_FORMAT);
  g_clear_error (&error);
  contents = read_head (txt, &size);
  g_assert_cmpstr (contents, ==, "keep");
  g_clear_pointer (&contents, g_free);
  g_assert_false (rectify_fishbone_export (layout, NULL, noext, &error));
  g_assert_error (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_UNSUPPORTED_FORMAT);
  g_clear_error (&error);
  g_assert_false (g_file_test (noext, G_FILE_TEST_EXISTS));

  /* A folder that does not exist. */
  g_assert_false (rectify_fishbone_export (layout, NULL, missing, &error));
  g_assert_error (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 5);

  /* A diagram too large for a PNG: an error, nothing written; SVG still works. */
  {
    g_autoptr(RectifyFishboneLayout) huge = NULL;
    g_autofree char *huge_png = g_build_filename (dir, "huge.png", NULL);
    Builder many;

    builder_init (&many);
    for (guint i = 0; i < 3000; i++)
      add_cause (&many, 0, "Process", "Cause", FALSE);
    huge = rectify_fishbone_layout_new ("NC-015", "Huge", NULL, G_LIST_MODEL (many.causes), NULL,
                                        1.0);
    g_assert_false (rectify_fishbone_export (huge, NULL, huge_png, &error));
    g_assert_error (error, RECTIFY_FISHBONE_ERROR, RECTIFY_FISHBONE_ERROR_TOO_LARGE);
    g_clear_error (&error);
    g_assert_cmpuint (count_files (dir), ==, 5);
    builder_clear (&many);
  }

  g_assert_no_errno (g_unlink (png));
  g_assert_no_errno (g_unlink (upper));
  g_assert_no_errno (g_unlink (svg));
  g_assert_no_errno (g_unlink (pdf));
  g_assert_no_errno (g_unlink (txt));
  g_assert_no_errno (g_rmdir (dir));
  builder_clear (&b);
}

static void
test_demo_register (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rectify-fishbone-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.rectify", NULL);
  g_autoptr(RectifyRegister) reg = NULL;
  GListModel *ncs;
  guint with_chains = 0, with_roots = 0;

  g_assert_no_error (error);
  reg = rectify_register_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (rectify_demo_populate (reg, "2026-06-15", &error));
  g_assert_no_error (error);

  ncs = rectify_register_get_nonconformities (reg);
  g_assert_cmpuint (g_list_model_get_n_items (ncs), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);
      g_autoptr(GListModel) causes = rectify_register_list_causes (reg, nc);
      g_autoptr(RectifyFishboneLayout) layout = rectify_fishbone_layout_new_for_nc (reg, nc, NULL,
                                                                                    1.0);

      check_layout (layout, causes);
      check_lines_clear (layout);
      for (guint k = 0; k < g_list_model_get_n_items (causes); k++)
        {
          g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, k);
          gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (cause));

          if (rectify_cause_get_parent_id (cause) != 0)
            {
              g_assert_cmpint (rectify_fishbone_layout_get_cause_depth (layout, id), >, 0);
              with_chains++;
            }
          if (rectify_cause_get_is_root (cause))
            with_roots++;
        }
      if (i == 1)
        save_preview (layout, "demo-nc-002");
    }
  g_assert_cmpuint (with_chains, >, 0);
  g_assert_cmpuint (with_roots, >, 0);

  g_clear_object (&reg);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

        g_unlink (file);
      }
  }
  g_assert_no_errno (g_rmdir (dir));
}

/* Not a timed assertion: reports how long layout and drawing take for 200 causes. */
static void
test_benchmark (void)
{
  g_autoptr(RectifyFishboneLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 t0, t1, t2;
  Builder b;
  double w, h;

  builder_init (&b);
  build_mixed (&b, 200, 42);

  t0 = g_get_monotonic_time ();
  layout = rectify_fishbone_layout_new ("NC-200", "Two hundred causes", NULL,
                                        G_LIST_MODEL (b.causes), NULL, 1.0);
  t1 = g_get_monotonic_time ();
  rectify_fishbone_layout_get_size (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)w, (int)h);
  cr = cairo_create (surface);
  rectify_fishbone_draw (layout, cr, NULL, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  t2 = g_get_monotonic_time ();

  check_layout (layout, G_LIST_MODEL (b.causes));
  check_lines_clear (layout);
  g_test_message ("200 causes: layout %.1f ms, draw %.1f ms (%.0f x %.0f)",
                  (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, w, h);
  builder_clear (&b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Rectify/Fishbone/counts", test_counts);
  g_test_add_func ("/Rectify/Fishbone/one-bone", test_one_bone);
  g_test_add_func ("/Rectify/Fishbone/why-chains", test_why_chains);
  g_test_add_func ("/Rectify/Fishbone/long-texts", test_long_texts);
  g_test_add_func ("/Rectify/Fishbone/odd-parents", test_odd_parents);
  g_test_add_func ("/Rectify/Fishbone/categories", test_categories);
  g_test_add_func ("/Rectify/Fishbone/scale-and-font", test_scale_and_font);
  g_test_add_func ("/Rectify/Fishbone/draw", test_draw);
  g_test_add_func ("/Rectify/Fishbone/export", test_export);
  g_test_add_func ("/Rectify/Fishbone/demo-register", test_demo_register);
  g_test_add_func ("/Rectify/Fishbone/benchmark", test_benchmark);

  return g_test_run ();
}
